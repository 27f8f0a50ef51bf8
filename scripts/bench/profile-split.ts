// Where a page's main thread spends a stretch of its load: pure, from the events of a Chrome trace
// (its sampled CPU profile and its style, layout and paint events) and the page's marks. The
// Chromium part that records the trace is profile.ts.
//
// Each sample of the main thread's CPU profile covers the time to the next sample. A sample taken
// while the thread ran a style, layout or paint event is that work's (even when a script forced
// it); any other sample is the script function it found running (the nearest frame with a
// script's URL: its source file through the source maps), garbage collecting, other browser work
// (a task with no script on the stack: parsing, loading, timers), or idle. Time the profile has
// no sample for is "unsampled", so the parts add up to the stretch.

/** One event of a Chrome trace (the JSON trace event format), as far as the split reads it. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** µs on the trace's clock. */
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

/** A frame of the CPU profile: where the function was defined (0-based line and column). */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** The owner of a script position: "MapLibre", "app: src/map/map-app.ts", or the file's name. */
export type SourceOwner = (frame: CallFrame) => string;

/** A stretch of the load between two of the page's marks (`navigation` for the navigation's start). */
export interface SplitWindow {
  from: string;
  to: string;
  /** The mark to end at when the page did not set `to`. */
  orElse?: string;
}

/** One part of a stretch, ms. */
export interface SplitPart {
  part: string;
  ms: number;
}

/** The split of one stretch of one page's load. */
export interface ProfileSplit {
  page: string;
  from: string;
  to: string;
  /** The stretch's length, ms: the sum of its parts. */
  ms: number;
  parts: SplitPart[];
}

/** The owner that the split breaks down by caller. */
export const MAPLIBRE = 'MapLibre';

/** The main thread's style, layout and paint events, by part. */
const RENDERING: Record<string, string> = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layout',
  PrePaint: 'paint and composite',
  Paint: 'paint and composite',
  Layerize: 'paint and composite',
  UpdateLayer: 'paint and composite',
  Commit: 'paint and composite',
  CompositeLayers: 'paint and composite',
};

/** The parts in the order of the report's table; script owners come first, by time. */
export const FIXED_PARTS = [
  'style',
  'layout',
  'paint and composite',
  'GC',
  'other browser work',
  'idle',
  'unsampled',
] as const;

/** A profile node's frame, its parent, and the owner its samples go to (resolved once). */
interface ProfileNode {
  callFrame: CallFrame;
  parent?: number;
}

interface CpuProfileChunk {
  nodes?: { id: number; callFrame: CallFrame; parent?: number }[];
  samples?: number[];
}

/** The samples of one thread's profile: when each was taken (µs, trace clock) and its node. */
interface Samples {
  times: number[];
  nodes: number[];
  byId: Map<number, ProfileNode>;
}

function readSamples(events: readonly TraceEvent[], pid: number, tid: number): Samples {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const byId = new Map<number, ProfileNode>();
  const times: number[] = [];
  const nodes: number[] = [];
  if (!profile) return { times, nodes, byId };
  const data = profile.args?.['data'] as { startTime?: number } | undefined;
  let t = data?.startTime ?? profile.ts;
  // The chunks of a profile carry its id; they may come from another thread id than the Profile event's.
  for (const chunk of events.filter(
    (e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid,
  )) {
    const d = chunk.args?.['data'] as { cpuProfile?: CpuProfileChunk; timeDeltas?: number[] } | undefined;
    for (const n of d?.cpuProfile?.nodes ?? []) {
      byId.set(n.id, n.parent === undefined ? { callFrame: n.callFrame } : n);
    }
    const deltas = d?.timeDeltas ?? [];
    (d?.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += deltas[i] ?? 0;
      times.push(t);
      nodes.push(node);
    });
  }
  // A chunk's time deltas may be negative: its samples are not always in order.
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  return { times: order.map((i) => times[i]!), nodes: order.map((i) => nodes[i]!), byId };
}

/** The frames of a node, from it up to the root. */
function* stack(samples: Samples, node: ProfileNode | undefined): Generator<ProfileNode> {
  for (let n = node; n; n = n.parent === undefined ? undefined : samples.byId.get(n.parent)) yield n;
}

/**
 * The owner of a sample's node: its part, or the script that ran. A built-in (JSON.parse, a WebGL
 * call) goes to the script that called it; MapLibre's time also names the other code that called
 * it (the app's, through a marker or a query), or none when MapLibre ran by itself (its frame loop,
 * its event handlers).
 */
function nodeOwner(samples: Samples, id: number, owner: SourceOwner, busy: boolean): string {
  const node = samples.byId.get(id);
  const name = node?.callFrame.functionName;
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle';
  if (name === '(program)' || name === '(root)' || !node) return busy ? 'other browser work' : 'idle';
  const owners = [...stack(samples, node)].filter((n) => n.callFrame.url).map((n) => owner(n.callFrame));
  const [first] = owners;
  if (first === undefined) return 'other browser work';
  if (first !== MAPLIBRE) return first;
  const caller = owners.find((o) => o !== MAPLIBRE);
  const native = node.callFrame.url ? '' : ' (native calls: WebGL, built-ins)';
  return `${MAPLIBRE}${native}${caller ? `, called by ${caller}` : ''}`;
}

/** Intervals [start, end) in µs, sorted by start, with the part they belong to. */
interface Interval {
  start: number;
  end: number;
  part: string;
}

function intervalsOf(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  part: (e: TraceEvent) => string | undefined,
) {
  return events
    .flatMap((e): Interval[] => {
      const p = e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur ? part(e) : undefined;
      return p ? [{ start: e.ts, end: e.ts + (e.dur ?? 0), part: p }] : [];
    })
    .sort((a, b) => a.start - b.start);
}

