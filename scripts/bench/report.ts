// The Markdown report (bench/results/latest.md), rendered from the report's figures alone: pure,
// so that BENCH_REPORT=1 and the unit test make latest.md again from latest.json.
import { splitTable } from './profile-split';
import { againstControl, r1, ratio, kb } from './stats';
import { evaluateTargets, type TargetResult } from './targets';
import { PEER_PAGES, type BenchReport, type PeerPage, type ScenarioResult } from './types';

/** The pages of the three-way table, as the report names them. */
const PAGE_NAMES: Record<PeerPage, string> = {
  atlas: 'Article Atlas',
  bare: 'bare MapLibre, basemap only',
  layers: "bare MapLibre + the article's layers",
  leaflet: 'Leaflet canvas',
};

const ms = (n: number | null) => (n === null ? '–' : String(n));

/**
 * Every page of each scenario side by side: what a reader sees when (first paint, headline, first
 * meaningful map, everything drawn), the pan, and what the first screen fetched.
 */
function threeWayTable(loads: readonly ScenarioResult[]): string[] {
  const measured = loads.filter((l) => l.pages);
  if (measured.length === 0) return [];
  const unmarked = measured.some((l) => PEER_PAGES.some((p) => l.pages?.[p] && !l.pages[p].firstMapMark));
  return [
    '## Article Atlas, bare MapLibre and Leaflet',
    '',
    'Medians, ms from navigation: first contentful paint; the headline drawn (Element Timing, pages',
    'with one); the first meaningful map (the `first-map` mark: basemap, places and their names drawn);',
    "map-idle; the pan's frames. Bytes: what the first screen fetched, as served (uncompressed), the",
    "map's worker's fetches included.",
    ...(unmarked
      ? ['', "A first meaningful map marked * is the page's map-idle: the page set no `first-map` mark."]
      : []),
    '',
    '| scenario | page | FCP | headline | first meaningful map | map-idle | pan p95 | pan max | JS | CSS | fonts | data | requests |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measured.flatMap((l) =>
      PEER_PAGES.flatMap((page) => {
        const p = l.pages?.[page];
        if (!p) return [];
        const b = p.bytes;
        const bytes = b
          ? [kb(b.js), kb(b.css), kb(b.fonts), kb(b.data), String(b.requests)]
          : ['', '', '', '', ''];
        return [
          `| ${l.scenario} | ${PAGE_NAMES[page]} | ${ms(p.fcpMs)} | ${ms(p.headlineMs)} | ${p.firstMapMs}${p.firstMapMark ? '' : '*'} | ${p.mapIdleMs} | ${p.frames.p95} | ${p.frames.max} | ${bytes.join(' | ')} |`,
        ];
      }),
    ),
    '',
  ];
}

/** Where each page's main thread spent its load, from one traced load of each. */
function profileSection(r: BenchReport): string[] {
  if (!r.profile?.length) return [];
  return [
    "## Where the main thread's time goes (profile split)",
    '',
    "One load of each page of the default atlas with Chrome's tracing on (which slows every page), ms. A",
    "sample taken during style, layout or paint is that work's; any other is the script running, by its",
    'source file through the source maps ("app:" for the app\'s modules, also where a bench page imports',
    'one), with MapLibre\'s time split by the code that called it; "other browser work" is a task with no',
    'script on the stack (parsing, loading, decoding); "unsampled", time the profile has no sample for.',
    'Scripts under 5 ms in every column are summed in one row.',
    '',
    ...splitTable(r.profile, 5),
    '',
  ];
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**MISSED**';
}

/**
 * How much of the atlas's extra loading time the bare page also spends once it draws the
 * article's map layers, and nothing else of the app.
 */
