// npm run bench: builds the app and a bare MapLibre page (and, for the real atlas, the bare page
// with the article's map layers), serves them on localhost, and measures them with the system
// Chromium (headless, SwiftShader), rotating the pages run by run.
// Writes bench/results/latest.json and latest.md and prints the table.
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  cpSync,
  rmSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { exportAtlas, serializeGeoJson } from '../src/domain/export-atlas';
import { importGeoJson } from '../src/domain/import-geojson';
import { validateAtlas } from '../src/domain/validate-atlas';
import { chromiumPath, CHROMIUM_ARGS } from '../tests/e2e/chromium';
import { APP_BUDGET_GZIP_BYTES, bundleSizes, gzipSize } from './bundle-size';
import { ROOT } from './node-data';
import { syntheticAtlas, syntheticAtlasFiles, syntheticIndexEntry } from './synthetic-atlas';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VIEW = '#map=5.6/40.0/46.6';
const VIEWPORT = { width: 1280, height: 800 };
const DIST = join(ROOT, 'dist');
const BARE_DIST = join(ROOT, 'dist-bench');
const DATA = join(ROOT, 'bench/.cache/data');
const RESULTS = join(ROOT, 'bench/results');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const r1 = (n: number) => Math.round(n * 10) / 10;
/** A ratio to two decimals. */
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function buildPages(): Promise<void> {
  console.log('building the app and the bare MapLibre page…');
  await build({ logLevel: 'warn', configFile: join(ROOT, 'vite.config.ts') });
  await build({
    logLevel: 'warn',
    configFile: false,
    root: join(ROOT, 'bench/bare'),
    base: '/bare/',
    publicDir: join(ROOT, 'public'),
    build: {
      outDir: BARE_DIST,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: { bare: join(ROOT, 'bench/bare/index.html'), layers: join(ROOT, 'bench/bare/layers.html') },
      },
    },
  });
}

