// The Chromium part of the bench (playwright-core): loads the pages in fresh contexts, in
// rotation, and reads what the page scripts recorded. Returns raw runs; stats.ts sums them up.
import type { Browser } from 'playwright-core';
import { VIEW, VIEWPORT } from './config';
import { addOneLayer, COUNT_SHADERS_AND_FRAMES, PAN_AND_ZOOM } from './page-scripts';
import { summarizeLayerCosts, type ScenarioRuns } from './stats';
import type { BasemapFetched, LayerCost, LayerResult, PageLoad } from './types';

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
 * a bare page), then pans and zooms for 3 s while recording frames.
 */
export async function measurePage(browser: Browser, url: string, atlas: boolean): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(COUNT_SHADERS_AND_FRAMES);
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
    stages: Object.fromEntries(
      performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    ),
  }));
  await page.waitForTimeout(300);
  const frames = (await page.evaluate(PAN_AND_ZOOM)) as number[];
  await context.close();
  return { ...marks, frames };
}

/**
 * A page's first screen: loads it in a fresh context, waits for its mark, and reads the view it
 * shows (as the link's hash) and the basemap files it fetched, with their bytes (the bench's
 * server sends them uncompressed).
 */
export async function firstScreen(
  browser: Browser,
  url: string,
  atlas: boolean,
): Promise<{ view: string; basemap: BasemapFetched }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  // The map's worker fetches the tiles and labels: the page's resource timing does not see them.
  const bodies: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/basemap/')) bodies.push(response.body().then((b) => b.length));
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
  const sizes = await Promise.all(bodies);
  const seen = { view, basemap: { requests: sizes.length, bytes: sizes.reduce((n, b) => n + b, 0) } };
  await context.close();
  return seen;
}

/** The pages of one scenario: the atlas, the bare page, and for the real atlas the bare page with its layers. */
export interface ScenarioPages {
  atlasUrl: string;
  bareUrl: string;
  layersUrl?: string;
}

/** One warm-up load of each page, then `rounds` loads of each, the pages in rotation. */
export async function measureScenario(
  browser: Browser,
  pages: ScenarioPages,
  rounds: number,
): Promise<ScenarioRuns> {
  const { atlasUrl, bareUrl, layersUrl } = pages;
  await measurePage(browser, atlasUrl, true); // warm-up
  await measurePage(browser, bareUrl, false);
  if (layersUrl) await measurePage(browser, layersUrl, false);
  const atlas: PageLoad[] = [];
  const bare: PageLoad[] = [];
  const layers: PageLoad[] = [];
  await inRotation(rounds, [
    async () => atlas.push(await measurePage(browser, atlasUrl, true)),
    async () => bare.push(await measurePage(browser, bareUrl, false)),
    ...(layersUrl ? [async () => layers.push(await measurePage(browser, layersUrl, false))] : []),
  ]);
  return layersUrl ? { atlas, bare, layers } : { atlas, bare };
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
