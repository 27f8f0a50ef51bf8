// The bench's targets, each stated once in TARGETS: its bound makes both its row of the targets
// table and, when the run misses it, what the run's own figures say the miss comes from.
import { APP_BUDGET_GZIP_BYTES } from '../bundle-size';
import { SYNTHETIC_ATLASES } from './config';
import { kb, r1, ratio } from './stats';
import { windowName, type ProfileSplit } from './profile-split';
import type { BenchReport, NodeTimings, OpenedFileRun, PageSummary, ScenarioResult } from './types';

/** One target evaluated on one report: a row of the targets table. */
export interface TargetResult {
  /** The target as the table states it, bound included: "atlas map-idle ≤ 1.15x bare". */
  target: string;
  /** The run's figure as the table gives it: "1.32x". */
  measured: string;
  met: boolean;
  /**
   * When missed: what the run's figures say the miss comes from, as the lines of one Markdown
   * list item; empty when met, or when the figures do not tell.
   */
  missedBecause: string[];
}

/** A target: the rule that reads its figure from a report and compares it with its bound. */
export interface Target {
  /** A name to find it by in tests. */
  id: string;
  /** One result per scenario it applies to; none when the report lacks them (as with BENCH_QUICK=1). */
  evaluate(report: BenchReport): TargetResult[];
}

/** A report's loads: the default atlas first, then the synthetic atlases, smallest first, then the index's other atlases. */
const REAL_ATLAS = 0;

/** "- **Heading.** first line", then the other lines indented under it. */
function listItem(heading: string, [first, ...rest]: string[]): string[] {
  return [`- **${heading}.** ${first}`, ...rest.map((line) => `  ${line}`)];
}

const capitalized = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function result(target: string, measured: string, met: boolean, missedBecause: () => string[]): TargetResult {
  return { target, measured, met, missedBecause: met ? [] : missedBecause() };
}

/** The app's own JavaScript and CSS, gzip, at most `atMostBytes`. */
function appBytesTarget(id: string, atMostBytes: number): Target {
  return {
    id,
    evaluate: (r) => [
      result(
        `app JS+CSS beyond MapLibre ≤ ${atMostBytes / 1024} KB gzip`,
        kb(r.bytes.appJsCssGzip),
        r.bytes.appJsCssGzip <= atMostBytes,
        () => [],
      ),
    ],
  };
}

/** A scenario's ratio to the bare page (a ratio of medians) at most `atMost`. */
function loadRatioTarget(options: {
  id: string;
  /** What the table and the reason call the figure: "atlas map-idle". */
  name: string;
  /** The scenario's index in the report's loads. */
  scenario: number;
  figure: 'mapIdleRatio' | 'appReadyRatio';
  atMost: number;
  /** What the run's figures say a miss comes from, as sentences after the name. */
  missedBecause?: (load: ScenarioResult, report: BenchReport, atMost: number) => string[];
}): Target {
  const { id, name, scenario, figure, atMost, missedBecause } = options;
  return {
    id,
    evaluate: (r) => {
      const load = r.loads[scenario];
      if (!load) return [];
      return [
        result(`${name} ≤ ${atMost}x bare`, `${load[figure]}x`, load[figure] <= atMost, () =>
          missedBecause ? listItem(capitalized(name), missedBecause(load, r, atMost)) : [],
        ),
      ];
    },
  };
}

/** The scenarios of the three-way table: the default atlas and the synthetic ones (9, 1,000, 5,000 places). */
const TABLE_SCENARIOS = 1 + SYNTHETIC_ATLASES.length;

/**
 * The bare MapLibre page a scenario's atlas is held to: the one drawing the article's layers (its
 * places), where it was measured, else the basemap alone.
 */
function barePeer(load: ScenarioResult): PageSummary | undefined {
  return load.pages?.layers ?? load.pages?.bare;
}

/** A split of the report's profile, by page and the mark its stretch ends at. */
function splitOf(r: BenchReport, page: string, from: string): ProfileSplit | undefined {
  return r.profile?.find((s) => s.page === page && s.from === from);
}

/** Parts that are not work: what the profile's hint leaves out. */
const NOT_WORK = new Set(['idle', 'unsampled']);

const partsText = (parts: readonly { part: string; ms: number }[]) =>
  parts.map((p) => `${p.part} (${r1(p.ms)} ms)`).join(', ');

/** The profile's three largest parts of the atlas page's load from navigation, as a sentence. */
function profileHint(r: BenchReport): string[] {
  const split = splitOf(r, 'atlas', 'navigation');
  if (!split) return [];
  const top = split.parts
    .filter((p) => !NOT_WORK.has(p.part))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  return [
    `The profile of one atlas load (${windowName(split)}, ${split.ms} ms) spent most on ${partsText(top)}.`,
  ];
}

