// The Chromium part of the bench (playwright-core): loads the pages in fresh contexts, in
// rotation, and reads what the page scripts recorded. Returns raw runs; stats.ts sums them up.
import type { Browser } from 'playwright-core';
import { VIEW, VIEWPORT } from './config';
import {
  addOneLayer,
  COUNT_SHADERS_AND_FRAMES,
  openFile,
  PAN_AND_ZOOM,
  WATCH_HEADLINE,
} from './page-scripts';
import { summarizeLayerCosts, type ScenarioRuns } from './stats';
import type {
  BasemapFetched,
  LayerCost,
  LayerResult,
  OpenedFileRun,
  PageBytes,
  PageLoad,
  PeerPage,
} from './types';

const LOAD_TIMEOUT_MS = 120_000;

/**
 * Runs `rounds` rounds of the steps, starting each round one step later, so that drift in the
 * machine's speed falls on every page alike.
 */
async function inRotation(rounds: number, steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    for (let j = 0; j < steps.length; j += 1) await steps[(i + j) % steps.length]!();
  }
}

/**
 * Loads a page in a fresh context, waits for its mark (`app-ready` for the atlas, `map-idle` for
 * a bare page or the Leaflet page), then pans and zooms for 3 s while recording frames.
 */
export async function measurePage(browser: Browser, url: string, atlas: boolean): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(COUNT_SHADERS_AND_FRAMES);
  await page.addInitScript(WATCH_HEADLINE);
  await page.goto(url);
  const mark = atlas ? 'app-ready' : 'map-idle';
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
    timeout: LOAD_TIMEOUT_MS,
  });
  const marks = await page.evaluate(() => ({
    ...(window as unknown as { benchStats: Pick<PageLoad, 'programs' | 'programMs' | 'framesBeforeLoad'> })
      .benchStats,
    mapIdle: performance.getEntriesByName('map-idle')[0]?.startTime ?? NaN,
    appReady: performance.getEntriesByName('app-ready')[0]?.startTime ?? null,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    headline: (window as unknown as { benchHeadline?: number }).benchHeadline ?? null,
    firstMap: performance.getEntriesByName('first-map')[0]?.startTime ?? null,
    stages: Object.fromEntries(
      performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    ),
  }));
  await page.waitForTimeout(300);
  const frames = (await page.evaluate(PAN_AND_ZOOM)) as number[];
  await context.close();
  return { ...marks, frames };
}

/** The kind of file a URL fetches, for a page's bytes. */
export function kindOf(url: string): Exclude<keyof PageBytes, 'requests'> {
  const path = new URL(url).pathname;
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  if (/\.(json|geojson|pbf|mvt)$/.test(path)) return 'data';
  return 'other';
}

/** A page's bytes by kind, from the URL and size of every response. */
export function pageBytes(responses: readonly { url: string; bytes: number }[]): PageBytes {
  const bytes: PageBytes = { js: 0, css: 0, fonts: 0, data: 0, other: 0, requests: responses.length };
  for (const { url, bytes: n } of responses) bytes[kindOf(url)] += n;
  return bytes;
}

/**
 * A page's first screen: loads it in a fresh context, waits for its mark, and reads the view it
 * shows (as the link's hash), the basemap files it fetched, and everything it fetched by kind,
 * with their bytes (the bench's server sends them uncompressed). Playwright sees the requests of
 * the map's worker too (the tiles and labels), which the page's resource timing does not.
 */
export async function firstScreen(
  browser: Browser,
  url: string,
  atlas: boolean,
): Promise<{ view: string; basemap: BasemapFetched; bytes: PageBytes }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const bodies: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.status() === 200 && !response.url().startsWith('data:')) {
      bodies.push(response.body().then((b) => ({ url: response.url(), bytes: b.length })));
    }
  });
  await page.goto(url);
  const mark = atlas ? 'app-ready' : 'map-idle';
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
    timeout: LOAD_TIMEOUT_MS,
  });
  const view = (await page.evaluate(`(() => {
    const { map } = window.articleAtlas;
    const c = map.getCenter();
    return '#map=' + map.getZoom().toFixed(2) + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4);
  })()`)) as string;
  const responses = await Promise.all(bodies);
  const sizes = responses.filter((r) => r.url.includes('/basemap/')).map((r) => r.bytes);
  const seen = {
    view,
    basemap: { requests: sizes.length, bytes: sizes.reduce((n, b) => n + b, 0) },
    bytes: pageBytes(responses),
  };
  await context.close();
  return seen;
}

/**
 * The pages of one scenario: the atlas, the bare page, the bare page with the article's layers
 * (the real atlas's, or a synthetic atlas's places), and the Leaflet peer page.
 */
export interface ScenarioPages {
  atlasUrl: string;
  bareUrl: string;
  layersUrl?: string;
  leafletUrl?: string;
}