function writeData(): { id: string; places: number; facts: number }[] {
  rmSync(DATA, { recursive: true, force: true });
  cpSync(join(ROOT, 'data/atlases'), join(DATA, 'atlases'), { recursive: true });
  const index = JSON.parse(readFileSync(join(DATA, 'atlases/index.json'), 'utf8')) as { atlases: unknown[] };
  const made = [
    { places: 1000, facts: 10 },
    { places: 5000, facts: 10 },
  ].map(({ places, facts }) => {
    const atlas = syntheticAtlas(places, facts);
    for (const [path, value] of Object.entries(syntheticAtlasFiles(atlas))) {
      mkdirSync(dirname(join(DATA, path)), { recursive: true });
      writeFileSync(join(DATA, path), JSON.stringify(value));
    }
    index.atlases.push(syntheticIndexEntry(atlas));
    return { id: atlas.id, places, facts: places * facts };
  });
  writeFileSync(join(DATA, 'atlases/index.json'), JSON.stringify(index));
  return made;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [root, rest] = path.startsWith('/bare/')
      ? [BARE_DIST, path.slice('/bare/'.length)]
      : path.startsWith('/data/')
        ? [DATA, path.slice('/data/'.length)]
        : [DIST, path.slice(1)];
    let file = normalize(join(root, rest || 'index.html'));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

interface Load {
  /** Shader programs the page's WebGL compiled by map-idle, and the main thread's time blocked doing it. */
  programs: number;
  programMs: number;
  /** Frames the map drew before its 'load' event. */
  framesBeforeLoad: number;
  mapIdle: number;
  appReady: number | null;
  /** Every User Timing mark of the page, ms from navigation. */
  stages: Record<string, number>;
  frames: number[];
}

/**
 * Three 1-second eases (pan and zoom in, pan back, zoom out) while requestAnimationFrame records
 * every frame's duration. A string, run as it is in the page: tsx would otherwise wrap the
 * functions of a callback in helpers that exist only in Node.
 */
const PAN_AND_ZOOM = `(async () => {
  const { map } = window.articleAtlas;
  const times = [];
  let running = true;
  let last = 0;
  const tick = (t) => {
    if (last) times.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const step = (options) => new Promise((done) => {
    map.once('moveend', () => done());
    map.easeTo({ ...options, duration: 1000, easing: (x) => x });
  });
  const start = map.getCenter();
  const zoom = map.getZoom();
  await step({ center: [start.lng + 2, start.lat + 0.6], zoom: zoom + 1 });
  await step({ center: [start.lng - 1.5, start.lat - 0.4], zoom: zoom + 0.5 });
  await step({ center: [start.lng, start.lat], zoom });
  running = false;
  return times;
})()`;

/**
 * Runs before the page's scripts: times every shader compile and program link (WebGL makes the
 * main thread wait for them), and counts the frames the map draws before it has loaded. Both
 * pages hand their map out as window.articleAtlas right after creating it.
 */
const COUNT_SHADERS_AND_FRAMES = `(() => {
  const gl = WebGL2RenderingContext.prototype;
  const stats = { programs: 0, programMs: 0, framesBeforeLoad: 0 };
  window.benchStats = stats;
  for (const name of ['compileShader', 'linkProgram', 'getShaderParameter', 'getProgramParameter']) {
    const original = gl[name];
    gl[name] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        stats.programMs += performance.now() - start;
        if (name === 'linkProgram') stats.programs += 1;
      }
    };
  }
  let handle;
  Object.defineProperty(window, 'articleAtlas', {
    configurable: true,
    get: () => handle,
    set: (value) => {
      handle = value;
      let loaded = false;
      value.map.once('load', () => (loaded = true));
      value.map.on('render', () => { if (!loaded) stats.framesBeforeLoad += 1; });
    },
  });
})()`;

/** Loads a page in a fresh context, waits for its marks, then pans and zooms for 3 s while counting frames. */
async function measure(browser: Browser, url: string, atlas: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(COUNT_SHADERS_AND_FRAMES);
  await page.goto(url);
  const mark = atlas ? 'app-ready' : 'map-idle';
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000 });
  const marks = await page.evaluate(() => ({
    ...(window as unknown as { benchStats: Pick<Load, 'programs' | 'programMs' | 'framesBeforeLoad'> })
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

/** One article layer added by itself to the loaded bare page: the time to the next idle, and the programs compiled. */
interface LayerCost {
  ms: number;
  programs: number;
}

/**
 * Adds one layer, and the article's source, to the bare page once its map is idle (the page
 * `layers.html?add-later`), and times the map from there to its next idle. A string, as
 * PAN_AND_ZOOM is.
 */
const ADD_ONE_LAYER = `(async (id) => {
  const { map } = window.articleAtlas;
  const before = window.benchStats.programs;
  const start = performance.now();
  window.benchAddLayer(id);
  await new Promise((done) => map.once('idle', done));
  return { ms: performance.now() - start, programs: window.benchStats.programs - before };
})`;

async function measureLayer(browser: Browser, url: string, id: string): Promise<LayerCost> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(COUNT_SHADERS_AND_FRAMES);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, {
    timeout: 120_000,
  });
  await page.waitForTimeout(300);
  const cost = (await page.evaluate(`${ADD_ONE_LAYER}(${JSON.stringify(id)})`)) as LayerCost;
  await context.close();
  return cost;
}

/**
 * What each of the article's layers costs the bare page by itself, in rotation, run by run. The
 * region fill draws with a shader program the basemap has already compiled: its time is that of
 * loading the article's source and drawing a frame, which every other layer spends too.
 */
async function layerCosts(browser: Browser, base: string) {
  const url = `${base}/bare/layers.html?add-later${VIEW}`;
  // A load to idle, as a warm-up, which also reads the page's layer ids.
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, null, {
    timeout: 120_000,
  });
  const ids = (await page.evaluate('window.benchLayerIds')) as string[];
  await context.close();
  const runs = new Map<string, LayerCost[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < RUNS; i += 1) {
    for (let j = 0; j < ids.length; j += 1) {
      const id = ids[(i + j) % ids.length]!;
      runs.get(id)!.push(await measureLayer(browser, url, id));
    }
  }
  return ids.map((id) => ({
    layer: id,
    programs: median(runs.get(id)!.map((r) => r.programs)),
    ms: r1(median(runs.get(id)!.map((r) => r.ms))),
    runs: runs
      .get(id)!
      .map((r) => r1(r.ms))
      .sort((a, b) => a - b),
  }));
}

