import { describe, expect, it } from 'vitest';
import { FILE_NAMES, SECOND_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { importGeoJson } from './import-geojson';
import { IssueList, type Issue } from './issues';
import { validateAtlas } from './validate-atlas';
import { LenientTally, validatePlaceGeometry, validatePosition } from './validate-geometry';

const FILE = 'places.geojson';
const error = (code: string, path: string, message: string): Issue => ({
  code,
  message,
  severity: 'error',
  file: FILE,
  path,
});

function checkPosition(value: unknown): { ok: boolean; issues: Issue[] } {
  const issues = new IssueList(FILE);
  const ok = validatePosition(value, 'features[0].geometry.coordinates', issues);
  return { ok, issues: issues.items };
}

function checkGeometry(value: unknown): { ok: boolean; issues: Issue[] } {
  const issues = new IssueList(FILE);
  const ok = validatePlaceGeometry(value, 'features[0].geometry', issues);
  return { ok, issues: issues.items };
}

const AT = 'features[0].geometry.coordinates';

describe('validatePosition', () => {
  it.each([
    ['Tbilisi', [44.793, 41.6941]],
    ['a position with an altitude', [44.793, 41.6941, 450]],
    ['the north-east corner of the globe', [180, 90]],
    ['the south-west corner of the globe', [-180, -90]],
    ['Wellington, in the southern hemisphere', [174.7762, -41.2865]],
  ])('accepts %s', (_, position) => {
    expect(checkPosition(position)).toEqual({ ok: true, issues: [] });
  });

  it.each([
    [
      '1 element',
      [44.793],
      'a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
    ],
    [
      'no element',
      [],
      'a position is [longitude, latitude] or [longitude, latitude, height], found 0 values',
    ],
    [
      '4 elements',
      [44.793, 41.6941, 450, 0],
      'a position is [longitude, latitude] or [longitude, latitude, height], found 4 values',
    ],
    [
      'a string',
      '44.793,41.6941',
      'a position is [longitude, latitude] or [longitude, latitude, height], found the text "44.793,41.6941"',
    ],
    ['null', null, 'a position is [longitude, latitude] or [longitude, latitude, height], found null'],
    [
      'nothing',
      undefined,
      'a position is [longitude, latitude] or [longitude, latitude, height], found nothing',
    ],
    [
      'an object',
      { lon: 44.793, lat: 41.6941 },
      'a position is [longitude, latitude] or [longitude, latitude, height], found an object',
    ],
    [
      'numbers as strings',
      ['44.793', '41.6941'],
      'a position holds finite numbers only, found the text "44.793"',
    ],
    ['a null latitude', [44.793, null], 'a position holds finite numbers only, found null'],
    // JSON input cannot hold NaN; a position built in code can.
    ['NaN', [Number.NaN, 41.6941], 'a position holds finite numbers only, found NaN'],
    // JSON.parse reads 1e999 as Infinity.
    [
      'Infinity',
      [44.793, Number.POSITIVE_INFINITY],
      'a position holds finite numbers only, found a number too large to use',
    ],
  ])('rejects %s as a bad position', (_, position, message) => {
    expect(checkPosition(position)).toEqual({ ok: false, issues: [error('bad-position', AT, message)] });
  });

  it('reports latitude 200 as off the globe', () => {
    expect(checkPosition([44.793, 200])).toEqual({
      ok: false,
      issues: [
        error('out-of-range', AT, '[44.793, 200] is off the globe: longitude -180..180, latitude -90..90'),
      ],
    });
  });

  it('reports longitude -200 as off the globe', () => {
    expect(checkPosition([-200, 41.6941])).toEqual({
      ok: false,
      issues: [
        error('out-of-range', AT, '[-200, 41.6941] is off the globe: longitude -180..180, latitude -90..90'),
      ],
    });
  });

  it('reports a latitude out of range whose longitude would be a valid latitude as swapped', () => {
    // Wellington written [latitude, longitude].
    expect(checkPosition([-41.2865, 174.7762])).toEqual({
      ok: false,
      issues: [
        error(
          'swapped-coordinates',
          AT,
          '[-41.2865, 174.7762] looks swapped: latitude 174.7762 is out of range but -41.2865 would be valid; ' +
            'GeoJSON is [longitude, latitude]',
        ),
      ],
    });
  });

  it('does not call a pair swapped when the other number is no valid latitude either', () => {
    expect(checkPosition([120, 150])).toEqual({
      ok: false,
      issues: [
        error('out-of-range', AT, '[120, 150] is off the globe: longitude -180..180, latitude -90..90'),
      ],
    });
  });
});

/** A unit square with its lower-left corner at (x, y), counter-clockwise. */
const square = (x: number, y: number, size = 1): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });

