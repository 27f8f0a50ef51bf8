import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { mapKeyEntries } from '../../src/app/article-panel-options';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { pictureSize } from '../../src/domain/picture-layout';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { LOCATOR_THEME } from '../../src/map/basemap-theme';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../helpers/atlas-files';
import { useChromium } from './chromium';
import { countColours, openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const atlas = validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;
const keyRows = mapKeyEntries(buildAtlasModel(atlas)).length;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const dir = mkdtempSync(join(tmpdir(), 'picture-print-'));

describe('Download image', () => {
  it('downloads the view as a PNG at twice the map’s size, with the headline above it', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'app-ready');
    const button = app.page.getByRole('button', { name: 'Download image' });
    await button.waitFor({ timeout: 30_000 });
    const map = (await app.page.locator('#map').boundingBox())!;
    const [download] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 60_000 }),
      button.click(),
    ]);
    expect(download.suggestedFilename()).toBe('karabakh-peace-talks-map.png');
    const file = readFileSync(await download.path());
    const png = PNG.sync.read(file);
    expect({ width: png.width, height: png.height }).toEqual(pictureSize(map, keyRows, 2));
    expect(png.width).toBe(Math.round(map.width * 2));
    // The map: the sea and the land in their colours, and many colours in all (not a blank frame).
    const counts = countColours(file, { water: LOCATOR_THEME.water, landFocus: LOCATOR_THEME.landFocus });
    expect(counts.water).toBeGreaterThan(20_000);
    expect(counts.landFocus).toBeGreaterThan(20_000);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 7) {
      colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    }
    expect(colours.size).toBeGreaterThan(500);
    // The headline's band (above the map, 104 CSS pixels high): dark text on white.
    let dark = 0;
    for (let y = 0; y < 104 * 2; y += 1) {
      for (let x = 0; x < png.width; x += 1) {
        const i = (y * png.width + x) * 4;
        if (png.data[i]! < 80 && png.data[i + 1]! < 80 && png.data[i + 2]! < 80) dark += 1;
      }
    }
    expect(dark).toBeGreaterThan(2_000);
    await expect
      .poll(() => app.page.locator('.notice').last().textContent(), { timeout: 5_000 })
      .toContain('Downloading karabakh-peace-talks-map.png');
    writeFileSync(join(dir, 'picture.png'), file);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  }, 120_000);
});

describe('Print', () => {
  it('prints the headline, the map as a picture, the key, then every place with all its facts, no buttons', async () => {
    const app = await openApp(browser, baseUrl);
    await waitForMark(app.page, 'app-ready');
    await app.page.getByRole('button', { name: 'Print' }).waitFor({ timeout: 30_000 });
    const map = (await app.page.locator('#map').boundingBox())!;
    // page.pdf() prints without the browser's beforeprint event: sent as the browser sends it
    // before it lays the page out for print, then the print media.
    await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await app.page.emulateMedia({ media: 'print' });
    await expect.poll(() => app.page.locator('#map img.print-map').count(), { timeout: 10_000 }).toBe(1);
    // The picture in the map's place is the view on screen (its size, at the page's pixel ratio 1), not blank.
    const still = await app.page.locator('#map img.print-map').getAttribute('src');
    const stillPng = Buffer.from(still!.replace(/^data:image\/png;base64,/, ''), 'base64');
    const stillImage = PNG.sync.read(stillPng);
    expect({ width: stillImage.width, height: stillImage.height }).toEqual({
      width: Math.round(map.width),
      height: Math.round(map.height),
    });
    const stillCounts = countColours(stillPng, {
      water: LOCATOR_THEME.water,
      landFocus: LOCATOR_THEME.landFocus,
    });
    expect(stillCounts.water).toBeGreaterThan(5_000);
    expect(stillCounts.landFocus).toBeGreaterThan(5_000);
    const pdf = await app.page.pdf({ format: 'A4', printBackground: true });
    const path = join(dir, 'atlas.pdf');
    writeFileSync(path, pdf);
    const text = squash(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
    const textRaw = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(textRaw).toContain(squash(atlas.article.headline));
    for (const place of atlas.places) expect(textRaw).toContain(squash(place.properties.name));
    // pdftotext breaks lines where the page does: compare with every space and line break taken out.
    const joined = textRaw.replace(/[\s\u00ad-]/g, '');
    for (const fact of atlas.facts) expect(joined).toContain(fact.text.replace(/[\s\u00ad-]/g, ''));
    for (const label of ['Export GeoJSON', 'Open GeoJSON', 'Download image', 'Skip to the map']) {
      expect(text).not.toContain(label);
    }
    expect(textRaw).toContain('Natural Earth');
    // Page one holds an image: the map's picture.
    const page1 = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', path], { encoding: 'utf8' });
    expect(page1.split('\n').filter((line) => /^\s+1\s+\d+\s+image/.test(line)).length).toBeGreaterThan(0);
    // Back on screen, the picture goes and the map is the map again.
    await app.page.emulateMedia({ media: 'screen' });
    await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => app.page.locator('#map img.print-map').count(), { timeout: 10_000 }).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  }, 120_000);
});

describe('without WebGL', () => {
  const noWebgl = useChromium(['--disable-3d-apis']);

  it('says a picture cannot be made, and prints the still map with every fact', async () => {
    const app = await openApp(noWebgl, baseUrl);
    const button = app.page.getByRole('button', { name: 'Download image' });
    await button.waitFor({ timeout: 30_000 });
    await button.click();
    const notice = app.page.locator('[data-notice-id="picture"] .notice-text');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    expect(await notice.innerText()).toBe(
      'A picture needs the map drawn by WebGL, which this browser does not offer. Print the page for its still map.',
    );
    await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await app.page.emulateMedia({ media: 'print' });
    // The build's picture of the first view is the map, printed as it is (no still picture taken).
    expect(await app.page.locator('#map img.print-map').count()).toBe(0);
    expect(await app.page.locator('#map svg.first-screen-map').isVisible()).toBe(true);
    const path = join(dir, 'still.pdf');
    writeFileSync(path, await app.page.pdf({ format: 'A4' }));
    const joined = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/[\s\u00ad-]/g, '');
    expect(joined).toContain(atlas.article.headline.replace(/\s/g, ''));
    for (const fact of atlas.facts) expect(joined).toContain(fact.text.replace(/[\s\u00ad-]/g, ''));
    await app.context.close();
  }, 120_000);
});
