import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, openAtFirst: true },
  { name: 'phone', viewport: { width: 375, height: 667 }, openAtFirst: false },
] as const;

/** The Karabakh atlas's key, label and explanation of each entry, in order. */
const KARABAKH_KEY = [
  ['Place in the story', 'Red dot: where the reported events take place'],
  ['Reaction from elsewhere', 'Blue dot: where they were commented on from afar'],
  ['Disputed area', 'Hatched, with a dashed outline; the outline is approximate and not a legal boundary'],
  ['“Disputed” tag', 'Beside a name: the status of the place is disputed'],
];
const STORY_PLACES = ['baku', 'nagorno-karabakh', 'stepanakert', 'yerevan'];

const keyButton = (page: Page) => page.getByRole('button', { name: 'Key', exact: true });
const isFocused = (page: Page) => keyButton(page).evaluate((b) => b === document.activeElement);

/** The state of the key as the reader meets it: aria-expanded, and the entries shown (none when hidden). */
async function keyState(page: Page) {
  const button = keyButton(page);
  const body = page.locator(`#${await button.getAttribute('aria-controls')}`);
  const shown = await body.isVisible();
  const entries = shown
    ? await body
        .locator('li')
        .evaluateAll((items) =>
          items.map((li) => [
            li.querySelector('.map-key-label')?.textContent,
            li.querySelector('.map-key-explanation')?.textContent,
          ]),
        )
    : [];
  return { expanded: await button.getAttribute('aria-expanded'), shown, entries };
}

/** Tab from the start of the page until the key's button has the focus; how many presses it took. */
async function tabToKey(page: Page, limit = 120): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    const onKey = await page.evaluate(() => document.activeElement?.textContent === 'Key');
    if (onKey && (await isFocused(page))) return presses;
  }
  return -1;
}

/** The story places whose marker buttons the open key's box overlaps, and the places checked. */
function coveredMarkers(page: Page) {
  return page.evaluate((story) => {
    const key = document.querySelector('.key-control')!.getBoundingClientRect();
    const checked: string[] = [];
    const covered: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('.place-marker-button')) {
      const id = button.closest<HTMLElement>('[data-place-id]')?.dataset.placeId ?? '';
      if (!story.includes(id)) continue;
      checked.push(id);
      const r = button.getBoundingClientRect();
      const apart = r.right <= key.left || r.left >= key.right || r.bottom <= key.top || r.top >= key.bottom;
      if (!apart) covered.push(id);
    }
    return { checked: checked.sort(), covered: covered.sort() };
  }, STORY_PLACES);
}

describe('the map key', () => {
  for (const { name, viewport, openAtFirst } of SIZES) {
    it(`at ${name} size (${viewport.width}x${viewport.height}) is a "Key" control reached with Tab, opened with Enter, closed with Escape, listing the atlas's symbols`, async () => {
      const { page, context, consoleErrors } = await openApp(browser, baseUrl, { viewport });
      await waitForMark(page, 'app-ready');

      expect(await tabToKey(page)).toBeGreaterThan(0);
      const open = { expanded: 'true', shown: true, entries: KARABAKH_KEY };
      const closed = { expanded: 'false', shown: false, entries: [] };
      expect(await keyState(page)).toEqual(openAtFirst ? open : closed);

      await page.keyboard.press('Enter');
      expect(await keyState(page)).toEqual(openAtFirst ? closed : open);
      if (openAtFirst) await page.keyboard.press('Enter');
      expect(await keyState(page)).toEqual(open);
      expect(await isFocused(page)).toBe(true);

      // Open at the default view, the key leaves every story place's marker uncovered.
      expect(await coveredMarkers(page)).toEqual({ checked: STORY_PLACES, covered: [] });

      await page.keyboard.press('Escape');
      expect(await keyState(page)).toEqual(closed);
      expect(await isFocused(page)).toBe(true);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }
});