/** Every run's map-idle, lowest first: how the runs spread, which a median hides. */
function sortedRuns(runs: Load[]): number[] {
  return runs.map((r) => r1(r.mapIdle)).sort((a, b) => a - b);
}

/** The median time of each mark over the runs: where the time goes, stage by stage. */
function medianStages(runs: Load[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.stages[n] ?? NaN))]));
}

/** Medians of what the page made the browser do while loading. */
function workMedians(runs: Load[]) {
  return {
    programs: median(runs.map((r) => r.programs)),
    programMs: r1(median(runs.map((r) => r.programMs))),
    framesBeforeLoad: median(runs.map((r) => r.framesBeforeLoad)),
  };
}

function frameStats(frames: number[]) {
  return {
    p50: r1(percentile(frames, 50)),
    p95: r1(percentile(frames, 95)),
    max: r1(Math.max(...frames)),
    over50: frames.filter((f) => f > 50).length,
    count: frames.length,
  };
}

function bytes() {
  const sizes = bundleSizes(DIST);
  const dataFiles = readdirSync(join(ROOT, 'data/atlases/karabakh-peace-talks')).map((f) =>
    join(ROOT, 'data/atlases/karabakh-peace-talks', f),
  );
  const basemap = readdirSync(join(ROOT, 'public/basemap')).map((f) => join(ROOT, 'public/basemap', f));
  const raw = (paths: string[]) => paths.reduce((n, p) => n + statSync(p).size, 0);
  return {
    appJsCssGzip: sizes.appGzip,
    appFiles: sizes.appFiles,
    maplibreGzip: sizes.maplibreGzip,
    dataRaw: raw(dataFiles),
    dataGzip: dataFiles.reduce((n, p) => n + gzipSize(p), 0),
    basemapRaw: raw(basemap),
    basemapGzip: basemap.reduce((n, p) => n + gzipSize(p), 0),
  };
}

function nodeTimings() {
  const synthetic = syntheticAtlas(1000, 10);
  const validated = validateAtlas(
    { article: synthetic.article, places: synthetic.places, facts: synthetic.facts },
    { article: 'a', places: 'p', facts: 'f' },
  );
  const atlas = validated.atlas!;
  const time = (fn: () => unknown) => {
    fn(); // warm-up
    return median(
      Array.from({ length: RUNS }, () => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      }),
    );
  };
  let text = '';
  const exportMs = time(() => (text = serializeGeoJson(exportAtlas(atlas, 'places'))));
  const importMs = time(() => importGeoJson(text, 'synthetic.geojson', Buffer.byteLength(text)));
  const validateAtlasMs = time(() =>
    validateAtlas(
      { article: synthetic.article, places: synthetic.places, facts: synthetic.facts },
      { article: 'a', places: 'p', facts: 'f' },
    ),
  );
  return {
    facts: atlas.facts.length,
    exportMs: r1(exportMs),
    validateExportMs: r1(importMs),
    validateAtlasMs: r1(validateAtlasMs),
    exportBytes: Buffer.byteLength(text),
  };
}

