import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_BUDGET_GZIP_BYTES, bundleSizes } from '../../scripts/bundle-size';

// Runs in the browser-test project because it reads the production build that project makes.
describe('the production bundle', () => {
  const sizes = bundleSizes('dist');

  it('keeps the app’s own JavaScript and CSS beyond MapLibre that the first screen loads within 40 KB gzip', () => {
    // The entry and the map's chunk with their CSS, and any chunk of code they share.
    expect(sizes.appFiles.map((f) => f.replace(/-[\w-]{8}\./, '.'))).toEqual(
      expect.arrayContaining([
        'assets/index.css',
        'assets/index.js',
        'assets/map-app.css',
        'assets/map-app.js',
      ]),
    );
    expect(sizes.appGzip).toBeLessThanOrEqual(APP_BUDGET_GZIP_BYTES);
  });

  it('loads the popup, the export, the importer of files and the JSON error scanner only when they are needed, and the failure pages only on a failure', () => {
    // The scanner that names the line and column of a JSON syntax error loads with the first file
    // JSON.parse refuses; the popup (its code and CSS) once the map is first idle, or at the first
    // place chosen before that.
    expect(sizes.lazyFiles.map((f) => f.replace(/-[\w-]{8}\./, '.')).sort()).toEqual([
      'assets/export-delivery.js',
      'assets/imported-files.js',
      'assets/json-syntax.js',
      'assets/load-failure.js',
      'assets/place-popup.css',
      'assets/place-popup.js',
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
