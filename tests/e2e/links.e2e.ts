import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };
const BAKU: [number, number] = [49.892, 40.3777];
const MOSCOW: [number, number] = [37.6156, 55.7522];
const STEPANAKERT: [number, number] = [46.7528, 39.8177];

async function ready(viewport: { width: number; height: number }, hash = '') {
  const app = await openApp(browser, baseUrl, { viewport, path: hash });
  await waitForMark(app.page, 'app-ready');
  return app;
}

/**
 * Where each position is on the page, and whether the reader sees it: inside the map and, where
 * the popup is a sheet along the bottom (phones), above the sheet.
 */
function seen(page: Page, positions: [number, number][]) {
  return page.evaluate((positions) => {
    const { map } = window.articleAtlas;
    const frame = map.getContainer().getBoundingClientRect();
    const popup = document.getElementById('place-popup')?.getBoundingClientRect();
    const sheetTop = popup && popup.width >= frame.width - 32 ? popup.top : frame.bottom;
    return positions.map((lngLat) => {
      const p = map.project(lngLat);
      const x = frame.left + p.x;
      const y = frame.top + p.y;
      return x >= frame.left && x <= frame.right && y >= frame.top && y <= Math.min(frame.bottom, sheetTop);
    });
  }, positions);
}

describe('a link made on a desktop, opened on a phone', () => {
  const link = '#place=baku&map=5.95/38.8367/47.2023';

  it('keeps the view on the desktop, where it shows the place', async () => {
    const { page, context } = await ready(DESKTOP, link);
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    const view = await page.evaluate(() => {
      const { map } = window.articleAtlas;
      return [map.getZoom(), map.getCenter().lat, map.getCenter().lng].map((n) => +n.toFixed(4));
    });
    expect(view).toEqual([5.95, 38.8367, 47.2023]);
    expect(await seen(page, [BAKU])).toEqual([true]);
    await context.close();
  });

  it('frames the place on a phone, where the view would leave it off screen: the place wins', async () => {
    const { page, context } = await ready(PHONE, link);
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    expect(await seen(page, [BAKU])).toEqual([true]);
    // The link now says where the map is.
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toBe(link);
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#place=baku&map=/);
    await context.close();
  });
});

describe('moving to a place on a phone', () => {
  it('leaves a reaction from afar and the story visible above the popup sheet', async () => {
    const { page, context } = await ready(PHONE);
    await page.locator('.panel-toggle').click();
    await page.getByRole('button', { name: 'Show Moscow on the map' }).click();
    await expect.poll(() => page.locator('#popup-moscow-title').count()).toBe(1);
    expect(await seen(page, [MOSCOW, STEPANAKERT, BAKU])).toEqual([true, true, true]);
    await context.close();
  });

  it('leaves a story place visible above the popup sheet', async () => {
    const { page, context } = await ready(PHONE);
    await page.locator('.panel-toggle').click();
    await page.getByRole('button', { name: 'Show Baku on the map' }).click();
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    expect(await seen(page, [BAKU])).toEqual([true]);
    await context.close();
  });
});
