import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

interface MapEvent {
  type: string;
  at: number;
  /** Article markers on the map when the event fired. */
  markers: number;
}

/**
 * Runs before the page's own scripts: records the map's events from the moment the app hands the
 * map out (window.articleAtlas is assigned right after the map is created).
 */
function recordMapEvents(): void {
  const events: MapEvent[] = [];
  let handle: { map: { on: (type: string, listener: () => void) => void } } | undefined;
  Object.defineProperty(window, 'articleAtlas', {
    configurable: true,
    get: () => handle,
    set: (value: typeof handle) => {
      handle = value;
      for (const type of ['resize', 'movestart', 'load', 'idle']) {
        value?.map.on(type, () =>
          events.push({
            type,
            at: performance.now(),
            markers: document.querySelectorAll('.place-marker').length,
          }),
        );
      }
    },
  });
  Object.assign(window, { mapEvents: events });
}

async function load(
  on: Browser,
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; events: MapEvent[]; appReady: number; close: () => Promise<void> }> {
  const context = await on.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(recordMapEvents);
  await page.goto(new URL(path, baseUrl).href);
  await waitForMark(page, 'app-ready');
  const { events, appReady } = await page.evaluate(() => ({
    events: (window as unknown as { mapEvents: MapEvent[] }).mapEvents,
    appReady: performance.getEntriesByName('app-ready')[0]!.startTime,
  }));
  return { page, events, appReady, close: () => context.close() };
}

describe('loading without waste', () => {
  it('creates the map at its final size: the panel has its place from the first paint, so the map never resizes', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { events, close } = await load(browser, '/', viewport);
      expect(events.filter((e) => e.type === 'resize')).toEqual([]);
      await close();
    }
  });

  it("puts the markers on the map when it takes over from the first screen's picture, after its first complete frame: the app is ready at the next idle", async () => {
    const { page, events, appReady, close } = await load(browser, '/');
    // Until MapLibre has drawn everything the picture names the places: no marker delays the map.
    const loaded = events.find((e) => e.type === 'load');
    expect(loaded?.markers).toBe(0);
    expect(events.filter((e) => e.type === 'idle' && e.at <= appReady).length).toBeLessThanOrEqual(2);
    expect(await page.locator('.place-marker').count()).toBe(4);
    await close();
  });

  it('does not move the map again to the view of a link it was created at', async () => {
    const { page, events, appReady, close } = await load(browser, '/#map=5.6/40/46.6');
    expect(events.filter((e) => e.type === 'movestart' && e.at <= appReady)).toEqual([]);
    expect(await page.evaluate(() => window.location.hash)).toBe('#map=5.6/40/46.6');
    await close();
  });

  it('asks for the first screen’s fonts with the page, before any text needs them', async () => {
    const { page, close } = await load(browser, '/');
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) =>
        l.href.replace(/^.*\/assets\/(noto-sans-[a-z-]+?-\d00-[a-z]+)-[\w-]+\.woff2$/, '$1'),
      ),
    );
    expect(preloaded.sort()).toEqual([
      'noto-sans-latin-400-italic',
      'noto-sans-latin-400-normal',
      'noto-sans-latin-600-normal',
    ]);
    const fontsUsed = await page.evaluate(
      () =>
        [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans' && f.status === 'loaded')
          .length,
    );
    expect(fontsUsed).toBeGreaterThanOrEqual(3);
    await close();
  });
});