describe('validatePlaceGeometry: points', () => {
  it('accepts a point', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [44.793, 41.6941] })).toEqual({
      ok: true,
      issues: [],
    });
  });

  it('reports a bad point position at its coordinates', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [44.793] })).toEqual({
      ok: false,
      issues: [
        error(
          'bad-position',
          AT,
          'a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
        ),
      ],
    });
  });
});

describe('validatePlaceGeometry: polygons', () => {
  it('accepts a counter-clockwise exterior ring', () => {
    expect(checkGeometry(polygon(square(0, 0)))).toEqual({ ok: true, issues: [] });
  });

  it('accepts a clockwise hole in a counter-clockwise exterior', () => {
    expect(checkGeometry(polygon(square(0, 0, 10), square(2, 2, 2).reverse()))).toEqual({
      ok: true,
      issues: [],
    });
  });

  it('reports a ring of fewer than 4 positions', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [0, 0],
    ];
    expect(checkGeometry(polygon(ring))).toEqual({
      ok: false,
      issues: [
        error(
          'ring-too-short',
          `${AT}[0]`,
          'a polygon ring needs at least 4 positions, the last one repeating the first; found 3',
        ),
      ],
    });
  });

  it('reports a ring whose last position is not its first', () => {
    expect(checkGeometry(polygon(square(0, 0).slice(0, 4)))).toEqual({
      ok: false,
      issues: [
        error(
          'ring-not-closed',
          `${AT}[0]`,
          'the polygon ring is not closed: it starts at [0, 0] and ends at [0, 1]; its last position must repeat its first',
        ),
      ],
    });
  });

  it('reports a clockwise exterior ring', () => {
    expect(checkGeometry(polygon(square(0, 0).reverse()))).toEqual({
      ok: false,
      issues: [
        error(
          'ring-winding',
          `${AT}[0]`,
          'the exterior ring is clockwise; RFC 7946 wants it counter-clockwise',
        ),
      ],
    });
  });

  it('reports a counter-clockwise hole', () => {
    expect(checkGeometry(polygon(square(0, 0, 10), square(2, 2, 2)))).toEqual({
      ok: false,
      issues: [
        error('ring-winding', `${AT}[1]`, 'a hole is counter-clockwise; RFC 7946 wants holes clockwise'),
      ],
    });
  });

  it('reports a bow-tie, whose ring crosses itself', () => {
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(checkGeometry(polygon(bowTie))).toEqual({
      ok: false,
      issues: [error('self-intersection', AT, 'the polygon crosses itself at 1 point(s), first near [1, 1]')],
    });
  });

  it('reports a bad position inside a ring and checks that ring no further', () => {
    const ring = [[0, 0], [1, 0], [1], [0, 1], [0, 0]];
    expect(checkGeometry(polygon(ring))).toEqual({
      ok: false,
      issues: [
        error(
          'bad-position',
          `${AT}[0][2]`,
          'a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
        ),
      ],
    });
  });

  it('reports a ring that is not an array', () => {
    expect(checkGeometry(polygon('0 0, 1 0, 1 1, 0 0'))).toEqual({
      ok: false,
      issues: [
        error(
          'wrong-type',
          `${AT}[0]`,
          'a polygon ring is an array of positions, found the text "0 0, 1 0, 1 1, 0 0"',
        ),
      ],
    });
  });

  it('reports a polygon without rings', () => {
    expect(checkGeometry(polygon())).toEqual({
      ok: false,
      issues: [error('bad-polygon', AT, 'a polygon needs at least one ring, its outline; found none')],
    });
  });
});

