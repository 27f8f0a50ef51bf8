import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FONT } from '../../src/map/font-names';
import { BASEMAP_LABELS_FILE } from '../../src/map/basemap-tiles';
import { DATA_ROOT, REAL_ATLAS_DIR } from '../helpers/atlas-files';
import { BATUMI_ARABIC, BATUMI_CYRILLIC, writeScriptsAtlas } from '../helpers/scripts-atlas';
import { useChromium } from './chromium';
import { countColours, openApp, waitForMark, type PageRecord } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/** The font files a page asked for, without their hashes (`noto-sans-cyrillic-600-normal`), in order. */
const fontFiles = (urls: readonly string[]) =>
  urls.filter((u) => u.endsWith('.woff2')).map((u) => u.replace(/^.*\/(.+)-[\w-]{8}\.woff2$/, '$1'));
const distinct = (names: readonly string[]) => [...new Set(names)].sort();

/** The subsets (`noto-sans-cyrillic`) of a font list, as the map's style has them for FONT.regular. */
async function listedSubsets(page: Page): Promise<string[]> {
  const faces = await page.evaluate(
    (font) => window.articleAtlas.map.getStyle()['font-faces']?.[font] ?? [],
    FONT.regular,
  );
  if (typeof faces === 'string') return [faces];
  return faces.map((face) => face.url.replace(/^.*\/(.+)-400-normal-[\w-]{8}\.woff2$/, '$1'));
}

/** The faces of the page's family that have loaded: `normal 600 U+301, U+400-45F, …` (400 reads `normal`). */
const loadedPageFaces = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replace(/"/g, '') === 'Noto Sans' && f.status === 'loaded')
      .map((f) => `${f.style} ${f.weight} ${f.unicodeRange}`);
  });

/** Draws `text` on the map (FONT.regular, black) on the map's centre and counts its dark pixels once drawn. */
async function drawOnCanvas(page: Page, text: string): Promise<number> {
  await page.evaluate(
    async ({ label, font }) => {
      const { map } = window.articleAtlas;
      const at = map.getCenter().toArray();
      map.addSource('font-test', {
        type: 'geojson',
        data: { type: 'Feature', properties: { label }, geometry: { type: 'Point', coordinates: at } },
      });
      map.addLayer({
        id: 'font-test',
        type: 'symbol',
        source: 'font-test',
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [font],
          'text-size': 28,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#000000' },
      });
      await new Promise<void>((done) => map.once('idle', () => done()));
    },
    { label: text, font: FONT.regular },
  );
  const box = await page.locator('#map canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const png = await page.screenshot({
    clip: { x: box.x + box.width / 2 - 150, y: box.y + box.height / 2 - 25, width: 300, height: 50 },
  });
  return countColours(png, { ink: '#000000' }, 60).ink ?? 0;
}

