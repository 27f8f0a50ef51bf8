import { describe, expect, it } from 'vitest';
import {
  againstControl,
  frameStats,
  kb,
  median,
  medianStages,
  pageSummary,
  pairRatioRange,
  percentile,
  r1,
  ratio,
  sortedRuns,
  summarizeLayerCosts,
  summarizeOpenedFile,
  summarizeScenario,
  workMedians,
} from './stats';
import type { LayerResult, PageLoad } from './types';

/** A page load with the given map-idle and app-ready, and fixed other figures unless given. */
function load(mapIdle: number, appReady: number | null, more: Partial<PageLoad> = {}): PageLoad {
  return {
    programs: 8,
    programMs: 100,
    framesBeforeLoad: 5,
    mapIdle,
    appReady,
    stages: { 'map-created': 200, 'map-load': Math.round(mapIdle) - 10, 'map-idle': Math.round(mapIdle) },
    frames: [16, 17, 60],
    fcp: null,
    headline: null,
    firstMap: null,
    ...more,
  };
}

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1472.8])).toBe(1472.8);
  });

  it('is the mean of the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('leaves its input as it was', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const tens = [100, 10, 90, 20, 80, 30, 70, 40, 60, 50];

  it('is the nearest rank: the smallest value with p % at or below it', () => {
    expect(percentile(tens, 50)).toBe(50);
    expect(percentile(tens, 95)).toBe(100);
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile(tens, 11)).toBe(20);
    expect(percentile(tens, 100)).toBe(100);
  });
});

describe('r1 and ratio', () => {
  it('r1 rounds to one decimal, halves up', () => {
    expect(r1(1937.64)).toBe(1937.6);
    expect(r1(1.25)).toBe(1.3);
    expect(r1(-9.46)).toBe(-9.5);
  });

  it('ratio divides and rounds to two decimals', () => {
    expect(ratio(1937.6, 1472.8)).toBe(1.32);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(2, 3)).toBe(0.67);
    expect(ratio(1150, 1000)).toBe(1.15);
  });
});

describe('pairRatioRange', () => {
  it('gives the lowest and highest ratio of runs at the same index', () => {
    expect(pairRatioRange([1100, 900, 1300], [1000, 1000, 1000])).toEqual([0.9, 1.3]);
  });

  it('pairs runs by index, not by rank: pairs that stray both ways give a wide range around a ratio of 1', () => {
    expect(pairRatioRange([1000, 2000], [2000, 1000])).toEqual([0.5, 2]);
    expect(ratio(median([1000, 2000]), median([2000, 1000]))).toBe(1);
  });
});

describe('the figures of runs', () => {
  it('sortedRuns lists every map-idle to one decimal, lowest first', () => {
    expect(sortedRuns([load(1500.26, null), load(1200.04, null), load(1800, null)])).toEqual([
      1200, 1500.3, 1800,
    ]);
  });

  it('medianStages takes each mark’s median over the runs', () => {
    const runs = [
      load(1000, null, { stages: { 'map-created': 200, 'map-idle': 1000, panel: 400 } }),
      load(1200, null, { stages: { 'map-created': 300, 'map-idle': 1200, panel: 500 } }),
      load(1100, null, { stages: { 'map-created': 250, 'map-idle': 1100, panel: 700 } }),
    ];
    expect(medianStages(runs)).toEqual({ 'map-created': 250, 'map-idle': 1100, panel: 500 });
  });

  it('workMedians gives the medians of programs, their time to one decimal, and frames before load', () => {
    const runs = [
      load(1000, null, { programs: 8, programMs: 100.04, framesBeforeLoad: 5 }),
      load(1000, null, { programs: 11, programMs: 150.26, framesBeforeLoad: 9 }),
      load(1000, null, { programs: 9, programMs: 120.55, framesBeforeLoad: 6 }),
    ];
    expect(workMedians(runs)).toEqual({ programs: 9, programMs: 120.6, framesBeforeLoad: 6 });
  });

  it('frameStats gives p50, p95, max, the frames over 50 ms and the count', () => {
    const frames = [16.66, 16.7, 33.34, 50, 50.01, 16.7, 16.7, 100.04, 16.7, 16.7];
    expect(frameStats(frames)).toEqual({ p50: 16.7, p95: 100, max: 100, over50: 2, count: 10 });
  });
});

/** A page's summary as loads made by `load` give it: no paint, headline or first-map mark. */
const page = (mapIdleMs: number) => ({
  fcpMs: null,
  headlineMs: null,
  firstMapMs: mapIdleMs,
  firstMapMark: false,
  mapIdleMs,
  frames: { p50: 17, p95: 60, max: 60, over50: 3, count: 9 },
});

describe('pageSummary', () => {
  it('gives the medians of paint, headline and the first-map mark, with the bytes', () => {
    const runs = [
      load(1200, 1210, { fcp: 300.04, headline: 310, firstMap: 800 }),
      load(1100, 1105, { fcp: 280, headline: 290, firstMap: 700 }),
      load(1500, 1520, { fcp: 320, headline: 330, firstMap: 900.06 }),
    ];
    const bytes = { js: 1, css: 2, fonts: 3, data: 4, other: 0, requests: 9 };
    expect(pageSummary(runs, bytes)).toEqual({
      fcpMs: 300,
      headlineMs: 310,
      firstMapMs: 800,
      firstMapMark: true,
      mapIdleMs: 1200,
      frames: { p50: 17, p95: 60, max: 60, over50: 3, count: 9 },
      bytes,
    });
  });

  it('takes map-idle for the first map when a run did not mark it, and the median of the runs with a headline', () => {
    const runs = [load(1200, null, { firstMap: 800, headline: 500 }), load(1000, null), load(1100, null)];
    expect(pageSummary(runs)).toEqual({ ...page(1100), headlineMs: 500 });
  });
});

