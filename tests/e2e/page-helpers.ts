import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hexToRgb } from '../../src/domain/place-colours';

export interface PageRecord {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  consoleWarnings: string[];
  failedRequests: string[];
  requestedUrls: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Abort every request that does not go to localhost, as an offline network would. */
  blockNonLocal?: boolean;
  path?: string;
  /** Set up the context before the page loads (routes, init scripts). */
  beforeGoto?: (context: BrowserContext) => Promise<unknown>;
}

export const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
};

/** Opens the app in a fresh context, recording console errors and every request. */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: OpenOptions = {},
): Promise<PageRecord> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const record: PageRecord = {
    page,
    context,
    consoleErrors: [],
    consoleWarnings: [],
    failedRequests: [],
    requestedUrls: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
    if (message.type() === 'warning') record.consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => record.consoleErrors.push(error.message));
  page.on('request', (request) => record.requestedUrls.push(request.url()));
  page.on('requestfailed', (request) =>
    record.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) record.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  if (options.blockNonLocal) {
    await context.route('**/*', (route) =>
      isLocal(route.request().url()) ? route.continue() : route.abort('internetdisconnected'),
    );
  }
  await options.beforeGoto?.(context);
  await page.goto(new URL(options.path ?? '', baseUrl).href);
  return record;
}

/**
 * Answers the page's requests under /data/ with `read(path)` (the path after /data/), as JSON;
 * a path it does not know is a 404.
 */
export async function serveData(
  context: BrowserContext,
  read: (path: string) => string | undefined,
): Promise<void> {
  await context.route('**/data/**', async (route) => {
    const body = read(new URL(route.request().url()).pathname.replace(/^.*?\/data\//, ''));
    await (body === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'application/json', body }));
  });
}

/** Hadrut, inside the disputed region, and a GeoJSON file of that one point, for the tests that open files. */
export const HADRUT: [number, number] = [46.93, 39.52];
export const HADRUT_FILE = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Hadrut' }, geometry: { type: 'Point', coordinates: HADRUT } },
  ],
});

/** Centres the map on `center` at `zoom`, and waits until it is drawn there. */
export async function jumpAndWait(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      new Promise((done) => {
        const { map } = window.articleAtlas;
        map.once('idle', () => done(null));
        map.jumpTo({ center, zoom });
      }),
    { center, zoom },
  );
}

/**
 * Screen points at the given pixel offsets from `lngLat`: where each is on the map, and whether
 * the map's canvas is there (no marker or popup over it), so that a click there reaches the map.
 */
export function screenPointsAround(page: Page, lngLat: [number, number], offsets: [number, number][]) {
  return page.evaluate(
    ({ lngLat, offsets }) => {
      const { map } = window.articleAtlas;
      const p = map.project(lngLat);
      const r = map.getCanvas().getBoundingClientRect();
      return offsets.map(([dx, dy]) => {
        const x = r.left + p.x + dx;
        const y = r.top + p.y + dy;
        const at = map.unproject([p.x + dx, p.y + dy]);
        return {
          dx,
          dy,
          x,
          y,
          lngLat: [at.lng, at.lat] as [number, number],
          onCanvas: document.elementFromPoint(x, y) === map.getCanvas(),
        };
      });
    },
    { lngLat, offsets },
  );
}

export async function waitForMark(page: Page, name: string, timeout = 45_000): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout });
}

/** Counts the pixels of a PNG within `tolerance` (per channel) of each colour. */
export function countColours(
  png: Buffer,
  colours: Record<string, string>,
  tolerance = 3,
): Record<string, number> {
  const image = PNG.sync.read(png);
  const targets = Object.entries(colours).map(([name, hex]) => [name, hexToRgb(hex)] as const);
  const counts: Record<string, number> = Object.fromEntries(targets.map(([name]) => [name, 0]));
  for (let i = 0; i < image.data.length; i += 4) {
    for (const [name, [r, g, b]] of targets) {
      if (
        Math.abs(image.data[i]! - r) <= tolerance &&
        Math.abs(image.data[i + 1]! - g) <= tolerance &&
        Math.abs(image.data[i + 2]! - b) <= tolerance
      ) {
        counts[name]! += 1;
      }
    }
  }
  return counts;
}