/** Where the atlas's map start (map-created → map-load) took longer than the bare page's, by part. */
function profileExcess(r: BenchReport): string[] {
  const [atlas, bare] = [splitOf(r, 'atlas', 'map-created'), splitOf(r, 'bare', 'map-created')];
  if (!atlas || !bare) return [];
  const bareMs = (part: string) => bare.parts.find((p) => p.part === part)?.ms ?? 0;
  const more = atlas.parts
    .filter((p) => !NOT_WORK.has(p.part))
    .map((p) => ({ part: p.part, ms: r1(p.ms - bareMs(p.part)) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 4);
  return [
    `Profiled once, ${windowName(atlas)} took the atlas ${atlas.ms} ms and the bare page ${bare.ms} ms; the atlas spent`,
    `more than the bare page on ${more.map((p) => `${p.part} (+${p.ms} ms)`).join(', ')}.`,
  ];
}

/**
 * The atlas's first meaningful map (basemap, places and names drawn) at most `atMost` times the
 * Leaflet canvas page's, in the scenario at `scenario`.
 */
function firstMapTarget(id: string, scenario: number, atMost: number): Target {
  return {
    id,
    evaluate: (r) => {
      const load = r.loads[scenario];
      const [atlas, leaflet] = [load?.pages?.atlas, load?.pages?.leaflet];
      if (!load || !atlas || !leaflet) return [];
      const bound = atMost === 1 ? 'Leaflet canvas' : `${atMost}x Leaflet canvas`;
      return [
        result(
          `${load.scenario}: first meaningful map ≤ ${bound}`,
          `${atlas.firstMapMs} vs ${leaflet.firstMapMs} ms (${ratio(atlas.firstMapMs, leaflet.firstMapMs)}x)`,
          atlas.firstMapMs <= atMost * leaflet.firstMapMs,
          () =>
            listItem(`${load.scenario}, first meaningful map`, [
              `${r1(atlas.firstMapMs - atMost * leaflet.firstMapMs)} ms over the bound.`,
              ...(atlas.firstMapMark
                ? []
                : ['The atlas page set no `first-map` mark: its map-idle stands for it.']),
              ...(scenario === REAL_ATLAS ? profileHint(r) : []),
            ]),
        ),
      ];
    },
  };
}

/** The atlas's headline drawn at its first contentful paint, and that paint no later than the bare page's. */
const headlineTarget: Target = {
  id: 'headline-at-fcp',
  evaluate: (r) => {
    const load = r.loads[REAL_ATLAS];
    const [atlas, bare] = [load?.pages?.atlas, load?.pages?.bare];
    if (!atlas || !bare) return [];
    const { fcpMs, headlineMs } = atlas;
    const headlineMet = fcpMs !== null && headlineMs !== null && headlineMs <= fcpMs;
    const fcpMet = fcpMs !== null && bare.fcpMs !== null && fcpMs <= bare.fcpMs;
    return [
      result(
        'atlas headline visible at its first contentful paint',
        `headline ${headlineMs ?? 'not marked'}, FCP ${fcpMs ?? 'none'} ms`,
        headlineMet,
        () =>
          listItem('Headline', [
            headlineMs === null
              ? 'The atlas page has no element with `elementtiming="headline"`, or it was never drawn.'
              : `It was drawn ${r1(headlineMs - (fcpMs ?? 0))} ms after the first contentful paint.`,
          ]),
      ),
      result(
        'atlas first contentful paint ≤ bare MapLibre',
        `${fcpMs ?? 'none'} vs ${bare.fcpMs ?? 'none'} ms`,
        fcpMet,
        () =>
          fcpMs !== null && bare.fcpMs !== null
            ? listItem('First contentful paint', [`${r1(fcpMs - bare.fcpMs)} ms after the bare page's.`])
            : [],
      ),
    ];
  },
};

/** The atlas's map-idle at most `atMost` times the bare page drawing the same basemap and the article's layers. */
function mapIdleTarget(id: string, atMost: number): Target {
  return {
    id,
    evaluate: (r) => {
      const load = r.loads[REAL_ATLAS];
      if (!load?.layers) return [];
      const peer = load.layers.mapIdleMs;
      return [
        result(
          `atlas map-idle ≤ ${atMost}x bare + article layers`,
          `${load.atlasMapIdleMs} vs ${peer} ms (${ratio(load.atlasMapIdleMs, peer)}x)`,
          load.atlasMapIdleMs <= atMost * peer,
          () =>
            listItem('Atlas map-idle', [
              `${r1(load.atlasMapIdleMs - atMost * peer)} ms over the bound (${atMost}x ${peer} ms).`,
              ...profileExcess(r),
            ]),
        ),
      ];
    },
  };
}

/** For each scenario of the table: the atlas's pan p95 frame no longer than the bare MapLibre page's with the same places. */
const panTarget: Target = {
  id: 'pan-p95',
  evaluate: (r) =>
    r.loads.slice(REAL_ATLAS, TABLE_SCENARIOS).map((l) => {
      const bare = barePeer(l)?.frames ?? l.bareFrames;
      const atlas = l.atlasFrames;
      return result(
        `${l.scenario}: pan p95 ≤ bare MapLibre`,
        `p95 ${atlas.p95} vs ${bare.p95} ms, max ${atlas.max} vs ${bare.max}`,
        atlas.p95 <= bare.p95,
        () => listItem(`${l.scenario}, pan`, [`p95 ${r1(atlas.p95 - bare.p95)} ms over the bare page's.`]),
      );
    }),
};

/** A time measured in Node under `underMs`. */
function nodeTimeTarget(
  id: string,
  name: (node: NodeTimings) => string,
  figure: 'exportMs' | 'validateExportMs',
  underMs: number,
): Target {
  return {
    id,
    evaluate: (r) => [
      result(`${name(r.node)} < ${underMs} ms`, `${r.node[figure]} ms`, r.node[figure] < underMs, () => []),
    ],
  };
}

function appReadyMissedBecause(real: ScenarioResult): string[] {
  return [
    `It came ${r1(real.atlasAppReadyMs - real.atlasMapIdleMs)} ms after map-idle: what delays map-idle delays it.`,
  ];
}

const points = (n: number) => n.toLocaleString('en-US');

/**
 * For each opened file: the atlas's figure (drop to drawn, or the longest frame gap) at most
 * `atMost` times the bare page's that adds the same file as a clustered source, in the same run.
 */
function openedFileTarget(options: {
  id: string;
  /** What the table calls the figure: "drop to drawn". */
  name: string;
  figure: keyof OpenedFileRun;
  atMost: number;
}): Target {
  const { id, name, figure, atMost } = options;
  return {
    id,
    evaluate: (r) =>
      (r.openedFiles ?? []).map((f) => {
        const [atlas, bare] = [f.atlas[figure], f.bare[figure]];
        return result(
          `${points(f.points)} points opened: ${name} ≤ ${atMost}x bare`,
          `${atlas} vs ${bare} ms (${ratio(atlas, bare)}x)`,
          atlas <= atMost * bare,
          () =>
            listItem(`${capitalized(points(f.points))} points opened, ${name}`, [
              `${r1(atlas - atMost * bare)} ms over the bound (${atMost}x ${bare} ms); the atlas's runs: ${f.atlasRuns.map((x) => x[figure]).join(', ')} ms.`,
            ]),
        );
      }),
  };
}

/**
 * The issue's bound for the 100,000-point file on this machine: no frame gap over 1.5 s. Stated
 * beside the ratio to the bare page, never alone: the machine's speed moves both pages alike.
 */
const OPENED_FILE_GAP_MS = { points: 100_000, atMostMs: 1500 } as const;

const openedFileGapBound: Target = {
  id: 'opened-file-gap-100000',
  evaluate: (r) =>
    (r.openedFiles ?? [])
      .filter((f) => f.points === OPENED_FILE_GAP_MS.points)
      .map((f) =>
        result(
          `${points(f.points)} points opened: longest frame gap ≤ ${OPENED_FILE_GAP_MS.atMostMs} ms`,
          `${f.atlas.longestGapMs} ms (bare ${f.bare.longestGapMs} ms)`,
          f.atlas.longestGapMs <= OPENED_FILE_GAP_MS.atMostMs,
          () => [],
        ),
      ),
};

/** Every target of the bench, in the order of the report's table. */
export const TARGETS: readonly Target[] = [
  appBytesTarget('app-bytes', APP_BUDGET_GZIP_BYTES),
  firstMapTarget('first-map-9', REAL_ATLAS, 1),
  firstMapTarget('first-map-1000', 1, 1),
  firstMapTarget('first-map-5000', 2, 1.2),
  headlineTarget,
  mapIdleTarget('atlas-map-idle', 1.1),
  loadRatioTarget({
    id: 'atlas-app-ready',
    name: 'atlas app-ready',
    scenario: REAL_ATLAS,
    figure: 'appReadyRatio',
    atMost: 1.3,
    missedBecause: appReadyMissedBecause,
  }),
  loadRatioTarget({
    id: '1000-places-app-ready',
    name: '1,000 places app-ready',
    scenario: 1,
    figure: 'appReadyRatio',
    atMost: 2,
  }),
  loadRatioTarget({
    id: '5000-places-app-ready',
    name: '5,000 places app-ready',
    scenario: 2,
    figure: 'appReadyRatio',
    atMost: 3,
  }),
  panTarget,
  nodeTimeTarget('export', (node) => `export of ${node.facts} facts`, 'exportMs', 300),
  nodeTimeTarget('validate-export', () => 'validation of it', 'validateExportMs', 500),
  openedFileTarget({ id: 'opened-file-drawn', name: 'drop to drawn', figure: 'drawnMs', atMost: 2 }),
  openedFileTarget({ id: 'opened-file-gap', name: 'longest frame gap', figure: 'longestGapMs', atMost: 2 }),
  openedFileGapBound,
];

/** Every target's result on a report, in the order of the targets. */
export function evaluateTargets(report: BenchReport, targets: readonly Target[] = TARGETS): TargetResult[] {
  return targets.flatMap((t) => t.evaluate(report));
}
