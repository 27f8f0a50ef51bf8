// Writes the files that tests/fixtures/import/ holds from GDAL (gdal-bin's ogr2ogr): an Article
// Atlas "places" export taken through GeoPackage, FlatGeobuf and CSV (with WKT) and back to GeoJSON,
// and GDAL's own GeoJSON for empty geometries. src/domain/gdal-round-trips.test.ts runs
// gdalFixtures again and compares, so that a GDAL that writes otherwise is noticed.
//   npx tsx scripts/make-gdal-fixtures.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportText } from '../src/domain/export-text';
import { formatIssue } from '../src/domain/issues';
import { loadAtlas } from '../src/domain/load-atlas';
import { DATA_ROOT, fileReader } from './node-data';

export const GDAL_FIXTURES_DIR = 'tests/fixtures/import';

/** A CSV with WKT that GDAL reads into `LINESTRING EMPTY` and `POINT EMPTY`, next to a plain line. */
const EMPTY_GEOMETRIES_CSV =
  'id,name,WKT\n' +
  '1,Closed road,"LINESTRING EMPTY"\n' +
  '2,Coast road,"LINESTRING (41.6367 41.6417,41.7 41.9)"\n' +
  '3,Old ferry,"LINESTRING EMPTY"\n' +
  '4,Lost marker,"POINT EMPTY"\n' +
  '5,Tbilisi,"POINT (44.793 41.7151)"\n';

const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { stdio: ['ignore', 'ignore', 'pipe'] });
const CSV_OPEN = ['-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO'];

/** The version of GDAL that wrote the fixtures, as `ogr2ogr --version` says it. */
export const gdalVersion = (): string => execFileSync('ogr2ogr', ['--version'], { encoding: 'utf8' }).trim();

/** The fixtures, by file name, as GDAL writes them now (in a directory of its own, removed after). */
export async function gdalFixtures(): Promise<Map<string, string>> {
  const load = await loadAtlas(fileReader(DATA_ROOT), { id: null, prefix: 'data/' });
  if (!load.atlas) throw new Error(load.issues.map(formatIssue).join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'gdal-fixtures-'));
  try {
    const at = (name: string) => join(dir, name);
    writeFileSync(at('places.geojson'), exportText(load.atlas, 'geojson', 'places', {}));
    ogr2ogr('-f', 'GPKG', at('places.gpkg'), at('places.geojson'));
    ogr2ogr('-f', 'GeoJSON', at('gpkg.geojson'), at('places.gpkg'));
    ogr2ogr('-f', 'FlatGeobuf', at('places.fgb'), at('places.geojson'));
    ogr2ogr('-f', 'GeoJSON', at('fgb.geojson'), at('places.fgb'));
    ogr2ogr('-f', 'CSV', at('places.csv'), at('places.geojson'), '-lco', 'GEOMETRY=AS_WKT');
    ogr2ogr('-f', 'GeoJSON', at('csv.geojson'), at('places.csv'), ...CSV_OPEN);
    writeFileSync(at('empty.csv'), EMPTY_GEOMETRIES_CSV);
    ogr2ogr('-f', 'GeoJSON', at('empty.geojson'), at('empty.csv'), ...CSV_OPEN);
    const read = (name: string) => readFileSync(at(name), 'utf8');
    return new Map([
      ['places-via-geopackage.geojson', read('gpkg.geojson')],
      ['places-via-flatgeobuf.geojson', read('fgb.geojson')],
      ['places-via-csv.geojson', read('csv.geojson')],
      ['gdal-empty-geometries.geojson', read('empty.geojson')],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, text] of await gdalFixtures()) {
    writeFileSync(join(GDAL_FIXTURES_DIR, name), text);
    console.error(`${GDAL_FIXTURES_DIR}/${name}: ${Buffer.byteLength(text)} bytes`);
  }
  console.error(`written by ${gdalVersion()}`);
}
