// Files GDAL and GIS tools write, opened in the page: lenient where RFC 7946 is (issue 21).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { importGeoJson } from '../../src/domain/import-geojson';
import { formatIssue } from '../../src/domain/issues';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const DIR = 'tests/fixtures/import';
/** Each test opens its own page: on a loaded machine that alone can take most of a minute. */
const TIMEOUT = 150_000;
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

async function ready() {
  const app = await openApp(browser, baseUrl);
  await waitForMark(app.page, 'app-ready');
  return app;
}

/** Drops a file on the map as a reader would, with a real DataTransfer. */
async function dropFile(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], fileName, { type: 'application/geo+json' }));
      return dt;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('#map', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#map', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#map', 'drop', { dataTransfer: transfer });
}

const lastNotice = (page: Page) => page.locator('.notice .notice-text').last().innerText();

/** The notice src/app/imported-files.ts shows for an opened file, from what the importer finds in Node. */
function expectedNotice(name: string): string {
  const text = fixture(name);
  const { issues, summary } = importGeoJson(text, name, Buffer.byteLength(text));
  const warnings = issues.length ? ` Warnings: ${issues.map(formatIssue).join('; ')}` : '';
  return `${name}: ${summary}; added as a layer.${warnings}`;
}

describe('files that RFC 7946 lets a reader open leniently', () => {
  it.each([
    ['gdal-empty-geometries.geojson', 'empty-geometry', 2],
    ['xyzm-track.geojson', 'extra-position-values', 1],
  ])(
    'opens %s with its warnings in the notice',
    async (name, code, features) => {
      const { page, context } = await ready();
      await dropFile(page, name, fixture(name));
      await expect.poll(() => page.locator('.panel-imported').count()).toBe(1);
      const notice = await lastNotice(page);
      expect(notice).toBe(expectedNotice(name));
      expect(notice).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}: \\d+ features? read, ${features} drawn`),
      );
      expect(notice).toContain(`[${code}]`);
      await context.close();
    },
    TIMEOUT,
  );

  it.each(['antimeridian-cut.geojson', 'antimeridian-cut-no-bbox.geojson'])(
    'frames %s on the dateline, not over the whole world',
    async (name) => {
      const { page, context } = await ready();
      await dropFile(page, name, fixture(name));
      await expect.poll(() => page.locator('.panel-imported').count()).toBe(1);
      // The box is 177..-178 (5 degrees across ±180) by -19.2..-16: framed, the map's centre is on
      // the dateline and its zoom far above the 1.5 of a box read as -180..180.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const map = window.articleAtlas.map;
            const lng = map.getCenter().wrap().lng;
            return { nearDateline: Math.abs(lng) > 178, zoomedIn: map.getZoom() > 5 };
          }),
        )
        .toEqual({ nearDateline: true, zoomedIn: true });
      const view = await page.evaluate(() => {
        const map = window.articleAtlas.map;
        const b = map.getBounds();
        return { west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth() };
      });
      // Both halves of the box are in view: 177 and -178 (seen as 182 from the west).
      expect(view.west).toBeLessThan(177);
      expect(view.east).toBeGreaterThan(182);
      expect(view.south).toBeLessThan(-19.2);
      expect(view.north).toBeGreaterThan(-16);
      await context.close();
    },
    TIMEOUT,
  );
});

describe('an Article Atlas export that went through GDAL', () => {
  it(
    'rebuilds its atlas from the GeoPackage round trip',
    async () => {
      const { page, context } = await ready();
      await dropFile(page, 'places-via-geopackage.geojson', fixture('places-via-geopackage.geojson'));
      await expect.poll(() => page.locator('.panel-imported').count()).toBe(1);
      expect(await lastNotice(page)).toBe(
        "places-via-geopackage.geojson: 9 features read, 9 drawn; added as a layer. It is an Article Atlas export of “Azerbaijan, Karabakh separatists hold 'constructive' peace talks”: 9 places and 44 facts.",
      );
      await context.close();
    },
    TIMEOUT,
  );
});
