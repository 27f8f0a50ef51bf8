import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const DESKTOP = { width: 1280, height: 800 };

async function ready(hash: string) {
  const app = await openApp(browser, baseUrl, { viewport: DESKTOP, path: hash });
  await waitForMark(app.page, 'app-ready');
  return app;
}

const heading = (page: Page, id: string) => page.locator(`#panel-place-${id}-title`).textContent();
const markerName = (page: Page, id: string) =>
  page.locator(`.place-marker[data-place-id="${id}"] .marker-name`).textContent();
const hash = (page: Page) => page.evaluate(() => window.location.hash);

describe('names=, the name set', () => {
  it('opens #names=az with Azerbaijani names leading, the article’s beside contested places', async () => {
    const { page, context, consoleErrors } = await ready('#names=az');
    await expect.poll(() => heading(page, 'stepanakert')).toBe('Xankəndi (Stepanakert)');
    expect(await heading(page, 'nagorno-karabakh')).toBe('Dağlıq Qarabağ (Nagorno-Karabakh)');
    expect(await heading(page, 'baku')).toBe('Bakı');
    expect(await heading(page, 'yerevan')).toBe('Yerevan');
    expect(await page.locator('#panel-place-stepanakert-title').getAttribute('lang')).toBe('az');
    await expect.poll(() => markerName(page, 'stepanakert')).toBe('Xankəndi (Stepanakert) Disputed');
    expect(await markerName(page, 'baku')).toBe('Bakı');
    expect(await page.locator('.place-marker[data-place-id="stepanakert"] .marker-alt').textContent()).toBe(
      'Ստեփանակերտ',
    );
    expect(await page.locator('.names-select').inputValue()).toBe('az');
    // The picture drawn with the article's names has handed over to MapLibre's map.
    await expect
      .poll(() => page.locator('svg.first-screen-map:not(.is-retired)').count(), { timeout: 5_000 })
      .toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('is chosen with the keyboard, said to screen readers, kept in the link and after a reload', async () => {
    const { page, context } = await ready('#names=az');
    await expect.poll(() => heading(page, 'stepanakert')).toBe('Xankəndi (Stepanakert)');
    await page.locator('.names-select').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => heading(page, 'stepanakert')).toBe('Ստեփանակերտ (Stepanakert)');
    expect(await hash(page)).toBe('#names=hy');
    expect(await markerName(page, 'yerevan')).toBe('Երևան');
    expect(
      await page.locator('.place-marker[data-place-id="yerevan"] .marker-name').getAttribute('title'),
    ).toBe('Yerevan');
    expect(await page.locator('.names-control [role="status"]').textContent()).toBe(
      'Names in Armenian; contested places also give the other side’s name.',
    );
    await page.reload();
    await waitForMark(page, 'app-ready');
    await expect.poll(() => heading(page, 'stepanakert')).toBe('Ստեփանակերտ (Stepanakert)');
    expect(await page.locator('.names-select').inputValue()).toBe('hy');
    // Back to the article's names: the link drops names=.
    await page.locator('.names-select').selectOption('');
    await expect.poll(() => heading(page, 'stepanakert')).toBe('Stepanakert');
    expect(await markerName(page, 'stepanakert')).toBe('Stepanakert Disputed');
    expect(await hash(page)).not.toContain('names=');
    await context.close();
  });

  it('ignores a malformed or unknown names=: the article’s names stay', async () => {
    for (const link of ['#names=<b>', '#names=fr']) {
      const { page, context } = await ready(link);
      await expect.poll(() => page.locator('.names-select').inputValue()).toBe('');
      expect(await heading(page, 'stepanakert')).toBe('Stepanakert');
      expect(await markerName(page, 'baku')).toBe('Baku');
      await expect.poll(() => hash(page)).not.toContain('names=fr');
      await context.close();
    }
  });
});
