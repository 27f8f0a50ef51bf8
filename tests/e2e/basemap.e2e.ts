import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LOCATOR_THEME } from '../../src/map/basemap-theme';
import { useChromium } from './chromium';
import { countColours, isLocal, openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

describe('the embedded basemap', () => {
  it('loads with no console error, no failed request and no request off localhost, and marks map-idle', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'map-idle');
    expect(app.consoleErrors).toEqual([]);
    expect(app.failedRequests).toEqual([]);
    expect(app.requestedUrls.filter((url) => !isLocal(url))).toEqual([]);
    expect(app.requestedUrls.some((url) => url.endsWith('/basemap/labels.geojson'))).toBe(true);
    expect(
      app.requestedUrls.filter((url) => /\/basemap\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(url)).length,
    ).toBeGreaterThan(0);
    expect(await app.page.evaluate(() => performance.getEntriesByName('map-idle').length)).toBe(1);
    await app.context.close();
  });

  it('runs on real WebGL and draws both the land and the water colours', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'map-idle');
    const renderer = await app.page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
    });
    expect(renderer).toMatch(/SwiftShader|ANGLE/);
    const png = await app.page.locator('#map canvas').screenshot();
    const counts = countColours(png, {
      water: LOCATOR_THEME.water,
      land: LOCATOR_THEME.land,
      landFocus: LOCATOR_THEME.landFocus,
    });
    const box = await app.page.locator('#map canvas').boundingBox();
    const total = box!.width * box!.height;
    expect(counts.water! / total).toBeGreaterThan(0.05);
    expect(counts.land! / total).toBeGreaterThan(0.1);
    expect(counts.landFocus! / total).toBeGreaterThan(0.1);
    await app.context.close();
  });

  it('still draws with every non-localhost request blocked', async () => {
    const app = await openApp(browser, baseUrl, { blockNonLocal: true });
    await waitForMark(app.page, 'map-idle');
    const png = await app.page.locator('#map canvas').screenshot();
    const counts = countColours(png, { water: LOCATOR_THEME.water, landFocus: LOCATOR_THEME.landFocus });
    expect(counts.water).toBeGreaterThan(10_000);
    expect(counts.landFocus).toBeGreaterThan(10_000);
    expect(app.failedRequests).toEqual([]);
    await app.context.close();
  });

  it('labels countries and seas with the self-hosted font and renders Armenian and Azerbaijani letters', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'map-idle');
    const visibleLabels = await app.page.evaluate(() => {
      const { map } = window.articleAtlas;
      return map
        .queryRenderedFeatures({
          layers: ['basemap-label-country', 'basemap-label-party-country', 'basemap-label-sea'],
        })
        .map((f) => String(f.properties.name))
        .sort();
    });
    expect(visibleLabels).toEqual(['Armenia', 'Azerbaijan', 'Caspian Sea', 'Georgia']);
    // Draw a test label in both scripts on a blank patch of the map and compare with no label.
    const inkBefore = await labelInk(app.page, '');
    const inkAfter = await labelInk(app.page, 'Երևան Xankəndi');
    expect(inkBefore).toBe(0);
    expect(inkAfter).toBeGreaterThan(400);
    const fontFiles = app.requestedUrls
      .filter((url) => url.endsWith('.woff2'))
      .map((u) => u.replace(/^.*\//, ''));
    expect(fontFiles.some((f) => f.startsWith('noto-sans-armenian-armenian-400-normal'))).toBe(true);
    expect(fontFiles.some((f) => f.startsWith('noto-sans-latin-ext-400-normal'))).toBe(true);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  });

  it('draws Crimea within Ukraine’s land, marked disputed and labelled so', async () => {
    const app = await openApp(browser, baseUrl, { path: '#map=5/47/36' });
    await waitForMark(app.page, 'map-idle');
    const seen = await app.page.evaluate(() => {
      const { map } = window.articleAtlas;
      const at = (lng: number, lat: number) =>
        map
          .queryRenderedFeatures(map.project([lng, lat]), { layers: ['basemap-land'] })
          .map((f) => String(f.properties.country));
      return {
        simferopol: at(34.1, 44.95),
        sevastopol: at(33.55, 44.58),
        rostov: at(39.7, 47.25),
        disputedLines: map.queryRenderedFeatures({ layers: ['basemap-disputed'] }).length,
      };
    });
    const labels = () =>
      app.page.evaluate(() =>
        window.articleAtlas.map
          .queryRenderedFeatures({ layers: ['basemap-label-country', 'basemap-label-region'] })
          .map((f) => String(f.properties.name)),
      );
    expect([seen.simferopol, seen.sevastopol, seen.rostov]).toEqual([['UA'], ['UA'], ['RU']]);
    expect(seen.disputedLines).toBeGreaterThan(0);
    await expect.poll(labels).toEqual(expect.arrayContaining(['Ukraine', 'Moldova', 'Crimea (disputed)']));
    expect(app.failedRequests).toEqual([]);
    await app.context.close();
  });

  it('labels the Gulf states at zoom 5, from the same tiles, with no failed request', async () => {
    const app = await openApp(browser, baseUrl, { path: '#map=5/26/52' });
    await waitForMark(app.page, 'map-idle');
    const labels = await app.page.evaluate(() =>
      window.articleAtlas.map
        .queryRenderedFeatures({ layers: ['basemap-label-country', 'basemap-label-sea'] })
        .map((f) => String(f.properties.name)),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['Qatar', 'United Arab Emirates', 'Iran', 'Kuwait', 'The Gulf']),
    );
    expect(app.failedRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  });

  it('pans with the arrow keys and zooms with the keyboard', async () => {
    const app = await openApp(browser, baseUrl);
    // Once MapLibre's map has taken over from the first screen's picture.
    await waitForMark(app.page, 'app-ready');
    const view = () =>
      app.page.evaluate(() => {
        const { map } = window.articleAtlas;
        return { lng: map.getCenter().lng, zoom: map.getZoom() };
      });
    const before = await view();
    await app.page.locator('.maplibregl-canvas').focus();
    await app.page.keyboard.press('ArrowRight');
    // The ease's frames are drawn in software, several tests at a time: it is given time.
    await expect.poll(async () => (await view()).lng, { timeout: 10_000 }).toBeGreaterThan(before.lng + 0.05);
    await app.page.keyboard.press('Equal');
    await expect.poll(async () => (await view()).zoom, { timeout: 10_000 }).toBeCloseTo(before.zoom + 1, 1);
    await app.context.close();
  });

  it('pans with a mouse drag', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'map-idle');
    const center = () =>
      app.page.evaluate(() => {
        const { map } = window.articleAtlas;
        return map.getCenter().lng;
      });
    const before = await center();
    await app.page.mouse.move(640, 400);
    await app.page.mouse.down();
    await app.page.mouse.move(440, 400, { steps: 10 });
    await app.page.mouse.up();
    await app.page.waitForTimeout(300);
    expect(await center()).toBeGreaterThan(before + 0.5);
    await app.context.close();
  });

  it('attributes Natural Earth', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'map-idle');
    await expect
      .poll(() => app.page.locator('.maplibregl-ctrl-attrib').innerText())
      .toContain('Natural Earth');
    await app.context.close();
  });
});