describe('validatePlaceGeometry: multipolygons', () => {
  it('accepts two counter-clockwise squares', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(5, 5)]] };
    expect(checkGeometry(geometry)).toEqual({ ok: true, issues: [] });
  });

  it('reports the clockwise ring of the second polygon with its full path', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(5, 5).reverse()]] };
    expect(checkGeometry(geometry)).toEqual({
      ok: false,
      issues: [
        error(
          'ring-winding',
          `${AT}[1][0]`,
          'the exterior ring is clockwise; RFC 7946 wants it counter-clockwise',
        ),
      ],
    });
  });

  it('reports an empty multipolygon', () => {
    expect(checkGeometry({ type: 'MultiPolygon', coordinates: [] })).toEqual({
      ok: false,
      issues: [error('bad-polygon', AT, 'a MultiPolygon needs at least one polygon; found none')],
    });
  });
});

describe('validatePlaceGeometry: other values', () => {
  it('reports a missing geometry', () => {
    expect(checkGeometry(null)).toEqual({
      ok: false,
      issues: [error('bad-geometry', 'features[0].geometry', 'a place needs a geometry')],
    });
  });

  it.each([
    ['a LineString', { type: 'LineString', coordinates: square(0, 0) }, 'the text "LineString"'],
    ['a geometry without a type', { coordinates: [44.793, 41.6941] }, 'nothing'],
  ])('reports %s as a type a place cannot have', (_, geometry, found) => {
    expect(checkGeometry(geometry)).toEqual({
      ok: false,
      issues: [
        error(
          'bad-geometry',
          'features[0].geometry.type',
          `a place is a Point, Polygon or MultiPolygon, found ${found}`,
        ),
      ],
    });
  });
});