async function main(): Promise<void> {
  if (process.env.BENCH_REPORT) {
    // BENCH_REPORT=1 writes latest.md again from latest.json, measuring nothing.
    const md = toMarkdown(JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as Report);
    writeFileSync(join(RESULTS, 'latest.md'), md);
    console.log(md);
    return;
  }
  // Before the build: without a browser there is nothing to measure.
  const executablePath = chromiumPath();
  await buildPages();
  const synthetic = writeData();
  const { server, base } = await serve();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const scenarios = [
    { name: 'Karabakh atlas (9 places, 44 facts)', atlasUrl: `${base}/${VIEW}` },
    ...synthetic.map((s) => ({
      name: `${s.places} places, ${s.facts} facts`,
      atlasUrl: `${base}/?atlas=${s.id}${VIEW}`,
    })),
    // BENCH_QUICK=1 measures the real atlas only, to try a change; the committed report has all three.
  ].slice(0, process.env.BENCH_QUICK ? 1 : undefined);
  const bareUrl = `${base}/bare/${VIEW}`;
  const layersUrl = `${base}/bare/layers.html${VIEW}`;
  const results = [];
  for (const [n, scenario] of scenarios.entries()) {
    console.log(`measuring: ${scenario.name}`);
    // For the real atlas, also the bare page with the article's map layers and nothing else of the app.
    const withLayers = n === 0;
    await measure(browser, scenario.atlasUrl, true); // warm-up
    await measure(browser, bareUrl, false);
    if (withLayers) await measure(browser, layersUrl, false);
    const atlasRuns: Load[] = [];
    const bareRuns: Load[] = [];
    const layersRuns: Load[] = [];
    const pages = [
      async () => atlasRuns.push(await measure(browser, scenario.atlasUrl, true)),
      async () => bareRuns.push(await measure(browser, bareUrl, false)),
      ...(withLayers ? [async () => layersRuns.push(await measure(browser, layersUrl, false))] : []),
    ];
    for (let i = 0; i < RUNS; i += 1) {
      // Rotate the order, so that drift in the machine's speed falls on every page alike.
      for (let j = 0; j < pages.length; j += 1) await pages[(i + j) % pages.length]!();
    }
    const bareIdle = median(bareRuns.map((r) => r.mapIdle));
    const mapIdle = median(atlasRuns.map((r) => r.mapIdle));
    const appReady = median(atlasRuns.map((r) => r.appReady ?? NaN));
    // Each atlas run against the bare run next to it: how far one run on this machine can stray
    // from the median ratio.
    const pairRange = (of: (r: Load) => number) => {
      const ratios = atlasRuns.map((r, i) => ratio(of(r), bareRuns[i]!.mapIdle));
      return [Math.min(...ratios), Math.max(...ratios)];
    };
    results.push({
      scenario: scenario.name,
      runs: RUNS,
      bareMapIdleMs: r1(bareIdle),
      atlasMapIdleMs: r1(mapIdle),
      atlasAppReadyMs: r1(appReady),
      mapIdleRatio: ratio(mapIdle, bareIdle),
      appReadyRatio: ratio(appReady, bareIdle),
      mapIdleRatioRange: pairRange((r) => r.mapIdle),
      mapIdleRuns: {
        atlas: sortedRuns(atlasRuns),
        bare: sortedRuns(bareRuns),
        ...(withLayers ? { layers: sortedRuns(layersRuns) } : {}),
      },
      appReadyRatioRange: pairRange((r) => r.appReady ?? NaN),
      atlasStages: medianStages(atlasRuns),
      bareStages: medianStages(bareRuns),
      atlasWork: workMedians(atlasRuns),
      bareWork: workMedians(bareRuns),
      atlasFrames: frameStats(atlasRuns.flatMap((r) => r.frames)),
      bareFrames: frameStats(bareRuns.flatMap((r) => r.frames)),
      ...(withLayers
        ? {
            layers: {
              mapIdleMs: r1(median(layersRuns.map((r) => r.mapIdle))),
              stages: medianStages(layersRuns),
              work: workMedians(layersRuns),
            },
          }
        : {}),
    });
  }
  console.log('measuring: each article layer by itself');
  const layers = await layerCosts(browser, base);
  const chromiumVersion = browser.version();
  await browser.close();
  server.close();
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
      chromium: chromiumVersion,
      webgl: 'SwiftShader (software)',
    },
    viewport: VIEWPORT,
    view: VIEW,
    bytes: bytes(),
    node: nodeTimings(),
    loads: results,
    layers,
  };
  const md = toMarkdown(report);
  if (process.env.BENCH_QUICK) {
    console.log(JSON.stringify({ loads: report.loads, layers: report.layers }, null, 2));
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  console.log(`\n${md}`);
}