/**
 * `rounds` loads of each page, the pages in rotation; with `warmUp`, one load of each before
 * (the first scenario's: later ones find the browser and the machine warm).
 */
export async function measureScenario(
  browser: Browser,
  pages: ScenarioPages,
  rounds: number,
  warmUp: boolean,
): Promise<ScenarioRuns> {
  const { atlasUrl, bareUrl, layersUrl, leafletUrl } = pages;
  const maps: { page: PeerPage; url: string; runs: PageLoad[] }[] = [
    { page: 'atlas', url: atlasUrl, runs: [] },
    { page: 'bare', url: bareUrl, runs: [] },
    ...(layersUrl ? [{ page: 'layers' as const, url: layersUrl, runs: [] }] : []),
    ...(leafletUrl ? [{ page: 'leaflet' as const, url: leafletUrl, runs: [] }] : []),
  ];
  const load = (m: (typeof maps)[number]) => measurePage(browser, m.url, m.page === 'atlas');
  if (warmUp) for (const m of maps) await load(m);
  await inRotation(
    rounds,
    maps.map((m) => async () => m.runs.push(await load(m))),
  );
  const runsOf = (page: PeerPage) => maps.find((m) => m.page === page)?.runs;
  const [layers, leaflet] = [runsOf('layers'), runsOf('leaflet')];
  return {
    atlas: runsOf('atlas') ?? [],
    bare: runsOf('bare') ?? [],
    ...(layers ? { layers } : {}),
    ...(leaflet ? { leaflet } : {}),
  };
}

async function measureLayer(browser: Browser, url: string, id: string): Promise<LayerCost> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(COUNT_SHADERS_AND_FRAMES);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, {
    timeout: LOAD_TIMEOUT_MS,
  });
  await page.waitForTimeout(300);
  const cost = (await page.evaluate(addOneLayer(id))) as LayerCost;
  await context.close();
  return cost;
}

/**
 * What each of the article's layers costs the bare page by itself, in rotation, run by run. The
 * region fill draws with a shader program the basemap has already compiled: its time is that of
 * loading the article's source and drawing a frame, which every other layer spends too.
 */
export async function measureLayerCosts(
  browser: Browser,
  base: string,
  rounds: number,
): Promise<LayerResult[]> {
  const url = `${base}/bare/layers.html?add-later${VIEW}`;
  // A load to idle, as a warm-up, which also reads the page's layer ids.
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, {
    timeout: LOAD_TIMEOUT_MS,
  });
  const ids = (await page.evaluate('window.benchLayerIds')) as string[];
  await context.close();
  const runs = new Map<string, LayerCost[]>(ids.map((id) => [id, []]));
  await inRotation(
    rounds,
    ids.map((id) => async () => runs.get(id)!.push(await measureLayer(browser, url, id))),
  );
  return summarizeLayerCosts(ids, runs);
}

/** The sources each page draws an opened file of points from: the atlas's file and its clustered points, the bare page's one. */
export const OPENED_FILE_SOURCES = { atlas: ['imported-1', 'imported-1-points'], bare: ['file'] } as const;

/** Loads a page, waits until it is ready (the atlas's `app-ready`, the bare page's `map-idle`), and opens the file on it. */
async function openFileOnce(
  browser: Browser,
  page: 'atlas' | 'bare',
  url: string,
  fileUrl: string,
): Promise<OpenedFileRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const tab = await context.newPage();
  await tab.goto(url);
  const mark = page === 'atlas' ? 'app-ready' : 'map-idle';
  await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
    timeout: LOAD_TIMEOUT_MS,
  });
  await tab.waitForTimeout(300);
  const name = new URL(fileUrl).pathname.split('/').pop() ?? 'points.geojson';
  const run = (await tab.evaluate(
    openFile({ url: fileUrl, name, atlas: page === 'atlas', sources: [...OPENED_FILE_SOURCES[page]] }),
  )) as OpenedFileRun;
  await context.close();
  console.log(
    `  ${page}: drawn ${Math.round(run.drawnMs)} ms, longest frame gap ${Math.round(run.longestGapMs)} ms`,
  );
  return run;
}

/** `rounds` openings of a file on the atlas page and on the bare page, the pages in rotation. */
export async function measureOpenedFile(
  browser: Browser,
  pages: { atlasUrl: string; bareUrl: string },
  fileUrl: string,
  rounds: number,
): Promise<{ atlas: OpenedFileRun[]; bare: OpenedFileRun[] }> {
  const runs = { atlas: [] as OpenedFileRun[], bare: [] as OpenedFileRun[] };
  await inRotation(rounds, [
    async () => runs.atlas.push(await openFileOnce(browser, 'atlas', pages.atlasUrl, fileUrl)),
    async () => runs.bare.push(await openFileOnce(browser, 'bare', pages.bareUrl, fileUrl)),
  ]);
  return runs;
}
