import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { MAX_IMPORT_BYTES } from './import-geojson';

const FIXTURES = 'tests/fixtures/formats';
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const open = (name: string, as = name) => importFile(fixture(name), as);
const text = (s: string) => new TextEncoder().encode(s);
const dir = mkdtempSync(join(tmpdir(), 'import-file-'));

/** What the panel and popup use of each feature. */
const summary = (result: ReturnType<typeof importFile>) =>
  result.layer?.features.map(({ title, geometry, properties }) => ({ title, geometry, properties }));

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Baku' },
      geometry: { type: 'Point', coordinates: [49.8671, 40.4093] },
    },
  ],
});

describe('importFile: formats told by content', () => {
  it('reads a KML file: a point with its ExtendedData, a line and a polygon', () => {
    const result = open('places.kml');
    expect(result.format).toBe('kml');
    expect(result.conversion).toBe('read as KML: 3 placemarks');
    expect(result.issues).toEqual([]);
    expect(result.counts).toEqual({ errors: 0, warnings: 0 });
    expect(result.layer?.fileName).toBe('places.kml');
    expect(result.layer?.bbox).toEqual([45, 39.6, 46.7518, 40.6]);
    expect(summary(result)).toEqual([
      {
        title: 'Stepanakert',
        geometry: { type: 'Point', coordinates: [46.7518, 39.8153, 0] },
        properties: {
          name: 'Stepanakert',
          description: 'A point with extended data',
          population: '55200',
          country: 'AZ',
        },
      },
      {
        title: 'Lachin road',
        geometry: {
          type: 'LineString',
          coordinates: [
            [46.7518, 39.8153],
            [46.55, 39.63],
            [46.3, 39.6],
          ],
        },
        properties: { name: 'Lachin road' },
      },
      {
        title: 'Sevan basin',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [45, 40.2],
              [45.6, 40.2],
              [45.6, 40.6],
              [45, 40.6],
              [45, 40.2],
            ],
          ],
        },
        properties: { name: 'Sevan basin' },
      },
    ]);
  });

  it('reads a GPX file: its track, its route and its waypoints', () => {
    const result = open('walk.gpx');
    expect([result.format, result.conversion, result.counts]).toEqual([
      'gpx',
      'read as GPX: 1 track, 1 route, 2 waypoints',
      { errors: 0, warnings: 0 },
    ]);
    expect(summary(result)).toEqual([
      {
        title: 'Morning walk',
        geometry: {
          type: 'LineString',
          coordinates: [
            [44.51, 40.18, 1001],
            [44.512, 40.181, 1003],
            [44.515, 40.1825, 1006],
          ],
        },
        properties: {
          _gpxType: 'trk',
          name: 'Morning walk',
          time: '2023-09-21T07:00:00Z',
          coordinateProperties: {
            times: ['2023-09-21T07:00:00Z', '2023-09-21T07:05:00Z', '2023-09-21T07:10:00Z'],
          },
        },
      },
      {
        title: 'Yerevan to Sevan',
        geometry: {
          type: 'LineString',
          coordinates: [
            [44.4991, 40.1792],
            [44.75, 40.29],
            [44.998, 40.4034],
          ],
        },
        properties: { _gpxType: 'rte', name: 'Yerevan to Sevan' },
      },
      {
        title: 'Yerevan',
        geometry: { type: 'Point', coordinates: [44.4991, 40.1792, 990] },
        properties: { name: 'Yerevan' },
      },
      {
        title: 'Sevan',
        geometry: { type: 'Point', coordinates: [44.998, 40.4034] },
        properties: { name: 'Sevan' },
      },
    ]);
  });

  it('reads a CSV with lon and lat columns: every other column a property, as text', () => {
    const result = open('cities.csv');
    expect([result.format, result.conversion, result.issues]).toEqual([
      'csv',
      'read as CSV (delimiter ","): 3 row(s), points from columns "lon" (longitude) and "lat" (latitude)',
      [],
    ]);
    expect(summary(result)).toEqual([
      {
        title: 'Baku',
        geometry: { type: 'Point', coordinates: [49.8671, 40.4093] },
        properties: { name: 'Baku', population: '2300000' },
      },
      {
        title: 'Yerevan',
        geometry: { type: 'Point', coordinates: [44.5126, 40.1811] },
        properties: { name: 'Yerevan', population: '1090000' },
      },
      {
        title: 'Tbilisi, Georgia',
        geometry: { type: 'Point', coordinates: [44.7833, 41.7167] },
        properties: { name: 'Tbilisi, Georgia', population: '1200000' },
      },
    ]);
  });

  it('reads a CSV delimited by semicolons, with decimal commas and Latitude before Longitude', () => {
    const result = open('cities-semicolon.csv');
    expect(result.conversion).toBe(
      'read as CSV (delimiter ";"): 2 row(s), points from columns "Longitude" (longitude) and "Latitude" (latitude)',
    );
    expect(result.layer?.features.map((f) => [f.geometry, f.properties])).toEqual([
      [
        { type: 'Point', coordinates: [49.8671, 40.4093] },
        { Name: 'Baku', Note: 'capital' },
      ],
      [
        { type: 'Point', coordinates: [46.3606, 40.6828] },
        { Name: 'Ganja', Note: 'second; city' },
      ],
    ]);
  });

  it('reads a CSV with a WKT column: points, lines and polygons', () => {
    const result = open('shapes-wkt.csv');
    expect([result.conversion, result.issues]).toEqual([
      'read as CSV (delimiter ","): 3 row(s), geometries from column "WKT"',
      [],
    ]);
    expect(summary(result)).toEqual([
      {
        title: 'Baku',
        geometry: { type: 'Point', coordinates: [49.8671, 40.4093] },
        properties: { name: 'Baku' },
      },
      {
        title: 'Yerevan to Tbilisi',
        geometry: {
          type: 'LineString',
          coordinates: [
            [44.5126, 40.1811],
            [44.7833, 41.7167],
          ],
        },
        properties: { name: 'Yerevan to Tbilisi' },
      },
      {
        title: 'Sevan basin',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [45, 40.2],
              [45.6, 40.2],
              [45.6, 40.6],
              [45, 40.6],
              [45, 40.2],
            ],
          ],
        },
        properties: { name: 'Sevan basin' },
      },
    ]);
  });

  it('reads a TSV, and names the tab as its delimiter', () => {
    const result = importFile(text('name\tlongitude\tlatitude\nBaku\t49.8671\t40.4093\n'), 'cities.tsv');
    expect(result.conversion).toBe(
      'read as CSV (delimiter tab): 1 row(s), points from columns "longitude" (longitude) and "latitude" (latitude)',
    );
    expect(result.layer?.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [49.8671, 40.4093] });
  });

  it('reads a TopoJSON topology with two objects into one layer, each feature keeping its object’s name', () => {
    const result = open('two-objects.topojson');
    expect([result.format, result.conversion, result.issues]).toEqual([
      'topojson',
      'read as TopoJSON: objects "lakes" (1 feature), "cities" (2 features)',
      [],
    ]);
    expect(
      result.layer?.features.map(({ id, title, geometry, properties }) => ({
        id,
        title,
        geometry,
        properties,
      })),
    ).toEqual([
      {
        id: null,
        title: 'Sevan basin',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [45, 40.2],
              [45.6, 40.2],
              [45.6, 40.6],
              [45, 40.6],
              [45, 40.2],
            ],
          ],
        },
        properties: { name: 'Sevan basin', topojsonObject: 'lakes' },
      },
      {
        id: 'yerevan',
        title: 'Yerevan',
        geometry: { type: 'Point', coordinates: [44.5126, 40.1811] },
        properties: { name: 'Yerevan', topojsonObject: 'cities' },
      },
      {
        id: null,
        title: 'Baku',
        geometry: { type: 'Point', coordinates: [49.8671, 40.4093] },
        properties: { name: 'Baku', topojsonObject: 'cities' },
      },
    ]);
  });

  it('reads a quantized TopoJSON through its transform', () => {
    const topology = {
      type: 'Topology',
      transform: { scale: [0.5, 0.25], translate: [40, 30] },
      arcs: [],
      objects: { one: { type: 'Point', coordinates: [4, 8] } },
    };
    const result = importFile(text(JSON.stringify(topology)), 'q.json');
    expect(result.layer?.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [42, 32] });
  });

  it('opens GeoJSON under any name: .txt, .kml', () => {
    for (const name of ['export.txt', 'misnamed.kml', 'places.geojson']) {
      const result = importFile(text(GEOJSON), name);
      expect([result.format, result.conversion, result.layer?.fileName, summary(result)]).toEqual([
        'geojson',
        undefined,
        name,
        [
          {
            title: 'Baku',
            geometry: { type: 'Point', coordinates: [49.8671, 40.4093] },
            properties: { name: 'Baku' },
          },
        ],
      ]);
    }
  });

  it('opens KML under a .txt name and a CSV under a .json-less name', () => {
    expect(importFile(fixture('places.kml'), 'notes.txt').format).toBe('kml');
    expect(importFile(fixture('cities.csv'), 'cities.dat').format).toBe('csv');
  });

  it('drops a UTF-8 byte order mark, and reads UTF-16 when its mark says so', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...text(GEOJSON)]);
    const le = new Uint8Array([0xff, 0xfe, ...[...GEOJSON].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...GEOJSON].flatMap((c) => [0, c.charCodeAt(0)])]);
    for (const bytes of [utf8, le, be]) {
      const result = importFile(bytes, 'baku.geojson');
      expect([result.issues, result.layer?.features.length]).toEqual([[], 1]);
    }
  });

  it('still finds what the GeoJSON reader finds: a duplicate key, an empty file', () => {
    const duplicate = importFile(
      text('{"type":"Feature","type":"Feature","properties":{},"geometry":null}'),
      'd.json',
    );
    expect(duplicate.issues.map((i) => i.code)).toEqual(['duplicate-key', 'no-geometry']);
    expect(importFile(text(' \n '), 'blank.csv').issues).toEqual([
      { code: 'empty', message: 'the file is empty', severity: 'error', file: 'blank.csv', path: '' },
    ]);
    expect(importFile(text('{"type": '), 'broken.geojson').issues.map((i) => i.code)).toEqual(['not-json']);
    // Under a JSON name, text that is not JSON is reported as broken JSON, not as a CSV.
    expect(importFile(text('type: Feature'), 'broken.geojson').issues.map((i) => i.message)).toEqual([
      "not valid JSON: line 1, column 1: unexpected 't': expected a value",
    ]);
  });

  it('reads Windows-1252 text that is not UTF-8, with a warning', () => {
    const bytes = new Uint8Array([...text('name,lon,lat\nCaf'), 0xe9, ...text(',2.35,48.85\n')]);
    const result = importFile(bytes, 'paris.csv');
    expect(result.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        'not-utf8',
        'warning',
        'the file is not UTF-8 (line 2 has a byte that UTF-8 cannot read); it was read as Windows-1252 (Latin-1): ' +
          'check its accented letters, or save it as UTF-8 and open it again',
      ],
    ]);
    expect(result.counts).toEqual({ errors: 0, warnings: 1 });
    expect(result.layer?.features[0]?.title).toBe('Café');
  });
});

