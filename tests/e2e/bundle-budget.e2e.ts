import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CEILING_GZIP_BYTES, bundleSizes } from '../../scripts/bundle-size';

// Runs in the browser-test project because it reads the production build that project makes.
describe('the production bundle', () => {
  const sizes = bundleSizes('dist');

  it('keeps the app’s own JavaScript and CSS beyond MapLibre that the page loads at start within 40 KB gzip', () => {
    // The entry, the map's chunk and the first screen's picture as the map, with their CSS, and
    // any chunk of code they share. (Issue 17's 30 KB target is the bench's: npm run bench.)
    expect(sizes.appFiles.map((f) => f.replace(/-[\w-]{8}\./, '.'))).toEqual(
      expect.arrayContaining([
        'assets/index.css',
        'assets/index.js',
        'assets/map-app.css',
        'assets/map-app.js',
        'assets/svg-map.css',
        'assets/svg-map.js',
      ]),
    );
    expect(sizes.appGzip).toBeLessThanOrEqual(APP_CEILING_GZIP_BYTES);
  });

  it('loads the popup, the export, the importer of files, the JSON error scanner, the validator and the framing of a selected place only when they are needed, and the failure pages only on a failure', () => {
    // The map's code that draws opened files (imported-layers: their layers and clustering) loads
    // with the importer of files. The scanner that names the line and column of a JSON syntax error loads with the first file
    // JSON.parse refuses; the validator (with its field readers and Turf's winding check) with the
    // first file the build did not validate, or with the importer of files; the popup (its code and
    // CSS) once the map is first idle, or at the first place chosen before that; the popup's summary
    // and the camera's framing of a place (selection, with the summary's CSS, and camera shared
    // with the importer) once the map or the first screen's picture is there; the names control
    // after the first paint, and the places' names under a name set (place-names) when one is chosen;
    // the embedded page's parts and "Copy link" (publish) in an embed or at that button's first click.
    // The picture and print tools come with selection; the code that draws the map's picture
    // (map-picture) with them, and the file download (shared with the export) when first used.
    // The opened files' list (its CSS) and their reader, a worker, come with the importer of files;
    // the readers of every format (import-file) come to the page only where no worker can start.
    expect(sizes.lazyFiles.map((f) => f.replace(/-[\w-]{8}\./, '.')).sort()).toEqual([
      'assets/camera.js',
      'assets/download.js',
      'assets/esm.js',
      'assets/export-delivery.js',
      'assets/import-file.js',
      'assets/import-worker.js',
      'assets/imported-files.css',
      'assets/imported-files.js',
      'assets/imported-layers.js',
      'assets/json-reader.js',
      'assets/json-syntax.js',
      'assets/load-failure.js',
      'assets/map-picture.js',
      'assets/name-sets.js',
      'assets/names-control-view.css',
      'assets/names-control-view.js',
      'assets/place-names.js',
      'assets/place-popup.css',
      'assets/place-popup.js',
      'assets/publish.js',
      'assets/selection.css',
      'assets/selection.js',
      'assets/validate-atlas.js',
    ]);
    const entry = sizes.appFiles.find((f) => /^assets\/index-.*\.js$/.test(f))!;
    const html = readFileSync(join('dist', 'index.html'), 'utf8');
    for (const lazy of sizes.lazyFiles) {
      // Neither preloaded by the page nor imported by the entry at start.
      expect(html.includes(lazy)).toBe(false);
      expect(
        new RegExp(`^import [^;]*${lazy.replace('assets/', '').replace('.', '\\.')}`, 'm').test(
          readFileSync(join('dist', entry), 'utf8'),
        ),
      ).toBe(false);
    }
    expect(sizes.lazyGzip).toBeGreaterThan(0);
  });

  it('puts MapLibre, its CSS and its worker apart from the app, loaded by the map chunk only', () => {
    expect(sizes.maplibreFiles.map((f) => f.replace(/-[\w-]{8}\./, '.')).sort()).toEqual([
      'assets/maplibre-gl-worker.js',
      'assets/maplibre.css',
      'assets/maplibre.js',
    ]);
    const entry = sizes.appFiles.find((f) => /^assets\/index-.*\.js$/.test(f))!;
    const code = readFileSync(join('dist', entry), 'utf8');
    // The entry reaches MapLibre only through the dynamic import of the map chunk.
    expect(/^import .*maplibre/m.test(code)).toBe(false);
  });

  it('takes Turf as modular packages, so that only the functions used are bundled', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const turf = Object.keys(pkg.dependencies).filter((d) => d.startsWith('@turf/'));
    expect(turf).not.toContain('@turf/turf');
    expect(turf.length).toBeGreaterThan(5);
  });
});