describe('summarizeScenario', () => {
  it('gives the medians, their ratios, the pair ranges and every run, as the report stores them', () => {
    const atlas = [load(1200, 1210), load(1100, 1105), load(1500, 1520)];
    const bare = [load(1000, null), load(1000, null), load(900, null)];
    const layers = [load(1150, null), load(1050, null), load(1100, null)];
    expect(summarizeScenario('Test atlas', { atlas, bare, layers })).toEqual({
      scenario: 'Test atlas',
      runs: 3,
      bareMapIdleMs: 1000,
      atlasMapIdleMs: 1200,
      atlasAppReadyMs: 1210,
      mapIdleRatio: 1.2,
      appReadyRatio: 1.21,
      mapIdleRatioRange: [1.1, 1.67],
      mapIdleRuns: { atlas: [1100, 1200, 1500], bare: [900, 1000, 1000], layers: [1050, 1100, 1150] },
      appReadyRatioRange: [1.11, 1.69],
      atlasStages: { 'map-created': 200, 'map-load': 1190, 'map-idle': 1200 },
      bareStages: { 'map-created': 200, 'map-load': 990, 'map-idle': 1000 },
      atlasWork: { programs: 8, programMs: 100, framesBeforeLoad: 5 },
      bareWork: { programs: 8, programMs: 100, framesBeforeLoad: 5 },
      atlasFrames: { p50: 17, p95: 60, max: 60, over50: 3, count: 9 },
      bareFrames: { p50: 17, p95: 60, max: 60, over50: 3, count: 9 },
      layers: {
        mapIdleMs: 1100,
        stages: { 'map-created': 200, 'map-load': 1090, 'map-idle': 1100 },
        work: { programs: 8, programMs: 100, framesBeforeLoad: 5 },
      },
      pages: {
        atlas: page(1200),
        bare: page(1000),
        layers: page(1100),
      },
    });
  });

  it('has no layers figures when the page with the article’s layers was not measured', () => {
    const summary = summarizeScenario('Synthetic', { atlas: [load(1200, 1200)], bare: [load(1000, null)] });
    expect('layers' in summary).toBe(false);
    expect(summary.mapIdleRuns).toEqual({ atlas: [1200], bare: [1000] });
  });
});

describe('layer costs', () => {
  it('summarizeLayerCosts gives each layer’s medians and its runs lowest first, in the order of the ids', () => {
    const runs = new Map([
      [
        'fill',
        [
          { ms: 120.04, programs: 0 },
          { ms: 100, programs: 0 },
          { ms: 90.26, programs: 0 },
        ],
      ],
      [
        'circle',
        [
          { ms: 210, programs: 1 },
          { ms: 250.55, programs: 1 },
          { ms: 200, programs: 2 },
        ],
      ],
    ]);
    expect(summarizeLayerCosts(['circle', 'fill'], runs)).toEqual([
      { layer: 'circle', programs: 1, ms: 210, runs: [200, 210, 250.6] },
      { layer: 'fill', programs: 0, ms: 100, runs: [90.3, 100, 120] },
    ]);
  });

  const layers: LayerResult[] = [
    { layer: 'fill', programs: 0, ms: 171.7, runs: [] },
    { layer: 'circle', programs: 1, ms: 296.3, runs: [] },
  ];

  it('againstControl measures each layer beyond the one that compiles no program', () => {
    const { control, name, beyond } = againstControl(layers);
    expect(control).toBe(layers[0]);
    expect(name).toBe('fill');
    expect(r1(beyond(layers[1]!))).toBe(124.6);
  });

  it('againstControl without such a layer names none and measures nothing', () => {
    const { control, name, beyond } = againstControl(layers.slice(1));
    expect(control).toBeUndefined();
    expect(name).toBe('a layer compiling none');
    expect(beyond(layers[1]!)).toBeNaN();
  });
});

describe('kb', () => {
  it('gives KB to one decimal', () => {
    expect(kb(35635)).toBe('34.8 KB');
    expect(kb(40960)).toBe('40.0 KB');
  });
});

describe('summarizeOpenedFile', () => {
  it('gives the medians of each page’s runs, their ratios, and every run to one decimal', () => {
    const run = (drawnMs: number, longestGapMs: number) => ({ drawnMs, longestGapMs });
    expect(
      summarizeOpenedFile(100_000, 16_000_000, {
        atlas: [run(4000.04, 3900.26), run(6000, 5000), run(5000, 4100)],
        bare: [run(1000, 300), run(1250.55, 420), run(2000, 390)],
      }),
    ).toEqual({
      points: 100_000,
      bytes: 16_000_000,
      runs: 3,
      atlas: { drawnMs: 5000, longestGapMs: 4100 },
      bare: { drawnMs: 1250.6, longestGapMs: 390 },
      drawnRatio: 4,
      gapRatio: 10.51,
      atlasRuns: [run(4000, 3900.3), run(6000, 5000), run(5000, 4100)],
      bareRuns: [run(1000, 300), run(1250.6, 420), run(2000, 390)],
    });
  });
});
