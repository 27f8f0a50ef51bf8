import { describe, expect, it } from 'vitest';
import { mainThreadOf, splitProfile, splitTable, type CallFrame, type TraceEvent } from './profile-split';

/** The navigation's start on the trace clock, µs. */
const ORIGIN = 1_000_000;
const at = (ms: number) => ORIGIN + ms * 1000;
const [PID, TID] = [7, 70];

const frame = (functionName: string, url = ''): CallFrame => ({
  functionName,
  url,
  lineNumber: 0,
  columnNumber: 0,
});
const NODES = [
  { id: 1, callFrame: frame('(root)') },
  { id: 2, callFrame: frame('(program)'), parent: 1 },
  { id: 3, callFrame: frame('(idle)'), parent: 1 },
  { id: 4, callFrame: frame('(garbage collector)'), parent: 1 },
  { id: 5, callFrame: frame('render', 'http://x/assets/maplibre-a.js'), parent: 1 },
  { id: 6, callFrame: frame('start', 'http://x/assets/index-b.js'), parent: 1 },
  { id: 7, callFrame: frame('drawElements'), parent: 5 },
  { id: 8, callFrame: frame('queryRenderedFeatures', 'http://x/assets/maplibre-a.js'), parent: 6 },
];

/** Samples (ms from navigation, node), in the order the chunk lists them: s3 before s2, as Chrome may. */
const SAMPLES: [number, number][] = [
  [90, 5],
  [100, 5],
  [127, 8],
  [115, 6],
  [135, 7],
  [140, 4],
  [150, 2],
  [160, 2],
  [170, 6],
  [180, 3],
  [188, 5],
];

const deltas = SAMPLES.map(([ms], i) => (ms - (i === 0 ? 0 : SAMPLES[i - 1]![0])) * 1000);

const EVENTS: TraceEvent[] = [
  // The page's mark: its thread is the main thread, and its time less 100 ms the navigation's start.
  { name: 'map-created', cat: 'blink.user_timing', ph: 'R', pid: PID, tid: TID, ts: at(100) },
  {
    name: 'Profile',
    cat: 'disabled-by-default-v8.cpu_profiler',
    ph: 'P',
    pid: PID,
    tid: TID,
    ts: ORIGIN,
    id: '0x1',
    args: { data: { startTime: ORIGIN } },
  },
  {
    name: 'ProfileChunk',
    cat: 'disabled-by-default-v8.cpu_profiler',
    ph: 'P',
    pid: PID,
    tid: TID + 1,
    ts: at(200),
    id: '0x1',
    args: { data: { cpuProfile: { nodes: NODES, samples: SAMPLES.map(([, n]) => n) }, timeDeltas: deltas } },
  },
  // A task with no script (150 ms) is browser work; (program) outside any task is idle (160 ms).
  { name: 'RunTask', cat: 'toplevel', ph: 'X', pid: PID, tid: TID, ts: at(148), dur: 14_000 },
  // A layout forced while a script ran is layout's.
  { name: 'Layout', cat: 'devtools.timeline', ph: 'X', pid: PID, tid: TID, ts: at(168), dur: 14_000 },
  // The same on another thread is not the main thread's.
  { name: 'Layout', cat: 'devtools.timeline', ph: 'X', pid: PID, tid: TID + 5, ts: at(100), dur: 50_000 },
];

const owner = (f: CallFrame) => (f.url.includes('maplibre') ? 'MapLibre' : 'app: src/app/start.ts');
const marks = { 'map-created': 100, 'map-load': 200 };

describe('mainThreadOf', () => {
  it('is the thread of the page’s marks, with the navigation’s start on the trace clock', () => {
    expect(mainThreadOf(EVENTS, marks)).toEqual({ pid: PID, tid: TID, originUs: ORIGIN });
  });

  it('is undefined when the trace has none of the page’s marks', () => {
    expect(mainThreadOf(EVENTS, { 'first-map': 300 })).toBeUndefined();
  });
});

describe('splitProfile', () => {
  const split = (windows: Parameters<typeof splitProfile>[0]['windows']) =>
    splitProfile({ page: 'atlas', events: EVENTS, marks, windows, owner });

  it('gives each sample’s time to its part, MapLibre’s by its caller, and the rest to unsampled', () => {
    expect(split([{ from: 'map-created', to: 'map-load' }])).toEqual([
      {
        page: 'atlas',
        from: 'map-created',
        to: 'map-load',
        ms: 100,
        parts: [
          { part: 'MapLibre', ms: 15 },
          { part: 'app: src/app/start.ts', ms: 12 },
          { part: 'MapLibre, called by app: src/app/start.ts', ms: 8 },
          { part: 'MapLibre (native calls: WebGL, built-ins)', ms: 5 },
          { part: 'style', ms: 0 },
          { part: 'layout', ms: 10 },
          { part: 'paint and composite', ms: 0 },
          { part: 'GC', ms: 10 },
          { part: 'other browser work', ms: 10 },
          { part: 'idle', ms: 18 },
          { part: 'unsampled', ms: 12 },
        ],
      },
    ]);
  });

  it('ends a stretch at its fallback mark when the page did not set its own, and cuts samples at its start', () => {
    const [nav] = split([{ from: 'navigation', to: 'first-map', orElse: 'map-load' }]);
    expect(nav?.to).toBe('map-load');
    expect(nav?.ms).toBe(200);
    expect(nav?.parts.find((p) => p.part === 'MapLibre')?.ms).toBe(25);
    expect(nav?.parts.find((p) => p.part === 'unsampled')?.ms).toBe(102);
  });

  it('leaves out a stretch whose marks are missing', () => {
    expect(split([{ from: 'map-created', to: 'first-map' }])).toEqual([]);
  });
});

describe('splitTable', () => {
  it('puts a row per part and a column per stretch, folding the scripts under 1 ms', () => {
    const parts = (maplibre: number, tiny: number) => [
      { part: 'MapLibre', ms: maplibre },
      { part: 'app: src/a.ts', ms: tiny },
      { part: 'app: src/b.ts', ms: 0.4 },
      ...['style', 'layout', 'paint and composite', 'GC', 'other browser work', 'idle', 'unsampled'].map(
        (part) => ({
          part,
          ms: 1,
        }),
      ),
    ];
    expect(
      splitTable([
        { page: 'atlas', from: 'map-created', to: 'map-load', ms: 110, parts: parts(100, 2.55) },
        { page: 'bare', from: 'map-created', to: 'map-load', ms: 60, parts: parts(50, 0.3) },
      ]),
    ).toEqual([
      '| part (ms) | atlas: map-created → map-load | bare: map-created → map-load |',
      '| --- | ---: | ---: |',
      '| MapLibre | 100 | 50 |',
      '| app: src/a.ts | 2.6 | 0.3 |',
      '| other scripts under 1 ms (1) | 0.4 | 0.4 |',
      '| style | 1 | 1 |',
      '| layout | 1 | 1 |',
      '| paint and composite | 1 | 1 |',
      '| GC | 1 | 1 |',
      '| other browser work | 1 | 1 |',
      '| idle | 1 | 1 |',
      '| unsampled | 1 | 1 |',
      '| **stretch** | **110** | **60** |',
    ]);
  });
});
