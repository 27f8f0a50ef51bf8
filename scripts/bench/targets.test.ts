import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratio } from './stats';
import { evaluateTargets, TARGETS } from './targets';
import type { BenchReport } from './types';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')) as BenchReport;

/** The fixture where every target is met, changed by `change`. */
function allMetBut(change: (r: BenchReport) => void): BenchReport {
  const report = structuredClone(fixture('all-met'));
  change(report);
  return report;
}

/** Whether each result of one target is met on a report. */
function metOf(id: string, report: BenchReport): boolean[] {
  const target = TARGETS.find((t) => t.id === id);
  if (!target) throw new Error(`no target ${id}`);
  return target.evaluate(report).map((r) => r.met);
}

describe('TARGETS', () => {
  it('lists every target once, in the order of the table', () => {
    expect(TARGETS.map((t) => t.id)).toEqual([
      'app-bytes',
      'first-map-9',
      'first-map-1000',
      'first-map-5000',
      'headline-at-fcp',
      'atlas-map-idle',
      'atlas-app-ready',
      '1000-places-app-ready',
      '5000-places-app-ready',
      'pan-p95',
      'export',
      'validate-export',
      'opened-file-drawn',
      'opened-file-gap',
      'opened-file-gap-100000',
    ]);
  });

  it('states each bound in its row, and explains nothing when all are met', () => {
    const met = (target: string, measured: string) => ({ target, measured, met: true, missedBecause: [] });
    expect(evaluateTargets(fixture('all-met'))).toEqual([
      met('app JS+CSS beyond MapLibre ≤ 30 KB gzip', '29.3 KB'),
      met('Karabakh atlas (9 places, 44 facts): first meaningful map ≤ Leaflet canvas', '380 vs 380 ms (1x)'),
      met('1000 places, 10000 facts: first meaningful map ≤ Leaflet canvas', '450 vs 450 ms (1x)'),
      met('5000 places, 50000 facts: first meaningful map ≤ 1.2x Leaflet canvas', '720 vs 600 ms (1.2x)'),
      met('atlas headline visible at its first contentful paint', 'headline 200, FCP 200 ms'),
      met('atlas first contentful paint ≤ bare MapLibre', '200 vs 210 ms'),
      met('atlas map-idle ≤ 1.1x bare + article layers', '990.5 vs 1050 ms (0.94x)'),
      met('atlas app-ready ≤ 1.3x bare', '0.99x'),
      met('1,000 places app-ready ≤ 2x bare', '1.5x'),
      met('5,000 places app-ready ≤ 3x bare', '2.5x'),
      met(
        'Karabakh atlas (9 places, 44 facts): pan p95 ≤ bare MapLibre',
        'p95 33.3 vs 33.4 ms, max 100 vs 70',
      ),
      met('1000 places, 10000 facts: pan p95 ≤ bare MapLibre', 'p95 25 vs 25.1 ms, max 200 vs 150'),
      met('5000 places, 50000 facts: pan p95 ≤ bare MapLibre', 'p95 33.4 vs 40 ms, max 250 vs 240'),
      met('export of 10000 facts < 300 ms', '80 ms'),
      met('validation of it < 500 ms', '170 ms'),
    ]);
  });
});

/** The all-met fixture with files of 10,000 and 100,000 points opened on both pages. */
function withOpenedFiles(atlas100k: { drawnMs: number; longestGapMs: number }): BenchReport {
  const run = (drawnMs: number, longestGapMs: number) => ({ drawnMs, longestGapMs });
  const file = (points: number, atlas: ReturnType<typeof run>, bare: ReturnType<typeof run>) => ({
    points,
    bytes: points * 160,
    runs: 1,
    atlas,
    bare,
    drawnRatio: ratio(atlas.drawnMs, bare.drawnMs),
    gapRatio: ratio(atlas.longestGapMs, bare.longestGapMs),
    atlasRuns: [atlas],
    bareRuns: [bare],
  });
  return allMetBut((r) => {
    r.openedFiles = [file(10_000, run(300, 100), run(200, 60)), file(100_000, atlas100k, run(1000, 700))];
  });
}