async function ready(url: string, path = ''): Promise<PageRecord> {
  const app = await openApp(browser, url, { path });
  await waitForMark(app.page, 'app-ready');
  await app.page.evaluate(() => document.fonts.ready);
  return app;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The font subset each script other than Latin is drawn from (fontsource's file names). */
const SCRIPT_SUBSETS: readonly [RegExp, string][] = [
  [CYRILLIC, 'noto-sans-cyrillic'],
  [/\p{Script=Greek}/u, 'noto-sans-greek'],
  [/\p{Script=Armenian}/u, 'noto-sans-armenian-armenian'],
  [/\p{Script=Georgian}/u, 'noto-sans-georgian-georgian'],
  [/\p{Script=Arabic}/u, 'noto-sans-arabic-arabic'],
  [/\p{Script=Hebrew}/u, 'noto-sans-hebrew-hebrew'],
];
/** Latin letters beyond Latin-1 (ə, ş, ı, ğ …), which are in Latin Extended. */
const LATIN_EXT = /[\u0100-\u024F\u1E00-\u1EFF]/u;

/**
 * The subsets the build must declare, worked out here apart from the build's own code: every string
 * of every atlas the index lists and every basemap label's name, by script.
 */
function expectedSubsets(): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const index = readJson(join(DATA_ROOT, 'atlases/index.json')) as { atlases: { path: string }[] };
  for (const { path } of index.atlases)
    for (const file of ['article.json', 'places.geojson', 'facts.json'])
      walk(readJson(join(DATA_ROOT, path, file)));
  const labels = readJson(`public/basemap/${BASEMAP_LABELS_FILE}`) as {
    features: { properties: { name: string } }[];
  };
  strings.push(...labels.features.map((f) => f.properties.name));
  const all = strings.join('\n');
  return [
    'noto-sans-latin',
    ...(LATIN_EXT.test(all) ? ['noto-sans-latin-ext'] : []),
    ...SCRIPT_SUBSETS.filter(([script]) => script.test(all)).map(([, subset]) => subset),
  ].sort();
}

describe('the seed atlas’s fonts', () => {
  const seedPlaces = JSON.parse(readFileSync(join(REAL_ATLAS_DIR, 'places.geojson'), 'utf8')) as {
    features: { id: string; properties: { name: string; altNames: { name: string }[] } }[];
  };
  // The seed's place with a Cyrillic other name (Moscow: Москва).
  const cyrillicPlace = seedPlaces.features.find((f) =>
    f.properties.altNames.some((a) => CYRILLIC.test(a.name)),
  );

  it('declares the subsets of the scripts that the atlases of the index and the basemap use (the seed’s Latin Extended, Cyrillic and Armenian among them), and fetches no Cyrillic or Arabic file for the seed’s first screen, which shows no such name', async () => {
    const app = await ready(baseUrl);
    const listed = await listedSubsets(app.page);
    expect([...listed].sort()).toEqual(expectedSubsets());
    expect(listed).toEqual(
      expect.arrayContaining(['noto-sans-latin-ext', 'noto-sans-cyrillic', 'noto-sans-armenian-armenian']),
    );
    const fetched = distinct(fontFiles(app.requestedUrls));
    expect(fetched.filter((f) => /cyrillic|arabic/.test(f))).toEqual([]);
    expect(fetched).toContain('noto-sans-latin-400-normal');
    expect(app.failedRequests).toEqual([]);
    await app.context.close();
  });

  it('fetches exactly the Cyrillic files of the weights the popup (400) and the panel (600) show a Cyrillic name in, and the regular one for a label on the map', async () => {
    expect(cyrillicPlace?.properties.altNames.map((a) => a.name)).toContain('Москва');
    const app = await ready(baseUrl);
    let before = app.requestedUrls.length;
    await app.page
      .getByRole('button', { name: new RegExp(`^${cyrillicPlace!.properties.name}\\b`) })
      .first()
      .click();
    await expect.poll(() => app.page.locator('#place-popup').innerText()).toContain('Москва');
    const faces = await loadedPageFaces(app.page);
    expect(distinct(fontFiles(app.requestedUrls.slice(before)))).toEqual([
      'noto-sans-cyrillic-400-normal',
      'noto-sans-cyrillic-600-normal',
    ]);
    expect(faces).toContain('normal normal U+301, U+400-45F, U+490-491, U+4B0-4B1, U+2116');
    expect(faces).toContain('normal 600 U+301, U+400-45F, U+490-491, U+4B0-4B1, U+2116');
    before = app.requestedUrls.length;
    expect(await drawOnCanvas(app.page, 'Москва')).toBeGreaterThan(300);
    expect(fontFiles(app.requestedUrls.slice(before))).toEqual(['noto-sans-cyrillic-400-normal']);
    await app.context.close();
  });
});

describe('the fonts of an atlas with Georgian, Cyrillic and Arabic names', () => {
  const outDir = resolve('dist-fonts');
  let data = '';
  let server: PreviewServer | undefined;
  let url = '';

  // The same app built from other data: the build chooses other fonts.
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'atlas-fonts-'));
    writeScriptsAtlas(data);
    process.env.ATLAS_DATA_DIR = data;
    try {
      await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
    } finally {
      delete process.env.ATLAS_DATA_DIR;
    }
    server = await preview({
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    url = server.resolvedUrls?.local[0] ?? '';
  });

  afterAll(async () => {
    await server?.close();
    rmSync(data, { recursive: true, force: true });
  });

  it('declares Latin, Cyrillic, Georgian and Arabic, the scripts of its names, and shows its Cyrillic and Arabic names in Noto, in the page and on the map, each from its own file', async () => {
    const app = await ready(url);
    expect(await listedSubsets(app.page)).toEqual([
      'noto-sans-latin',
      'noto-sans-cyrillic',
      'noto-sans-georgian-georgian',
      'noto-sans-arabic-arabic',
    ]);
    await app.page
      .getByRole('button', { name: /^Batumi\b/ })
      .first()
      .click();
    await expect.poll(() => app.page.locator('#place-popup').innerText()).toContain(BATUMI_ARABIC);
    expect(await app.page.locator('#place-popup').innerText()).toContain(BATUMI_CYRILLIC);
    const faces = await loadedPageFaces(app.page);
    expect(faces).toContain('normal normal U+301, U+400-45F, U+490-491, U+4B0-4B1, U+2116');
    expect(faces.filter((f) => /^normal (normal|600) U\+600-6FF,/.test(f))).toHaveLength(2);
    expect(distinct(fontFiles(app.requestedUrls)).filter((f) => /cyrillic|arabic/.test(f))).toEqual([
      'noto-sans-arabic-arabic-400-normal',
      'noto-sans-arabic-arabic-600-normal',
      'noto-sans-cyrillic-400-normal',
      'noto-sans-cyrillic-600-normal',
    ]);
    const before = app.requestedUrls.length;
    expect(await drawOnCanvas(app.page, BATUMI_ARABIC)).toBeGreaterThan(300);
    expect(fontFiles(app.requestedUrls.slice(before))).toEqual(['noto-sans-arabic-arabic-400-normal']);
    await app.context.close();
  });
});
