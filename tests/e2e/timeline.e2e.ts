import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

async function ready(hash = '', viewport = { width: 1280, height: 800 }) {
  const app = await openApp(browser, baseUrl, { path: hash, viewport });
  await waitForMark(app.page, 'app-ready');
  await app.page.locator('.timeline').waitFor();
  return app;
}

/** The fact counts the panel's links and the map's markers show, by place. */
function counts(page: Page) {
  return page.evaluate(() => {
    const text = (selector: string) =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>(selector)].map((n) => [
          n.closest<HTMLElement>('[data-place-id]')?.dataset.placeId,
          n.textContent,
        ]),
      );
    return { panel: text('.place-link-count'), markers: text('.place-marker .marker-count') };
  });
}

const whenInLink = (page: Page) =>
  page.evaluate(() => /(?:^#|&)when=([^&]*)/.exec(window.location.hash)?.[1] ?? null);
const pressed = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.timeline [aria-pressed="true"]')].map((b) => b.textContent),
  );
const note = (page: Page) =>
  page.evaluate(() => document.querySelector('.panel-filter-note p')?.textContent ?? null);

describe('the timeline and the date filter', () => {
  it('opens #when=2023-09-21 with the facts of that day and of September 2023 in the panel and on the markers', async () => {
    const { page, context, consoleErrors } = await ready('#when=2023-09-21');
    expect(await note(page)).toBe('11 facts lie outside 21 September 2023; 6 undated facts are hidden.');
    expect(await pressed(page)).toEqual(['21 Sep 2023, 11 facts']);
    const { panel, markers } = await counts(page);
    expect(panel).toEqual({
      'nagorno-karabakh': '19 facts',
      stepanakert: '4 facts',
      baku: '14 facts',
      yerevan: '4 facts',
      moscow: '3 facts',
      ankara: '1 fact',
      brussels: '1 fact',
      'new-york': '1 fact',
      washington: '0 facts',
    });
    // The markers in view say the same.
    expect(markers).toMatchObject({
      'nagorno-karabakh': '19 facts',
      baku: '14 facts',
      stepanakert: '4 facts',
    });
    // The panel lists only those facts: 47 entries of facts across the places (a fact of two places in each).
    expect(await page.locator('.panel-place .fact').count()).toBe(47);
    expect(await page.locator('#panel-place-washington .place-details.is-outside').count()).toBe(1);
    expect(await page.locator('#panel-place-washington .place-fact-count').textContent()).toBe(
      'None of its 1 fact is of 21 September 2023',
    );
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('is used with the keyboard: Tab to its groups, an arrow, Enter and Space; the choice is announced and kept in the link', async () => {
    const { page, context } = await ready();
    expect(await pressed(page)).toEqual(['Whole story']);
    await page.locator('.timeline-whole').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('2020, 2 facts');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('22 Sep 2023, 5 facts');
    await page.keyboard.press('Enter');
    await expect.poll(() => whenInLink(page)).toBe('2023-09-22');
    expect(await pressed(page)).toEqual(['22 Sep 2023, 5 facts']);
    expect(await page.locator('.timeline [role="status"]').textContent()).toBe(
      'Showing 21 facts of 22 September 2023; 23 outside',
    );
    expect((await counts(page)).panel.baku).toBe('11 facts');
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    await expect.poll(() => whenInLink(page)).toBe('2023-09');
    expect(await page.locator('.timeline [role="status"]').textContent()).toBe(
      'Showing 36 facts of September 2023; 8 outside',
    );
    expect(await note(page)).toBe('2 facts lie outside September 2023; 6 undated facts are hidden.');
    // Focus stayed on the timeline.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sep 2023, 16 facts');
    // The reset in the panel: the whole story again, and no when= in the link.
    await page.getByRole('button', { name: 'Show the whole story' }).click();
    await expect.poll(() => whenInLink(page)).toBe(null);
    expect(await note(page)).toBe(null);
    expect(await pressed(page)).toEqual(['Whole story']);
    expect((await counts(page)).panel).toMatchObject({ 'nagorno-karabakh': '33 facts', baku: '18 facts' });
    expect(await page.locator('.timeline [role="status"]').textContent()).toBe('Showing all 44 facts');
    await context.close();
  });

  it('keeps the choice through a reload and Back', async () => {
    const { page, context } = await ready('#when=2023-09-20');
    expect(await note(page)).toBe('18 facts lie outside 20 September 2023; 6 undated facts are hidden.');
    await page.reload();
    await waitForMark(page, 'app-ready');
    await page.locator('.timeline').waitFor();
    expect(await pressed(page)).toEqual(['20 Sep 2023, 4 facts']);
    expect(await whenInLink(page)).toBe('2023-09-20');
    // A place chosen is a new entry of the history; Back returns to the filter without it.
    await page.locator('.place-link[data-place-id="yerevan"]').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('place=yerevan');
    expect(await whenInLink(page)).toBe('2023-09-20');
    await page.locator('.timeline-whole').click();
    await expect.poll(() => whenInLink(page)).toBe(null);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('place=yerevan');
    expect(await whenInLink(page)).toBe('2023-09-20');
    await expect.poll(() => pressed(page)).toEqual(['20 Sep 2023, 4 facts']);
    expect((await counts(page)).panel.yerevan).toBe('4 facts');
    await context.close();
  });

  it('opens from its "Dates" button on a phone, where it would cover the map, and names the dates chosen', async () => {
    const { page, context } = await ready('#when=2023-09-21', { width: 375, height: 667 });
    const toggle = page.locator('.timeline-toggle');
    expect([await toggle.innerText(), await toggle.getAttribute('aria-expanded')]).toEqual([
      'Dates: 21 Sep',
      'false',
    ]);
    expect(await page.locator('.timeline-axis').isVisible()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.timeline-axis').isVisible()).toBe(true);
    await page.locator('.timeline-whole').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => whenInLink(page)).toBe(null);
    expect(await toggle.innerText()).toBe('Dates');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator('.timeline-axis').isVisible()).toBe(false);
    await context.close();
  });

  it('ignores a malformed when=', async () => {
    const { page, context } = await ready('#when=2023-02-30');
    expect(await note(page)).toBe(null);
    expect(await pressed(page)).toEqual(['Whole story']);
    expect((await counts(page)).panel.baku).toBe('18 facts');
    await context.close();
  });
});