/** The part of the innermost interval covering t (the latest started), or undefined. */
function covering(intervals: readonly Interval[], t: number): string | undefined {
  let found: string | undefined;
  for (const i of intervals) {
    if (i.start > t) break;
    if (t < i.end) found = i.part;
  }
  return found;
}

/**
 * The page's main thread: the thread that recorded its marks (User Timing events). The trace
 * clock of the navigation's start is that event's time less the mark's time in the page.
 */
export function mainThreadOf(
  events: readonly TraceEvent[],
  marks: Readonly<Record<string, number>>,
): { pid: number; tid: number; originUs: number } | undefined {
  const mark = events.find((e) => e.cat.includes('blink.user_timing') && marks[e.name] !== undefined);
  if (!mark) return undefined;
  return { pid: mark.pid, tid: mark.tid, originUs: mark.ts - (marks[mark.name] ?? 0) * 1000 };
}

/**
 * The split of each stretch of a page's load, from its trace and its marks (ms from navigation).
 * A stretch whose marks the page did not set is left out.
 */
export function splitProfile(options: {
  page: string;
  events: readonly TraceEvent[];
  marks: Readonly<Record<string, number>>;
  windows: readonly SplitWindow[];
  owner: SourceOwner;
}): ProfileSplit[] {
  const { page, events, marks, windows, owner } = options;
  const main = mainThreadOf(events, marks);
  if (!main) return [];
  const { pid, tid, originUs } = main;
  const samples = readSamples(events, pid, tid);
  const rendering = intervalsOf(events, pid, tid, (e) => RENDERING[e.name]);
  const tasks = intervalsOf(events, pid, tid, (e) =>
    e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' ? 'task' : undefined,
  );
  const owners = new Map<number, string>();
  const ownerOf = (node: number, busy: boolean) => {
    const key = busy ? node : -node - 1;
    let o = owners.get(key);
    if (o === undefined) {
      o = nodeOwner(samples, node, owner, busy);
      owners.set(key, o);
    }
    return o;
  };
  const at = (mark: string) => (mark === 'navigation' ? 0 : marks[mark]);
  return windows.flatMap((w) => {
    const { from } = w;
    const to = marks[w.to] === undefined && w.orElse ? w.orElse : w.to;
    const [fromMs, toMs] = [at(from), at(to)];
    if (fromMs === undefined || toMs === undefined || toMs < fromMs) return [];
    const [start, end] = [originUs + fromMs * 1000, originUs + toMs * 1000];
    const totals = new Map<string, number>();
    const add = (part: string, us: number) => totals.set(part, (totals.get(part) ?? 0) + us);
    let sampled = 0;
    samples.times.forEach((t, i) => {
      const next = samples.times[i + 1] ?? t;
      const [a, b] = [Math.max(t, start), Math.min(next, end)];
      if (b <= a) return;
      const mid = (a + b) / 2;
      const part = covering(rendering, mid) ?? ownerOf(samples.nodes[i]!, covering(tasks, mid) !== undefined);
      add(part, b - a);
      sampled += b - a;
    });
    add('unsampled', end - start - sampled);
    const fixed = new Set<string>(FIXED_PARTS);
    const scripts = [...totals]
      .filter(([p]) => !fixed.has(p))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const parts = [...scripts, ...FIXED_PARTS.map((p) => [p, totals.get(p) ?? 0] as const)].map(
      ([part, us]) => ({
        part,
        ms: Math.round(us / 100) / 10,
      }),
    );
    return [{ page, from, to, ms: Math.round((toMs - fromMs) * 10) / 10, parts }];
  });
}

/** A stretch's name in the report: "map-created → map-load". */
export const windowName = (s: Pick<ProfileSplit, 'from' | 'to'>): string => `${s.from} → ${s.to}`;

/**
 * The splits as one Markdown table: a row per part, a column per page and stretch; script owners
 * under `minMs` in every column are summed in one row per kind (app files, packages, chunks).
 */
export function splitTable(splits: readonly ProfileSplit[], minMs = 1): string[] {
  if (splits.length === 0) return [];
  const fixed = new Set<string>(FIXED_PARTS);
  const msOf = (s: ProfileSplit, part: string) => s.parts.find((p) => p.part === part)?.ms ?? 0;
  const scripts = [...new Set(splits.flatMap((s) => s.parts.map((p) => p.part)))].filter(
    (p) => !fixed.has(p),
  );
  const shown = scripts.filter((p) => splits.some((s) => msOf(s, p) >= minMs));
  const folded = scripts.filter((p) => !shown.includes(p));
  const busiest = (p: string) => Math.max(...splits.map((s) => msOf(s, p)));
  const rows: { part: string; ms: (s: ProfileSplit) => number }[] = [
    ...shown
      .sort((a, b) => busiest(b) - busiest(a) || a.localeCompare(b))
      .map((part) => ({ part, ms: (s: ProfileSplit) => msOf(s, part) })),
    ...(folded.length
      ? [
          {
            part: `other scripts under ${minMs} ms (${folded.length})`,
            ms: (s: ProfileSplit) => folded.reduce((n, p) => n + msOf(s, p), 0),
          },
        ]
      : []),
    ...FIXED_PARTS.map((part) => ({ part, ms: (s: ProfileSplit) => msOf(s, part) })),
  ];
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return [
    `| part (ms) | ${splits.map((s) => `${s.page}: ${windowName(s)}`).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(splits.length)}`,
    ...rows.map((row) => `| ${row.part} | ${splits.map((s) => r1(row.ms(s))).join(' | ')} |`),
    `| **stretch** | ${splits.map((s) => `**${r1(s.ms)}**`).join(' | ')} |`,
  ];
}
