import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  syntheticAtlas,
  syntheticAtlasFiles,
  syntheticIndexEntry,
  type SyntheticAtlasFiles,
} from '../../scripts/synthetic-atlas';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { CLICKABLE_LAYERS } from '../../src/map/atlas-layers';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { jumpAndWait, openApp, serveData, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

async function ready(viewport = DESKTOP, path = '') {
  const app = await openApp(browser, baseUrl, { viewport, path });
  await waitForMark(app.page, 'app-ready');
  return app;
}

const marker = (page: Page, id: string) => page.locator(`.place-marker[data-place-id="${id}"] button`);
const dialog = (page: Page) => page.getByRole('dialog');
const focusedPlace = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.closest<HTMLElement>('[data-place-id]')?.dataset.placeId ?? el?.id ?? null;
  });
/** The model the app builds from a synthetic atlas's files. */
function syntheticModel(atlas: SyntheticAtlasFiles) {
  const { article, places, facts } = atlas;
  return buildAtlasModel(validateAtlas({ article, places, facts }, FILE_NAMES).atlas!);
}
const hashState = (page: Page) => page.evaluate(() => window.location.hash);

/** The screen boxes of the visible marker annotations (or dots, when a marker shows only its dot). */
const markerBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.place-marker')].map((m) => {
      const target = m.querySelector<HTMLElement>(
        m.classList.contains('mode-dot') ? '.marker-hit' : '.marker-annotation',
      )!;
      const r = target.getBoundingClientRect();
      return { id: m.dataset.placeId!, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );

describe('annotated markers', () => {
  it('gives every story place a button with an accessible name, caption and fact count', async () => {
    const { page, context } = await ready();
    expect(
      await page
        .locator('.place-marker')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.placeId).sort()),
    ).toEqual(['baku', 'nagorno-karabakh', 'stepanakert', 'yerevan']);
    const named = (name: string) => page.getByRole('button', { name, exact: true }).count();
    expect(
      await named(
        'Stepanakert Disputed . Xankəndi · Ստեփանակերտ . Gunfire during the talks; streets full of displaced people . 4 facts',
      ),
    ).toBe(1);
    expect(
      await named(
        'Nagorno-Karabakh Disputed . Dağlıq Qarabağ · Արցախ . First direct talks on its future, a day after a ceasefire . 33 facts',
      ),
    ).toBe(1);
    expect(await named('Yerevan . Ready to host 40,000 families; criticises peacekeepers . 10 facts')).toBe(
      1,
    );
    expect(await marker(page, 'baku').innerText()).toContain('18 facts');
    await context.close();
  });

  for (const [name, viewport] of [
    ['desktop 1280x800', DESKTOP],
    ['phone 375x667', PHONE],
  ] as const) {
    it(`lays out markers with no collision, and no basemap label shows under one, at ${name}`, async () => {
      const { page, context } = await ready(viewport);
      const boxes = await markerBoxes(page);
      expect(boxes.length).toBe(4);
      const overlapping: string[] = [];
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
            overlapping.push(`${a.id}/${b.id}`);
        }),
      );
      expect(overlapping).toEqual([]);
      const visibleLabelsUnderMarkers = await page.evaluate((list) => {
        const { map } = window.articleAtlas;
        const canvas = map.getCanvas().getBoundingClientRect();
        return list.flatMap((b) =>
          map
            .queryRenderedFeatures(
              [
                [b.left - canvas.left, b.top - canvas.top],
                [b.right - canvas.left, b.bottom - canvas.top],
              ],
              {
                layers: [
                  'basemap-label-sea',
                  'basemap-label-country',
                  'basemap-label-region',
                  'basemap-label-party-country',
                  'basemap-label-party-region',
                ],
              },
            )
            .filter((f) => !map.getFeatureState({ source: 'basemap-labels', id: f.id! }).covered)
            .map((f) => `${String(f.properties.name)} under ${b.id}`),
        );
      }, boxes);
      expect(visibleLabelsUnderMarkers).toEqual([]);
      await context.close();
    });
  }
});

