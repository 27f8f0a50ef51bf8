// npm run bench: builds the app, a bare MapLibre page, the bare page with the article's map layers
// (the real atlas's, or a synthetic atlas's places) and a Leaflet peer page, serves them on
// localhost, and measures them with the system Chromium (headless, SwiftShader), rotating the pages
// run by run; then profiles one load of each page of the default atlas (profile.ts). Writes
// bench/results/latest.json and latest.md and prints the report.
//
//   BENCH_RUNS=9    runs per page (5 by default)
//   BENCH_QUICK=1   the real atlas only, printed as JSON, nothing written: to try a change
//   BENCH_REPORT=1  latest.md again from latest.json, measuring nothing
//   BENCH_PROFILE=1 the profile split of the default atlas's pages only, printed, nothing written
//   BENCH_TRACE_DIR=<dir>  keeps the profiled loads' traces there, to open in Chrome's DevTools
//   BENCH_FILES=1   the opened files of points only (10,000, 100,000 and 200,000), printed, nothing written
//   BENCH_FILE_POINTS=10000,100000  the opened files measured (all of OPENED_FILE_POINTS by default)
//
// This file is the command line only: building (build.ts), serving (serve.ts), measuring
// (measure.ts, measure-node.ts, profile.ts), the statistics (stats.ts), the profile's split
// (profile-split.ts), the targets (targets.ts) and the Markdown (report.ts) each live apart, and
// the last four are pure and unit-tested.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/chromium';
import { buildPages, writeBenchData } from './build';
import { focusCountries, partyCountries } from '../../src/domain/atlas-summary';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { ROOT } from '../node-data';
import { BARE_DIST, DATA, DIST, OPENED_FILE_POINTS, RESULTS, VIEW, VIEWPORT } from './config';
import {
  firstScreen,
  measureLayerCosts,
  measureOpenedFile,
  measureScenario,
  type ScenarioPages,
} from './measure';
import { pointFileName } from './point-file';
import { openedFilesSection, renderReport } from './report';
import { describeMachine, measureBytes, measureNodeTimings } from './measure-node';
import { profilePage } from './profile';
import { splitTable, type ProfileSplit, type SplitWindow } from './profile-split';
import { serveStatic, type Mount } from './serve';
import { summarizeOpenedFile, summarizeScenario } from './stats';
import type { BenchReport, OpenedFileResult, PageBytes, PeerPage, ScenarioResult } from './types';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The atlas whose map layers the page bench/bare/layers.html draws (it is built with its files). */
const LAYERS_PAGE_ATLAS = 'karabakh-peace-talks';

/** One atlas measured against the bare page: its pages, and what its first screen showed. */
interface Scenario extends ScenarioPages {
  name: string;
  real: boolean;
  extra: Pick<ScenarioResult, 'view' | 'basemapFetched'>;
  /** What the pages' first screens fetched, where already read. */
  bytes: Partial<Record<PeerPage, PageBytes>>;
}

interface IndexEntry {
  id: string;
  path: string;
  title: string;
  default?: boolean;
}

/** Every atlas of the index, the default first, with the focus and parties its basemap shows. */
function realAtlases() {
  const index = JSON.parse(readFileSync(join(ROOT, 'data/atlases/index.json'), 'utf8')) as {
    atlases: IndexEntry[];
  };
  return [...index.atlases]
    .sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)))
    .map((entry) => {
      const { atlas } = validateAtlas(readAtlasFiles(join(ROOT, 'data', entry.path)), FILE_NAMES);
      if (!atlas) throw new Error(`atlas ${entry.id} does not validate: run npm run validate`);
      return {
        ...entry,
        places: atlas.places.length,
        facts: atlas.facts.length,
        focus: focusCountries(atlas).join(','),
        parties: partyCountries(atlas).join(','),
      };
    });
}

/**
 * The stretches of a load the profile splits: the map's own start (its creation to its `load`),
 * and everything before the first meaningful map (map-idle on a page that does not mark it).
 */
