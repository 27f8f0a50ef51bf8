import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, serveData, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/**
 * Answers every `/data/…` request from another data root on disk, as a deployment of other data
 * would, each file changed by `patch` when given.
 */
function serveDataFrom(
  context: BrowserContext,
  root: string,
  patch?: (path: string, text: string) => string,
) {
  return serveData(context, (path) => {
    try {
      const text = readFileSync(join(root, path), 'utf8');
      return patch ? patch(path, text) : text;
    } catch {
      return undefined;
    }
  });
}

const renderedPlaceNames = (page: Page) =>
  page.evaluate(() =>
    [
      ...new Set(
        window.articleAtlas.map
          .queryRenderedFeatures({ layers: ['atlas-place-circle'] })
          .map((f) => String(f.properties.name)),
      ),
    ].sort(),
  );

describe('the atlas data in the page', () => {
  it('loads the Karabakh atlas from data/ through the validated path and draws its places and region', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'map-idle');
    await app.page.waitForFunction(
      () => window.articleAtlas.map.getLayer('atlas-place-circle') !== undefined,
    );
    await app.page.waitForFunction(() => window.articleAtlas.map.loaded());
    expect(await app.page.title()).toBe(
      "Azerbaijan, Karabakh separatists hold 'constructive' peace talks · Article Atlas",
    );
    expect(app.requestedUrls.filter((u) => u.includes('/data/')).map((u) => new URL(u).pathname)).toEqual([
      '/data/atlases/index.json',
      '/data/atlases/karabakh-peace-talks/article.json',
      '/data/atlases/karabakh-peace-talks/places.geojson',
      '/data/atlases/karabakh-peace-talks/facts.json',
    ]);
    await expect.poll(() => renderedPlaceNames(app.page)).toEqual(['Baku', 'Stepanakert', 'Yerevan']);
    const region = await app.page.evaluate(() =>
      window.articleAtlas.map
        .queryRenderedFeatures({ layers: ['atlas-region-fill'] })
        .map((f) => f.properties.id),
    );
    expect([...new Set(region)]).toEqual(['nagorno-karabakh']);
    expect(await app.page.locator('.data-errors').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    // The disputed region's hatching is there when the map first draws it (no missing-image warning).
    expect(await app.page.evaluate(() => window.articleAtlas.map.hasImage('atlas-hatch'))).toBe(true);
    expect(app.consoleWarnings.filter((w) => w.includes('could not be loaded'))).toEqual([]);
    await app.context.close();
  });

  it('shows what is wrong, file and path, and draws no article layer when the data is invalid', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await serveDataFrom(context, resolve('data'), (path, text) =>
      path.endsWith('facts.json')
        ? text.replace('"placeIds": ["stepanakert"]', '"placeIds": ["stepanakret"]')
        : text,
    );
    const page = await context.newPage();
    await page.goto(baseUrl);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.locator('h2').innerText()).toBe(
      'This atlas cannot be shown: its data did not pass validation.',
    );
    expect(await alert.locator('li').allInnerTexts()).toEqual([
      'data/atlases/karabakh-peace-talks/facts.json: facts[8].placeIds[0]: no place "stepanakret" [unknown-place]',
    ]);
    await waitForMark(page, 'map-idle');
    expect(
      await page.evaluate(() => window.articleAtlas.map.getLayer('atlas-place-circle') === undefined),
    ).toBe(true);
    await context.close();
  });

  it('names the line and column of broken JSON in an atlas file, with the scanner it loads for it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await serveDataFrom(context, resolve('data'), (path, text) =>
      path.endsWith('facts.json') ? text.replace('"facts": [', '"facts": [,') : text,
    );
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(baseUrl);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.locator('li').allInnerTexts()).toEqual([
      "data/atlases/karabakh-peace-talks/facts.json: not valid JSON: line 2, column 13: unexpected ',': expected a value [not-json]",
    ]);
    expect(scripts.filter((s) => s.includes('json-syntax')).length).toBe(1);
    await context.close();
  });

  it('loads, validates and draws a second atlas from other data with no code change', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await serveDataFrom(context, resolve('tests/fixtures/valid/second-atlas'));
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForMark(page, 'map-idle');
    await page.waitForFunction(() => window.articleAtlas.map.getLayer('atlas-place-circle') !== undefined);
    const fixture = JSON.parse(
      readFileSync('tests/fixtures/valid/second-atlas/atlases/tbilisi-fixture/article.json', 'utf8'),
    ) as { headline: string };
    expect(await page.title()).toBe(`${fixture.headline} · Article Atlas`);
    const places = JSON.parse(
      readFileSync('tests/fixtures/valid/second-atlas/atlases/tbilisi-fixture/places.geojson', 'utf8'),
    ) as { features: { geometry: { type: string }; properties: { name: string } }[] };
    const pointNames = places.features
      .filter((f) => f.geometry.type === 'Point')
      .map((f) => f.properties.name)
      .sort();
    await expect.poll(() => renderedPlaceNames(page)).toEqual(pointNames);
    expect(await page.locator('.data-errors').count()).toBe(0);
    await context.close();
  });
});
