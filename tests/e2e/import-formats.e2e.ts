import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { importFile } from '../../src/domain/import-file';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const FIXTURES = 'tests/fixtures/formats';

async function ready() {
  const app = await openApp(browser, baseUrl);
  await waitForMark(app.page, 'app-ready');
  return app;
}

/** Drops a file of these bytes on the map as a reader would, with a real DataTransfer and no media type. */
async function dropBytes(page: Page, name: string, bytes: Uint8Array) {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(content)], fileName));
      return dt;
    },
    [name, [...bytes]] as const,
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#map', type, { dataTransfer: transfer });
  }
}

/** The entries of the panel's section for each opened file, by the section's heading. */
const openedFiles = (page: Page) =>
  page.locator('.panel-imported').evaluateAll((sections) =>
    sections.map((s) => ({
      heading: s.querySelector('h2')?.textContent,
      features: [...s.querySelectorAll('.imported-list button')].map((b) => b.textContent),
    })),
  );

const lastNotice = (page: Page) => page.locator('.notice .notice-text').last().innerText();

/** The notice of a file that opens with no warning: the importer's summary and what it converted. */
function openedText(name: string, bytes: Uint8Array): string {
  const { summary, conversion } = importFile(bytes, name);
  return `${name}: ${summary}${conversion ? `; ${conversion}` : ''}; added as a layer.`;
}

describe('opening files of other formats', () => {
  it('adds a KML, a GPX, a CSV and a TopoJSON file dropped on the map as layers, each feature listed', async () => {
    const { page, context, consoleErrors } = await ready();
    const cases: [string, string, string[]][] = [
      ['places.kml', 'places.kml', ['Stepanakert', 'Lachin road', 'Sevan basin']],
      // Read by content: a GPX under a .txt name opens as GPX.
      ['walk.gpx', 'walk-export.txt', ['Morning walk', 'Yerevan to Sevan', 'Yerevan', 'Sevan']],
      ['cities.csv', 'cities.csv', ['Baku', 'Yerevan', 'Tbilisi, Georgia']],
      ['two-objects.topojson', 'two-objects.json', ['Sevan basin', 'Yerevan', 'Baku']],
    ];
    const expected: { heading: string; features: string[] }[] = [];
    for (const [fixture, name, features] of cases) {
      await dropBytes(page, name, new Uint8Array(readFileSync(join(FIXTURES, fixture))));
      expected.push({ heading: `Opened file: ${name}`, features });
      await expect.poll(() => openedFiles(page)).toEqual(expected);
      expect(await lastNotice(page)).toBe(openedText(name, readFileSync(join(FIXTURES, fixture))));
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('names a bad CSV row by its line and column and a binary format it cannot read, leaving the map as it was', async () => {
    const { page, context } = await ready();
    await dropBytes(page, 'bad-rows.csv', new Uint8Array(readFileSync(join(FIXTURES, 'bad-rows.csv'))));
    await expect
      .poll(() => page.locator('.notice-error .notice-text').innerText())
      .toBe(
        'bad-rows.csv was not opened: bad-rows.csv: line 4, column "lat": "abc" is not a number (a latitude in ' +
          'decimal degrees, such as 40.18) [csv-bad-coordinate]; bad-rows.csv: line 5, column "lat": 95 is not a ' +
          'latitude, which lies from -90 to 90; are the longitude and latitude columns swapped? [csv-bad-coordinate]',
      );
    const sqlite = new Uint8Array(100);
    sqlite.set(new TextEncoder().encode('SQLite format 3\0'));
    sqlite.set(new TextEncoder().encode('GPKG'), 68);
    await dropBytes(page, 'out.gpkg', sqlite);
    await expect
      .poll(() => page.locator('.notice-error .notice-text').innerText())
      .toBe(
        'out.gpkg was not opened: out.gpkg: out.gpkg is a GeoPackage (a SQLite database), which cannot be opened ' +
          'here; convert it: ogr2ogr -f GeoJSON out.geojson out.gpkg [binary-format]',
      );
    expect(await page.locator('.panel-imported').count()).toBe(0);
    await context.close();
  });

  it('opens a file from the picker reached by the keyboard: Tab to it, Enter', async () => {
    const { page, context } = await ready();
    const picker = page.locator('#open-geojson');
    expect(await picker.getAttribute('accept')).toBe(
      '.geojson,.json,.topojson,.kml,.kmz,.gpx,.csv,.tsv,.txt,application/geo+json,application/json,' +
        'application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz,application/gpx+xml,text/csv,' +
        'text/tab-separated-values,text/plain',
    );
    // The picker comes after the Copy button.
    await page.getByRole('button', { name: 'Copy', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-geojson');
    expect(await page.locator('label:has(#open-geojson)').innerText()).toBe('Open GeoJSON, KML, GPX, CSV');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(join(FIXTURES, 'shapes-wkt.csv'));
    await expect
      .poll(() => openedFiles(page))
      .toEqual([
        { heading: 'Opened file: shapes-wkt.csv', features: ['Baku', 'Yerevan to Tbilisi', 'Sevan basin'] },
      ]);
    expect(await lastNotice(page)).toBe(
      'shapes-wkt.csv: 3 features read, 3 drawn; read as CSV (delimiter ","): 3 row(s), geometries from column "WKT"; added as a layer.',
    );
    await context.close();
  });
});
