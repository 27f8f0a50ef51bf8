import { describe, expect, it } from 'vitest';
import {
  FILE_NAMES,
  REAL_ATLAS_DIR,
  SECOND_ATLAS_DIR,
  readAtlasFiles,
} from '../../tests/helpers/atlas-files';
import {
  anchorOf,
  areaFigures,
  boundsOf,
  distanceKm,
  distancesBetween,
  distancesFrom,
  firstPositionOf,
  placesInside,
} from './geography';
import { circularBoundsOf } from './antimeridian';
import { formatIssue } from './issues';
import type { Atlas, Place } from './types';
import { validateAtlas } from './validate-atlas';

function validAtlas(dir: string): Atlas {
  const { atlas, issues } = validateAtlas(readAtlasFiles(dir), FILE_NAMES);
  if (!atlas) throw new Error(`${dir} does not validate:\n${issues.map(formatIssue).join('\n')}`);
  return atlas;
}

const real = validAtlas(REAL_ATLAS_DIR);
const second = validAtlas(SECOND_ATLAS_DIR);

function place(atlas: Atlas, id: string): Place {
  const found = atlas.places.find((p) => p.id === id);
  if (!found) throw new Error(`no place ${id}`);
  return found;
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
const story = real.places.filter((p) => p.properties.group === 'story');
const region = place(real, 'nagorno-karabakh');

describe('distances in the real atlas', () => {
  it.each([
    ['stepanakert', 'baku', 274],
    ['stepanakert', 'yerevan', 195],
    ['baku', 'yerevan', 457],
  ])('%s to %s is %i km to the nearest kilometre', (from, to, km) => {
    const measured = distanceKm(anchorOf(place(real, from)), anchorOf(place(real, to)));
    expect(Math.round(measured)).toBe(km);
    expect(Math.abs(measured - km)).toBeLessThan(1);
  });

  it('lists each pair of story places once, in the order given', () => {
    const rounded = distancesBetween(story).map((d) => ({ ...d, km: round(d.km, 1) }));
    expect(rounded).toEqual([
      { from: 'nagorno-karabakh', to: 'stepanakert', km: 7.1 },
      { from: 'nagorno-karabakh', to: 'baku', km: 269.3 },
      { from: 'nagorno-karabakh', to: 'yerevan', km: 197.2 },
      { from: 'stepanakert', to: 'baku', km: 274.2 },
      { from: 'stepanakert', to: 'yerevan', km: 195 },
      { from: 'baku', to: 'yerevan', km: 456.8 },
    ]);
  });

  it('measures from one place to each of the others, leaving the place itself out', () => {
    const rounded = distancesFrom(place(real, 'baku'), story).map((d) => ({ ...d, km: Math.round(d.km) }));
    expect(rounded).toEqual([
      { from: 'baku', to: 'nagorno-karabakh', km: 269 },
      { from: 'baku', to: 'stepanakert', km: 274 },
      { from: 'baku', to: 'yerevan', km: 457 },
    ]);
  });

  it('is the same both ways', () => {
    const there = distancesFrom(place(real, 'stepanakert'), [place(real, 'yerevan')]);
    const back = distancesFrom(place(real, 'yerevan'), [place(real, 'stepanakert')]);
    expect(there).toEqual([{ from: 'stepanakert', to: 'yerevan', km: back[0]?.km }]);
    expect(back.map((d) => Math.round(d.km))).toEqual([195]);
  });
});

describe('the region of the real atlas', () => {
  it('has an area of about 4,270 km²', () => {
    const figures = areaFigures(region);
    expect(Math.round(figures?.areaKm2 ?? 0)).toBe(4271);
    expect(figures?.areaKm2).toBeGreaterThan(4200);
    expect(figures?.areaKm2).toBeLessThan(4350);
  });

  it('has its centroid and bounding box where the outline puts them', () => {
    const figures = areaFigures(region);
    expect(figures?.centroid.map((n) => round(n, 4))).toEqual([46.7938, 39.8732]);
    expect(figures?.bbox.map((n) => round(n, 4))).toEqual([46.2914, 39.3843, 47.3197, 40.4183]);
  });

  it('is anchored at its centroid', () => {
    expect(anchorOf(region)).toEqual(areaFigures(region)?.centroid);
  });

  it('holds Stepanakert and no other place', () => {
    expect(placesInside(region, real.places)).toEqual(['stepanakert']);
  });
});

describe('points', () => {
  it('have no area figures', () => {
    expect(areaFigures(place(real, 'baku'))).toBeUndefined();
  });

  it('hold no places', () => {
    expect(placesInside(place(real, 'baku'), real.places)).toEqual([]);
  });

  it('are anchored at their own position', () => {
    expect(anchorOf(place(real, 'baku'))).toEqual([49.892, 40.3777]);
  });
});

describe('boundsOf', () => {
  it('spans the story places of the real atlas: Yerevan in the west to Baku in the east', () => {
    expect(boundsOf(story)).toEqual([44.5126, 39.3843, 49.892, 40.4183]);
  });

  it('spans every place of the real atlas, from Washington to Moscow', () => {
    expect(boundsOf(real.places)).toEqual([-77.0364, 38.8951, 49.892, 55.7522]);
  });
});

describe('firstPositionOf', () => {
  it('gives the first written position of each kind of geometry', () => {
    expect([
      firstPositionOf({ type: 'Point', coordinates: [44.5, 40.2] }),
      firstPositionOf({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
      firstPositionOf({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [5, 6],
              [7, 8],
              [5, 9],
              [5, 6],
            ],
          ],
        ],
      }),
      firstPositionOf({
        type: 'GeometryCollection',
        geometries: [
          { type: 'MultiPoint', coordinates: [] },
          { type: 'Point', coordinates: [9, 10] },
        ],
      }),
    ]).toEqual([
      [44.5, 40.2],
      [1, 2],
      [5, 6],
      [9, 10],
    ]);
  });

  it('gives none for geometries without a position, instead of a made-up one', () => {
    expect([
      firstPositionOf({ type: 'MultiPoint', coordinates: [] }),
      firstPositionOf({ type: 'Polygon', coordinates: [[]] }),
      firstPositionOf({ type: 'GeometryCollection', geometries: [] }),
    ]).toEqual([undefined, undefined, undefined]);
  });
});