type Report = {
  date: string;
  machine: Record<string, string | number>;
  bytes: ReturnType<typeof bytes>;
  node: ReturnType<typeof nodeTimings>;
  loads: {
    scenario: string;
    runs: number;
    bareMapIdleMs: number;
    atlasMapIdleMs: number;
    atlasAppReadyMs: number;
    mapIdleRatio: number;
    appReadyRatio: number;
    /** The lowest and highest ratio of one atlas run to the bare run beside it. */
    mapIdleRatioRange: number[];
    appReadyRatioRange: number[];
    /** Every run's map-idle in ms, lowest first, page by page. */
    mapIdleRuns: { atlas: number[]; bare: number[]; layers?: number[] };
    atlasFrames: ReturnType<typeof frameStats>;
    bareFrames: ReturnType<typeof frameStats>;
    atlasStages: Record<string, number>;
    bareStages: Record<string, number>;
    atlasWork: ReturnType<typeof workMedians>;
    bareWork: ReturnType<typeof workMedians>;
    /** The bare page with the article's map layers (real atlas only). */
    layers?: { mapIdleMs: number; stages: Record<string, number>; work: ReturnType<typeof workMedians> };
  }[];
  /** Each article layer added by itself to the loaded bare page. */
  layers: { layer: string; programs: number; ms: number; runs: number[] }[];
};

function verdict(ok: boolean): string {
  return ok ? 'met' : '**MISSED**';
}

/**
 * How much of the atlas's extra loading time the bare page also spends once it draws the
 * article's map layers, and nothing else of the app.
 */
function layersShare(l: Report['loads'][number]): string[] {
  if (!l.layers) return [];
  const extra = r1(l.atlasMapIdleMs - l.bareMapIdleMs);
  const fromLayers = r1(l.layers.mapIdleMs - l.bareMapIdleMs);
  const split =
    extra <= 0
      ? [`bare page. The atlas itself was not slower than the bare page in this run (${extra} ms).`]
      : fromLayers >= extra
        ? [
            `bare page: ${fromLayers} ms over it, against the atlas's ${extra} ms. In this run the layers alone cost the bare`,
            'page at least all that the app adds to the atlas (whose map is narrower: the panel takes part of the width).',
          ]
        : [
            `bare page: of the atlas's ${extra} ms over the bare page, ${fromLayers} ms come with drawing the article's`,
            'layers, the rest with the app itself (its code, data, panel and markers).',
          ];
  return [
    `"bare + article layers" is the bare page with the atlas's map sources and layers (region fill, hatching and`,
    `outline, place circles, place labels) and no other app code. It reached map-idle at ${l.layers.mapIdleMs} ms, ${ratio(l.layers.mapIdleMs, l.bareMapIdleMs)}x the`,
    ...split,
    '',
  ];
}

/**
 * The article's layers one by one: which need a shader program the basemap does not use, and what
 * that costs on this machine's software GPU.
 */
/**
 * The layer that compiles no shader program (the region fill), its name for the report, and each
 * layer's time beyond it.
 */
function againstControl(layers: Report['layers']) {
  const control = layers.find((l) => l.programs === 0);
  return {
    control,
    name: control?.layer ?? 'a layer compiling none',
    beyond: (l: Report['layers'][number]) => (control ? l.ms - control.ms : NaN),
  };
}

function layerCostTable(layers: Report['layers']): string[] {
  const { control, name, beyond } = againstControl(layers);
  return [
    '## What each article layer costs by itself',
    '',
    "Each of the article's layers added alone, with the article's source, to the bare page once it is idle;",
    `ms from adding it to the map's next idle (medians of ${layers[0]?.runs.length} runs, every run listed), and the shader programs`,
    'WebGL compiled for it. A layer whose programs the basemap already uses compiles none: its time is',
    "that of loading the source and drawing a frame, and the last column is each layer's time beyond that.",
    '',
    `| layer | new shader programs | ms to idle | beyond ${name} | runs |`,
    '| --- | ---: | ---: | ---: | --- |',
    ...layers.map(
      (l) =>
        `| ${l.layer} | ${l.programs} | ${l.ms} | ${l === control ? '' : r1(beyond(l))} | ${l.runs.join(', ')} |`,
    ),
    '',
  ];
}