describe('the opened files’ targets', () => {
  it('state the bare page’s figure beside the atlas’s, and the issue’s 1.5 s beside the ratio', () => {
    const results = evaluateTargets(withOpenedFiles({ drawnMs: 2000, longestGapMs: 1400 }));
    expect(results.slice(-5)).toEqual([
      {
        target: '10,000 points opened: drop to drawn ≤ 2x bare',
        measured: '300 vs 200 ms (1.5x)',
        met: true,
        missedBecause: [],
      },
      {
        target: '100,000 points opened: drop to drawn ≤ 2x bare',
        measured: '2000 vs 1000 ms (2x)',
        met: true,
        missedBecause: [],
      },
      {
        target: '10,000 points opened: longest frame gap ≤ 2x bare',
        measured: '100 vs 60 ms (1.67x)',
        met: true,
        missedBecause: [],
      },
      {
        target: '100,000 points opened: longest frame gap ≤ 2x bare',
        measured: '1400 vs 700 ms (2x)',
        met: true,
        missedBecause: [],
      },
      {
        target: '100,000 points opened: longest frame gap ≤ 1500 ms',
        measured: '1400 ms (bare 700 ms)',
        met: true,
        missedBecause: [],
      },
    ]);
  });

  it('say what a miss comes from, with every run', () => {
    const missed = evaluateTargets(withOpenedFiles({ drawnMs: 2000.1, longestGapMs: 1400 })).filter(
      (t) => !t.met,
    );
    expect(missed).toEqual([
      {
        target: '100,000 points opened: drop to drawn ≤ 2x bare',
        measured: '2000.1 vs 1000 ms (2x)',
        met: false,
        missedBecause: [
          "- **100,000 points opened, drop to drawn.** 0.1 ms over the bound (2x 1000 ms); the atlas's runs: 2000.1 ms.",
        ],
      },
    ]);
  });

  it('bounds: at most 2x the bare page for both figures, and 1.5 s for the 100,000-point file’s gap', () => {
    const met = (drawnMs: number, longestGapMs: number) => ({
      drawn: metOf('opened-file-drawn', withOpenedFiles({ drawnMs, longestGapMs })),
      gap: metOf('opened-file-gap', withOpenedFiles({ drawnMs, longestGapMs })),
      bound: metOf('opened-file-gap-100000', withOpenedFiles({ drawnMs, longestGapMs })),
    });
    expect(met(2000, 1400)).toEqual({ drawn: [true, true], gap: [true, true], bound: [true] });
    expect(met(2000.1, 1400.1)).toEqual({ drawn: [true, false], gap: [true, false], bound: [true] });
    // A slower bare page moves the ratio's bound, never the 1.5 s.
    const slowBare = withOpenedFiles({ drawnMs: 2000, longestGapMs: 1500.1 });
    slowBare.openedFiles![1]!.bare.longestGapMs = 800;
    expect([metOf('opened-file-gap', slowBare), metOf('opened-file-gap-100000', slowBare)]).toEqual([
      [true, true],
      [false],
    ]);
    const atBound = withOpenedFiles({ drawnMs: 2000, longestGapMs: 1500 });
    atBound.openedFiles![1]!.bare.longestGapMs = 800;
    expect(metOf('opened-file-gap-100000', atBound)).toEqual([true]);
  });

  it('evaluate to nothing on a report without opened files', () => {
    const none = ['opened-file-drawn', 'opened-file-gap', 'opened-file-gap-100000'].map((id) =>
      metOf(id, fixture('all-met')),
    );
    expect(none).toEqual([[], [], []]);
  });
});

