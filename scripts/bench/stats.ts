// Pure statistics of the runs: medians, ratios, frame percentiles, and the figures of a scenario
// and of the layer costs as the report stores them. No I/O.
import type {
  FrameStats,
  LayerCost,
  LayerResult,
  OpenedFileResult,
  OpenedFileRun,
  PageBytes,
  PageLoad,
  PageSummary,
  PeerPage,
  ScenarioResult,
  Work,
} from './types';
import { PEER_PAGES } from './types';

/** The median; of an even count, the mean of the middle two. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** A figure to one decimal. */
export const r1 = (n: number): number => Math.round(n * 10) / 10;

/** A ratio to two decimals. */
export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/**
 * The lowest and highest ratio of one atlas run to the bare run beside it (same index, same
 * round of the rotation): how far one run on the machine can stray from the ratio of medians.
 */
export function pairRatioRange(atlas: readonly number[], bare: readonly number[]): [number, number] {
  const ratios = atlas.map((a, i) => ratio(a, bare[i]!));
  return [Math.min(...ratios), Math.max(...ratios)];
}

/** Every run's map-idle, lowest first: how the runs spread, which a median hides. */
export function sortedRuns(runs: readonly PageLoad[]): number[] {
  return runs.map((r) => r1(r.mapIdle)).sort((a, b) => a - b);
}

/** The median time of each mark over the runs: where the time goes, stage by stage. */
export function medianStages(runs: readonly PageLoad[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.stages[n] ?? NaN))]));
}

/** Medians of what the page made the browser do while loading. */
export function workMedians(runs: readonly PageLoad[]): Work {
  return {
    programs: median(runs.map((r) => r.programs)),
    programMs: r1(median(runs.map((r) => r.programMs))),
    framesBeforeLoad: median(runs.map((r) => r.framesBeforeLoad)),
  };
}

export function frameStats(frames: readonly number[]): FrameStats {
  return {
    p50: r1(percentile(frames, 50)),
    p95: r1(percentile(frames, 95)),
    max: r1(Math.max(...frames)),
    over50: frames.filter((f) => f > 50).length,
    count: frames.length,
  };
}

/** The runs of one scenario, page by page, in the order of the rotation (atlas[i] beside bare[i]). */
export interface ScenarioRuns {
  atlas: PageLoad[];
  bare: PageLoad[];
  /** The bare page with the article's layers, when it was measured. */
  layers?: PageLoad[];
  /** The Leaflet peer page, when it was measured. */
  leaflet?: PageLoad[];
}

/** The median of the figures the runs have, or null when none has it (a page without a headline). */
function medianOrNull(xs: readonly (number | null)[]): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? r1(median(known)) : null;
}

/**
 * One page's figures over its runs: the medians of its paint, headline, first meaningful map
 * (the `first-map` mark where every run set it, else map-idle) and map-idle, and its pan's frames.
 */
export function pageSummary(runs: readonly PageLoad[], bytes?: PageBytes): PageSummary {
  const marked = runs.length > 0 && runs.every((r) => r.firstMap !== null);
  return {
    fcpMs: medianOrNull(runs.map((r) => r.fcp)),
    headlineMs: medianOrNull(runs.map((r) => r.headline)),
    firstMapMs: r1(median(runs.map((r) => (marked ? (r.firstMap ?? NaN) : r.mapIdle)))),
    firstMapMark: marked,
    mapIdleMs: r1(median(runs.map((r) => r.mapIdle))),
    frames: frameStats(runs.flatMap((r) => r.frames)),
    ...(bytes ? { bytes } : {}),
  };
}

