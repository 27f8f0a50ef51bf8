// What the bench measures without a browser: the build's and the data's bytes, export and
// validation timed in Node, and the machine it all ran on.
import { readdirSync, statSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { exportAtlas, serializeGeoJson } from '../../src/domain/export-atlas';
import { importGeoJson } from '../../src/domain/import-geojson';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { bundleSizes, gzipSize } from '../bundle-size';
import { ROOT } from '../node-data';
import { syntheticAtlas } from '../synthetic-atlas';
import { DIST } from './config';
import { median, r1 } from './stats';
import type { Bytes, Machine, NodeTimings } from './types';

/** The app's and MapLibre's gzip sizes in the build, and the real atlas's and the basemap's files. */
export function measureBytes(): Bytes {
  const sizes = bundleSizes(DIST);
  const files = (dir: string) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  const dataFiles = files('data/atlases/karabakh-peace-talks');
  const basemap = files('public/basemap');
  const raw = (paths: string[]) => paths.reduce((n, p) => n + statSync(p).size, 0);
  const gzip = (paths: string[]) => paths.reduce((n, p) => n + gzipSize(p), 0);
  return {
    appJsCssGzip: sizes.appGzip,
    appFiles: sizes.appFiles,
    maplibreGzip: sizes.maplibreGzip,
    dataRaw: raw(dataFiles),
    dataGzip: gzip(dataFiles),
    basemapRaw: raw(basemap),
    basemapGzip: gzip(basemap),
    basemapFiles: basemap.length,
  };
}

/** Export, its validation by the import check, and the atlas's validation, each the median of `runs` after a warm-up. */
export function measureNodeTimings(runs: number): NodeTimings {
  const synthetic = syntheticAtlas(1000, 10);
  const validate = () =>
    validateAtlas(
      { article: synthetic.article, places: synthetic.places, facts: synthetic.facts },
      { article: 'a', places: 'p', facts: 'f' },
    );
  const atlas = validate().atlas!;
  const time = (fn: () => unknown) => {
    fn(); // warm-up
    return median(
      Array.from({ length: runs }, () => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      }),
    );
  };
  let text = '';
  const exportMs = time(() => (text = serializeGeoJson(exportAtlas(atlas, 'places'))));
  const importMs = time(() => importGeoJson(text, 'synthetic.geojson', Buffer.byteLength(text)));
  const validateAtlasMs = time(validate);
  return {
    facts: atlas.facts.length,
    exportMs: r1(exportMs),
    validateExportMs: r1(importMs),
    validateAtlasMs: r1(validateAtlasMs),
    exportBytes: Buffer.byteLength(text),
  };
}

export function describeMachine(chromium: string): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    webgl: 'SwiftShader (software)',
  };
}