// Each bound met at its value and missed just beyond it: moving a bound either way fails one of these.
describe('the bounds', () => {
  it('app JS+CSS: at most 30 KB (30,720 bytes) gzip', () => {
    expect(
      metOf(
        'app-bytes',
        allMetBut((r) => (r.bytes.appJsCssGzip = 30720)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        'app-bytes',
        allMetBut((r) => (r.bytes.appJsCssGzip = 30721)),
      ),
    ).toEqual([false]);
  });

  it('first meaningful map: at most the Leaflet page’s at 9 and 1,000 places, 1.2x at 5,000', () => {
    const firstMap = (scenario: number, ms: number) =>
      allMetBut((r) => (r.loads[scenario]!.pages!.atlas!.firstMapMs = ms));
    expect(metOf('first-map-9', firstMap(0, 380))).toEqual([true]);
    expect(metOf('first-map-9', firstMap(0, 380.1))).toEqual([false]);
    expect(metOf('first-map-1000', firstMap(1, 450))).toEqual([true]);
    expect(metOf('first-map-1000', firstMap(1, 450.1))).toEqual([false]);
    expect(metOf('first-map-5000', firstMap(2, 720))).toEqual([true]);
    expect(metOf('first-map-5000', firstMap(2, 720.1))).toEqual([false]);
  });

  it('the headline at the first contentful paint, and that paint no later than the bare page’s', () => {
    const atlas = (headlineMs: number | null, fcpMs: number) =>
      allMetBut((r) => Object.assign(r.loads[0]!.pages!.atlas!, { headlineMs, fcpMs }));
    expect(metOf('headline-at-fcp', atlas(210, 210))).toEqual([true, true]);
    expect(metOf('headline-at-fcp', atlas(210.1, 210))).toEqual([false, true]);
    expect(metOf('headline-at-fcp', atlas(null, 210))).toEqual([false, true]);
    expect(metOf('headline-at-fcp', atlas(210.1, 210.1))).toEqual([true, false]);
  });

  it('atlas map-idle: at most 1.1x the bare page with the article’s layers', () => {
    expect(
      metOf(
        'atlas-map-idle',
        allMetBut((r) => (r.loads[0]!.atlasMapIdleMs = 1155)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        'atlas-map-idle',
        allMetBut((r) => (r.loads[0]!.atlasMapIdleMs = 1155.1)),
      ),
    ).toEqual([false]);
  });

  it('atlas app-ready: at most 1.3x the bare page', () => {
    expect(
      metOf(
        'atlas-app-ready',
        allMetBut((r) => (r.loads[0]!.appReadyRatio = 1.3)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        'atlas-app-ready',
        allMetBut((r) => (r.loads[0]!.appReadyRatio = 1.31)),
      ),
    ).toEqual([false]);
  });

  it('1,000 places app-ready: at most 2x; 5,000 places: at most 3x', () => {
    expect(
      metOf(
        '1000-places-app-ready',
        allMetBut((r) => (r.loads[1]!.appReadyRatio = 2)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        '1000-places-app-ready',
        allMetBut((r) => (r.loads[1]!.appReadyRatio = 2.01)),
      ),
    ).toEqual([false]);
    expect(
      metOf(
        '5000-places-app-ready',
        allMetBut((r) => (r.loads[2]!.appReadyRatio = 3)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        '5000-places-app-ready',
        allMetBut((r) => (r.loads[2]!.appReadyRatio = 3.01)),
      ),
    ).toEqual([false]);
  });

  it('pan: p95 no longer than the bare page’s with the same places, else the bare page’s', () => {
    const pan = (p95: number) => allMetBut((r) => (r.loads[1]!.atlasFrames.p95 = p95));
    expect(metOf('pan-p95', pan(25.1))).toEqual([true, true, true]);
    expect(metOf('pan-p95', pan(25.2))).toEqual([true, false, true]);
    // Without the page with the places, the bare page (25 ms) is the bound.
    const bareOnly = allMetBut((r) => {
      delete r.loads[1]!.pages!.layers;
      r.loads[1]!.atlasFrames.p95 = 25.1;
    });
    expect(metOf('pan-p95', bareOnly)).toEqual([true, false, true]);
  });

  it('export under 300 ms; its validation under 500 ms', () => {
    expect(
      metOf(
        'export',
        allMetBut((r) => (r.node.exportMs = 299.9)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        'export',
        allMetBut((r) => (r.node.exportMs = 300)),
      ),
    ).toEqual([false]);
    expect(
      metOf(
        'validate-export',
        allMetBut((r) => (r.node.validateExportMs = 499.9)),
      ),
    ).toEqual([true]);
    expect(
      metOf(
        'validate-export',
        allMetBut((r) => (r.node.validateExportMs = 500)),
      ),
    ).toEqual([false]);
  });
});

describe('what a missed target comes from', () => {
  it('explains a missed first map, headline and paint by their figures and the atlas’s profile', () => {
    const results = evaluateTargets(fixture('layers-cost-more'));
    expect(results.filter((r) => !r.met)).toEqual([
      {
        target: 'Karabakh atlas (9 places, 44 facts): first meaningful map ≤ Leaflet canvas',
        measured: '900 vs 300 ms (3x)',
        met: false,
        missedBecause: [
          '- **Karabakh atlas (9 places, 44 facts), first meaningful map.** 600 ms over the bound.',
          '  The atlas page set no `first-map` mark: its map-idle stands for it.',
          '  The profile of one atlas load (navigation → map-idle, 400 ms) spent most on MapLibre (150 ms), other browser work (60 ms), layout (50 ms).',
        ],
      },
      {
        target: '5000 places, 50000 facts: first meaningful map ≤ 1.2x Leaflet canvas',
        measured: '720.1 vs 600 ms (1.2x)',
        met: false,
        missedBecause: ['- **5000 places, 50000 facts, first meaningful map.** 0.1 ms over the bound.'],
      },
      {
        target: 'atlas headline visible at its first contentful paint',
        measured: 'headline 500, FCP 300 ms',
        met: false,
        missedBecause: ['- **Headline.** It was drawn 200 ms after the first contentful paint.'],
      },
      {
        target: 'atlas first contentful paint ≤ bare MapLibre',
        measured: '300 vs 250 ms',
        met: false,
        missedBecause: ["- **First contentful paint.** 50 ms after the bare page's."],
      },
      { target: '5,000 places app-ready ≤ 3x bare', measured: '3.01x', met: false, missedBecause: [] },
      {
        target: '1000 places, 10000 facts: pan p95 ≤ bare MapLibre',
        measured: 'p95 50.1 vs 25 ms, max 200 vs 250',
        met: false,
        missedBecause: ["- **1000 places, 10000 facts, pan.** p95 25.1 ms over the bare page's."],
      },
      { target: 'export of 10000 facts < 300 ms', measured: '300 ms', met: false, missedBecause: [] },
    ]);
  });

  it('explains a missed map-idle by where the atlas’s map start took longer than the bare page’s', () => {
    const slow = allMetBut((r) => (r.loads[0]!.atlasMapIdleMs = 1300));
    expect(evaluateTargets(slow).flatMap((r) => r.missedBecause)).toEqual([
      '- **Atlas map-idle.** 145 ms over the bound (1.1x 1050 ms).',
      '  Profiled once, map-created → map-load took the atlas 600 ms and the bare page 400 ms; the atlas spent',
      '  more than the bare page on MapLibre (+100 ms), layout (+55 ms), app: src/map/place-markers.ts (+40 ms), GC (+10 ms).',
    ]);
  });

  it('explains a missed app-ready by its time after map-idle', () => {
    const results = evaluateTargets(fixture('no-layers-page'));
    expect(results.flatMap((r) => r.missedBecause)).toEqual([
      '- **Atlas app-ready.** It came 50.5 ms after map-idle: what delays map-idle delays it.',
      "- **1000 places, 10000 facts, pan.** p95 25 ms over the bare page's.",
      "- **5000 places, 50000 facts, pan.** p95 36.6 ms over the bare page's.",
    ]);
  });

  it('leaves out the rows of scenarios and pages the report does not have (BENCH_QUICK=1, an older report)', () => {
    const quick = allMetBut((r) => (r.loads = r.loads.slice(0, 1)));
    expect(evaluateTargets(quick).map((r) => r.target)).toEqual([
      'app JS+CSS beyond MapLibre ≤ 30 KB gzip',
      'Karabakh atlas (9 places, 44 facts): first meaningful map ≤ Leaflet canvas',
      'atlas headline visible at its first contentful paint',
      'atlas first contentful paint ≤ bare MapLibre',
      'atlas map-idle ≤ 1.1x bare + article layers',
      'atlas app-ready ≤ 1.3x bare',
      'Karabakh atlas (9 places, 44 facts): pan p95 ≤ bare MapLibre',
      'export of 10000 facts < 300 ms',
      'validation of it < 500 ms',
    ]);
    expect(evaluateTargets(fixture('no-layers-page')).map((r) => r.target)).toEqual([
      'app JS+CSS beyond MapLibre ≤ 30 KB gzip',
      'atlas app-ready ≤ 1.3x bare',
      '1,000 places app-ready ≤ 2x bare',
      '5,000 places app-ready ≤ 3x bare',
      'Karabakh atlas (9 places, 44 facts): pan p95 ≤ bare MapLibre',
      '1000 places, 10000 facts: pan p95 ≤ bare MapLibre',
      '5000 places, 50000 facts: pan p95 ≤ bare MapLibre',
      'export of 10000 facts < 300 ms',
      'validation of it < 500 ms',
    ]);
  });
});
