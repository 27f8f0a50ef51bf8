import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FILE_NAMES,
  REAL_ATLAS_DIR,
  ROOT,
  SECOND_ATLAS_DIR,
  readAtlasFiles,
} from '../../tests/helpers/atlas-files';
import { exportAtlas, serializeGeoJson, type ExportShape } from './export-atlas';
import {
  MAX_IMPORT_BYTES,
  BBOX_TOLERANCE_DEGREES,
  MAX_LISTED_ISSUES,
  importGeoJson,
  type ImportedFeature,
  type ImportedLayer,
} from './import-geojson';
import { hasErrors, type Issue } from './issues';
import { parseJson } from './json-syntax';
import type { Atlas } from './types';
import { validateAtlas } from './validate-atlas';

const INVALID_GEOJSON_DIR = join(ROOT, 'tests/fixtures/invalid/geojson');
const VALID_GEOJSON_DIR = join(ROOT, 'tests/fixtures/valid/geojson');

const FILE = 'upload.geojson';
const error = (code: string, path: string, message: string, file = FILE): Issue => ({
  code,
  message,
  severity: 'error',
  file,
  path,
});
const warning = (code: string, path: string, message: string): Issue => ({
  code,
  message,
  severity: 'warning',
  file: FILE,
  path,
});

/** Imports a value written as JSON, as if a file held it. */
/** An import result as expected: its counts are those of its issues (none of these lists is cut). */
const counted = <T extends { issues: Issue[]; layer?: unknown; summary?: string }>(expected: T) => {
  const errors = expected.issues.filter((i) => i.severity === 'error').length;
  const warnings = expected.issues.length - errors;
  // A refused file's summary is its counts; an opened file's is given by each test.
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const refused = `not opened: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
  return {
    ...expected,
    counts: { errors, warnings },
    ...(expected.layer === undefined ? { summary: refused } : {}),
  };
};

const importValue = (value: unknown) => {
  const text = JSON.stringify(value);
  return importGeoJson(text, FILE, text.length);
};
const importText = (text: string) => importGeoJson(text, FILE, text.length);

const point = (coordinates: unknown) => ({ type: 'Point', coordinates });
const feature = (geometry: unknown, properties: unknown = {}, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  ...extra,
  properties,
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const TBILISI = [44.793, 41.7151];

/**
 * Every issue each file in tests/fixtures/invalid/geojson/ must produce, in order (the files are
 * written by scripts/make-invalid-geojson.mjs). A fixture without an entry fails the test below.
 */
const EXPECTED_ISSUES: Record<string, Omit<Issue, 'file'>[]> = {
  'bbox-five-numbers.geojson': [
    {
      code: 'bad-bbox',
      severity: 'error',
      path: 'features[2].bbox',
      message:
        'feature 3 (Test square): a bbox is [west, south, east, north] (or 6 numbers, with heights), found 5 value(s)',
    },
  ],
  'bbox-south-above-north.geojson': [
    {
      code: 'bad-bbox',
      severity: 'error',
      path: 'bbox',
      message: "the bbox's south (43) is north of its north (41); a bbox is [west, south, east, north]",
    },
  ],
  'duplicate-keys.geojson': [
    {
      code: 'duplicate-key',
      severity: 'error',
      path: 'features[0].properties',
      message:
        'the key "name" appears twice in this object, at line 8, column 9 and again at line 9, column 9; ' +
        'only the last would be read, so remove or rename one',
    },
    {
      code: 'duplicate-key',
      severity: 'error',
      path: 'features[2].geometry',
      message:
        'the key "coordinates" appears twice in this object, at line 47, column 9 and again at line 48, column 9; ' +
        'only the last would be read, so remove or rename one',
    },
  ],
  'empty-collection.geojson': [
    { code: 'empty', severity: 'error', path: 'features', message: 'the file holds no feature' },
  ],
  'empty-file.geojson': [
    { code: 'not-json', severity: 'error', path: '', message: 'not valid JSON: the file is empty' },
  ],
  'feature-type-typo.geojson': [
    {
      code: 'not-feature',
      severity: 'error',
      path: 'features[1].type',
      message: 'feature 2 (Coast road): expected "type": "Feature", found the text "Featur"',
    },
  ],
  'features-is-object.geojson': [
    {
      code: 'wrong-type',
      severity: 'error',
      path: 'features',
      message: 'a FeatureCollection needs "features", an array of features; found an object',
    },
  ],
  'geometry-is-string.geojson': [
    {
      code: 'wrong-type',
      severity: 'error',
      path: 'features[0].geometry',
      message:
        'feature 1 (Tbilisi): a geometry is an object with "type" and "coordinates", found the text "POINT (44.793 41.7151)"',
    },
  ],
  'latitude-200.geojson': [
    {
      code: 'out-of-range',
      severity: 'error',
      path: 'features[0].geometry.coordinates',
      message: 'feature 1 (Tbilisi): [44.793, 200] is off the globe: longitude -180..180, latitude -90..90',
    },
  ],
  'line-too-short.geojson': [
    {
      code: 'line-too-short',
      severity: 'error',
      path: 'features[1].geometry.coordinates',
      message: 'feature 2 (Coast road): a line needs at least 2 positions, found 1',
    },
  ],
  'not-json.geojson': [
    {
      code: 'not-json',
      severity: 'error',
      path: '',
      message: "not valid JSON: line 1, column 1: unexpected 'n': expected a value",
    },
  ],
  'position-not-a-number.geojson': [
    {
      code: 'bad-position',
      severity: 'error',
      path: 'features[0].geometry.coordinates',
      message: 'feature 1 (Tbilisi): a position holds finite numbers only, found the text "NaN"',
    },
    {
      code: 'bad-position',
      severity: 'error',
      path: 'features[1].geometry.coordinates[0]',
      message: 'feature 2 (Coast road): a position holds finite numbers only, found null',
    },
  ],
  'position-one-element.geojson': [
    {
      code: 'bad-position',
      severity: 'error',
      path: 'features[0].geometry.coordinates',
      message:
        'feature 1 (Tbilisi): a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
    },
  ],
  'ring-not-closed.geojson': [
    {
      code: 'ring-not-closed',
      severity: 'error',
      path: 'features[2].geometry.coordinates[0]',
      message:
        'feature 3 (Test square): the polygon ring is not closed: it starts at [44.7, 41.6] and ends at [44.65, 41.7]; ' +
        'its last position must repeat its first',
    },
  ],
  'ring-too-short.geojson': [
    {
      code: 'ring-too-short',
      severity: 'error',
      path: 'features[2].geometry.coordinates[0]',
      message:
        'feature 3 (Test square): a polygon ring needs at least 4 positions, the last one repeating the first; found 3',
    },
  ],
  'root-array.geojson': [
    {
      code: 'not-geojson',
      severity: 'error',
      path: '',
      message:
        'a list of features is not GeoJSON: expected a FeatureCollection, a Feature or a geometry; ' +
        'put them in {"type": "FeatureCollection", "features": [...]}',
    },
  ],
  'truncated.geojson': [
    {
      code: 'not-json',
      severity: 'error',
      path: '',
      message: 'not valid JSON: line 22, column 22: the file ends inside a string',
    },
  ],
  'unknown-geometry-type.geojson': [
    {
      code: 'bad-geometry',
      severity: 'error',
      path: 'features[0].geometry.type',
      message:
        'feature 1 (Tbilisi): a geometry is a Point, MultiPoint, LineString, MultiLineString, Polygon, ' +
        'MultiPolygon or GeometryCollection, found the text "Circle"',
    },
  ],
};

/** The fixtures that @placemarkio/check-geojson accepts: it checks structure, not ranges or emptiness. */
const ACCEPTED_BY_CHECK_GEOJSON = [
  'bbox-south-above-north.geojson',
  'empty-collection.geojson',
  'latitude-200.geojson',
];

const invalidFixtures = readdirSync(INVALID_GEOJSON_DIR).sort();
const readFixture = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

describe('importGeoJson: invalid fixtures', () => {
  it('has an expected issue list for every fixture file, and a file for every list', () => {
    expect(invalidFixtures).toEqual(Object.keys(EXPECTED_ISSUES).sort());
  });

  it.each(invalidFixtures)('%s gives exactly its issues and no layer', (name) => {
    const text = readFixture(INVALID_GEOJSON_DIR, name);
    const issues = (EXPECTED_ISSUES[name] ?? []).map((issue) => ({ ...issue, file: name }));
    const errors = issues.filter((i) => i.severity === 'error').length;
    expect(importGeoJson(text, name, Buffer.byteLength(text))).toEqual(
      counted({
        issues,
        counts: { errors, warnings: issues.length - errors },
      }),
    );
  });

  it.each(invalidFixtures)(
    '%s is rejected by check-geojson too, unless it breaks only a range rule',
    (name) => {
      const rejected = getIssues(readFixture(INVALID_GEOJSON_DIR, name)).length > 0;
      expect(rejected).toBe(!ACCEPTED_BY_CHECK_GEOJSON.includes(name));
    },
  );

  it('words a syntax error exactly as the atlas loader does', () => {
    for (const name of ['not-json.geojson', 'truncated.geojson']) {
      const text = readFixture(INVALID_GEOJSON_DIR, name);
      expect(importGeoJson(text, name, text.length).issues).toEqual(parseJson(text, name).issues);
    }
  });
});

describe('importGeoJson: valid fixtures', () => {
  const parsed = (name: string) =>
    JSON.parse(readFixture(VALID_GEOJSON_DIR, name)) as Record<string, unknown>;
  const imported = (name: string) => {
    const text = readFixture(VALID_GEOJSON_DIR, name);
    return importGeoJson(text, name, Buffer.byteLength(text));
  };

  it.each(readdirSync(VALID_GEOJSON_DIR).sort())('%s passes check-geojson', (name) => {
    expect(getIssues(readFixture(VALID_GEOJSON_DIR, name))).toEqual([]);
  });

  it('reads every geometry type, odd properties as parsed, titles by the fallback rule', () => {
    const raw = parsed('mixed-collection.geojson') as unknown as FeatureCollection;
    const f = (index: number, id: string | number | null, title: string): ImportedFeature => ({
      index,
      id,
      title,
      geometry: raw.features[index]!.geometry,
      properties: raw.features[index]!.properties ?? {},
    });
    expect(imported('mixed-collection.geojson')).toEqual(
      counted({
        layer: {
          fileName: 'mixed-collection.geojson',
          // The file's own bbox, which holds every feature: the features reach [41.6367, 41.5, 46.2767, 42.3].
          bbox: [41.6, 41.5, 46.3, 42.3],
          features: [
            f(0, 7, 'Tbilisi'),
            f(1, 'rikoti-pass', 'Rikoti Pass road'),
            f(2, null, 'Clockwise square with a hole'),
            f(3, null, 'Feature 4'),
            f(4, 'route-2', 'route-2'),
            f(5, 'two-squares', '42'),
            f(6, null, 'Kutaisi and its bypass'),
          ],
        },
        issues: [],
        summary: '7 features read, 7 drawn',
      }),
    );
  });

  it('keeps markup in properties verbatim, as text, and a "__proto__" key as a plain property', () => {
    const { layer } = imported('mixed-collection.geojson');
    const properties = layer!.features[0]!.properties;
    expect(properties.caption).toBe('<img src=x onerror=alert(1)>');
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wraps a bare geometry into one feature', () => {
    expect(imported('bare-geometry.geojson')).toEqual(
      counted({
        layer: {
          fileName: 'bare-geometry.geojson',
          bbox: [46, 39.6, 47.2, 40.3],
          features: [
            {
              index: 0,
              id: null,
              title: 'Feature 1',
              geometry: parsed('bare-geometry.geojson'),
              properties: {},
            },
          ],
        },
        issues: [],
        summary: '1 feature read, 1 drawn',
      }),
    );
  });

  it('reads a single Feature', () => {
    const raw = parsed('single-feature.geojson') as unknown as Feature;
    expect(imported('single-feature.geojson')).toEqual(
      counted({
        layer: {
          fileName: 'single-feature.geojson',
          bbox: [46.7528, 39.8153, 46.7528, 39.8153],
          features: [
            {
              index: 0,
              id: 'stepanakert',
              title: 'Stepanakert',
              geometry: raw.geometry,
              properties: raw.properties,
            },
          ],
        },
        issues: [],
        summary: '1 feature read, 1 drawn',
      }),
    );
  });
});

describe('importGeoJson: size limit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a file over the limit from its byte length alone', () => {
    expect(importGeoJson('{}', FILE, 60 * 1024 * 1024)).toEqual(
      counted({
        issues: [error('too-large', '', 'the file is 60.0 MB; files up to 20 MB can be opened')],
      }),
    );
  });

  it('names the exact size when it would round to the limit, and accepts the limit itself', () => {
    const text = JSON.stringify(point(TBILISI));
    expect(importGeoJson(text, FILE, MAX_IMPORT_BYTES + 1).issues).toEqual([
      error('too-large', '', 'the file is 20971521 bytes; files up to 20 MB can be opened'),
    ]);
    expect(importGeoJson(text, FILE, MAX_IMPORT_BYTES).issues).toEqual([]);
  });

  it('rejects a real 60 MB text fast, without parsing it', () => {
    const one = JSON.stringify(feature(point(TBILISI), { name: 'Tbilisi' }));
    const text = `{"type":"FeatureCollection","features":[${`${one},`.repeat(Math.ceil((60 * 1024 * 1024) / (one.length + 1)))}${one}]}`;
    expect(text.length).toBeGreaterThan(60 * 1024 * 1024);
    const parse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    const result = importGeoJson(text, FILE, text.length);
    const elapsed = performance.now() - started;
    expect(result).toEqual(
      counted({
        issues: [error('too-large', '', 'the file is 60.0 MB; files up to 20 MB can be opened')],
      }),
    );
    expect(parse).not.toHaveBeenCalled();
    expect(elapsed).toBeLessThan(50);
  });
});

describe('importGeoJson: the root', () => {
  it.each([
    [null, 'null is not GeoJSON: expected a FeatureCollection, a Feature or a geometry'],
    [42, 'the number 42 is not GeoJSON: expected a FeatureCollection, a Feature or a geometry'],
    ['Point', 'the text "Point" is not GeoJSON: expected a FeatureCollection, a Feature or a geometry'],
    [[1, 2], 'an array is not GeoJSON: expected a FeatureCollection, a Feature or a geometry'],
    [
      { features: [] },
      'an object without "type" is not GeoJSON: expected a FeatureCollection, a Feature or a geometry',
    ],
    [
      { type: 'Topology', objects: {} },
      'an object of type "Topology" is not GeoJSON: expected a FeatureCollection, a Feature or a geometry; ' +
        'TopoJSON must be converted to GeoJSON first',
    ],
  ])('refuses %j', (value, message) => {
    expect(importValue(value)).toEqual(counted({ issues: [error('not-geojson', '', message)] }));
  });

  it('ignores a byte order mark', () => {
    const { layer, issues } = importText(`\ufeff${JSON.stringify(point(TBILISI))}`);
    expect(issues).toEqual([]);
    expect(layer?.bbox).toEqual([44.793, 41.7151, 44.793, 41.7151]);
  });

  it('reports a missing "features" array', () => {
    expect(importValue({ type: 'FeatureCollection' }).issues).toEqual([
      error(
        'missing-field',
        'features',
        'a FeatureCollection needs "features", an array of features; found nothing',
      ),
    ]);
  });

  it('reports duplicate keys at the top level and still checks the rest', () => {
    expect(importText('{"type": "Point", "type": "Point", "coordinates": [1, 200]}').issues).toEqual([
      error(
        'duplicate-key',
        '',
        'the key "type" appears twice in the top-level object, at line 1, column 2 and again at line 1, column 19; ' +
          'only the last would be read, so remove or rename one',
      ),
      error(
        'out-of-range',
        'coordinates',
        '[1, 200] is off the globe: longitude -180..180, latitude -90..90',
      ),
    ]);
  });

  it('says so when arrays nest too deeply for the syntax scanner, instead of overflowing', () => {
    expect(importText('['.repeat(100_000)).issues).toEqual([
      error(
        'not-json',
        '',
        'not valid JSON: line 1, column 1001: arrays or objects are nested more than 1000 levels deep',
      ),
    ]);
  });

  it('accepts deep nesting inside properties', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const text = `{"type": "Feature", "properties": {"deep": ${deep}}, "geometry": ${JSON.stringify(point(TBILISI))}}`;
    expect(importText(text).issues).toEqual([]);
  });
});

describe('importGeoJson: features', () => {
  it('leaves out a feature without geometry with a warning, and keeps the others', () => {
    const result = importValue(
      collection(feature(null, { name: 'Nowhere' }), feature(point(TBILISI), { name: 'Tbilisi' }), {
        type: 'Feature',
        properties: null,
      }),
    );
    expect(result).toEqual(
      counted({
        layer: {
          fileName: FILE,
          bbox: [44.793, 41.7151, 44.793, 41.7151],
          features: [
            {
              index: 1,
              id: null,
              title: 'Tbilisi',
              geometry: point(TBILISI),
              properties: { name: 'Tbilisi' },
            },
          ],
        },
        issues: [
          warning(
            'no-geometry',
            'features[0].geometry',
            'feature 1 (Nowhere): its geometry is null, so it is left off the map',
          ),
          warning(
            'no-geometry',
            'features[2].geometry',
            'feature 3: it has no "geometry", so it is left off the map',
          ),
        ],
        summary: '3 features read, 1 drawn; 2 without a geometry; 2 warnings',
      }),
    );
  });

  it('gives no layer when no feature has a geometry', () => {
    expect(importValue(feature(null))).toEqual(
      counted({
        issues: [
          warning('no-geometry', 'geometry', 'its geometry is null, so it is left off the map'),
          error('nothing-to-show', '', 'no feature has a geometry, so there is nothing to show on the map'),
        ],
      }),
    );
    expect(importValue({ type: 'MultiPoint', coordinates: [] })).toEqual(
      counted({
        issues: [
          warning(
            'empty-geometry',
            '',
            '1 feature has empty coordinates (at the top level), read as a feature without a geometry ' +
              '(RFC 7946 §3.1) and left off the map',
          ),
          error('nothing-to-show', '', 'no feature has a geometry, so there is nothing to show on the map'),
        ],
      }),
    );
  });

  it('reads properties that are null or missing as {}, and refuses other types', () => {
    const missing = importValue({ type: 'Feature', geometry: point(TBILISI) });
    expect(missing.layer?.features[0]?.properties).toEqual({});
    expect(importValue(feature(point(TBILISI), null)).layer?.features[0]?.properties).toEqual({});
    expect(importValue(collection(feature(point(TBILISI), ['Tbilisi']))).issues).toEqual([
      error(
        'wrong-type',
        'features[0].properties',
        'feature 1: "properties" is an object (or null), found an array',
      ),
    ]);
  });

  it('refuses a feature that is not an object', () => {
    expect(importValue(collection('Tbilisi')).issues).toEqual([
      error(
        'wrong-type',
        'features[0]',
        'feature 1: expected a feature (an object with "type": "Feature"), found the text "Tbilisi"',
      ),
    ]);
  });

  it('keeps string and number ids, reads null as none, and ignores any other id with a warning', () => {
    const ids = (...values: unknown[]) =>
      importValue(
        collection(...values.map((id) => feature(point(TBILISI), {}, id === undefined ? {} : { id }))),
      );
    const result = ids('a', 0, -1.5, null, undefined, true, { x: 1 });
    expect(result.layer?.features.map((f) => [f.id, f.title])).toEqual([
      ['a', 'a'],
      [0, '0'],
      [-1.5, '-1.5'],
      [null, 'Feature 4'],
      [null, 'Feature 5'],
      [null, 'Feature 6'],
      [null, 'Feature 7'],
    ]);
    expect(result.issues).toEqual([
      warning(
        'bad-id',
        'features[5].id',
        'feature 6: a feature id is a text or a number, found true; it is ignored',
      ),
      warning(
        'bad-id',
        'features[6].id',
        'feature 7: a feature id is a text or a number, found an object; it is ignored',
      ),
    ]);
  });

  it.each([
    [{ title: 'T', name: 'N', place_name: 'P' }, 'id', 'T'],
    [{ name: 'N', place_name: 'P' }, 'id', 'N'],
    [{ place_name: 'P' }, 'id', 'P'],
    [{}, 'id', 'id'],
    [{}, 12, '12'],
    [{}, undefined, 'Feature 1'],
    [{ title: 7 }, undefined, '7'],
    [{ title: '  padded  ' }, undefined, 'padded'],
    [{ title: '', name: '   ', place_name: 'P' }, undefined, 'P'],
    [{ title: { en: 'T' }, name: ['N'], place_name: true }, 'id', 'id'],
    [{ title: null, name: 'N' }, undefined, 'N'],
  ])('titles a feature with properties %j and id %j as %j', (properties, id, title) => {
    const result = importValue(feature(point(TBILISI), properties, id === undefined ? {} : { id }));
    expect(result.layer?.features[0]?.title).toBe(title);
  });

  it('prefixes feature messages with a shortened title', () => {
    const name = 'A very long place name that goes on and on, far beyond any label';
    expect(importValue(collection(feature(point([1, 100]), { name }))).issues).toEqual([
      error(
        'swapped-coordinates',
        'features[0].geometry.coordinates',
        'feature 1 (A very long place name that goes on and…): [1, 100] looks swapped: latitude 100 is out of range ' +
          'but 1 would be valid; GeoJSON is [longitude, latitude]',
      ),
    ]);
  });

  it('gives no layer at all when one feature of many is broken', () => {
    const result = importValue(collection(feature(point(TBILISI)), feature(point([44.793]))));
    expect(result.layer).toBeUndefined();
    expect(result.issues.map((i) => i.code)).toEqual(['bad-position']);
  });
});

describe('importGeoJson: geometries', () => {
  const geometryIssues = (geometry: unknown) => importValue(geometry).issues;

  it('accepts both windings and self-intersecting polygons (RFC 7946 forbids parsers to refuse them)', () => {
    const clockwise = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    const bowtie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(geometryIssues({ type: 'Polygon', coordinates: [clockwise] })).toEqual([]);
    expect(geometryIssues({ type: 'Polygon', coordinates: [bowtie] })).toEqual([]);
    expect(
      geometryIssues({ type: 'MultiPolygon', coordinates: [[clockwise], [[...clockwise].reverse()]] }),
    ).toEqual([]);
  });

  it('accepts heights, and leaves empty members out of a collection with one warning that counts them', () => {
    const result = importValue({
      type: 'GeometryCollection',
      geometries: [
        point([1, 2, -30]),
        { type: 'MultiPoint', coordinates: [] },
        { type: 'MultiLineString', coordinates: [] },
        { type: 'LineString', coordinates: [] },
        { type: 'GeometryCollection', geometries: [] },
      ],
    });
    expect(result.issues).toEqual([
      warning(
        'empty-geometry',
        'geometries[1]',
        '4 members of geometry collections have empty coordinates (the first at geometries[1]) ' +
          'and are left out of their collection (RFC 7946 §3.1)',
      ),
    ]);
    expect(result.layer?.features[0]?.geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [point([1, 2, -30])],
    });
    expect(result.summary).toBe('1 feature read, 1 drawn; 1 warning');
  });

  it('reports problems inside nested collections with their full path', () => {
    expect(
      geometryIssues({
        type: 'GeometryCollection',
        geometries: [
          point([1, 2]),
          {
            type: 'GeometryCollection',
            geometries: [{ type: 'LineString', coordinates: [[1, 2], 'x'] }, { type: 'Polygon' }],
          },
        ],
      }),
    ).toEqual([
      error(
        'bad-position',
        'geometries[1].geometries[0].coordinates[1]',
        'a position is [longitude, latitude] or [longitude, latitude, height], found the text "x"',
      ),
      error('missing-field', 'geometries[1].geometries[1].coordinates', 'a Polygon needs "coordinates"'),
    ]);
  });

  it('refuses collections nested too deep', () => {
    let geometry: unknown = point([1, 2]);
    for (let i = 0; i < 25; i += 1) geometry = { type: 'GeometryCollection', geometries: [geometry] };
    expect(geometryIssues(geometry)).toEqual([
      error(
        'too-deep',
        Array.from({ length: 20 }, () => 'geometries[0]').join('.'),
        'geometry collections are nested more than 20 deep',
      ),
    ]);
  });

  it('says when coordinates lack a level of brackets, once instead of once per number', () => {
    expect(geometryIssues({ type: 'LineString', coordinates: [1, 2, 3, 4] })).toEqual([
      error(
        'wrong-type',
        'coordinates',
        'a line is an array of positions, found a single position: the coordinates lack one level of brackets',
      ),
    ]);
    expect(
      geometryIssues({
        type: 'Polygon',
        coordinates: [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      }),
    ).toEqual([
      error(
        'wrong-type',
        'coordinates',
        'a polygon is an array of rings (each an array of positions): the coordinates lack one level of brackets',
      ),
    ]);
  });

  it.each([
    [
      { type: 'Polygon', coordinates: 'x' },
      'wrong-type',
      'coordinates',
      'a polygon is an array of rings, found the text "x"',
    ],
    [
      { type: 'Polygon', coordinates: [null] },
      'wrong-type',
      'coordinates[0]',
      'a polygon ring is an array of positions, found null',
    ],
    [
      { type: 'MultiPoint', coordinates: {} },
      'wrong-type',
      'coordinates',
      'the coordinates of a MultiPoint are an array, found an object',
    ],
    [
      { type: 'Point', coordinates: null },
      'bad-position',
      'coordinates',
      'a position is [longitude, latitude] or [longitude, latitude, height], found null',
    ],
    [
      { type: 'GeometryCollection' },
      'missing-field',
      'geometries',
      'a GeometryCollection needs "geometries", an array of geometries; found nothing',
    ],
    [
      { type: 'GeometryCollection', geometries: {} },
      'wrong-type',
      'geometries',
      'a GeometryCollection needs "geometries", an array of geometries; found an object',
    ],
  ])('refuses %j', (geometry, code, path, message) => {
    expect(geometryIssues(geometry)).toEqual([error(code, path, message)]);
  });

  it('refuses a geometry without type, and a Feature in place of a geometry', () => {
    expect(
      importValue(collection(feature({ coordinates: [1, 2] }), feature(feature(point([1, 2]))))).issues,
    ).toEqual([
      error(
        'bad-geometry',
        'features[0].geometry.type',
        'feature 1: a geometry is a Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or ' +
          'GeometryCollection, found nothing',
      ),
      error(
        'bad-geometry',
        'features[1].geometry.type',
        'feature 2: a geometry is a Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or ' +
          'GeometryCollection, found the text "Feature"',
      ),
    ]);
  });

  it("compares every number of a ring's first and last positions, heights too", () => {
    expect(
      geometryIssues({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0, 5],
            [1, 0, 5],
            [1, 1, 5],
            [0, 0, 6],
          ],
        ],
      }),
    ).toEqual([
      error(
        'ring-not-closed',
        'coordinates[0]',
        'the polygon ring is not closed: it starts at [0, 0, 5] and ends at [0, 0, 6]; its last position must repeat its first',
      ),
    ]);
  });

  it('refuses a number too large for a double, which JSON.parse turns into Infinity', () => {
    expect(importText('{"type": "Point", "coordinates": [1e999, 2]}').issues).toEqual([
      error(
        'bad-position',
        'coordinates',
        'a position holds finite numbers only, found a number too large to use',
      ),
    ]);
  });

  it('lists at most MAX_LISTED_ISSUES issues, then counts the rest', () => {
    const coordinates = Array.from({ length: 150 }, (_, i) => [i, 'x']);
    const { issues, layer } = importValue({ type: 'MultiPoint', coordinates });
    expect(layer).toBeUndefined();
    expect(issues.length).toBe(MAX_LISTED_ISSUES + 1);
    expect(issues[0]).toEqual(
      error('bad-position', 'coordinates[0]', 'a position holds finite numbers only, found the text "x"'),
    );
    expect(issues[MAX_LISTED_ISSUES]).toEqual(
      error('more-issues', '', '50 more problems are not listed; fix the ones above and open the file again'),
    );
  });

  it('counts every problem, those left out of the list too', () => {
    const coordinates = Array.from({ length: 100_000 }, (_, i) => [i % 180, 'x']);
    const { counts } = importValue({ type: 'MultiPoint', coordinates });
    expect(counts).toEqual({ errors: 100_000, warnings: 0 });
    const features = Array.from({ length: 150 }, (_, i) => ({
      type: 'Feature',
      id: { n: i },
      properties: null,
      geometry: { type: 'Point', coordinates: [1, 2] },
    }));
    const warned = importValue({ type: 'FeatureCollection', features });
    expect(warned.layer?.features.length).toBe(150);
    expect(warned.counts).toEqual({ errors: 0, warnings: 150 });
  });
});

describe('importGeoJson: bbox', () => {
  const withBbox = (bbox: unknown) => importValue({ ...point(TBILISI), bbox }).issues;

  it.each([[[-180, -90, 180, 90]], [[44, 41, 0, 45, 42, 100]], [[44, 41, 45, 42]]])('accepts %j', (bbox) => {
    expect(withBbox(bbox)).toEqual([]);
  });

  it.each([
    [[1, 2, 3], 'a bbox is [west, south, east, north] (or 6 numbers, with heights), found 3 value(s)'],
    [[1, 2, 3, 4, 5], 'a bbox is [west, south, east, north] (or 6 numbers, with heights), found 5 value(s)'],
    [null, 'a bbox is [west, south, east, north] (or 6 numbers, with heights), found null'],
    [
      '44,41,45,42',
      'a bbox is [west, south, east, north] (or 6 numbers, with heights), found the text "44,41,45,42"',
    ],
    [[44, '41', 45, 42], 'a bbox holds numbers only, found the text "41"'],
    [[-181, 41, 45, 42], "the bbox's west (-181) and east (45) must be longitudes, -180..180"],
    [[44, -91, 45, 42], "the bbox's south (-91) and north (42) must be latitudes, -90..90"],
    [
      [44, 43, 45, 42],
      "the bbox's south (43) is north of its north (42); a bbox is [west, south, east, north]",
    ],
    [
      [44, 43, 0, 45, 42, 10],
      "the bbox's south (43) is north of its north (42); a bbox is [west, south, east, north]",
    ],
  ])('refuses %j', (bbox, message) => {
    expect(withBbox(bbox)).toEqual([error('bad-bbox', 'bbox', message)]);
  });
});

const loadAtlas = (dir: string): Atlas => validateAtlas(readAtlasFiles(dir), FILE_NAMES).atlas!;
const exported = (atlas: Atlas, shape: ExportShape) => serializeGeoJson(exportAtlas(atlas, shape));
const importExport = (text: string) => importGeoJson(text, 'export.geojson', Buffer.byteLength(text));

/** The layer an export must give back: one feature per exported feature, as exported. */
const layerOf = (text: string): ImportedLayer => {
  const collection = JSON.parse(text) as FeatureCollection;
  return {
    fileName: 'export.geojson',
    bbox: collection.bbox!,
    features: collection.features.map((f, index) => ({
      index,
      id: f.id!,
      title: String(f.properties!.title),
      geometry: f.geometry,
      properties: f.properties!,
    })),
  };
};

describe('importGeoJson: Article Atlas exports', () => {
  it.each([
    ['the real Karabakh atlas', REAL_ATLAS_DIR],
    ['the second atlas', SECOND_ATLAS_DIR],
  ])('gives back %s exactly from its "places" export', (_, dir) => {
    const atlas = loadAtlas(dir);
    const text = exported(atlas, 'places');
    const result = importExport(text);
    const n = atlas.places.length;
    expect(n).toBe(dir === REAL_ATLAS_DIR ? 9 : 4);
    expect(result).toEqual(
      counted({ layer: { ...layerOf(text), atlas }, issues: [], summary: `${n} features read, ${n} drawn` }),
    );
  });

  it('gives back the second atlas equal to its source files', () => {
    const files = readAtlasFiles(SECOND_ATLAS_DIR) as {
      article: unknown;
      places: { features: unknown[] };
      facts: { facts: unknown[] };
    };
    const text = exported(loadAtlas(SECOND_ATLAS_DIR), 'places');
    expect(importExport(text).layer?.atlas).toEqual({
      article: files.article,
      places: files.places.features,
      facts: files.facts.facts,
    });
  });

  it.each([
    ['the real Karabakh atlas', REAL_ATLAS_DIR, 1],
    ['the second atlas', SECOND_ATLAS_DIR, 1],
  ])('reads the "facts" export of %s as a plain layer: each fact, plus the region', (_, dir, regions) => {
    const atlas = loadAtlas(dir);
    const text = exported(atlas, 'facts');
    const result = importExport(text);
    const n = dir === REAL_ATLAS_DIR ? 45 : 8;
    expect(result).toEqual(
      counted({ layer: layerOf(text), issues: [], summary: `${n} features read, ${n} drawn` }),
    );
    expect(result.layer?.features.map((f) => f.id)).toEqual([
      ...atlas.places.filter((p) => p.geometry.type !== 'Point').map((p) => p.id),
      ...atlas.facts.map((f) => f.id),
    ]);
    expect(result.layer?.features.length).toBe(atlas.facts.length + regions);
  });

  describe('an edited export opens as a plain layer, with a warning that says why', () => {
    const tampered = (edit: (collection: Record<string, unknown> & FeatureCollection) => void) => {
      const collection = JSON.parse(exported(loadAtlas(SECOND_ATLAS_DIR), 'places')) as Record<
        string,
        unknown
      > &
        FeatureCollection;
      edit(collection);
      return importExport(JSON.stringify(collection));
    };
    const notRebuilt = (reason: string): Issue => ({
      code: 'atlas-not-rebuilt',
      message:
        `the file was exported by Article Atlas, but its atlas cannot be rebuilt (${reason}); ` +
        'it opens as a plain map layer, without the article',
      severity: 'warning',
      file: 'export.geojson',
      path: 'articleAtlas',
    });
    const meta = (c: Record<string, unknown>) => c.articleAtlas as Record<string, unknown>;
    const factsOf = (c: FeatureCollection, i: number) =>
      c.features[i]!.properties!.facts as Record<string, unknown>[];

    it('copies of a fact that differ', () => {
      const result = tampered((c) => (factsOf(c, 1)[0]!.text = 'changed by hand'));
      expect(result.issues).toEqual([
        notRebuilt('the copies of fact "three-cities-on-map" nested in different places differ'),
      ]);
      expect(result.layer?.atlas).toBeUndefined();
      expect(result.layer?.features.length).toBe(4);
    });

    it('an article that no longer validates', () => {
      const result = tampered((c) => delete (meta(c).article as Record<string, unknown>).headline);
      expect(result.issues).toEqual([
        notRebuilt(
          '1 problem(s) in the rebuilt atlas, the first: required field "headline" is missing (article, at headline)',
        ),
      ]);
    });

    it('a fact that factIds lists but no place holds, and the reverse', () => {
      expect(tampered((c) => (meta(c).factIds as string[]).push('ghost')).issues).toEqual([
        notRebuilt('no place holds fact "ghost", which "articleAtlas.factIds" lists'),
      ]);
      expect(tampered((c) => (meta(c).factIds as string[]).shift()).issues).toEqual([
        notRebuilt('fact "committee-meets" is missing from "articleAtlas.factIds"'),
      ]);
    });

    it('another format version, or factIds that are not ids', () => {
      expect(tampered((c) => (meta(c).version = 2)).issues).toEqual([
        notRebuilt('its export format version is 2; this version of the app reads version 1'),
      ]);
      expect(tampered((c) => (meta(c).factIds = 'all')).issues).toEqual([
        notRebuilt('"articleAtlas.factIds" is not a list of fact ids'),
      ]);
    });

    it('a dropped place', () => {
      const result = tampered((c) => c.features.splice(3, 1));
      expect(result.issues).toEqual([
        notRebuilt(
          '2 problem(s) in the rebuilt atlas, the first: no place "tbilisi-test-square" (facts, at facts[5].placeIds[1])',
        ),
      ]);
    });
  });
});

/** A deterministic pseudo-random sequence (a linear congruential generator), so that failures replay. */
function* randomInts(seed: number): Generator<number, never> {
  let state = seed;
  for (;;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield state;
  }
}

describe('importGeoJson: robustness', () => {
  it('never throws on 500 truncations and mutations of an export, and always explains a refusal', () => {
    const valid = exported(loadAtlas(SECOND_ATLAS_DIR), 'places');
    const random = randomInts(20240314);
    const next = (n: number) => random.next().value % n;
    const characters = '{}[]",:0123456789-.eE ntrufalsNaI\\/x\n';
    const outcomes = { layer: 0, atlas: 0, refused: 0 };
    for (let i = 0; i < 500; i += 1) {
      const at = next(valid.length);
      const char = characters[next(characters.length)]!;
      const mutations = [
        () => valid.slice(0, at),
        () => valid.slice(0, at) + valid.slice(at + 1),
        () => valid.slice(0, at) + char + valid.slice(at + 1),
        () => valid.slice(0, at) + char + valid.slice(at),
        () => valid.slice(0, at) + valid.slice(at, at + 1 + next(200)) + valid.slice(at),
      ];
      const text = mutations[i % mutations.length]!();
      const { layer, issues } = importGeoJson(text, 'mutant.geojson', text.length);
      for (const issue of issues) {
        expect(issue.file).toBe('mutant.geojson');
        expect(issue.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
        expect(issue.message.trim()).not.toBe('');
        expect(['error', 'warning']).toContain(issue.severity);
      }
      expect(layer === undefined).toBe(hasErrors(issues));
      if (layer) {
        outcomes.layer += 1;
        if (layer.atlas) outcomes.atlas += 1;
        expect(layer.features.length).toBeGreaterThan(0);
        expect(layer.bbox.every(Number.isFinite)).toBe(true);
      } else outcomes.refused += 1;
    }
    // Both paths are exercised: most mutants are refused, some still open (a changed digit, a letter in a text).
    expect(outcomes.refused).toBeGreaterThan(250);
    expect(outcomes.layer).toBeGreaterThan(10);
    expect(outcomes.atlas).toBeGreaterThan(0);
  });
});

describe('importGeoJson: lenient where RFC 7946 is', () => {
  const line = (coordinates: unknown) => ({ type: 'LineString', coordinates });

  it('reads empty coordinates of any type as no geometry, with one warning that counts them', () => {
    const result = importValue(
      collection(
        feature(point(TBILISI), { name: 'Tbilisi' }),
        feature(line([]), { name: 'Gone road' }),
        feature({ type: 'Polygon', coordinates: [] }),
        feature({ type: 'Point', coordinates: [] }),
        feature({ type: 'GeometryCollection', geometries: [] }),
      ),
    );
    expect(result).toEqual({
      layer: {
        fileName: FILE,
        bbox: [44.793, 41.7151, 44.793, 41.7151],
        features: [
          { index: 0, id: null, title: 'Tbilisi', geometry: point(TBILISI), properties: { name: 'Tbilisi' } },
        ],
      },
      issues: [
        warning(
          'empty-geometry',
          'features[1].geometry',
          '4 features have empty coordinates (the first at features[1].geometry), read as features ' +
            'without a geometry (RFC 7946 §3.1) and left off the map',
        ),
      ],
      counts: { errors: 0, warnings: 1 },
      summary: '5 features read, 1 drawn; 4 without a geometry; 1 warning',
    });
  });

  it('still refuses an empty ring or an empty line inside a multi-geometry, at its place', () => {
    expect(importValue(feature({ type: 'MultiLineString', coordinates: [[]] })).issues).toEqual([
      error('line-too-short', 'geometry.coordinates[0]', 'a line needs at least 2 positions, found 0'),
    ]);
  });

  it('drops values past the third of 1,000 positions with one warning, and keeps heights', () => {
    const track = Array.from({ length: 1000 }, (_, i) => [i / 100, 40, 100 + i, 1700000000 + i]);
    const result = importValue(collection(feature(line(track)), feature(point([1, 2, 3, 4, 5]))));
    expect(result.issues).toEqual([
      warning(
        'extra-position-values',
        'features[0].geometry.coordinates[0]',
        '1,001 positions have more than three values (the first at features[0].geometry.coordinates[0]); ' +
          'only longitude, latitude and height are read, the rest is ignored (RFC 7946 §3.1.1)',
      ),
    ]);
    expect(result.layer?.features.map((f) => f.geometry)).toEqual([
      line(track.map(([lon, lat, z]) => [lon, lat, z])),
      point([1, 2, 3]),
    ]);
    expect(result.summary).toBe('2 features read, 2 drawn; 1 warning');
  });

  it('keeps the geometry as read when no position has extra values', () => {
    const geometry = line([
      [1, 2, 3],
      [3, 4],
    ]);
    const text = JSON.stringify(feature(geometry));
    expect(importText(text).layer?.features[0]?.geometry).toEqual(geometry);
  });

  it('still refuses an invalid fourth value, at its position', () => {
    expect(importValue(point([1, 2, 3, 'm'])).issues).toEqual([
      error('bad-position', 'coordinates', 'a position holds finite numbers only, found the text "m"'),
    ]);
  });

  it('warns once per kind of member that §7.1 forbids, with a count and the first place', () => {
    const odd = { ...feature(point(TBILISI)), coordinates: [1, 2], features: [] };
    const result = importValue({
      type: 'FeatureCollection',
      properties: { title: 'x' },
      features: [odd, odd, feature({ ...point(TBILISI), properties: {} })],
    });
    expect(result.issues).toEqual([
      warning(
        'forbidden-member',
        'properties',
        '1 FeatureCollection holds "properties", which RFC 7946 §7.1 says a FeatureCollection must not have ' +
          '(the first at properties); it is ignored',
      ),
      warning(
        'forbidden-member',
        'features[0].coordinates',
        '2 features hold "coordinates", which RFC 7946 §7.1 says a feature must not have ' +
          '(the first at features[0].coordinates); it is ignored',
      ),
      warning(
        'forbidden-member',
        'features[0].features',
        '2 features hold "features", which RFC 7946 §7.1 says a feature must not have ' +
          '(the first at features[0].features); it is ignored',
      ),
      warning(
        'forbidden-member',
        'features[2].geometry.properties',
        '1 geometry holds "properties", which RFC 7946 §7.1 says a geometry must not have ' +
          '(the first at features[2].geometry.properties); it is ignored',
      ),
    ]);
    expect(result.counts).toEqual({ errors: 0, warnings: 4 });
  });
});

describe('importGeoJson: the box a file is framed by', () => {
  const withBbox = (bbox: number[], ...positions: number[][]) =>
    importValue({ ...collection(...positions.map((p) => feature(point(p)))), bbox });

  it("uses the file's own bbox when it holds the features, one that crosses the antimeridian too", () => {
    expect(withBbox([40, 40, 50, 45], TBILISI).layer?.bbox).toEqual([40, 40, 50, 45]);
    expect(withBbox([40, 40, 0, 50, 45, 10], TBILISI).layer?.bbox).toEqual([40, 40, 50, 45]);
    const crossing = withBbox([170, -20, -170, -10], [175, -15], [-175, -12]);
    expect(crossing.layer?.bbox).toEqual([170, -20, -170, -10]);
    expect(crossing.issues).toEqual([]);
  });

  it('allows features past the bbox by BBOX_TOLERANCE_DEGREES, and no more', () => {
    expect(BBOX_TOLERANCE_DEGREES).toBe(1e-6);
    const within = withBbox([40, 40, 50, 45], [50.0000009, 45.0000009]);
    expect(within.layer?.bbox).toEqual([40, 40, 50, 45]);
    const past = withBbox([40, 40, 50, 45], [40, 40], [50.0000011, 44]);
    expect(past.layer?.bbox).toEqual([40, 40, 50.0000011, 44]);
    expect(past.issues).toEqual([
      warning(
        'bbox-not-holding',
        'bbox',
        "the file's bbox [40, 40, 50, 45] does not hold all its features, which reach [40, 40, 50.000001, 44]; " +
          'the map frames the features instead',
      ),
    ]);
  });

  it('frames features on both sides of ±180 across the antimeridian', () => {
    const cut = importValue(
      feature({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [170, -20],
              [180, -20],
              [180, -10],
              [170, -10],
              [170, -20],
            ],
          ],
          [
            [
              [-180, -20],
              [-170, -20],
              [-170, -10],
              [-180, -10],
              [-180, -20],
            ],
          ],
        ],
      }),
    );
    expect(cut.layer?.bbox).toEqual([170, -20, -170, -10]);
    // A bbox that does not cross cannot hold them: the features are framed instead.
    const wide = withBbox([-180, -20, 180, -10], [179, -15], [-179, -12]);
    expect(wide.layer?.bbox).toEqual([-180, -20, 180, -10]);
    const narrow = withBbox([-179, -20, 179, -10], [179.5, -15], [-179.5, -12]);
    expect(narrow.layer?.bbox).toEqual([179.5, -15, -179.5, -12]);
    expect(narrow.issues.map((i) => i.code)).toEqual(['bbox-not-holding']);
  });
});

describe('importGeoJson: summary', () => {
  it('groups thousands, and says "not opened" with the true counts for a refused file', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => feature(i < 2 ? null : point([i / 1e4, 1])));
    expect(importValue(collection(...many)).summary).toBe(
      '20,000 features read, 19,998 drawn; 2 without a geometry; 2 warnings',
    );
    const bad = Array.from({ length: 20_000 }, () => feature(point([1])));
    const refused = importValue(collection(...bad));
    expect(refused.summary).toBe('not opened: 20,000 errors');
    expect(refused.issues[MAX_LISTED_ISSUES]?.message).toBe(
      '19,900 more problems are not listed; fix the ones above and open the file again',
    );
  }, 30_000);
});
