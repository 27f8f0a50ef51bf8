import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { formatDate } from '../../src/domain/dates';
import { anchorOf } from '../../src/domain/geography';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const { article } = model.atlas;
const SOURCE_LINE = `${article.agency} · ${article.outlet} · ${formatDate(article.published)}`;

async function ready(viewport: { width: number; height: number }) {
  const app = await openApp(browser, baseUrl, { viewport });
  await waitForMark(app.page, 'app-ready');
  return app;
}

/**
 * Whether `locator`'s element is shown in full on screen: inside the viewport, its text not cut
 * (no overflow), and on top at nine points of its box (nothing covers it).
 */
function shownInFull(locator: Locator) {
  return locator.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    const points = [0.1, 0.5, 0.9].flatMap((fx) =>
      [0.2, 0.5, 0.8].map((fy) => [r.left + r.width * fx, r.top + r.height * fy] as const),
    );
    return {
      text: node.textContent,
      inViewport:
        r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      visible: style.visibility === 'visible' && Number(style.opacity) === 1,
      uncut: node.scrollWidth <= node.clientWidth && node.scrollHeight <= node.clientHeight + 1,
      onTop: points.every(([x, y]) => {
        const top = document.elementFromPoint(x, y);
        return top !== null && (top === node || node.contains(top));
      }),
    };
  });
}

/** What has focus: a skip link, a place link, an export radio, the panel's toggle, or the element's tag and id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    if (el.classList.contains('skip-link')) return `skip:${el.textContent}`;
    if (el.classList.contains('place-link')) return `place-link:${el.dataset.placeId}`;
    if (el.closest('.atlas-menu')) return 'atlas-menu';
    if (el.closest('.export-control')) return 'export-control';
    if (el.classList.contains('panel-toggle')) return 'panel-toggle';
    if (el.classList.contains('maplibregl-canvas')) return 'map-canvas';
    return `${el.tagName.toLowerCase()}#${el.id}`;
  });

const LANDMARK_ROLES = [
  'banner',
  'complementary',
  'contentinfo',
  'form',
  'main',
  'navigation',
  'region',
  'search',
];

/** The page's landmarks as Chromium's accessibility tree gives them: role and accessible name. */
async function landmarks(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && LANDMARK_ROLES.includes(String(n.role?.value)))
    .map((n) => ({ role: String(n.role?.value), name: String(n.name?.value ?? '') }))
    .filter((l) => (l.role !== 'region' && l.role !== 'form') || l.name !== '');
}

describe('the phone’s first screen', () => {
  it('shows the headline and the source line, uncovered, with the map on at least half the screen', async () => {
    const { page, context } = await ready(PHONE);
    expect(await shownInFull(page.locator('.panel-kicker'))).toEqual({
      text: SOURCE_LINE,
      inViewport: true,
      visible: true,
      uncut: true,
      onTop: true,
    });
    expect(await shownInFull(page.locator('h1'))).toEqual({
      text: article.headline,
      inViewport: true,
      visible: true,
      uncut: true,
      onTop: true,
    });
    const map = (await page.locator('#map canvas').boundingBox())!;
    expect(map.y).toBe(0);
    expect(map.height).toBeGreaterThanOrEqual(PHONE.height / 2);
    await context.close();
  });

  it('keeps the story in sight when the sheet opens after a popup panned the map', async () => {
    const { page, context } = await ready(PHONE);
    await page.locator('.place-marker[data-place-id="baku"] button').click();
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Article and places' }).click();
    await expect.poll(() => page.locator('#panel-body').isVisible()).toBe(true);
    // The map has its new size (above the sheet) and has stopped moving.
    await page.waitForFunction(() => {
      const { map } = window.articleAtlas;
      return !map.isMoving() && map.getCanvas().clientHeight < 667 / 2;
    });
    const story = model.orderedPlaces.filter((p) => p.properties.group === 'story');
    const outOfSight = await page.evaluate(
      (places) => {
        const { map } = window.articleAtlas;
        const { clientWidth: w, clientHeight: h } = map.getCanvas();
        return places
          .filter(({ at }) => {
            const p = map.project(at);
            return p.x < 0 || p.y < 0 || p.x > w || p.y > h;
          })
          .map(({ id }) => id);
      },
      story.map((p) => ({ id: p.id, at: anchorOf(p) as [number, number] })),
    );
    expect(outOfSight).toEqual([]);
    await context.close();
  });
});

describe('the panel’s order', () => {
  it('gives the article, then the places and facts, and the export control last', async () => {
    const { page, context } = await ready(DESKTOP);
    const parts = [
      '#panel-title',
      '.panel-summary',
      '.panel-nav',
      '#panel-story-title',
      '#panel-reactions-title',
      '.panel-note',
      '.export-control',
    ];
    // The parts sorted by where they stand in the panel: the same order when the panel has it.
    const inPanelOrder = await page.evaluate((selectors) => {
      const all = [...document.querySelectorAll('#panel *')];
      return selectors
        .map((s) => ({ s, at: all.indexOf(document.querySelector(s)!) }))
        .sort((a, b) => a.at - b.at)
        .map(({ s, at }) => (at < 0 ? `${s} missing` : s));
    }, parts);
    expect(inPanelOrder).toEqual(parts);
    await context.close();
  });
});

describe('keyboard and screen reader access', () => {
  // On a desktop the panel's first stops are the list of the other atlases, then the places; on a
  // phone, the sheet's toggle.
  for (const [size, viewport, inPanel] of [
    ['desktop', DESKTOP, ['atlas-menu', 'place-link:nagorno-karabakh']],
    ['phone', PHONE, ['panel-toggle']],
  ] as const) {
    it(`begins the Tab order with the skip links, shown when focused, then the article and its places (${size})`, async () => {
      const { page, context } = await ready(viewport);
      const stops: (string | null)[] = [];
      const shown: boolean[] = [];
      for (let i = 0; i < 2 + inPanel.length; i += 1) {
        await page.keyboard.press('Tab');
        stops.push(await focused(page));
        if (i < 2) shown.push((await shownInFull(page.locator(':focus'))).onTop);
      }
      expect(stops).toEqual(['skip:Skip to the map', 'skip:Skip to the places', ...inPanel]);
      expect(shown).toEqual([true, true]);
      await context.close();
    });
  }

  it('“Skip to the map” moves focus to the map, where the arrow keys move it, and keeps the address', async () => {
    const { page, context } = await ready(DESKTOP);
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('map-canvas');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    const before = await page.evaluate(() => window.articleAtlas.map.getCenter().lng);
    await page.keyboard.press('ArrowRight');
    // The ease's frames are drawn in software, several tests at a time: it is given time.
    await expect
      .poll(() => page.evaluate(() => window.articleAtlas.map.getCenter().lng), { timeout: 10_000 })
      .toBeGreaterThan(before);
    await context.close();
  });

  it('“Skip to the places” opens the phone’s sheet and moves focus to the places', async () => {
    const { page, context } = await ready(PHONE);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('nav#panel-places');
    expect(await page.locator('#panel-body').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('place-link:nagorno-karabakh');
    await context.close();
  });

  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`has one main landmark, no two landmarks of one name and no serious accessibility violation (${size})`, async () => {
      const { page, context } = await ready(viewport);
      const found = await landmarks(page);
      expect(found.filter((l) => l.role === 'main')).toEqual([{ role: 'main', name: '' }]);
      const names = found.map((l) => l.name).filter((n) => n !== '');
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
      // The map is one of them, as the "Skip to the map" link's target.
      expect(found).toContainEqual({ role: 'region', name: 'Map' });
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      await context.close();
    });
  }
});