/** Adds a symbol layer with `text` on an empty patch of Iran (no marker, no label) and counts the dark pixels it draws. */
async function labelInk(page: Page, text: string): Promise<number> {
  await page.evaluate(async (label) => {
    const { map } = window.articleAtlas;
    if (map.getLayer('test-label')) map.removeLayer('test-label');
    if (map.getSource('test-label')) map.removeSource('test-label');
    map.jumpTo({ center: [56.5, 35], zoom: 6 });
    map.addSource('test-label', {
      type: 'geojson',
      data: { type: 'Feature', properties: { label }, geometry: { type: 'Point', coordinates: [56.5, 35] } },
    });
    map.addLayer({
      id: 'test-label',
      type: 'symbol',
      source: 'test-label',
      layout: { 'text-field': ['get', 'label'], 'text-font': ['Noto Sans Regular'], 'text-size': 28 },
      paint: { 'text-color': '#000000' },
    });
    await new Promise<void>((done) => map.once('idle', () => done()));
  }, text);
  const box = await page.evaluate(() => {
    const { map } = window.articleAtlas;
    const p = map.project([56.5, 35]);
    const canvas = map.getCanvas().getBoundingClientRect();
    return { x: canvas.left + p.x - 160, y: canvas.top + p.y - 30, width: 320, height: 60 };
  });
  const png = await page.screenshot({ clip: box });
  return countColours(png, { ink: '#000000' }, 60).ink!;
}