function layersShare(l: ScenarioResult): string[] {
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
function layerCostTable(layers: BenchReport['layers']): string[] {
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

/** What each atlas's first screen fetched of the basemap, on the atlas page and the bare page. */
function basemapFetchedTable(loads: readonly ScenarioResult[]): string[] {
  const fetched = loads.filter((l) => l.basemapFetched);
  if (fetched.length === 0) return [];
  return [
    "## The basemap each atlas's first screen fetched",
    '',
    'Tiles and labels, requests and bytes (uncompressed), at the view the atlas opens with.',
    '',
    '| scenario | view | atlas: files | atlas: bytes | bare: files | bare: bytes |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...fetched.map(
      (l) =>
        `| ${l.scenario} | ${l.view ?? ''} | ${l.basemapFetched?.atlas.requests} | ${kb(l.basemapFetched?.atlas.bytes ?? 0)} | ${l.basemapFetched?.bare.requests} | ${kb(l.basemapFetched?.bare.bytes ?? 0)} |`,
    ),
    '',
  ];
}

/** Files of points opened on the atlas page and on the bare page: drop to drawn, and the longest frame gap. */
export function openedFilesSection(files: BenchReport['openedFiles']): string[] {
  if (!files?.length) return [];
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const runs = (
    xs: readonly { drawnMs: number; longestGapMs: number }[],
    figure: 'drawnMs' | 'longestGapMs',
  ) => xs.map((x) => x[figure]).join(', ');
  return [
    '## Opened files of points',
    '',
    `A GeoJSON file of points dropped on Article Atlas, and handed to a bare MapLibre page that parses it and`,
    'adds it as one GeoJSON source, clustered as the atlas clusters a big file (the same radius and last',
    'zoom; clusters, counts and single points), framed by its bbox. Medians of each page, ms from the drop',
    "to drawn (the file's sources loaded, the map idle), and the longest gap between two animation frames in",
    'that time (requestAnimationFrame in the page); every run listed.',
    '',
    '| points | file | page | drop to drawn | longest frame gap | runs: drawn | runs: longest gap |',
    '| ---: | ---: | --- | ---: | ---: | --- | --- |',
    ...files.flatMap((f) => [
      `| ${f.points} | ${mb(f.bytes)} | Article Atlas | ${f.atlas.drawnMs} (${f.drawnRatio}x) | ${f.atlas.longestGapMs} (${f.gapRatio}x) | ${runs(f.atlasRuns, 'drawnMs')} | ${runs(f.atlasRuns, 'longestGapMs')} |`,
      `| ${f.points} | ${mb(f.bytes)} | bare MapLibre, clustered source | ${f.bare.drawnMs} | ${f.bare.longestGapMs} | ${runs(f.bareRuns, 'drawnMs')} | ${runs(f.bareRuns, 'longestGapMs')} |`,
    ]),
    '',
  ];
}

function targetsTable(results: readonly TargetResult[]): string[] {
  return [
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...results.map((t) => `| ${t.target} | ${t.measured} | ${verdict(t.met)} |`),
    '',
  ];
}

/** What this run's figures say about each missed target that they explain. */
function whyMissed(results: readonly TargetResult[]): string[] {
  const reasons = results.flatMap((t) => t.missedBecause);
  return reasons.length ? ['## What the missed targets come from', '', ...reasons, ''] : [];
}

/** The Markdown report of a bench run (bench/results/latest.md). */
export function renderReport(r: BenchReport): string {
  const [real] = r.loads;
  const targets = evaluateTargets(r);
  const lines = [
    `# Benchmark ${r.date.slice(0, 10)}`,
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.os}; Node ${r.machine.node}; Chromium ${r.machine.chromium}, WebGL on ${r.machine.webgl}. Medians of ${real?.runs} runs after a warm-up, the pages alternating run by run; view ${r.view} at ${r.viewport.width}x${r.viewport.height}.`,
    '',
    ...threeWayTable(r.loads),
    ...profileSection(r),
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
    ...(r.bytes.basemapFiles
      ? [`| embedded basemap files (tiles and labels) | ${r.bytes.basemapFiles} |`]
      : []),
    '',
    ...basemapFetchedTable(r.loads),
    '## Node',
    '',
    `| what (${r.node.facts} facts) | ms |`,
    '| --- | ---: |',
    `| build the GeoJSON export (${kb(r.node.exportBytes)}) | ${r.node.exportMs} |`,
    `| validate the export (import check) | ${r.node.validateExportMs} |`,
    `| validate the atlas data | ${r.node.validateAtlasMs} |`,
    '',
    ...openedFilesSection(r.openedFiles),
    ...targetsTable(targets),
    ...whyMissed(targets),
  ];
  return lines.join('\n');
}