const PROFILE_WINDOWS: readonly SplitWindow[] = [
  { from: 'map-created', to: 'map-load' },
  { from: 'navigation', to: 'first-map', orElse: 'map-idle' },
];

/** The profile split of each page of a scenario, one load each. */
async function profileScenario(
  browser: Browser,
  scenario: ScenarioPages,
  mounts: readonly Mount[],
): Promise<ProfileSplit[]> {
  const pages = [
    { page: 'atlas', url: scenario.atlasUrl, until: 'app-ready' },
    { page: 'bare', url: scenario.bareUrl, until: 'map-idle' },
    // Leaflet's map has no loading of its own (its `load` comes with its view): only the whole stretch.
    ...(scenario.leafletUrl
      ? [{ page: 'leaflet', url: scenario.leafletUrl, until: 'map-idle', windows: PROFILE_WINDOWS.slice(1) }]
      : []),
  ];
  const splits: ProfileSplit[] = [];
  for (const { page, url, until, windows = PROFILE_WINDOWS } of pages) {
    splits.push(...(await profilePage({ browser, page, url, until, windows, mounts })));
  }
  return splits;
}

/**
 * Each file of points opened on the default atlas's page and on the bare page (bench/bare/file.html,
 * with the same basemap), in rotation, at the bench's view.
 */
async function measureOpenedFiles(
  browser: Browser,
  base: string,
  atlas: { focus: string; parties: string },
): Promise<OpenedFileResult[]> {
  const counts = process.env.BENCH_FILE_POINTS
    ? process.env.BENCH_FILE_POINTS.split(',').map(Number)
    : [...OPENED_FILE_POINTS];
  const results: OpenedFileResult[] = [];
  for (const points of counts) {
    console.log(`measuring: a file of ${points} points opened`);
    const name = pointFileName(points);
    const pages = {
      atlasUrl: `${base}/${VIEW}`,
      bareUrl: `${base}/bare/file.html?focus=${atlas.focus}&parties=${atlas.parties}${VIEW}`,
    };
    const runs = await measureOpenedFile(browser, pages, `${base}/data/files/${name}`, RUNS);
    results.push(summarizeOpenedFile(points, statSync(join(DATA, 'files', name)).size, runs));
  }
  return results;
}

