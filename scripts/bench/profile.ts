// The Chromium part of the profile split: loads a page once in a fresh context with Chrome's
// tracing on (the sampled CPU profile, and style, layout and paint), and splits the main thread's
// time between the page's marks by profile-split.ts. Script positions are read back to their
// source files through the build's source maps.
//
//   npx tsx scripts/bench/profile.ts   the split of the built app and bench pages, printed
//                                      (build first: npx vite build; the bench pages are built
//                                      by npm run bench, or by this with BENCH_BUILD=1)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { ROOT } from '../node-data';
import { VIEWPORT } from './config';
import {
  MAPLIBRE,
  splitProfile,
  type CallFrame,
  type ProfileSplit,
  type SplitWindow,
  type TraceEvent,
} from './profile-split';
import { resolveRequest, type Mount } from './serve';

const LOAD_TIMEOUT_MS = 120_000;

const CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
];

/** Whose code a source file is: MapLibre, Leaflet, the app's by file, a bench page's, or a package. */
export function ownerOfSource(path: string): string {
  if (path.includes('node_modules/maplibre-gl/')) return MAPLIBRE;
  if (path.includes('node_modules/leaflet/')) return 'Leaflet';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return `app: ${pkg}`;
  if (path.startsWith('bench/')) return `bench page: ${path}`;
  return `app: ${path}`;
}

/** The owner of each script position, by the source maps of the files the mounts serve. */
export function sourceOwner(mounts: readonly Mount[]): (frame: CallFrame) => string {
  const consumers = new Map<string, { consumer: SourceMapConsumer; dir: string } | undefined>();
  const consumerOf = (file: string) => {
    if (!consumers.has(file)) {
      const map = `${file}.map`;
      consumers.set(
        file,
        existsSync(map)
          ? {
              consumer: new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8')) as RawSourceMap),
              dir: dirname(map),
            }
          : undefined,
      );
    }
    return consumers.get(file);
  };
  return (frame) => {
    const file = resolveRequest(frame.url, mounts);
    const chunk = frame.url.split('/').pop()?.split('?')[0] ?? frame.url;
    const byChunk = chunk.startsWith('maplibre') ? MAPLIBRE : `chunk: ${chunk}`;
    const map = file ? consumerOf(file) : undefined;
    if (!map) return byChunk;
    const position = { line: frame.lineNumber + 1, column: frame.columnNumber };
    // A function defined at the start of a line may have no mapping before its column.
    const source =
      map.consumer.originalPositionFor(position).source ??
      map.consumer.originalPositionFor({ ...position, bias: SourceMapConsumer.LEAST_UPPER_BOUND }).source;
    return source ? ownerOfSource(relative(ROOT, resolve(map.dir, source))) : byChunk;
  };
}

/**
 * Loads `url` once with tracing on, waits for the mark `until`, and splits each window of the
 * main thread's time. The page's marks are read after `until`; a window whose marks are missing
 * is left out.
 */
export async function profilePage(options: {
  browser: Browser;
  page: string;
  url: string;
  until: string;
  windows: readonly SplitWindow[];
  mounts: readonly Mount[];
}): Promise<ProfileSplit[]> {
  const { browser, url, until, windows, mounts } = options;
  const context = await browser.newContext({ viewport: VIEWPORT });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  await tab.goto(url);
  await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, until, {
    timeout: LOAD_TIMEOUT_MS,
  });
  // One frame more, so that the paint after the last mark is in the trace.
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  const marks = await tab.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  // BENCH_TRACE_DIR=<dir> keeps each trace, to open in Chrome's DevTools (Performance, Load profile).
  const dir = process.env.BENCH_TRACE_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${options.page}.trace.json`), JSON.stringify({ traceEvents: events }));
  }
  return splitProfile({ page: options.page, events, marks, windows, owner: sourceOwner(mounts) });
}