describe('the popup', () => {
  it('opens on click with the place’s key facts, every fact staying in the panel, and closes with Escape, returning focus', async () => {
    const { page, context } = await ready();
    await marker(page, 'yerevan').click();
    await expect.poll(() => dialog(page).count()).toBe(1);
    expect(await dialog(page).getAttribute('aria-labelledby')).toBe('popup-yerevan-title');
    expect(await page.locator('#popup-yerevan-title').innerText()).toBe('Yerevan');
    // The popup is a summary: three key facts, one quotation, and the way to all ten.
    expect(await dialog(page).locator('.fact').count()).toBe(3);
    expect(await dialog(page).locator('blockquote').count()).toBe(1);
    expect(await dialog(page).getByRole('button', { name: 'All 10 facts' }).count()).toBe(1);
    // The panel holds every fact, with its source.
    const entry = page.locator('#panel-place-yerevan');
    expect(await entry.locator('.fact').count()).toBe(10);
    expect(await entry.locator('blockquote').count()).toBe(3);
    expect(await entry.locator('.fact-source').first().innerText()).toMatch(
      /^Source: AFP · Kuwait Times · 22 September 2023 · paragraph \d+$/,
    );
    expect(await marker(page, 'yerevan').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await focusedPlace(page)).toBe('yerevan');
    expect(await marker(page, 'yerevan').getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('opens from the keyboard with Enter and Space, and the close button returns focus', async () => {
    const { page, context } = await ready();
    await marker(page, 'baku').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    await dialog(page).getByRole('button', { name: 'Close popup' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await focusedPlace(page)).toBe('baku');
    await marker(page, 'nagorno-karabakh').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#popup-nagorno-karabakh-title').count()).toBe(1);
    expect(await dialog(page).locator('.status-line').innerText()).toBe(
      'Disputed territory, internationally recognised as part of Azerbaijan.',
    );
    // The full status and the area are in the panel.
    const entry = page.locator('#panel-place-nagorno-karabakh');
    expect(await entry.locator('.status-disputed').innerText()).toContain(
      'Disputed territory. Internationally recognised as part of Azerbaijan.',
    );
    expect(await entry.locator('.place-area').innerText()).toContain('about 4,271 km²');
    await context.close();
  });

  it('closes when the reader clicks elsewhere on the map', async () => {
    const { page, context } = await ready();
    await marker(page, 'baku').click();
    await expect.poll(() => dialog(page).count()).toBe(1);
    await page.mouse.click(420, 120);
    await expect.poll(() => dialog(page).count()).toBe(0);
    await context.close();
  });

  it('opens the region by clicking its area on the map', async () => {
    const { page, context } = await ready();
    // A point of the region's area, away from Stepanakert and from the region's edge (a click is
    // rounded to a whole pixel), that no marker annotation covers.
    const region = (
      JSON.parse(
        readFileSync('data/atlases/karabakh-peace-talks/places.geojson', 'utf8'),
      ) as FeatureCollection
    ).features.find((f) => f.id === 'nagorno-karabakh') as Feature<Polygon>;
    const candidates: [number, number][] = [];
    for (let lng = 46.35; lng < 47.3; lng += 0.05) {
      for (let lat = 39.4; lat < 40.4; lat += 0.05) {
        const far = Math.hypot(lng - 46.7528, lat - 39.8177) > 0.15;
        const inside = [
          [0, 0],
          [0.04, 0],
          [-0.04, 0],
          [0, 0.04],
          [0, -0.04],
        ].every(([dx, dy]) => booleanPointInPolygon([lng + dx!, lat + dy!], region));
        if (far && inside) candidates.push([lng, lat]);
      }
    }
    const point = await page.evaluate((list) => {
      const { map } = window.articleAtlas;
      const c = map.getCanvas().getBoundingClientRect();
      for (const lngLat of list) {
        const p = map.project(lngLat);
        const at = { x: c.left + p.x, y: c.top + p.y };
        if (document.elementFromPoint(at.x, at.y) === map.getCanvas()) return at;
      }
      throw new Error('every point of the region is under a marker');
    }, candidates);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.locator('#popup-nagorno-karabakh-title').count()).toBe(1);
    await context.close();
  });

  it('fits a phone screen: a sheet that scrolls inside, stays on screen and leaves the scale and attribution visible', async () => {
    const { page, context } = await ready(PHONE);
    await marker(page, 'yerevan').click();
    await expect.poll(() => dialog(page).count()).toBe(1);
    const box = (await dialog(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    // The data's credits (Natural Earth, GeoNames CC BY 4.0) and the scale stay readable under the sheet.
    for (const control of ['.maplibregl-ctrl-attrib', '.maplibregl-ctrl-scale']) {
      const under = (await page.locator(control).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(under.y);
    }
    const scroll = await dialog(page)
      .locator('.place-popup-body')
      .evaluate((el) => ({
        overflow: getComputedStyle(el).overflowY,
        scrolls: el.scrollHeight > el.clientHeight,
      }));
    expect(scroll).toEqual({ overflow: 'auto', scrolls: true });
    await context.close();
  });
});

describe('keyboard and screen reader access', () => {
  it('reaches every place with Tab: markers on the map and every place in the panel', async () => {
    const { page, context } = await ready();
    const reached = new Set<string>();
    // The page's Tab stops: the skip links, the panel (places, tools), then the map's controls and markers.
    for (let i = 0; i < 70; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el?.classList.contains('place-marker-button'))
          return `marker:${el.closest<HTMLElement>('.place-marker')!.dataset.placeId}`;
        if (el?.classList.contains('place-link')) return `panel:${el.dataset.placeId}`;
        return null;
      });
      if (id) reached.add(id);
    }
    expect([...reached].sort()).toEqual(
      [
        'marker:baku',
        'marker:nagorno-karabakh',
        'marker:stepanakert',
        'marker:yerevan',
        ...[
          'ankara',
          'baku',
          'brussels',
          'moscow',
          'nagorno-karabakh',
          'new-york',
          'stepanakert',
          'washington',
          'yerevan',
        ].map((p) => `panel:${p}`),
      ].sort(),
    );
    const ring = await marker(page, 'baku').evaluate((el) => {
      el.focus();
      return getComputedStyle(el.querySelector('.marker-annotation')!).outlineStyle;
    });
    expect(ring).toBe('solid');
    await context.close();
  });

  it('has no serious or critical accessibility violation with a popup open', async () => {
    const { page, context } = await ready();
    await marker(page, 'stepanakert').click();
    await expect.poll(() => dialog(page).count()).toBe(1);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await context.close();
  });
});

describe('panel and map together', () => {
  it('choosing a place in the panel moves the map to it and opens its popup', async () => {
    const { page, context } = await ready();
    await page.getByRole('button', { name: 'Show Moscow on the map' }).click();
    await expect.poll(() => page.locator('#popup-moscow-title').count()).toBe(1);
    const center = await page.evaluate(() =>
      window.articleAtlas.map.getBounds().contains([37.6156, 55.7522]),
    );
    expect(center).toBe(true);
    expect(await hashState(page)).toMatch(/^#place=moscow&map=/);
    expect(await page.locator('.place-link[data-place-id="moscow"]').getAttribute('aria-current')).toBe(
      'true',
    );
    await context.close();
  });

  it('choosing a place on the map highlights it in the panel', async () => {
    const { page, context } = await ready();
    await marker(page, 'baku').click();
    await expect.poll(() => page.locator('#panel-place-baku.is-selected').count()).toBe(1);
    expect(
      await page
        .locator('.place-link[aria-current="true"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.placeId)),
    ).toEqual(['baku']);
    await context.close();
  });

  it('collapses the panel on a phone and opens it with its toggle', async () => {
    const { page, context } = await ready(PHONE);
    const toggle = page.getByRole('button', { name: 'Article and places' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#panel-body').isHidden()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#panel-body').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Show Baku on the map' }).click();
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    expect(await page.locator('#panel-body').isHidden()).toBe(true);
    await context.close();
  });
});

describe('links', () => {
  it('restores the place and the view from the URL', async () => {
    const { page, context } = await ready(DESKTOP, '#place=yerevan&map=6.5/40.2/45.1');
    await expect.poll(() => page.locator('#popup-yerevan-title').count()).toBe(1);
    const view = await page.evaluate(() => {
      const { map } = window.articleAtlas;
      return { zoom: map.getZoom(), lat: map.getCenter().lat, lng: map.getCenter().lng };
    });
    expect(view.zoom).toBeCloseTo(6.5, 1);
    expect(view.lat).toBeCloseTo(40.2, 1);
    expect(view.lng).toBeCloseTo(45.1, 1);
    await context.close();
  });

  it('shows the whole popup of a place named by a link without a view', async () => {
    const { page, context } = await ready(DESKTOP, '#place=stepanakert');
    await expect.poll(() => page.locator('#popup-stepanakert-title').count()).toBe(1);
    const frame = (await page.locator('#map').boundingBox())!;
    const box = (await dialog(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(frame.y);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    await context.close();
  });

  it('steps back through selections with the Back button', async () => {
    const { page, context } = await ready();
    await marker(page, 'stepanakert').click();
    await expect.poll(() => page.locator('#popup-stepanakert-title').count()).toBe(1);
    await page.getByRole('button', { name: 'Show Brussels on the map' }).click();
    await expect.poll(() => page.locator('#popup-brussels-title').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('#popup-stepanakert-title').count()).toBe(1);
    // The popup fits beside the place without moving the map: the link has the first view, so no map=.
    expect(await hashState(page)).toBe('#place=stepanakert');
    await page.goBack();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await context.close();
  });

  it('opens the same place in a new tab from the shared link', async () => {
    const first = await ready();
    await marker(first.page, 'baku').click();
    await expect.poll(() => first.page.locator('#popup-baku-title').count()).toBe(1);
    const link = first.page.url();
    await first.context.close();
    const second = await browser.newContext({ viewport: DESKTOP });
    const page = await second.newPage();
    await page.goto(link);
    await waitForMark(page, 'app-ready');
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    await second.close();
  });
});

describe('a large atlas', () => {
  /** A desktop page whose data is this synthetic atlas alone, listed as the default. */
  async function withOnly(atlas: SyntheticAtlasFiles) {
    const files: Record<string, unknown> = {
      'atlases/index.json': { atlases: [{ ...syntheticIndexEntry(atlas), default: true }] },
      ...syntheticAtlasFiles(atlas),
    };
    const context = await browser.newContext({ viewport: DESKTOP });
    await serveData(context, (path) => (path in files ? JSON.stringify(files[path]) : undefined));
    return { context, page: await context.newPage() };
  }

  /** The screen point of a rendered feature of `layer` where a click reaches the map and hits that feature first. */
  const clickablePoint = (page: Page, layer: string) =>
    page.evaluate(
      ({ layer, clickable }) => {
        const { map } = window.articleAtlas;
        const c = map.getCanvas().getBoundingClientRect();
        for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
          const lngLat = (f.geometry as GeoJSON.Point).coordinates as [number, number];
          const p = map.project(lngLat);
          if (p.x < 40 || p.y < 40 || p.x > c.width - 40 || p.y > c.height - 40) continue;
          const top = map.queryRenderedFeatures(p, { layers: clickable })[0];
          const at = { x: c.left + p.x, y: c.top + p.y };
          if (top?.layer.id === layer && document.elementFromPoint(at.x, at.y) === map.getCanvas()) {
            return { ...at, lngLat, id: String(f.properties.id), clusterId: Number(f.properties.cluster_id) };
          }
        }
        throw new Error(`no feature of ${layer} can be clicked on the map`);
      },
      { layer, clickable: [...CLICKABLE_LAYERS] },
    );

  it('zooms into a cluster that is clicked until its places separate, and opens a crowd place that is clicked', async () => {
    const { context, page } = await withOnly(syntheticAtlas(1000, 1));
    await page.goto(baseUrl);
    await waitForMark(page, 'app-ready');
    const zoom = () => page.evaluate(() => window.articleAtlas.map.getZoom());
    const before = await zoom();
    const cluster = await clickablePoint(page, 'atlas-crowd-cluster');
    // The zoom at which the cluster splits into smaller clusters or places, as its source gives it.
    const expansion = await page.evaluate(
      (id) => window.articleAtlas.map.getSource<GeoJSONSource>('atlas-crowd')!.getClusterExpansionZoom(id),
      cluster.clusterId,
    );
    expect(expansion).toBeGreaterThan(before);
    await page.mouse.click(cluster.x, cluster.y);
    await expect.poll(zoom).toBeCloseTo(expansion, 5);
    expect(await dialog(page).count()).toBe(0);
    // Past the clusters' last zoom every crowd place is a circle of its own.
    await jumpAndWait(page, cluster.lngLat, 10);
    const place = await clickablePoint(page, 'atlas-crowd-circle');
    await page.mouse.click(place.x, place.y);
    await expect.poll(() => page.locator(`#popup-${place.id}-title`).count()).toBe(1);
    await context.close();
  });

  it('returns focus to the place’s link in the panel when its popup, opened from a link, closes before the panel has drawn that link', async () => {
    // 5,000 places: the panel draws its links in idle time, over seconds; the last place's link
    // is not drawn yet when its popup (opened by the link to it) is closed at once.
    const atlas = syntheticAtlas(5000, 1);
    const model = syntheticModel(atlas);
    const last = model.orderedPlaces[model.orderedPlaces.length - 1]!.id;
    const { context, page } = await withOnly(atlas);
    // The panel draws no more in idle time: the last place's link stays undrawn until asked for.
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.goto(new URL(`#place=${last}`, baseUrl).href);
    await expect.poll(() => page.locator(`#popup-${last}-title`).count(), { timeout: 45_000 }).toBe(1);
    expect(await page.locator(`.place-link[data-place-id="${last}"]`).count()).toBe(0);
    await dialog(page).getByRole('button', { name: 'Close popup' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(
      await page.evaluate(
        (id) => document.activeElement?.matches(`.place-link[data-place-id="${id}"]`),
        last,
      ),
    ).toBe(true);
    await context.close();
  });
});
