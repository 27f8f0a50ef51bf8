import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for the app's own JavaScript and CSS beyond MapLibre, gzip (issue 6). */
export const APP_BUDGET_GZIP_BYTES = 40 * 1024;

export const gzipSize = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

interface ManifestEntry {
  file: string;
  name?: string;
  css?: string[];
  assets?: string[];
}

/**
 * Splits a production build (`dist/`, with its Vite manifest) into the app's own JavaScript and
 * CSS and MapLibre's (its chunk, stylesheet and worker), with their gzip sizes.
 */
export function bundleSizes(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;
  const app = new Set<string>();
  const maplibre = new Set<string>();
  for (const entry of Object.values(manifest)) {
    const files = [entry.file, ...(entry.css ?? [])].filter((f) => /\.(js|css)$/.test(f));
    for (const f of files) (entry.name === 'maplibre' || /maplibre/.test(f) ? maplibre : app).add(f);
    for (const a of entry.assets ?? []) if (/maplibre-gl-worker.*\.js$/.test(a)) maplibre.add(a);
  }
  for (const f of maplibre) app.delete(f);
  const sum = (set: Set<string>) => [...set].reduce((n, f) => n + gzipSize(join(dist, f)), 0);
  return {
    appFiles: [...app].sort(),
    appGzip: sum(app),
    maplibreFiles: [...maplibre].sort(),
    maplibreGzip: sum(maplibre),
  };
}
