import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { anchorOf } from '../../src/domain/geography';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const story = model.atlas.places.filter((p) => p.properties.group === 'story');
/** The parties, worked out here from the data: the countries the story's places are in or recognised as part of. */
const partyNames = (() => {
  const names = new Map(
    model.atlas.places.map((p) => [p.properties.country.code, p.properties.country.name]),
  );
  const codes = new Set(
    story.flatMap((p) => [
      p.properties.country.code,
      ...(p.properties.status ? [p.properties.status.recognisedAs] : []),
    ]),
  );
  return [...codes].map((code) => names.get(code)!).sort();
})();
const SIZES = [
  ['desktop 1280x800', { width: 1280, height: 800 }],
  ['phone 375x667', { width: 375, height: 667 }],
] as const;
const LABEL_LAYERS = [
  'basemap-label-country',
  'basemap-label-region',
  'basemap-label-party-country',
  'basemap-label-party-region',
];

async function ready(viewport: { width: number; height: number }) {
  const app = await openApp(browser, baseUrl, { viewport });
  await waitForMark(app.page, 'app-ready');
  await idle(app.page);
  return app;
}

/** Waits until the map has drawn everything and the markers have been laid out for it. */
const idle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const { map } = window.articleAtlas;
        map.once('idle', () => requestAnimationFrame(() => done(null)));
        map.triggerRepaint();
      }),
  );

/** Zooms out one step and back in, waiting for each view to be drawn. */
async function zoomOutAndBack(page: Page): Promise<void> {
  for (const step of [-1, 1]) {
    await page.evaluate(
      (step) =>
        new Promise((done) => {
          const { map } = window.articleAtlas;
          map.once('idle', () => done(null));
          map.zoomTo(map.getZoom() + step, { duration: 0 });
        }),
      step,
    );
  }
  await idle(page);
}

/**
 * The story places the map names: by a marker's name that nothing covers (the element at the
 * name's centre is the name), or by the place's GPU label, rendered and not faded for a marker.
 */
const namedStoryPlaces = (page: Page) =>
  page.evaluate(
    (ids) => {
      const { map } = window.articleAtlas;
      const gpu = new Set(
        map
          .queryRenderedFeatures({ layers: ['atlas-place-label'] })
          .filter((f) => !map.getFeatureState({ source: f.source, id: f.id! }).marked)
          .map((f) => String(f.properties.id)),
      );
      return ids.filter((id) => {
        if (gpu.has(id)) return true;
        const name = document.querySelector<HTMLElement>(`.place-marker[data-place-id="${id}"] .marker-name`);
        if (!name) return false;
        const r = name.getBoundingClientRect();
        if (r.width < 5 || r.height < 5) return false;
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return at !== null && name.contains(at);
      });
    },
    story.map((p) => p.id),
  );

/** The parties' country labels the map draws (placed and not faded). */
const shownPartyLabels = (page: Page) =>
  page.evaluate(
    ({ layers, parties }) => {
      const { map } = window.articleAtlas;
      const names = map
        .queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) })
        .filter((f) => f.properties.kind === 'country' && parties.includes(String(f.properties.name)))
        .filter((f) => !map.getFeatureState({ source: f.source, id: f.id! }).covered)
        .map((f) => String(f.properties.name));
      return [...new Set(names)].sort();
    },
    { layers: LABEL_LAYERS, parties: partyNames },
  );

/**
 * Marker boxes (their annotation, or dot) over a label of a party's land (country or region,
 * faded or not): a marker that hides it.
 */
const markersOverPartyLabels = (page: Page) =>
  page.evaluate(
    ({ layers, parties }) => {
      const { map } = window.articleAtlas;
      const canvas = map.getCanvas().getBoundingClientRect();
      const ofParty = (name: string) => parties.some((p) => name === p || name.endsWith(`(${p})`));
      return [...document.querySelectorAll<HTMLElement>('.place-marker')].flatMap((m) => {
        const shown = m.querySelector<HTMLElement>(
          m.classList.contains('mode-dot') ? '.marker-hit' : '.marker-annotation',
        )!;
        const r = shown.getBoundingClientRect();
        return map
          .queryRenderedFeatures(
            [
              [r.left - canvas.left, r.top - canvas.top],
              [r.right - canvas.left, r.bottom - canvas.top],
            ],
            { layers: layers.filter((l) => map.getLayer(l)) },
          )
          .filter((f) => ofParty(String(f.properties.name)))
          .map((f) => `${String(f.properties.name)} under ${m.dataset.placeId}`);
      });
    },
    { layers: LABEL_LAYERS, parties: partyNames },
  );

describe('the first screen', () => {
  for (const [name, viewport] of SIZES) {
    it(`names every story place, at the default view and after zooming out and back, at ${name}`, async () => {
      const { page, context } = await ready(viewport);
      const all = story.map((p) => p.id);
      expect(await namedStoryPlaces(page)).toEqual(all);
      await zoomOutAndBack(page);
      expect(await namedStoryPlaces(page)).toEqual(all);
      await context.close();
    });

    it(`shows both parties' country labels, never under a marker, at ${name}`, async () => {
      const { page, context } = await ready(viewport);
      expect(partyNames).toEqual(['Armenia', 'Azerbaijan']);
      expect(await shownPartyLabels(page)).toEqual(partyNames);
      expect(await markersOverPartyLabels(page)).toEqual([]);
      await zoomOutAndBack(page);
      expect(await shownPartyLabels(page)).toEqual(partyNames);
      expect(await markersOverPartyLabels(page)).toEqual([]);
      await context.close();
    });

    it(`tabs through the markers in the article's order of places, each ring on its dot, at ${name}`, async () => {
      const { page, context } = await ready(viewport);
      const reached: string[] = [];
      const rings: { id: string; outline: string; dx: number; dy: number }[] = [];
      for (let i = 0; i < 60 && reached.length < 4; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const button = document.activeElement as HTMLElement | null;
          if (!button?.classList.contains('place-marker-button')) return null;
          const id = button.closest<HTMLElement>('.place-marker')!.dataset.placeId!;
          const hit = button.querySelector<HTMLElement>('.marker-hit');
          if (!hit) return { id, ring: null };
          const r = hit.getBoundingClientRect();
          return {
            id,
            ring: {
              outline: getComputedStyle(hit).outlineStyle,
              x: r.left + r.width / 2,
              y: r.top + r.height / 2,
            },
          };
        });
        if (!focused || reached.includes(focused.id)) continue;
        reached.push(focused.id);
        if (!focused.ring) continue;
        const place = model.placeById.get(focused.id)!;
        const dot = await page.evaluate(
          (lngLat) => {
            const { map } = window.articleAtlas;
            const p = map.project(lngLat);
            const c = map.getCanvas().getBoundingClientRect();
            return { x: c.left + p.x, y: c.top + p.y };
          },
          anchorOf(place) as [number, number],
        );
        rings.push({
          id: focused.id,
          outline: focused.ring.outline,
          dx: Math.round(focused.ring.x - dot.x) + 0,
          dy: Math.round(focused.ring.y - dot.y) + 0,
        });
      }
      expect(reached).toEqual(
        model.orderedPlaces.map((p) => p.id).filter((id) => story.some((s) => s.id === id)),
      );
      expect(rings).toEqual(
        story
          .filter((p) => p.geometry.type === 'Point')
          .map((p) => ({ id: p.id, outline: 'solid', dx: 0, dy: 0 })),
      );
      await context.close();
    });
  }
});
