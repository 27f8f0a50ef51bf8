import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { jumpAndWait, openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const STORY = model.atlas.places.filter((p) => p.properties.group === 'story').map((p) => p.id);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function ready(viewport: { width: number; height: number }) {
  const app = await openApp(browser, baseUrl, { viewport });
  await waitForMark(app.page, 'app-ready');
  return app;
}

const markerButton = (page: Page, id: string) =>
  page.locator(`.place-marker[data-place-id="${id}"] .place-marker-button`);
const popup = (page: Page) => page.locator('#place-popup[role="dialog"]');

const box = async (page: Page, selector: string): Promise<Box> => {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not on the page`);
  return b;
};
const intersect = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Opens a place's popup by clicking its marker and waits for it (and for the map to settle). */
async function openFromMarker(page: Page, id: string): Promise<void> {
  await markerButton(page, id).click();
  await expect.poll(() => page.locator(`#popup-${id}-title`).count()).toBe(1);
  await page.evaluate(
    () =>
      new Promise((done) => {
        const { map } = window.articleAtlas;
        map.once('idle', () => done(null));
        map.triggerRepaint();
      }),
  );
}

async function close(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => popup(page).count()).toBe(0);
}

/** The map's view now, to come back to after a popup has panned the map. */
const viewOf = (page: Page) =>
  page.evaluate(() => {
    const { map } = window.articleAtlas;
    const { lng, lat } = map.getCenter();
    return { center: [lng, lat] as [number, number], zoom: map.getZoom() };
  });

describe('the popup on a desktop (1280x800)', () => {
  it('is at most 60% of the map’s height, on the map, and never covers its own marker', async () => {
    const { page, context } = await ready(DESKTOP);
    const seen: Record<string, { fits: boolean; within: boolean; clear: boolean }> = {};
    for (const id of STORY) {
      await openFromMarker(page, id);
      const map = await box(page, '#map');
      const dialog = await box(page, '#place-popup');
      // The marker's button as it is now, after any pan and new layout.
      const marker = (await markerButton(page, id).boundingBox())!;
      seen[id] = {
        fits: dialog.height <= 0.6 * map.height,
        within:
          dialog.x >= map.x &&
          dialog.y >= map.y &&
          dialog.x + dialog.width <= map.x + map.width &&
          dialog.y + dialog.height <= map.y + map.height,
        clear: !intersect(dialog, marker),
      };
      await close(page);
    }
    expect(seen).toEqual(
      Object.fromEntries(STORY.map((id) => [id, { fits: true, within: true, clear: true }])),
    );
    await context.close();
  });

  it('opens from the keyboard too, clear of the marker, with the summary and not the panel’s full text', async () => {
    const { page, context } = await ready(DESKTOP);
    await markerButton(page, 'stepanakert').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#popup-stepanakert-title').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('popup-stepanakert-title');
    const dialog = await box(page, '#place-popup');
    expect(intersect(dialog, (await markerButton(page, 'stepanakert').boundingBox())!)).toBe(false);
    expect(await popup(page).locator('.status-line').innerText()).toBe(
      'Disputed territory, internationally recognised as part of Azerbaijan.',
    );
    expect(await popup(page).locator('.place-caption').innerText()).toBe(
      'Gunfire during the talks; streets full of displaced people',
    );
    expect(
      await popup(page)
        .locator('.fact')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.factId)),
    ).toEqual(['gasparyan-exchange-of-fire', 'stepanakert-gunfire', 'gasparyan-waiting']);
    // The panel keeps every fact, with its source.
    expect(await page.locator('#panel-place-stepanakert .fact').count()).toBe(4);
    await context.close();
  });
});

describe('the popup on a phone (375x667)', () => {
  it('is a sheet that starts at most 45% of the map’s height and grows with its button, the place above it', async () => {
    const { page, context } = await ready(PHONE);
    const first = await viewOf(page);
    const seen: Record<string, unknown> = {};
    for (const id of STORY) {
      // Each place from the first screen: the sheet before moved the map to keep its place in view.
      await jumpAndWait(page, first.center, first.zoom);
      await openFromMarker(page, id);
      const map = await box(page, '#map');
      const small = await box(page, '#place-popup');
      const expand = popup(page).getByRole('button', { name: 'Full summary' });
      const before = await expand.getAttribute('aria-expanded');
      await expand.click();
      const large = await box(page, '#place-popup');
      const marker = (await markerButton(page, id).boundingBox())!;
      seen[id] = {
        starts: small.height <= 0.45 * map.height,
        before,
        after: await expand.getAttribute('aria-expanded'),
        grows: large.height > small.height,
        withinMap: large.y >= map.y && large.y + large.height <= map.y + map.height,
        // The place's marker is above the expanded sheet, inside the map.
        placeAbove: marker.y >= map.y && marker.y + marker.height <= large.y,
      };
      await close(page);
    }
    const expected = {
      starts: true,
      before: 'false',
      after: 'true',
      grows: true,
      withinMap: true,
      placeAbove: true,
    };
    expect(seen).toEqual(Object.fromEntries(STORY.map((id) => [id, expected])));
    await context.close();
  });
});

describe('“All N facts”', () => {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`counts the place’s facts and moves focus to the place in the panel (${size})`, async () => {
      const { page, context } = await ready(viewport);
      const seen: Record<string, { label: string; focus: string | null }> = {};
      for (const id of STORY) {
        await openFromMarker(page, id);
        const button = popup(page).locator('button.all-facts');
        const label = await button.innerText();
        await button.click();
        const focus = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          if (!active?.closest('.article-panel')) return null;
          return active.closest<HTMLElement>('[data-place-id]')?.dataset.placeId ?? null;
        });
        seen[id] = { label, focus };
        await page.keyboard.press('Escape');
        // Closed from the panel (or already closed): the next marker is clicked on a clear map.
        if (await popup(page).count()) await close(page);
        if (viewport === PHONE) await page.getByRole('button', { name: 'Article and places' }).click();
        await expect
          .poll(() => page.locator('.article-panel.is-open').count())
          .toBe(viewport === PHONE ? 0 : 1);
      }
      expect(seen).toEqual(
        Object.fromEntries(
          STORY.map((id) => [id, { label: `All ${model.factsOf(id).length} facts`, focus: id }]),
        ),
      );
      await context.close();
    });
  }
});