async function main(): Promise<void> {
  if (process.env.BENCH_REPORT) {
    const md = renderReport(JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as BenchReport);
    writeFileSync(join(RESULTS, 'latest.md'), md);
    console.log(md);
    return;
  }
  // Before the build: without a browser there is nothing to measure.
  const executablePath = chromiumPath();
  const synthetic = writeBenchData();
  await buildPages();
  const mounts: Mount[] = [
    { prefix: '/bare/', dir: BARE_DIST },
    { prefix: '/data/', dir: DATA },
    { prefix: '/', dir: DIST },
  ];
  const { server, base } = await serveStatic(mounts);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const atlases = realAtlases();
  if (process.env.BENCH_FILES) {
    const openedFiles = atlases[0] ? await measureOpenedFiles(browser, base, atlases[0]) : [];
    await browser.close();
    server.close();
    console.log(JSON.stringify(openedFiles, null, 2));
    console.log(openedFilesSection(openedFiles).join('\n'));
    return;
  }
  // Each atlas of the index at its own first view (read from the atlas page), against the bare
  // page drawing the same basemap (the atlas's focus and parties) at that view, and the Leaflet
  // page with its places; the synthetic atlases after the default one, at the bench's VIEW, with
  // the bare page drawing their places as the atlas plans them.
  const real: Scenario[] = [];
  for (const a of atlases) {
    // Each atlas's own page, as the build writes it (the default's is /).
    const atlasPage = a.default ? `${base}/` : `${base}/atlases/${a.id}/`;
    const { view, basemap: atlasFetched, bytes: atlasBytes } = await firstScreen(browser, atlasPage, true);
    const bareUrl = `${base}/bare/?focus=${a.focus}&parties=${a.parties}${view}`;
    const { basemap: bareFetched, bytes: bareBytes } = await firstScreen(browser, bareUrl, false);
    real.push({
      name: `${a.title} (${a.places} places, ${a.facts} facts)`,
      real: true,
      atlasUrl: `${atlasPage}${view}`,
      bareUrl,
      ...(a.id === LAYERS_PAGE_ATLAS ? { layersUrl: `${base}/bare/layers.html${view}` } : {}),
      leafletUrl: `${base}/bare/leaflet.html?atlas=${a.id}${view}`,
      extra: { view, basemapFetched: { atlas: atlasFetched, bare: bareFetched } },
      bytes: { atlas: atlasBytes, bare: bareBytes },
    });
  }
  const [first, ...others] = real;
  const scenarios: Scenario[] = [
    ...(first ? [first] : []),
    ...synthetic.map((s) => ({
      name: `${s.places} places, ${s.facts} facts`,
      atlasUrl: `${base}/atlases/${s.id}/${VIEW}`,
      bareUrl: `${base}/bare/${VIEW}`,
      layersUrl: `${base}/bare/layers.html?plan=${s.id}${VIEW}`,
      leafletUrl: `${base}/bare/leaflet.html?atlas=${s.id}${VIEW}`,
      real: false,
      extra: {},
      bytes: {},
    })),
    ...others,
    // BENCH_QUICK=1 measures the atlases of the index only, to try a change.
  ].filter((s) => !process.env.BENCH_QUICK || s.real);
  if (process.env.BENCH_PROFILE) {
    const splits = first ? await profileScenario(browser, first, mounts) : [];
    await browser.close();
    server.close();
    console.log(splitTable(splits).join('\n'));
    return;
  }
  const loads: ScenarioResult[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    console.log(`measuring: ${scenario.name}`);
    const { atlasUrl, bareUrl, layersUrl, leafletUrl } = scenario;
    // What each page's first screen fetched, from one load apart from the timed ones.
    const bytes = { ...scenario.bytes };
    for (const [page, url] of [
      ['atlas', atlasUrl],
      ['bare', bareUrl],
      ['layers', layersUrl],
      ['leaflet', leafletUrl],
    ] as const) {
      if (url && !bytes[page]) bytes[page] = (await firstScreen(browser, url, page === 'atlas')).bytes;
    }
    const pages = {
      atlasUrl,
      bareUrl,
      ...(layersUrl ? { layersUrl } : {}),
      ...(leafletUrl ? { leafletUrl } : {}),
    };
    const runs = await measureScenario(browser, pages, RUNS, i === 0);
    loads.push({ ...summarizeScenario(scenario.name, runs, bytes), ...scenario.extra });
  }
  console.log('measuring: each article layer by itself');
  const layers = await measureLayerCosts(browser, base, RUNS);
  // BENCH_QUICK=1 leaves the opened files out: BENCH_FILES=1 measures them alone.
  const openedFiles =
    atlases[0] && !process.env.BENCH_QUICK ? await measureOpenedFiles(browser, base, atlases[0]) : [];
  console.log('profiling: one load of each page of the default atlas');
  const profile = first ? await profileScenario(browser, first, mounts) : [];
  const chromiumVersion = browser.version();
  await browser.close();
  server.close();
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: describeMachine(chromiumVersion),
    viewport: VIEWPORT,
    view: VIEW,
    bytes: measureBytes(),
    node: measureNodeTimings(RUNS),
    loads,
    layers,
    profile,
    openedFiles,
  };
  if (process.env.BENCH_QUICK) {
    console.log(JSON.stringify({ bytes: report.bytes, loads: report.loads, layers: report.layers }, null, 2));
    return;
  }
  const md = renderReport(report);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  console.log(`\n${md}`);
}

await main();
