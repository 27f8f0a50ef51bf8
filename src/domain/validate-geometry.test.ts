import { describe, expect, it } from 'vitest';
import { IssueList, type Issue } from './issues';
import { validatePlaceGeometry, validatePosition } from './validate-geometry';

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
    ['1 element', [44.793], 'a position is [longitude, latitude], found 1 element(s)'],
    ['no element', [], 'a position is [longitude, latitude], found 0 element(s)'],
    ['4 elements', [44.793, 41.6941, 450, 0], 'a position is [longitude, latitude], found 4 element(s)'],
    ['a string', '44.793,41.6941', 'a position is [longitude, latitude], found "44.793,41.6941"'],
    ['null', null, 'a position is [longitude, latitude], found null'],
    ['nothing', undefined, 'a position is [longitude, latitude], found nothing'],
    [
      'an object',
      { lon: 44.793, lat: 41.6941 },
      'a position is [longitude, latitude], found {"lon":44.793,"lat":41.6941}',
    ],
    [
      'numbers as strings',
      ['44.793', '41.6941'],
      'a position holds finite numbers only, found ["44.793","41.6941"]',
    ],
    ['a null latitude', [44.793, null], 'a position holds finite numbers only, found [44.793,null]'],
    // JSON.stringify writes NaN as null; JSON input cannot hold it anyway.
    ['NaN', [Number.NaN, 41.6941], 'a position holds finite numbers only, found [null,41.6941]'],
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
      issues: [error('bad-position', AT, 'a position is [longitude, latitude], found 1 element(s)')],
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
      issues: [error('ring-too-short', `${AT}[0]`, 'a linear ring needs at least 4 positions, found 3')],
    });
  });

  it('reports a ring whose last position is not its first', () => {
    expect(checkGeometry(polygon(square(0, 0).slice(0, 4)))).toEqual({
      ok: false,
      issues: [
        error(
          'ring-not-closed',
          `${AT}[0]`,
          'the ring is not closed: it starts at [0, 0] and ends at [0, 1]',
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
        error('bad-position', `${AT}[0][2]`, 'a position is [longitude, latitude], found 1 element(s)'),
      ],
    });
  });

  it('reports a ring that is not an array', () => {
    expect(checkGeometry(polygon('0 0, 1 0, 1 1, 0 0'))).toEqual({
      ok: false,
      issues: [error('bad-ring', `${AT}[0]`, 'a linear ring is an array of positions')],
    });
  });

  it('reports a polygon without rings', () => {
    expect(checkGeometry(polygon())).toEqual({
      ok: false,
      issues: [error('bad-polygon', AT, 'a polygon is a non-empty array of linear rings')],
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
      issues: [error('bad-polygon', AT, 'a MultiPolygon is a non-empty array of polygons')],
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
    ['a LineString', { type: 'LineString', coordinates: square(0, 0) }, '"LineString"'],
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
