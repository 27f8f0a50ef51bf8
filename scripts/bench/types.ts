// The shape of bench/results/latest.json: what one page load measures, and the report the bench
// writes from them. The Markdown report is rendered from this shape alone (report.ts).
import type { ProfileSplit } from './profile-split';

/** What one page load measured in Chromium. */
export interface PageLoad {
  /** Shader programs the page's WebGL compiled by map-idle, and the main thread's time blocked doing it. */
  programs: number;
  programMs: number;
  /** Frames the map drew before its 'load' event. */
  framesBeforeLoad: number;
  mapIdle: number;
  appReady: number | null;
  /** Every User Timing mark of the page, ms from navigation. */
  stages: Record<string, number>;
  /** Every frame's duration during the scripted pan and zoom, ms. */
  frames: number[];
  /** First contentful paint (Paint Timing), ms from navigation. */
  fcp: number | null;
  /** When the headline (`elementtiming="headline"`) was drawn (Element Timing); null on a page without one. */
  headline: number | null;
  /** The `first-map` mark: basemap, places and names drawn; null on a page that does not set it. */
  firstMap: number | null;
}

/** What a page fetched for its first screen, by kind, bytes as served (uncompressed). */
export interface PageBytes {
  js: number;
  css: number;
  fonts: number;
  /** Atlas data, basemap tiles and labels, JSON. */
  data: number;
  other: number;
  requests: number;
}

/** The pages of the three-way comparison: the atlas, bare MapLibre drawing the same places, and Leaflet. */
export const PEER_PAGES = ['atlas', 'bare', 'layers', 'leaflet'] as const;
export type PeerPage = (typeof PEER_PAGES)[number];

/** One page of a scenario, medians of its runs, ms from navigation. */
export interface PageSummary {
  fcpMs: number | null;
  headlineMs: number | null;
  /** The first meaningful map: the `first-map` mark, or map-idle on a page without it (`firstMapMark` false). */
  firstMapMs: number;
  firstMapMark: boolean;
  mapIdleMs: number;
  frames: FrameStats;
  /** What its first screen fetched (one load before the runs). */
  bytes?: PageBytes;
}

/** One article layer added by itself to the loaded bare page: the time to the next idle, and the programs compiled. */
export interface LayerCost {
  ms: number;
  programs: number;
}

/** Medians of what a page made the browser do while loading. */
export interface Work {
  programs: number;
  programMs: number;
  framesBeforeLoad: number;
}

/** Frame durations during the pan and zoom, ms. */
export interface FrameStats {
  p50: number;
  p95: number;
  max: number;
  over50: number;
  count: number;
}

/** The basemap's files a page fetched for its first screen (tiles and labels), and their bytes. */
export interface BasemapFetched {
  requests: number;
  bytes: number;
}

/** One scenario (an atlas) measured against the bare page, run by run. */
export interface ScenarioResult {
  scenario: string;
  /** The atlas's own first view (a real atlas's), as the link's hash both pages opened. */
  view?: string;
  /** What each page fetched of the basemap for that first screen (a real atlas's). */
  basemapFetched?: { atlas: BasemapFetched; bare: BasemapFetched };
  runs: number;
  bareMapIdleMs: number;
  atlasMapIdleMs: number;
  atlasAppReadyMs: number;
  mapIdleRatio: number;
  appReadyRatio: number;
  /** The lowest and highest ratio of one atlas run to the bare run beside it. */
  mapIdleRatioRange: number[];
  /** Every run's map-idle in ms, lowest first, page by page. */
  mapIdleRuns: { atlas: number[]; bare: number[]; layers?: number[] };
  appReadyRatioRange: number[];
  atlasStages: Record<string, number>;
  bareStages: Record<string, number>;
  atlasWork: Work;
  bareWork: Work;
  atlasFrames: FrameStats;
  bareFrames: FrameStats;
  /**
   * The bare page with the article's map layers: the real atlas's (layers.html), or a synthetic
   * atlas's places as the atlas plans them.
   */
  layers?: { mapIdleMs: number; stages: Record<string, number>; work: Work };
  /**
   * Every page of the three-way comparison that was measured: the atlas, the bare page, the bare
   * page with the article's layers, the Leaflet peer page.
   */
  pages?: Partial<Record<PeerPage, PageSummary>>;
}

/** Each article layer added by itself to the loaded bare page: medians and every run, ms. */
export interface LayerResult {
  layer: string;
  programs: number;
  ms: number;
  runs: number[];
}

/** Sizes of the build and the data, bytes. */
export interface Bytes {
  appJsCssGzip: number;
  appFiles: string[];
  maplibreGzip: number;
  dataRaw: number;
  dataGzip: number;
  basemapRaw: number;
  basemapGzip: number;
  /** Files of the basemap (its tiles and labels). */
  basemapFiles?: number;
}

/** Export and validation timed in Node on a synthetic atlas, ms. */
export interface NodeTimings {
  facts: number;
  exportMs: number;
  validateExportMs: number;
  validateAtlasMs: number;
  exportBytes: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  webgl: string;
}

/** One opened-file run on one page: from the drop to the file drawn (its sources loaded, the map idle). */
export interface OpenedFileRun {
  /** ms from the drop (the bare page: from handing it the file) to drawn. */
  drawnMs: number;
  /** The longest gap between two animation frames in that time, ms (requestAnimationFrame in the page). */
  longestGapMs: number;
}

/** An opened file of points measured on Article Atlas and on the bare page that adds it as a clustered source. */
export interface OpenedFileResult {
  points: number;
  /** The file's size, bytes. */
  bytes: number;
  runs: number;
  /** Medians, ms. */
  atlas: OpenedFileRun;
  bare: OpenedFileRun;
  drawnRatio: number;
  gapRatio: number;
  /** Every run, ms, in the order run (atlas[i] beside bare[i]). */
  atlasRuns: OpenedFileRun[];
  bareRuns: OpenedFileRun[];
}

/** bench/results/latest.json. */
export interface BenchReport {
  date: string;
  machine: Machine;
  viewport: { width: number; height: number };
  /** The map view both pages open, as the link's hash. */
  view: string;
  bytes: Bytes;
  node: NodeTimings;
  /**
   * The default atlas first, then the synthetic atlases, smallest first (none with BENCH_QUICK=1),
   * then the index's other atlases.
   */
  loads: ScenarioResult[];
  /** Each article layer added by itself to the loaded bare page. */
  layers: LayerResult[];
  /** Where each page's main thread spent its load (one traced load of each page of the default atlas). */
  profile?: ProfileSplit[];
  /** Files of points opened on the atlas page and on the bare page, smallest first. */
  openedFiles?: OpenedFileResult[];
}
