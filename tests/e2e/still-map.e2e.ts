import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { openApp, waitForMark, type PageRecord } from './page-helpers';

// The first screen the build draws (the atlas's default view as SVG, scripts/first-screen-map.ts)
// is the map from the first paint: its places open before MapLibre's code has come, where the
// browser has no WebGL it stays the map, and MapLibre takes over at the very same view.

const baseUrl = inject('baseUrl');
const browser = useChromium();

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const places = model.orderedPlaces;
const story = places.filter((p) => p.properties.group === 'story');
const SIZES = [
  ['desktop 1280x800', { width: 1280, height: 800 }],
  ['phone 375x667', { width: 375, height: 667 }],
] as const;

/** MapLibre's code never arrives: the request is held unanswered, as on a slow connection. */
const holdMapLibre = (context: BrowserContext) => context.route(/\/assets\/maplibre-[^/]*\.js$/, () => {});

/** The browser has no WebGL (a locked-down machine, an old GPU): every context asked for is refused. */
const noWebGl = (context: BrowserContext) =>
  context.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      value: function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/.test(type)) return null;
        return Reflect.apply(getContext, this, [type, ...rest]) as unknown;
      },
    });
  });

/** The picture's place links as the reader meets them: name, shown, inside the map's box. */
const placeLinks = (page: Page) =>
  page.evaluate(() => {
    const map = document.getElementById('map')!.getBoundingClientRect();
    return [...document.querySelectorAll<SVGAElement>('svg.first-screen-map a[data-place]')].map((a) => {
      const box = a.getBoundingClientRect();
      const style = getComputedStyle(a);
      return {
        id: a.dataset.place!,
        text: a.textContent?.trim() ?? '',
        shown:
          style.visibility !== 'hidden' &&
          box.width > 0 &&
          box.left >= map.left &&
          box.right <= map.right &&
          box.top >= map.top &&
          box.bottom <= map.bottom,
      };
    });
  });

const popupHeading = (page: Page) =>
  page.evaluate(() => {
    const dialog = document.getElementById('place-popup');
    const id = dialog?.getAttribute('aria-labelledby');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

let app: PageRecord | undefined;
afterEach(async () => {
  await app?.context.close();
  app = undefined;
});

describe('the first screen drawn by the build', () => {
  for (const [size, viewport] of SIZES) {
    it(`names every story place before MapLibre's code has come, and opens them (${size})`, async () => {
      app = await openApp(browser, baseUrl, { viewport, beforeGoto: holdMapLibre });
      const { page } = app;
      await page.waitForSelector('svg.first-screen-map.is-live');
      const links = await placeLinks(page);
      for (const place of story) {
        const link = links.find((l) => l.id === place.id);
        expect(link, place.id).toBeDefined();
        expect(link?.text).toContain(place.properties.name);
        expect(link?.shown, `${place.id} shown in the map`).toBe(true);
      }
      expect(await page.evaluate(() => performance.getEntriesByName('map-created').length)).toBe(0);
      const [first] = story;
      await page.click(`svg.first-screen-map a[data-place="${first!.id}"]`);
      expect(await popupHeading(page)).toBe(first!.properties.name);
      expect(new URL(page.url()).hash).toContain(`place=${first!.id}`);
      expect(app.consoleErrors).toEqual([]);
    });
  }

  it('is the map where the browser has no WebGL: every place opens with the keyboard and closes back to its name', async () => {
    app = await openApp(browser, baseUrl, { beforeGoto: noWebGl });
    const { page } = app;
    await page.waitForSelector('svg.first-screen-map.is-live');
    const notice = page.locator('[data-notice-id="webgl"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('the map is a still picture of the story');
    expect(await page.locator('#map.map-unavailable').count()).toBe(0);
    expect(await page.locator('#map').isVisible()).toBe(true);
    // Every story place is on the picture, and opens from it with the keyboard.
    const onPicture = new Set((await placeLinks(page)).filter((l) => l.shown).map((l) => l.id));
    for (const place of story) expect([...onPicture], place.id).toContain(place.id);
    for (const place of places.filter((p) => onPicture.has(p.id))) {
      await page.focus(`svg.first-screen-map a[data-place="${place.id}"]`);
      await page.keyboard.press('Enter');
      expect(await popupHeading(page), place.id).toBe(place.properties.name);
      await page.keyboard.press('Escape');
      expect(await page.locator('#place-popup').count()).toBe(0);
      expect(await page.evaluate(() => (document.activeElement as SVGAElement | null)?.dataset?.place)).toBe(
        place.id,
      );
    }
    // The places beyond it open from the panel, their popup over the picture, inside the map.
    const beyond = places.filter((p) => !onPicture.has(p.id));
    expect(beyond.length).toBeGreaterThan(0);
    for (const place of beyond) {
      await page.click(`.place-link[data-place-id="${place.id}"]`);
      expect(await popupHeading(page), place.id).toBe(place.properties.name);
      const inside = await page.evaluate(() => {
        const map = document.getElementById('map')!.getBoundingClientRect();
        const box = document.getElementById('place-popup')!.getBoundingClientRect();
        return (
          box.left >= map.left && box.right <= map.right && box.top >= map.top && box.bottom <= map.bottom
        );
      });
      expect(inside, place.id).toBe(true);
      await page.keyboard.press('Escape');
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('stays the map where the browser has no WebGL under a link with a name set, the panel under those names', async () => {
    app = await openApp(browser, baseUrl, { path: '#names=az', beforeGoto: noWebGl });
    const { page } = app;
    await page.waitForSelector('svg.first-screen-map.is-live');
    await page.locator('[data-notice-id="webgl"]').waitFor();
    expect(await page.locator('svg.first-screen-map.is-live').count()).toBe(1);
    await expect
      .poll(() => page.locator('#panel-place-stepanakert-title').textContent(), { timeout: 10_000 })
      .toBe('Xankəndi (Stepanakert)');
    expect(app.consoleErrors).toEqual([]);
  });

  for (const [size, viewport] of SIZES) {
    it(`hands over to MapLibre at the same view (${size})`, async () => {
      app = await openApp(browser, baseUrl, { viewport });
      const { page } = app;
      await waitForMark(page, 'app-ready');
      await page.waitForSelector('svg.first-screen-map.is-retired', { state: 'attached' });
      const { picture, map } = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>('svg.first-screen-map')!;
        const [x, y, w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number) as [
          number,
          number,
          number,
          number,
        ];
        const width = document.getElementById('map')!.getBoundingClientRect().width;
        const m = window.articleAtlas.map;
        const c = m.getCenter();
        const k = 512 * 2 ** m.getZoom();
        const phi = (c.lat * Math.PI) / 180;
        return {
          picture: { x: x + w / 2, y: y + h / 2, zoom: Math.log2(width / w) },
          map: {
            x: ((c.lng + 180) / 360) * 512,
            y: (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * 512,
            zoom: m.getZoom(),
            k,
          },
        };
      });
      // The same centre to a tenth of a screen pixel, the same zoom to a thousandth.
      const px = 2 ** map.zoom;
      expect(Math.abs(picture.x - map.x) * px).toBeLessThan(0.1);
      expect(Math.abs(picture.y - map.y) * px).toBeLessThan(0.1);
      expect(Math.abs(picture.zoom - map.zoom)).toBeLessThan(0.001);
      // MapLibre's markers took over: the story's names are on its map now.
      const markers = await page.locator('.maplibregl-marker').count();
      expect(markers).toBeGreaterThanOrEqual(story.length);
      expect(app.consoleErrors).toEqual([]);
    });
  }
});
