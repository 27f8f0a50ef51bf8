import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { LOCATOR_THEME } from '../../src/map/basemap-theme';
import { useChromium } from './chromium';
import { countColours, HADRUT, HADRUT_FILE, jumpAndWait, openApp, screenPointsAround } from './page-helpers';
import type { RemoteMode } from './remote-basemap-mock';

const baseUrl = inject('baseUrl');
const remoteBaseUrl = inject('remoteBaseUrl');
const remoteMockUrl = inject('remoteMockUrl');

describe('a browser without WebGL', () => {
  const browser = useChromium(['--disable-3d-apis']);

  it('says the map is a still picture, which stays the map, and the panel still gives every place and fact, with export', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    const notice = page.locator('[data-notice-id="webgl"] .notice-text');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.innerText()).toBe(
      'This browser offers no WebGL 2, so the map is a still picture of the story: it cannot be panned or zoomed, but every place on it opens, and every place and fact is in the panel.',
    );
    expect(await page.locator('[data-notice-id="webgl"].notice-warning').count()).toBe(1);
    // The build's picture of the first view is the map (still-map.e2e.ts opens every place on it).
    expect(await page.locator('#map').isVisible()).toBe(true);
    expect(await page.locator('#map svg.first-screen-map.is-live').count()).toBe(1);
    expect(await page.locator('.panel-place').count()).toBe(9);
    const facts = JSON.parse(readFileSync('data/atlases/karabakh-peace-talks/facts.json', 'utf8')) as {
      facts: { placeIds: string[] }[];
    };
    const listed = facts.facts.reduce((n, f) => n + f.placeIds.length, 0);
    expect(await page.locator('.panel-place .fact').count()).toBe(listed);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2023-09-22-karabakh-peace-talks.geojson');
    await context.close();
  });
});

describe('a remote basemap that fails', () => {
  const browser = useChromium();

  const cases: [RemoteMode, RegExp][] = [
    ['not-found', /\(the style answered HTTP 404\)/],
    ['hang', /\(no answer within 8 s\)/],
    ['tiles-fail', /\((its|some of its) tiles failed to load\)/],
  ];
  for (const [mode, reason] of cases) {
    it(`gives way to the embedded basemap within 10 s and says so: ${mode}`, async () => {
      await fetch(`${remoteMockUrl}/mode?set=${mode}`);
      const { page, context } = await openApp(browser, remoteBaseUrl, {
        // The time is the reader's: from the page's navigation to the notice, as the page saw it.
        beforeGoto: (context) =>
          context.addInitScript(() => {
            new MutationObserver((_, observer) => {
              if (!document.querySelector('.notice-warning .notice-text')) return;
              document.documentElement.dataset.noticeAt = String(Math.round(performance.now()));
              observer.disconnect();
            }).observe(document, { childList: true, subtree: true });
          }),
      });
      const notice = page.locator('.notice-warning .notice-text');
      await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
      const noticeAt = await page.evaluate(() => Number(document.documentElement.dataset.noticeAt));
      expect(noticeAt).toBeLessThan(10_000);
      expect(await notice.innerText()).toMatch(reason);
      expect(await notice.innerText()).toMatch(/showing the embedded offline basemap\.$/);
      // The embedded basemap is drawn, with the article's places on it.
      await expect
        .poll(
          async () => {
            const png = await page.locator('#map canvas').screenshot();
            const counts = countColours(png, { water: LOCATOR_THEME.water, land: LOCATOR_THEME.landFocus });
            return counts.water! > 10_000 && counts.land! > 10_000;
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await expect
        .poll(() => page.evaluate(() => Boolean(window.articleAtlas.map.getLayer('atlas-place-circle'))))
        .toBe(true);
      await context.close();
    });
  }

  it('keeps a file opened before the swap to the embedded basemap: its layers come back and a click opens its point', async () => {
    await fetch(`${remoteMockUrl}/mode?set=tiles-fail`);
    // The remote tiles fail only once the file is open, so that the swap comes after it.
    let release: () => void = () => {};
    const opened = new Promise<void>((done) => (release = done));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(`${remoteMockUrl}/tiles/**`, async (route) => {
      await opened;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(remoteBaseUrl);
    // The article's layers are on the remote style: the map can open files.
    await expect
      .poll(() => page.evaluate(() => Boolean(window.articleAtlas?.map.getLayer('atlas-place-circle'))))
      .toBe(true);
    await page.locator('#open-geojson').setInputFiles({
      name: 'towns.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(HADRUT_FILE),
    });
    await expect.poll(() => page.locator('.panel-imported h2').count()).toBe(1);
    expect(await page.locator('.notice-warning').count()).toBe(0);
    expect(await page.evaluate(() => Boolean(window.articleAtlas.map.getLayer('imported-1-circle')))).toBe(
      true,
    );
    release();
    await expect
      .poll(() => page.locator('.notice-warning .notice-text').count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(() => page.evaluate(() => Boolean(window.articleAtlas.map.getLayer('imported-1-circle'))), {
        timeout: 15_000,
      })
      .toBe(true);
    await jumpAndWait(page, HADRUT, 8);
    const [at] = await screenPointsAround(page, HADRUT, [[0, 0]]);
    expect(at!.onCanvas).toBe(true);
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.getByRole('dialog').locator('tr').allInnerTexts()).toEqual(['name\tHadrut']);
    await context.close();
  });
});