describe('the second atlas, with no code written for it', () => {
  const square = place(second, 'tbilisi-test-square');

  it('measures Tbilisi to Batumi', () => {
    const distances = distancesBetween([place(second, 'tbilisi'), place(second, 'batumi')]);
    expect(distances.map((d) => ({ ...d, km: Math.round(d.km) }))).toEqual([
      { from: 'tbilisi', to: 'batumi', km: 262 },
    ]);
  });

  it('gives the figures of its square', () => {
    const figures = areaFigures(square);
    expect({ ...figures, areaKm2: Math.round(figures?.areaKm2 ?? 0) }).toEqual({
      areaKm2: 185,
      centroid: [44.8, 41.7],
      bbox: [44.7, 41.65, 44.9, 41.75],
    });
  });

  it('finds Tbilisi inside the square', () => {
    expect(placesInside(square, second.places)).toEqual(['tbilisi']);
  });

  it('bounds all its places', () => {
    expect(boundsOf(second.places)).toEqual([41.6367, 41.6417, 46.2767, 41.8268]);
  });
});

describe('circularBoundsOf', () => {
  const at = (...positions: number[][]) =>
    positions.map((coordinates) => ({ geometry: { type: 'Point' as const, coordinates } }));

  it('is boundsOf where the gap across ±180 is the largest, and empty as boundsOf is', () => {
    const places = at([44.8, 41.7], [-77, 38.9], [139.7, 35.7]);
    expect(circularBoundsOf(places)).toEqual([-77, 35.7, 139.7, 41.7]);
    expect(circularBoundsOf(places)).toEqual(boundsOf(places));
    expect(circularBoundsOf([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(circularBoundsOf(at([5, 6]))).toEqual([5, 6, 5, 6]);
  });

  it('gives west > east for positions on both sides of ±180', () => {
    expect(circularBoundsOf(at([179, -15], [-179, -12], [175, -10]))).toEqual([175, -15, -179, -10]);
    // A polygon cut at the antimeridian (RFC 7946 §3.1.9): 180 and -180 are one meridian.
    const cut = [
      {
        geometry: {
          type: 'MultiPolygon' as const,
          coordinates: [
            [
              [
                [170, -20],
                [180, -20],
                [180, -10],
                [170, -20],
              ],
            ],
            [
              [
                [-180, -20],
                [-170, -20],
                [-180, -10],
                [-180, -20],
              ],
            ],
          ],
        },
      },
    ];
    expect(circularBoundsOf(cut)).toEqual([170, -20, -170, -10]);
    expect(boundsOf(cut)).toEqual([-180, -20, 180, -10]);
  });

  it('does not cross when the gap across ±180 ties with the largest gap inside, nor for a box ending at 180', () => {
    expect(circularBoundsOf(at([-90, 0], [90, 0]))).toEqual([-90, 0, 90, 0]);
    expect(circularBoundsOf(at([-10, 0], [180, 1], [100, 2]))).toEqual([-10, 0, 180, 2]);
    expect(circularBoundsOf(at([170, 0], [180, 1], [-10, 2]))).toEqual([170, 0, -10, 2]);
    expect(circularBoundsOf(at([-180, 0], [0, 1], [-10, 2]))).toEqual([-180, 0, 0, 2]);
  });

  it('reads the positions of collections and lines', () => {
    const mixed = [
      {
        geometry: {
          type: 'GeometryCollection' as const,
          geometries: [
            {
              type: 'LineString' as const,
              coordinates: [
                [178, 1],
                [-178, 2],
              ],
            },
          ],
        },
      },
    ];
    expect(circularBoundsOf(mixed)).toEqual([178, 1, -178, 2]);
  });
});
