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
import { BARE_DIST, DATA, DIST, RESULTS, VIEW, VIEWPORT } from './config';
import { measureLayerCosts, measureScenario } from './measure';
import { describeMachine, measureBytes, measureNodeTimings } from './measure-node';
import { renderReport } from './report';
import { serveStatic } from './serve';
import { summarizeScenario } from './stats';
import type { BenchReport } from './types';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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
  const scenarios = [
    { name: 'Karabakh atlas (9 places, 44 facts)', atlasUrl: `${base}/${VIEW}` },
    ...synthetic.map((s) => ({
      name: `${s.places} places, ${s.facts} facts`,
      atlasUrl: `${base}/?atlas=${s.id}${VIEW}`,
    })),
    // BENCH_QUICK=1 measures the real atlas only, to try a change; the committed report has all three.
  ].slice(0, process.env.BENCH_QUICK ? 1 : undefined);
  const loads = [];
  for (const [n, scenario] of scenarios.entries()) {
    console.log(`measuring: ${scenario.name}`);
    const runs = await measureScenario(
      browser,
      {
        atlasUrl: scenario.atlasUrl,
        bareUrl: `${base}/bare/${VIEW}`,
        // For the real atlas, also the bare page with the article's map layers and nothing else of the app.
        ...(n === 0 ? { layersUrl: `${base}/bare/layers.html${VIEW}` } : {}),
      },
      RUNS,
    );
    loads.push(summarizeScenario(scenario.name, runs));
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
    console.log(JSON.stringify({ loads: report.loads, layers: report.layers }, null, 2));
    return;
  }
  const md = renderReport(report);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  console.log(`\n${md}`);
}

await main();