/** A scenario's figures as the report stores them; `bytes`, what each page's first screen fetched. */
export function summarizeScenario(
  scenario: string,
  runs: ScenarioRuns,
  bytes: Partial<Record<PeerPage, PageBytes>> = {},
): ScenarioResult {
  const { atlas, bare, layers, leaflet } = runs;
  const measured: Partial<Record<PeerPage, PageLoad[]>> = { atlas, bare, layers, leaflet };
  const pages: Partial<Record<PeerPage, PageSummary>> = {};
  for (const page of PEER_PAGES) {
    const r = measured[page];
    if (r) pages[page] = pageSummary(r, bytes[page]);
  }
  const bareIdle = median(bare.map((r) => r.mapIdle));
  const mapIdle = median(atlas.map((r) => r.mapIdle));
  const appReady = median(atlas.map((r) => r.appReady ?? NaN));
  const bareIdles = bare.map((r) => r.mapIdle);
  return {
    scenario,
    runs: atlas.length,
    bareMapIdleMs: r1(bareIdle),
    atlasMapIdleMs: r1(mapIdle),
    atlasAppReadyMs: r1(appReady),
    mapIdleRatio: ratio(mapIdle, bareIdle),
    appReadyRatio: ratio(appReady, bareIdle),
    mapIdleRatioRange: pairRatioRange(
      atlas.map((r) => r.mapIdle),
      bareIdles,
    ),
    mapIdleRuns: {
      atlas: sortedRuns(atlas),
      bare: sortedRuns(bare),
      ...(layers ? { layers: sortedRuns(layers) } : {}),
    },
    appReadyRatioRange: pairRatioRange(
      atlas.map((r) => r.appReady ?? NaN),
      bareIdles,
    ),
    atlasStages: medianStages(atlas),
    bareStages: medianStages(bare),
    atlasWork: workMedians(atlas),
    bareWork: workMedians(bare),
    atlasFrames: frameStats(atlas.flatMap((r) => r.frames)),
    bareFrames: frameStats(bare.flatMap((r) => r.frames)),
    ...(layers
      ? {
          layers: {
            mapIdleMs: r1(median(layers.map((r) => r.mapIdle))),
            stages: medianStages(layers),
            work: workMedians(layers),
          },
        }
      : {}),
    pages,
  };
}

/** Each layer's cost as the report stores it: medians and every run, lowest first, in the order of `ids`. */
export function summarizeLayerCosts(
  ids: readonly string[],
  runs: ReadonlyMap<string, readonly LayerCost[]>,
): LayerResult[] {
  return ids.map((id) => {
    const costs = runs.get(id) ?? [];
    return {
      layer: id,
      programs: median(costs.map((r) => r.programs)),
      ms: r1(median(costs.map((r) => r.ms))),
      runs: costs.map((r) => r1(r.ms)).sort((a, b) => a - b),
    };
  });
}

/**
 * The layer that compiles no shader program (the region fill), its name for the report, and each
 * layer's time beyond it: what the layers that compile one cost on top of loading the source and
 * drawing a frame.
 */
export function againstControl(layers: readonly LayerResult[]) {
  const control = layers.find((l) => l.programs === 0);
  return {
    control,
    name: control?.layer ?? 'a layer compiling none',
    beyond: (l: LayerResult) => (control ? l.ms - control.ms : NaN),
  };
}

/** Bytes as the report gives them: KB to one decimal. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * An opened file's figures as the report stores them: the medians of each page's runs, their
 * ratios (atlas to bare), and every run to one decimal.
 */
export function summarizeOpenedFile(
  points: number,
  bytes: number,
  runs: { atlas: readonly OpenedFileRun[]; bare: readonly OpenedFileRun[] },
): OpenedFileResult {
  const medians = (xs: readonly OpenedFileRun[]): OpenedFileRun => ({
    drawnMs: r1(median(xs.map((r) => r.drawnMs))),
    longestGapMs: r1(median(xs.map((r) => r.longestGapMs))),
  });
  const rounded = (xs: readonly OpenedFileRun[]) =>
    xs.map((r) => ({ drawnMs: r1(r.drawnMs), longestGapMs: r1(r.longestGapMs) }));
  const atlas = medians(runs.atlas);
  const bare = medians(runs.bare);
  return {
    points,
    bytes,
    runs: runs.atlas.length,
    atlas,
    bare,
    drawnRatio: ratio(atlas.drawnMs, bare.drawnMs),
    gapRatio: ratio(atlas.longestGapMs, bare.longestGapMs),
    atlasRuns: rounded(runs.atlas),
    bareRuns: rounded(runs.bare),
  };
}