describe('one checker for the atlas validator and the GeoJSON import', () => {
  /** The issues of the second atlas with the geometry of its feature `index` replaced. */
  const inAtlas = (index: number, geometry: unknown): Issue[] => {
    const files = readAtlasFiles(SECOND_ATLAS_DIR);
    const places = files.places as { features: { geometry: unknown }[] };
    places.features[index]!.geometry = geometry;
    return validateAtlas(files, FILE_NAMES).issues;
  };
  /** The issues of a file holding one Feature with that geometry, as if a person opened it. */
  const opened = (geometry: unknown): Issue[] => {
    const text = JSON.stringify({ type: 'Feature', properties: {}, geometry });
    return importGeoJson(text, 'upload.geojson', text.length).issues;
  };
  /** An issue at `path` inside the geometry, as each validator reports it. */
  const both = (code: string, path: string, message: string, feature: number) => ({
    atlas: [error(code, `features[${feature}].geometry.coordinates${path}`, message)],
    opened: [{ ...error(code, `geometry.coordinates${path}`, message), file: 'upload.geojson' }],
  });

  // features[3] is the fixture's test square (a Polygon), features[0] Tbilisi (a Point).
  const SQUARE = [
    [44.7, 41.65],
    [44.9, 41.65],
    [44.9, 41.75],
    [44.7, 41.75],
    [44.7, 41.65],
  ];
  const RING = 3;
  const POINT = 0;

  it.each([
    [
      'a ring whose last position is not its first',
      polygon(SQUARE.slice(0, 4)),
      both(
        'ring-not-closed',
        '[0]',
        'the polygon ring is not closed: it starts at [44.7, 41.65] and ends at [44.7, 41.75]; ' +
          'its last position must repeat its first',
        RING,
      ),
    ],
    [
      // RFC 7946 §3.1.6: the first and last positions are identical, so every number counts, heights too.
      'a ring whose first and last positions differ only in height',
      polygon([...SQUARE.slice(0, 4).map((p) => [...p, 0]), [44.7, 41.65, 5]]),
      both(
        'ring-not-closed',
        '[0]',
        'the polygon ring is not closed: it starts at [44.7, 41.65, 0] and ends at [44.7, 41.65, 5]; ' +
          'its last position must repeat its first',
        RING,
      ),
    ],
    [
      'a ring of 3 positions',
      polygon([SQUARE[0], SQUARE[1], SQUARE[0]]),
      both(
        'ring-too-short',
        '[0]',
        'a polygon ring needs at least 4 positions, the last one repeating the first; found 3',
        RING,
      ),
    ],
    [
      'a ring that is not an array',
      polygon(null),
      both('wrong-type', '[0]', 'a polygon ring is an array of positions, found null', RING),
    ],
    [
      'a polygon that lacks one level of brackets',
      { type: 'Polygon', coordinates: SQUARE },
      both(
        'wrong-type',
        '',
        'a polygon is an array of rings (each an array of positions): the coordinates lack one level of brackets',
        RING,
      ),
    ],
    [
      'a bad position inside a ring',
      polygon([SQUARE[0], SQUARE[1], [44.9, '41.75'], SQUARE[3], SQUARE[0]]),
      both('bad-position', '[0][2]', 'a position holds finite numbers only, found the text "41.75"', RING),
    ],
  ])('gives the same issue for %s', (_, geometry, expected) => {
    expect(inAtlas(RING, geometry)).toEqual(expected.atlas);
    expect(opened(geometry)).toEqual(expected.opened);
  });

  it.each([
    [
      'a position of 1 number',
      [44.793],
      both(
        'bad-position',
        '',
        'a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
        POINT,
      ),
    ],
    [
      'a position written as text',
      '44.793, 41.6941',
      both(
        'bad-position',
        '',
        'a position is [longitude, latitude] or [longitude, latitude, height], found the text "44.793, 41.6941"',
        POINT,
      ),
    ],
    [
      'a position holding a text',
      [44.793, '41.6941'],
      both('bad-position', '', 'a position holds finite numbers only, found the text "41.6941"', POINT),
    ],
    [
      'a position written [latitude, longitude]',
      [41.6941, 144.793],
      both(
        'swapped-coordinates',
        '',
        '[41.6941, 144.793] looks swapped: latitude 144.793 is out of range but 41.6941 would be valid; ' +
          'GeoJSON is [longitude, latitude]',
        POINT,
      ),
    ],
    [
      'a position off the globe',
      [244.793, 41.6941],
      both(
        'out-of-range',
        '',
        '[244.793, 41.6941] is off the globe: longitude -180..180, latitude -90..90',
        POINT,
      ),
    ],
  ])('gives the same issue for %s', (_, coordinates, expected) => {
    const geometry = { type: 'Point', coordinates };
    expect(inAtlas(POINT, geometry)).toEqual(expected.atlas);
    expect(opened(geometry)).toEqual(expected.opened);
  });

  it('holds only the atlas to RFC 7946 winding, which parsers must not enforce, in the same words', () => {
    const clockwise = polygon([...SQUARE].reverse());
    expect(inAtlas(RING, clockwise)).toEqual([
      error(
        'ring-winding',
        'features[3].geometry.coordinates[0]',
        'the exterior ring is clockwise; RFC 7946 wants it counter-clockwise',
      ),
    ]);
    expect(opened(clockwise)).toEqual([]);
  });
});

describe('validatePosition for an opened file (with a LenientTally)', () => {
  it('accepts values past the third and counts them, keeping the first path; the atlas refuses them', () => {
    const issues = new IssueList(FILE);
    const tally = new LenientTally();
    expect(validatePosition([44.793, 41.6941, 450, 7], 'a[0]', issues, tally)).toBe(true);
    expect(validatePosition([44.793, 41.6941, 450], 'a[1]', issues, tally)).toBe(true);
    expect(validatePosition([44.793, 41.6941, 450, 7, 8], 'a[2]', issues, tally)).toBe(true);
    expect(issues.items).toEqual([]);
    expect(tally.extraValues).toEqual({ count: 2, first: 'a[0]' });
    expect(checkPosition([44.793, 41.6941, 450, 7]).ok).toBe(false);
  });

  it('still refuses fewer than two values', () => {
    const issues = new IssueList(FILE);
    expect(validatePosition([44.793], AT, issues, new LenientTally())).toBe(false);
    expect(issues.items).toEqual([
      error(
        'bad-position',
        AT,
        'a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
      ),
    ]);
  });
});