/** What this run's figures say about each missed loading and frame target, in figures of the run. */
function whyMissed(r: Report): string[] {
  const [real, ...synthetic] = r.loads;
  const reasons: string[] = [];
  if (real && real.mapIdleRatio > 1.15) {
    const budget = r1(0.15 * real.bareMapIdleMs);
    const compiling = r.layers.filter((l) => l.programs > 0);
    const { name, beyond } = againstControl(r.layers);
    const together = r1(compiling.reduce((sum, l) => sum + beyond(l), 0));
    reasons.push(
      `- **Atlas map-idle.** The 1.15x target leaves ${budget} ms over the bare page for all that the atlas adds; it added ${r1(real.atlasMapIdleMs - real.bareMapIdleMs)} ms.`,
      ...(real.layers
        ? [
            `  The bare page with the article's layers and no app code took ${r1(real.layers.mapIdleMs - real.bareMapIdleMs)} ms more than the bare page (${ratio(real.layers.mapIdleMs, real.bareMapIdleMs)}x).`,
          ]
        : []),
      `  By themselves, the ${compiling.length} layers that compile a shader program the basemap does not use (${compiling.map((l) => l.layer).join(', ')})`,
      `  cost ${together} ms beyond ${name}, which compiles none (table above).`,
    );
  }
  if (real && real.appReadyRatio > 1.3) {
    reasons.push(
      `- **Atlas app-ready.** It came ${r1(real.atlasAppReadyMs - real.atlasMapIdleMs)} ms after map-idle: what delays map-idle delays it.`,
    );
  }
  for (const l of synthetic) {
    const p95 = l.atlasFrames.p95 <= 2 * l.bareFrames.p95;
    if ((!p95 || l.atlasFrames.max > 250) && l.bareFrames.max > 250) {
      reasons.push(
        `- **${l.scenario}, pan.** The bare page's own worst frame in the same pan was ${l.bareFrames.max} ms, over the 250 ms ceiling${l.atlasFrames.max <= l.bareFrames.max ? `; the atlas's was ${l.atlasFrames.max} ms` : ''}.`,
      );
    }
  }
  return reasons.length ? ['## What the missed targets come from', '', ...reasons, ''] : [];
}