describe('importFile: what it cannot read, and why', () => {
  const error = (code: string, message: string, file: string) => ({
    code,
    message,
    severity: 'error',
    file,
    path: '',
  });

  it('refuses a file over the size limit before reading it, as the GeoJSON reader does', () => {
    const result = importFile(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.csv');
    expect(result.issues).toEqual([
      error(
        'too-large',
        `the file is ${MAX_IMPORT_BYTES + 1} bytes; files up to 20 MB can be opened`,
        'huge.csv',
      ),
    ]);
  });

  it('gives line and column of broken XML', () => {
    const result = importFile(text('<kml>\n<Placemark><name>a</name>\n</Placemar>\n</kml>'), 'broken.kml');
    expect(result.issues).toEqual([
      error(
        'not-xml',
        'not well-formed XML: line 2, column 26: Opening and ending tag mismatch: "Placemark" != "Placemar"',
        'broken.kml',
      ),
    ]);
    expect(result.layer).toBeUndefined();
  });

  it('names XML that is neither KML nor GPX, and a web page', () => {
    expect(
      importFile(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'map.kml').issues,
    ).toEqual([
      error(
        'not-kml-or-gpx',
        'map.kml is XML (its root element is <svg>) but neither KML nor GPX; the formats that open here are ' +
          'GeoJSON, TopoJSON, KML, KMZ, GPX or CSV (GML and other XML formats convert with: ogr2ogr -f GeoJSON out.geojson map.kml)',
        'map.kml',
      ),
    ]);
    expect(
      importFile(text('<html><body>Not found</body></html>'), 'page.gpx').issues.map((i) => i.message),
    ).toEqual([
      'page.gpx is a web page (HTML), not map data; the formats that open here are GeoJSON, TopoJSON, KML, KMZ, GPX or CSV',
    ]);
  });

  it('names each bad CSV row by its line and column, and counts them', () => {
    const result = open('bad-rows.csv');
    expect(result.issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      [
        'warning',
        'csv-no-coordinates',
        'line 3: no coordinates (columns "lon" and "lat" are empty), so the row is left off the map',
      ],
      [
        'error',
        'csv-bad-coordinate',
        'line 4, column "lat": "abc" is not a number (a latitude in decimal degrees, such as 40.18)',
      ],
      [
        'error',
        'csv-bad-coordinate',
        'line 5, column "lat": 95 is not a latitude, which lies from -90 to 90; are the longitude and latitude columns swapped?',
      ],
    ]);
    expect([result.counts, result.layer, result.format]).toEqual([
      { errors: 2, warnings: 1 },
      undefined,
      'csv',
    ]);
  });

  it('counts lines past a quoted cell that holds a line break, and names bad WKT and projected coordinates', () => {
    const csv = 'name,x,y\n"two\nlines",1e6,5e6\nok,1,2\n,,\nlast,3,\n';
    expect(importFile(text(csv), 'xy.csv').issues.map((i) => i.message)).toEqual([
      'line 2, column "x": 1e6 is not a longitude, which lies from -180 to 180; if the file holds projected coordinates (metres), convert them to longitude and latitude first',
      'line 2, column "y": 5e6 is not a latitude, which lies from -90 to 90; if the file holds projected coordinates (metres), convert them to longitude and latitude first',
      'line 5: no coordinates (columns "x" and "y" are empty), so the row is left off the map',
      'line 6: no latitude (column "y" is empty), so the row is left off the map',
    ]);
    const wkt = 'id;geom\n1;POINT (1)\n2;POLYGON ((0 0, 1 0, 1 1))\n3;POINT EMPTY\n4;\n5;"POINT (1 2"\n';
    expect(importFile(text(wkt), 'wkt.csv').issues.map((i) => [i.severity, i.message])).toEqual([
      ['error', 'line 2, column "geom": "POINT (1)" is not WKT (Expected coordinates)'],
      ['error', expect.stringMatching(/^line 3, column "geom": .* \(at coordinates\[0\]\)$/)],
      ['warning', 'line 4, column "geom": "POINT EMPTY" is empty, so the row is left off the map'],
      ['warning', 'line 5, column "geom": no geometry (the cell is empty), so the row is left off the map'],
      ['error', 'line 6, column "geom": "POINT (1 2" is not WKT (Expected group end)'],
    ]);
  });

  it('says which columns a CSV has and which it looked for', () => {
    expect(importFile(text('city;country\nBaku;AZ\n'), 'cities.csv').issues.map((i) => i.message)).toEqual([
      'read as CSV (delimiter ";"), but no column holds coordinates: its columns are "city", "country"; it needs ' +
        'a longitude and a latitude column (lon, lng, long, longitude, x, and lat, latitude, y) or a WKT column (wkt, geometry, geom, the_geom)',
    ]);
    expect(
      importFile(text('just some notes\nabout a trip\n'), 'notes.txt').issues.map((i) => i.message),
    ).toEqual([
      'notes.txt is not GeoJSON, TopoJSON, KML, KMZ, GPX or CSV: its first line, "just some notes", is not JSON, XML or ' +
        'a CSV header; a CSV needs a longitude and a latitude column (lon, lng, long, longitude, x, and lat, latitude, y) ' +
        'or a WKT column (wkt, geometry, geom, the_geom)',
    ]);
  });

  it('names a PDF, images, gzip, an Office file and other binary files', () => {
    const cases: [string, number[], string][] = [
      [
        'map.pdf',
        [...text('%PDF-1.7\n')],
        'map.pdf is a PDF document, not map data; if it is a GeoPDF, convert its layers: ogr2ogr -f GeoJSON out.geojson map.pdf',
      ],
      [
        'photo.png',
        [0x89, ...text('PNG\r\n'), 0x1a, 0x0a],
        'photo.png is an image (PNG), not map data; only vector features (GeoJSON, TopoJSON, KML, KMZ, GPX or CSV) can be opened here',
      ],
      [
        'photo.jpg',
        [0xff, 0xd8, 0xff, 0xe0],
        'photo.jpg is an image (JPEG), not map data; only vector features (GeoJSON, TopoJSON, KML, KMZ, GPX or CSV) can be opened here',
      ],
      [
        'dem.tif',
        [0x49, 0x49, 42, 0, 8, 0, 0, 0],
        'dem.tif is a TIFF image (a GeoTIFF is a raster, not features); only vector features (GeoJSON, TopoJSON, KML, KMZ, GPX or CSV) can be opened here',
      ],
      [
        'data.geojson.gz',
        [0x1f, 0x8b, 8, 0],
        'data.geojson.gz is compressed with gzip; decompress it (gunzip data.geojson.gz) and open the file inside',
      ],
      [
        'old.xls',
        [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
        'old.xls is a Microsoft Office file (an .xls workbook, say), which cannot be opened here; save the sheet as CSV (UTF-8) and open that',
      ],
      [
        'blob.bin',
        [1, 2, 0, 3],
        'blob.bin is a binary file, not text; the formats that open here are GeoJSON, TopoJSON, KML, KMZ, GPX or CSV',
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const code = name === 'blob.bin' ? 'binary-file' : 'binary-format';
      expect(importFile(new Uint8Array(bytes), name).issues).toEqual([error(code, message, name)]);
    }
  });

  it('names zips: a zipped Shapefile, an Excel workbook, a zip of GeoJSON, an empty zip', () => {
    const zip = (files: Record<string, string>) =>
      zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
    const cases: [string, Uint8Array, string][] = [
      [
        'roads.zip',
        zip({ 'roads.shp': 'x', 'roads.dbf': 'x', 'roads.shx': 'x' }),
        'roads.zip is a zip archive holding a Shapefile ("roads.shp"), which cannot be opened here; convert it: ' +
          'ogr2ogr -f GeoJSON out.geojson /vsizip/roads.zip',
      ],
      [
        'book.xlsx',
        zip({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<x/>' }),
        'book.xlsx is an Excel workbook (.xlsx); save the sheet as CSV (UTF-8) and open that',
      ],
      [
        'my data.zip',
        zip({ 'a.geojson': GEOJSON, '__MACOSX/._a.geojson': 'x' }),
        'my data.zip is a zip archive; unzip it and open "a.geojson"',
      ],
      [
        'pics.zip',
        zip({ 'a.png': 'x', 'b.png': 'x' }),
        'pics.zip is a zip archive of 2 file(s) ("a.png", "b.png"), none of which opens here (GeoJSON, TopoJSON, KML, KMZ, GPX or CSV)',
      ],
      ['empty.zip', zipSync({}), 'empty.zip is an empty zip archive'],
    ];
    for (const [name, bytes, message] of cases) {
      expect(importFile(bytes, name).issues).toEqual([error('zip-not-opened', message, name)]);
    }
  });

  it('lists at most 5 XML errors, 4 names of a zip, the first 100 bad rows of a CSV, and counts them all', () => {
    const entities = `<gpx>${'&nbsp;'.repeat(7)}</gpx>`;
    expect(importFile(text(entities), 'e.gpx').issues.map((i) => i.code)).toEqual(Array(5).fill('not-xml'));
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => [`${n}.png`, strToU8('x')]));
    expect(importFile(zipSync(files), 'p.zip').issues.map((i) => i.message)).toEqual([
      'p.zip is a zip archive of 6 file(s) ("a.png", "b.png", "c.png", "d.png" and 2 more), none of which opens here (GeoJSON, TopoJSON, KML, KMZ, GPX or CSV)',
    ]);
    const rows = Array.from({ length: 150 }, (_, i) => `p${i},x,1`).join('\n');
    const result = importFile(text(`name,lon,lat\n${rows}\n`), 'many.csv');
    expect([result.issues.length, result.issues[99]?.message, result.issues[100], result.counts]).toEqual([
      101,
      'line 101, column "lon": "x" is not a number (a longitude in decimal degrees, such as 40.18)',
      {
        code: 'more-issues',
        message: '50 more problems are not listed; fix the ones above and open the file again',
        severity: 'error',
        file: 'many.csv',
        path: '',
      },
      { errors: 150, warnings: 0 },
    ]);
  });

  it('takes a file with a NUL byte in its first 8 KB for binary, and one further on for text', () => {
    const withNulAt = (at: number) => new Uint8Array([...text('a'.repeat(at)), 0]);
    expect(importFile(withNulAt(8191), 'a.csv').issues.map((i) => i.code)).toEqual(['binary-file']);
    expect(importFile(withNulAt(8192), 'a.csv').issues.map((i) => i.code)).toEqual(['unknown-format']);
  });

  it('reads the doc.kml of a KMZ', () => {
    const kmz = zipSync({ 'files/icon.png': new Uint8Array([0x89]), 'doc.kml': fixture('places.kml') });
    const result = importFile(kmz, 'places.kmz');
    expect([result.format, result.conversion, result.issues, result.layer?.features.length]).toEqual([
      'kml',
      'read as KML: 3 placemarks ("doc.kml" of the KMZ)',
      [],
      3,
    ]);
  });
});

// GDAL is the reader GIS tools use; .ci/run installs it (Debian's gdal-bin) where it is missing.
const hasGdal = spawnSync('ogr2ogr', ['--version']).status === 0;

describe.runIf(hasGdal)('importFile against GDAL', () => {
  const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { encoding: 'utf8', stdio: 'pipe' });
  const toGeoJson = (source: string, ...args: string[]) => {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.geojson`);
    ogr2ogr('-f', 'GeoJSON', out, source, ...args);
    return (JSON.parse(readFileSync(out, 'utf8')) as { features: { geometry: Geometry }[] }).features;
  };
  /** Every position of a geometry, longitude and latitude only (GDAL and togeojson differ on heights). */
  const positions = (geometry: Geometry | null): Position[] => {
    if (!geometry) return [];
    if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(positions);
    const flat = (c: unknown): Position[] =>
      Array.isArray(c) && typeof c[0] === 'number'
        ? [[c[0], Number(c[1])]]
        : Array.isArray(c)
          ? c.flatMap(flat)
          : [];
    return flat(geometry.coordinates);
  };
  const ours = (name: string) => (open(name).layer?.features ?? []).map((f) => positions(f.geometry));

  it('reads the KML, GPX and CSV fixtures to the same features and coordinates as ogr2ogr', () => {
    const gdal = (name: string, ...args: string[]) =>
      toGeoJson(join(FIXTURES, name), ...args).map((f) => positions(f.geometry));
    expect(ours('places.kml')).toEqual(gdal('places.kml'));
    // GDAL puts a GPX file's tracks, routes and waypoints in layers of their own; togeojson lists them in that order.
    expect(ours('walk.gpx')).toEqual([
      ...gdal('walk.gpx', 'tracks'),
      ...gdal('walk.gpx', 'routes'),
      ...gdal('walk.gpx', 'waypoints'),
    ]);
    expect(ours('cities.csv')).toEqual(
      gdal('cities.csv', '-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat'),
    );
    expect(ours('shapes-wkt.csv')).toEqual(gdal('shapes-wkt.csv'));
    expect(ours('places.kml').flat().length).toBe(9);
  }, 60_000);

  it('names the GeoPackage, FlatGeobuf and Shapefile that GDAL writes', () => {
    const source = join(dir, 'source.geojson');
    writeFileSync(source, GEOJSON);
    const written = (name: string, driver: string) => {
      const out = join(dir, name);
      ogr2ogr('-f', driver, out, source);
      return new Uint8Array(readFileSync(out));
    };
    const cases: [string, string, string][] = [
      [
        'out.gpkg',
        'GPKG',
        'out.gpkg is a GeoPackage (a SQLite database), which cannot be opened here; convert it: ogr2ogr -f GeoJSON out.geojson out.gpkg',
      ],
      [
        'out.fgb',
        'FlatGeobuf',
        'out.fgb is FlatGeobuf, a binary format that cannot be opened here; convert it: ogr2ogr -f GeoJSON out.geojson out.fgb',
      ],
      [
        'out.shp',
        'ESRI Shapefile',
        'out.shp is a part of a Shapefile (its geometry, without the attributes of the .dbf beside it), which cannot be ' +
          'opened here; convert the whole set (.shp, .shx, .dbf and .prj side by side): ogr2ogr -f GeoJSON out.geojson out.shp',
      ],
      [
        'out.sqlite',
        'SQLite',
        'out.sqlite is a SQLite database, which cannot be opened here; if it holds features (SpatiaLite), convert it: ogr2ogr -f GeoJSON out.geojson out.sqlite',
      ],
    ];
    for (const [name, driver, message] of cases) {
      expect(importFile(written(name, driver), name).issues).toEqual([
        { code: 'binary-format', message, severity: 'error', file: name, path: '' },
      ]);
    }
  }, 60_000);
});
