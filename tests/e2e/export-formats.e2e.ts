import { readFileSync } from 'node:fs';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { exportText } from '../../src/domain/export-text';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const atlas = validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;

async function ready() {
  const app = await openApp(browser, baseUrl);
  await waitForMark(app.page, 'app-ready');
  return app;
}

/** Chooses what to export in the panel, clicks Export and reads the file the page offers. */
async function exportAs(page: Page, label: RegExp) {
  await page.getByLabel(label).check();
  const [event] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const text = readFileSync(await event.path(), 'utf8');
  const notice = await page.getByText(/^Downloading /).textContent({ timeout: 10_000 });
  return { name: event.suggestedFilename(), text, notice };
}

describe('export formats in the page', () => {
  it('KML: one placemark per place, read back by @tmcw/togeojson, the bytes of npm run export', async () => {
    const { page, context } = await ready();
    const file = await exportAs(page, /^KML/);
    expect(file.name).toBe('2023-09-22-karabakh-peace-talks.kml');
    expect(file.text).toBe(exportText(atlas, 'kml', 'places'));
    expect(file.notice).toMatch(/^Downloading 2023-09-22-karabakh-peace-talks\.kml \(\d+ KB of KML\)\.$/);
    const back = kml(new DOMParser().parseFromString(file.text, 'text/xml'));
    expect(back.features.map((f) => f.properties?.['name'])).toEqual(
      atlas.places.map((p) => p.properties.name),
    );
    const descriptions = back.features.map((f) => String(f.properties?.['description']));
    for (const fact of atlas.facts) {
      const i = atlas.places.findIndex((p) => p.id === fact.placeIds[0]);
      expect(descriptions[i]).toContain(fact.text);
      if (fact.quote) expect(descriptions[i]).toContain(`“${fact.quote.text}” — ${fact.quote.speaker}`);
    }
    await context.close();
  }, 90_000);

  it('CSV: one row per fact, read back by papaparse, every quotation verbatim', async () => {
    const { page, context } = await ready();
    const file = await exportAs(page, /^CSV/);
    expect(file.name).toBe('2023-09-22-karabakh-peace-talks-facts.csv');
    expect(file.text).toBe(exportText(atlas, 'csv', 'facts'));
    expect(file.notice).toMatch(/ KB of CSV, one row per fact\)\.$/);
    const parsed = Papa.parse<Record<string, string>>(file.text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r['fact_id'])).toEqual(atlas.facts.map((f) => f.id));
    expect(parsed.data.map((r) => r['quotation'])).toEqual(atlas.facts.map((f) => f.quote?.text ?? ''));
    expect(parsed.data[0]).toMatchObject({
      place_id: 'nagorno-karabakh',
      longitude: '46.793792',
      latitude: '39.873238',
    });
    await context.close();
  }, 90_000);
});
