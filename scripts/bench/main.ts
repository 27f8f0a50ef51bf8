// npm run bench: builds the app and a bare MapLibre page (and, for the real atlas, the bare page
// with the article's map layers), serves them on localhost, and measures them with the system
// Chromium (headless, SwiftShader), rotating the pages run by run. Writes bench/results/latest.json
// and latest.md and prints the report.
//
//   BENCH_RUNS=9    runs per page (5 by default)
//   BENCH_QUICK=1   the real atlas only, printed as JSON, nothing written: to try a change
//   BENCH_REPORT=1  latest.md again from latest.json, measuring nothing
//
// This file is the command line only: building (build.ts), serving (serve.ts), measuring
// (measure.ts, measure-node.ts), the statistics (stats.ts), the targets (targets.ts) and the
// Markdown (report.ts) each live apart, and the last three are pure and unit-tested.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/chromium';
import { buildPages, writeBenchData } from './build';
import { focusCountries, partyCountries } from '../../src/domain/atlas-summary';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { ROOT } from '../node-data';
import { BARE_DIST, DATA, DIST, RESULTS, VIEW, VIEWPORT } from './config';
import { firstScreen, measureLayerCosts, measureScenario, type ScenarioPages } from './measure';
import { describeMachine, measureBytes, measureNodeTimings } from './measure-node';
import { renderReport } from './report';
import { serveStatic } from './serve';
import { summarizeScenario } from './stats';
import type { BenchReport, ScenarioResult } from './types';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The atlas whose map layers the page bench/bare/layers.html draws (it is built with its files). */
const LAYERS_PAGE_ATLAS = 'karabakh-peace-talks';

/** One atlas measured against the bare page: its pages, and what its first screen showed. */
interface Scenario extends ScenarioPages {
  name: string;
  real: boolean;
  extra: Pick<ScenarioResult, 'view' | 'basemapFetched'>;
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

async function main(): Promise<void> {
  if (process.env.BENCH_REPORT) {
    const md = renderReport(JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as BenchReport);
    writeFileSync(join(RESULTS, 'latest.md'), md);
    console.log(md);
    return;
  }
  // Before the build: without a browser there is nothing to measure.
  const executablePath = chromiumPath();
  await buildPages();
  const synthetic = writeBenchData();
  const { server, base } = await serveStatic([
    { prefix: '/bare/', dir: BARE_DIST },
    { prefix: '/data/', dir: DATA },
    { prefix: '/', dir: DIST },
  ]);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  // Each atlas of the index at its own first view (read from the atlas page), against the bare
  // page drawing the same basemap (the atlas's focus and parties) at that view; the synthetic
  // atlases after the default one, at the bench's VIEW.
  const real: Scenario[] = [];
  for (const a of realAtlases()) {
    const atlasPage = `${base}/?atlas=${a.id}`;
    const { view, basemap: atlasFetched } = await firstScreen(browser, atlasPage, true);
    const bareUrl = `${base}/bare/?focus=${a.focus}&parties=${a.parties}${view}`;
    const { basemap: bareFetched } = await firstScreen(browser, bareUrl, false);
    real.push({
      name: `${a.title} (${a.places} places, ${a.facts} facts)`,
      real: true,
      atlasUrl: `${atlasPage}${view}`,
      bareUrl,
      ...(a.id === LAYERS_PAGE_ATLAS ? { layersUrl: `${base}/bare/layers.html${view}` } : {}),
      extra: { view, basemapFetched: { atlas: atlasFetched, bare: bareFetched } },
    });
  }
  const [first, ...others] = real;
  const scenarios: Scenario[] = [
    ...(first ? [first] : []),
    ...synthetic.map((s) => ({
      name: `${s.places} places, ${s.facts} facts`,
      atlasUrl: `${base}/?atlas=${s.id}${VIEW}`,
      bareUrl: `${base}/bare/${VIEW}`,
      real: false,
      extra: {},
    })),
    ...others,
    // BENCH_QUICK=1 measures the atlases of the index only, to try a change.
  ].filter((s) => !process.env.BENCH_QUICK || s.real);
  const loads: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    console.log(`measuring: ${scenario.name}`);
    const { atlasUrl, bareUrl, layersUrl } = scenario;
    const runs = await measureScenario(
      browser,
      { atlasUrl, bareUrl, ...(layersUrl ? { layersUrl } : {}) },
      RUNS,
    );
    loads.push({ ...summarizeScenario(scenario.name, runs), ...scenario.extra });
  }
  console.log('measuring: each article layer by itself');
  const layers = await measureLayerCosts(browser, base, RUNS);
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
