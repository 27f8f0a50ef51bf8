import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { exportAtlas, serializeGeoJson } from '../../src/domain/export-atlas';
import { importGeoJson } from '../../src/domain/import-geojson';
import { formatIssue } from '../../src/domain/issues';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { HADRUT, HADRUT_FILE, jumpAndWait, openApp, screenPointsAround, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const atlas = validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;

async function ready() {
  const app = await openApp(browser, baseUrl);
  // Record the media type of every Blob offered for download.
  await app.page.evaluate(() => {
    const original = URL.createObjectURL.bind(URL);
    const types: string[] = [];
    Object.assign(window, { blobTypes: types });
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) types.push(obj.type);
      return original(obj);
    };
  });
  await waitForMark(app.page, 'app-ready');
  return app;
}

async function download(page: Page, click: () => Promise<void>) {
  const [event] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await event.path();
  return { name: event.suggestedFilename(), text: readFileSync(path, 'utf8') };
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

const styleLayerIds = (page: Page) =>
  page.evaluate(() => window.articleAtlas.map.getStyle().layers.map((l) => l.id));

describe('export in the page', () => {
  it('downloads the whole atlas by place: the same bytes as npm run export, valid GeoJSON, application/geo+json', async () => {
    const { page, context } = await ready();
    const file = await download(page, () =>
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    );
    expect(file.name).toBe('2023-09-22-karabakh-peace-talks.geojson');
    expect(file.text).toBe(serializeGeoJson(exportAtlas(atlas, 'places')));
    expect(getIssues(file.text)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes)).toEqual([
      'application/geo+json',
    ]);
    await context.close();
  });

  it('downloads the facts shape when chosen', async () => {
    const { page, context } = await ready();
    await page.getByLabel(/^Facts/).check();
    const file = await download(page, () =>
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    );
    expect(file.name).toBe('2023-09-22-karabakh-peace-talks-facts.geojson');
    expect(file.text).toBe(serializeGeoJson(exportAtlas(atlas, 'facts')));
    expect(JSON.parse(file.text).features.length).toBe(45);
    await context.close();
  });

  it('exports one place from its popup, and copies it to the clipboard', async () => {
    const { page, context } = await ready();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.locator('.place-marker[data-place-id="yerevan"] button').click();
    const file = await download(page, () =>
      page.getByRole('dialog').getByRole('button', { name: 'Export this place' }).click(),
    );
    const expected = serializeGeoJson(exportAtlas(atlas, 'places', { placeIds: ['yerevan'] }));
    expect(file.name).toBe('2023-09-22-karabakh-peace-talks-yerevan.geojson');
    expect(file.text).toBe(expected);
    await page.getByRole('dialog').getByRole('button', { name: 'Copy GeoJSON' }).click();
    await expect
      .poll(() => page.locator('.notice .notice-text').last().innerText())
      .toBe('Copied 2023-09-22-karabakh-peace-talks-yerevan.geojson to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await context.close();
  });
});

describe('import in the page', () => {
  const SAMPLE = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: 'Shusha', note: '<img src=x onerror=alert(1)>', nested: { a: 1 } },
        geometry: { type: 'Point', coordinates: [46.7519, 39.7583] },
      },
      {
        type: 'Feature',
        properties: { name: 'Lachin road' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [46.55, 39.63],
            [45.98, 39.6],
          ],
        },
      },
    ],
  });

  it('shows a dropped file as a layer, lists its features in the panel, and shows their properties as text', async () => {
    const { page, context } = await ready();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await dropFile(page, 'sample.geojson', SAMPLE);
    await expect
      .poll(() => page.evaluate(() => Boolean(window.articleAtlas.map.getSource('imported-1'))))
      .toBe(true);
    expect(await page.locator('.panel-imported h2').textContent()).toBe('Opened file: sample.geojson');
    expect(await page.locator('.panel-imported .place-link').allInnerTexts()).toEqual([
      'Shusha',
      'Lachin road',
    ]);
    await page.locator('.panel-imported .place-link', { hasText: 'Shusha' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.locator('tr').allInnerTexts()).toEqual([
      'name\tShusha',
      'note\t<img src=x onerror=alert(1)>',
      'nested\t{"a":1}',
    ]);
    expect(await dialog.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('opens an opened file’s point inside the disputed region on a click on the map, not the region around it', async () => {
    const region = atlas.places.find((p) => p.id === 'nagorno-karabakh')!;
    // The point is inside the article's region: a click there hits both.
    expect(booleanPointInPolygon(HADRUT, region.geometry as Polygon)).toBe(true);
    const { page, context } = await ready();
    await dropFile(page, 'towns.geojson', HADRUT_FILE);
    await expect.poll(() => page.locator('.panel-imported h2').count()).toBe(1);
    // Drawn as a click opens them: the file's point over the article's region, under its places.
    const order = await styleLayerIds(page);
    const at0 = (id: string) => order.indexOf(id);
    expect(at0('imported-1-fill')).toBeLessThan(at0('atlas-region-fill'));
    expect(at0('imported-1-circle')).toBeGreaterThan(at0('atlas-region-outline'));
    expect(at0('imported-1-circle')).toBeLessThan(at0('atlas-place-circle'));
    expect(at0('imported-1-fill')).toBeGreaterThan(-1);
    await jumpAndWait(page, HADRUT, 8);
    const offsets = [0, 30, -30, 60, -60].flatMap((dx) =>
      [0, 30, -30].map((dy): [number, number] => [dx, dy]),
    );
    const around = await screenPointsAround(page, HADRUT, offsets);
    const at = around[0]!;
    expect(at.onCanvas).toBe(true);
    await page.mouse.click(at.x, at.y);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.locator('tr').allInnerTexts()).toEqual(['name\tHadrut']);
    // The region still answers a click on its empty area, away from the point.
    await dialog.getByRole('button', { name: 'Close popup' }).click();
    const empty = around.find(
      (a) =>
        Math.abs(a.dx) + Math.abs(a.dy) >= 30 &&
        a.onCanvas &&
        booleanPointInPolygon(a.lngLat, region.geometry as Polygon),
    );
    // A point of the region near Hadrut with nothing over it: the region's empty area.
    expect(empty).toBeDefined();
    await page.mouse.click(empty!.x, empty!.y);
    await expect.poll(() => page.locator('#popup-nagorno-karabakh-title').count()).toBe(1);
    await context.close();
  });

  it('selects an opened file’s feature after a place as one page state: link, panel and history agree', async () => {
    const { page, context } = await ready();
    await dropFile(page, 'towns.geojson', HADRUT_FILE);
    await expect.poll(() => page.locator('.panel-imported .place-link').count()).toBe(1);
    await page.locator('.panel-nav .place-link[data-place-id="baku"]').click();
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#place=baku&map=/);
    const hadrut = page.locator('.panel-imported .place-link', { hasText: 'Hadrut' });
    await hadrut.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('tr').allInnerTexts()).toEqual(['name\tHadrut']);
    // The link no longer names Baku; the panel marks the file's entry, and no longer Baku.
    const hash = await page.evaluate(() => window.location.hash);
    expect(hash).toMatch(/^#map=[\d.]+\/[\d.]+\/[\d.]+$/);
    expect(
      await page.locator('[aria-current="true"]').evaluateAll((nodes) => nodes.map((n) => n.textContent)),
    ).toEqual(['Hadrut']);
    expect(await page.locator('.place-marker-button.is-selected').count()).toBe(0);
    // Closing the feature's popup adds no history entry and selects nothing else.
    const entries = await page.evaluate(() => window.history.length);
    await dialog.getByRole('button', { name: 'Close popup' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    expect(await page.evaluate(() => window.location.hash)).toBe(hash);
    expect(await page.locator('[aria-current="true"]').count()).toBe(0);
    // Focus returns to the feature's entry in the panel.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hadrut');
    // Back restores the state before the feature was chosen: Baku, in the link, the panel and the popup.
    await page.goBack();
    await expect.poll(() => page.locator('#popup-baku-title').count()).toBe(1);
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#place=baku&map=/);
    expect(
      await page
        .locator('.panel-nav [aria-current="true"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-place-id'))),
    ).toEqual(['baku']);
    await context.close();
  });

  it('opens a file from the "Open GeoJSON" control', async () => {
    const { page, context } = await ready();
    await page.locator('#open-geojson').setInputFiles({
      name: 'chosen.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(SAMPLE),
    });
    await expect.poll(() => page.locator('.panel-imported h2').count()).toBe(1);
    expect(await page.locator('.notice .notice-text').last().innerText()).toBe(
      'chosen.geojson: 2 features read, 2 drawn; added as a layer.',
    );
    await context.close();
  });

  it('leaves the map as it was and names the problem and its place for a broken file', async () => {
    const { page, context } = await ready();
    const before = await styleLayerIds(page);
    await dropFile(
      page,
      'broken.geojson',
      '{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.7, 200]}, "properties": {}}\n]}',
    );
    await expect.poll(() => page.locator('.notice-error').count()).toBe(1);
    expect(await page.locator('.notice-error .notice-text').innerText()).toMatch(
      /^broken\.geojson was not opened: broken\.geojson: features\[0\]\.geometry\.coordinates: .*200.*\[/,
    );
    expect(await styleLayerIds(page)).toEqual(before);
    expect(await page.locator('.panel-imported').count()).toBe(0);
    await dropFile(page, 'not-json.geojson', '{"type": "FeatureCollection",\n  "features": [');
    await expect
      .poll(() => page.locator('.notice-error .notice-text').innerText())
      .toMatch(/^not-json\.geojson was not opened: .*line 2, column/);
    expect(await styleLayerIds(page)).toEqual(before);
    await context.close();
  });

  it('brings an exported atlas back as the same places and facts', async () => {
    const { page, context } = await ready();
    await dropFile(page, 'export.geojson', serializeGeoJson(exportAtlas(atlas, 'places')));
    await expect.poll(() => page.locator('.panel-imported').count()).toBe(1);
    expect(await page.locator('.notice .notice-text').last().innerText()).toBe(
      "export.geojson: 9 features read, 9 drawn; added as a layer. It is an Article Atlas export of “Azerbaijan, Karabakh separatists hold 'constructive' peace talks”: 9 places and 44 facts.",
    );
    await context.close();
  });
});

describe('every malformed file in tests/fixtures/invalid/geojson', () => {
  const dir = 'tests/fixtures/invalid/geojson';
  const files = readdirSync(dir).sort();

  it('is refused with a message that names the problem and its place, leaving the atlas as it was', async () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
    const { page, context } = await ready();
    const before = await styleLayerIds(page);
    const sourcesBefore = await page.evaluate(() => Object.keys(window.articleAtlas.map.getStyle().sources));
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      // The page says exactly what the importer found, each issue with its file, path and code.
      const { issues, counts } = importGeoJson(text, file, Buffer.byteLength(text));
      const errors = issues.filter((i) => i.severity === 'error' && i.code !== 'more-issues');
      expect(errors.length).toBeGreaterThan(0);
      const more = counts.errors > 5 ? ` (and ${counts.errors - 5} more)` : '';
      await dropFile(page, file, text);
      await expect
        .poll(() => page.locator('.notice-error .notice-text').innerText())
        .toBe(`${file} was not opened: ${errors.slice(0, 5).map(formatIssue).join('; ')}${more}`);
    }
    expect(await styleLayerIds(page)).toEqual(before);
    expect(await page.evaluate(() => Object.keys(window.articleAtlas.map.getStyle().sources))).toEqual(
      sourcesBefore,
    );
    expect(await page.locator('.panel-imported').count()).toBe(0);
    await context.close();
  });

  it('refuses a 60 MB file at once, before reading it', async () => {
    const { page, context } = await ready();
    // Playwright passes files over 50 MB by path only.
    const path = join(mkdtempSync(join(tmpdir(), 'huge-')), 'huge.geojson');
    writeFileSync(path, Buffer.alloc(60 * 1024 * 1024, 0x20));
    await page.locator('#open-geojson').setInputFiles(path);
    await expect
      .poll(() => page.locator('.notice-error .notice-text').innerText())
      .toBe(
        'huge.geojson was not opened: huge.geojson: the file is 60.0 MB; files up to 20 MB can be opened [too-large]',
      );
    await context.close();
  });
});