function toMarkdown(r: Report): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const [real, thousand, fiveThousand] = r.loads;
  const lines = [
    `# Benchmark ${r.date.slice(0, 10)}`,
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.os}; Node ${r.machine.node}; Chromium ${r.machine.chromium}, WebGL on ${r.machine.webgl}. Medians of ${real?.runs} runs after a warm-up, the pages alternating run by run; view ${VIEW} at ${VIEWPORT.width}x${VIEWPORT.height}.`,
    '',
    '## Loading (ms from navigation)',
    '',
    'Ratios are of the medians; "run by run" gives the lowest and highest ratio of one atlas run to the',
    'bare run beside it, which shows how much one run on this machine can stray from the median.',
    '',
    '| scenario | bare map-idle | atlas map-idle | ratio | run by run | atlas app-ready | ratio | run by run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.loads.map(
      (l) =>
        `| ${l.scenario} | ${l.bareMapIdleMs} | ${l.atlasMapIdleMs} | ${l.mapIdleRatio} | ${l.mapIdleRatioRange.join('–')} | ${l.atlasAppReadyMs} | ${l.appReadyRatio} | ${l.appReadyRatioRange.join('–')} |`,
    ),
    '',
    'Every run, map-idle in ms, lowest first:',
    '',
    '| scenario | page | runs |',
    '| --- | --- | --- |',
    ...r.loads.flatMap((l) =>
      [
        { page: 'atlas', runs: l.mapIdleRuns.atlas },
        { page: 'bare', runs: l.mapIdleRuns.bare },
        ...(l.mapIdleRuns.layers ? [{ page: 'bare + article layers', runs: l.mapIdleRuns.layers }] : []),
      ].map(({ page, runs }) => `| ${l.scenario} | ${page} | ${runs.join(', ')} |`),
    ),
    '',
    '## Where the loading time goes (medians)',
    '',
    'Stages in ms from navigation; shader programs compiled by map-idle and the time the main thread waited',
    'for their compiling (WebGL makes it wait, and SwiftShader compiles on the CPU); frames the map drew before',
    'its `load` event.',
    '',
    '| scenario | page | map created | map loaded | map idle | shader programs | waiting on shaders (ms) | frames before load |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.loads.flatMap((l) =>
      [
        { page: 'atlas', stages: l.atlasStages, work: l.atlasWork },
        { page: 'bare', stages: l.bareStages, work: l.bareWork },
        ...(l.layers ? [{ page: 'bare + article layers', ...l.layers }] : []),
      ].map(
        ({ page, stages, work }) =>
          `| ${l.scenario} | ${page} | ${stages['map-created']} | ${stages['map-load']} | ${stages['map-idle']} | ${work.programs} | ${work.programMs} | ${work.framesBeforeLoad} |`,
      ),
    ),
    '',
    ...(real ? layersShare(real) : []),
    ...layerCostTable(r.layers),
    '## Frames during a scripted 3 s pan and zoom (ms)',
    '',
    '| scenario | page | frames | p50 | p95 | max | over 50 ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.loads.flatMap((l) => [
      `| ${l.scenario} | atlas | ${l.atlasFrames.count} | ${l.atlasFrames.p50} | ${l.atlasFrames.p95} | ${l.atlasFrames.max} | ${l.atlasFrames.over50} |`,
      `| ${l.scenario} | bare | ${l.bareFrames.count} | ${l.bareFrames.p50} | ${l.bareFrames.p95} | ${l.bareFrames.max} | ${l.bareFrames.over50} |`,
    ]),
    '',
    '## Bytes',
    '',
    `| what | size |`,
    '| --- | ---: |',
    `| app JavaScript and CSS beyond MapLibre (gzip) | ${kb(r.bytes.appJsCssGzip)} |`,
    `| MapLibre: code, worker and CSS (gzip) | ${kb(r.bytes.maplibreGzip)} |`,
    `| atlas data (raw / gzip) | ${kb(r.bytes.dataRaw)} / ${kb(r.bytes.dataGzip)} |`,
    `| embedded basemap (raw / gzip) | ${kb(r.bytes.basemapRaw)} / ${kb(r.bytes.basemapGzip)} |`,
    '',
    '## Node',
    '',
    `| what (${r.node.facts} facts) | ms |`,
    '| --- | ---: |',
    `| build the GeoJSON export (${kb(r.node.exportBytes)}) | ${r.node.exportMs} |`,
    `| validate the export (import check) | ${r.node.validateExportMs} |`,
    `| validate the atlas data | ${r.node.validateAtlasMs} |`,
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| app JS+CSS beyond MapLibre ≤ 40 KB gzip | ${kb(r.bytes.appJsCssGzip)} | ${verdict(r.bytes.appJsCssGzip <= APP_BUDGET_GZIP_BYTES)} |`,
    `| atlas map-idle ≤ 1.15x bare | ${real?.mapIdleRatio}x | ${verdict((real?.mapIdleRatio ?? 99) <= 1.15)} |`,
    `| atlas app-ready ≤ 1.3x bare | ${real?.appReadyRatio}x | ${verdict((real?.appReadyRatio ?? 99) <= 1.3)} |`,
    `| 1,000 places app-ready ≤ 2x bare | ${thousand?.appReadyRatio}x | ${verdict((thousand?.appReadyRatio ?? 99) <= 2)} |`,
    `| 5,000 places app-ready ≤ 3x bare | ${fiveThousand?.appReadyRatio}x | ${verdict((fiveThousand?.appReadyRatio ?? 99) <= 3)} |`,
    ...[thousand, fiveThousand].map(
      (l) =>
        `| ${l?.scenario}: pan p95 ≤ 2x bare, no frame over 250 ms | p95 ${l?.atlasFrames.p95} vs ${l?.bareFrames.p95}, max ${l?.atlasFrames.max} (bare page: ${l?.bareFrames.max}) | ${verdict(
          (l?.atlasFrames.p95 ?? 99) <= 2 * (l?.bareFrames.p95 ?? 0) && (l?.atlasFrames.max ?? 999) <= 250,
        )} |`,
    ),
    `| export of ${r.node.facts} facts < 300 ms | ${r.node.exportMs} ms | ${verdict(r.node.exportMs < 300)} |`,
    `| validation of it < 500 ms | ${r.node.validateExportMs} ms | ${verdict(r.node.validateExportMs < 500)} |`,
    '',
    ...whyMissed(r),
  ];
  return lines.join('\n');
}

await main();
