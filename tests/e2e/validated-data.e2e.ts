import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const PLACES = 'data/atlases/karabakh-peace-talks/places.geojson';
const validatorRequests = (urls: readonly string[]) =>
  urls.filter((u) => /\/assets\/validate-atlas-/.test(u));

/** Opens the page with the seed's places file answered by `places` (its text), recording requests. */
async function openWithPlaces(b: Browser, places: string) {
  const context = await b.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(`**/${PLACES}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/geo+json', body: places }),
  );
  const page = await context.newPage();
  const requestedUrls: string[] = [];
  page.on('request', (request) => requestedUrls.push(request.url()));
  await page.goto(baseUrl);
  return { context, page, requestedUrls };
}

describe('atlas files the build validated', () => {
  for (const [name, path] of [
    ['the default atlas', ''],
    ['another atlas of the index', '?atlas=cyprus-reunification-talks'],
  ]) {
    it(`shows ${name} without loading the validator`, async () => {
      const { page, context, requestedUrls, consoleErrors } = await openApp(browser, baseUrl, { path });
      await waitForMark(page, 'app-ready');
      expect(await page.locator('.panel-headline').count()).toBe(1);
      expect(validatorRequests(requestedUrls)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('validates a file that differs from the one the build validated, and shows it when it is valid', async () => {
    // The same places, written on one line: other bytes, another digest.
    const places = JSON.stringify(JSON.parse(readFileSync(PLACES, 'utf8')));
    const { page, context, requestedUrls } = await openWithPlaces(browser, places);
    await waitForMark(page, 'app-ready');
    expect(validatorRequests(requestedUrls)).toHaveLength(1);
    expect(await page.locator('.panel-place').count()).toBe(9);
    await context.close();
  });

  it('validates a file edited since the build and gives the validator’s words for its error', async () => {
    const places = readFileSync(PLACES, 'utf8').replace(
      '"type": "FeatureCollection",',
      '"type": "FeatureCollection", "crs": { "type": "name" },',
    );
    const { page, context, requestedUrls } = await openWithPlaces(browser, places);
    await expect.poll(() => page.locator('.data-errors li').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.data-errors li').innerText()).toBe(
      'data/atlases/karabakh-peace-talks/places.geojson: crs: RFC 7946 GeoJSON has no "crs" member [crs-member]',
    );
    expect(validatorRequests(requestedUrls)).toHaveLength(1);
    await context.close();
  });
});
