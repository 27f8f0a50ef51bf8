import { describe, expect, it } from 'vitest';
import { frameRect, scaleAt, worldPoint } from '../src/domain/first-screen/web-mercator';
import { extractArea, firstScreenBasemap, GROWTH, ROUND_PX } from './first-screen-basemap';

const SEED_FRAME: [number, number, number, number] = [42.36084, 37.23254, 52.04376, 42.57006];
const SEED_ZOOM = 5.949426243009032;

describe("the first screen's basemap extract", () => {
  it('reaches 1.5 of the frame’s larger side beyond it on every side, within 85° of latitude', () => {
    const [x, y, w, h] = frameRect(SEED_FRAME);
    const grow = GROWTH * w;
    expect(extractArea(SEED_FRAME)).toEqual([x - grow, y - grow, w + 2 * grow, h + 2 * grow]);
    // A frame near the pole: the area stops at 85° north, and reaches as far south as ever.
    const [nx, ny, nw, nh] = frameRect([-10, 60, 30, 80]);
    const north = worldPoint([0, 85])[1];
    // Taller than wide in Web Mercator: it grows by its height.
    const grown = GROWTH * nh;
    expect(extractArea([-10, 60, 30, 80])).toEqual([
      nx - grown,
      north,
      nw + 2 * grown,
      ny + nh + grown - north,
    ]);
  });

  it('holds the tiles’ land by country, lines and labels inside the area, on a grid of 0.1 px', () => {
    const extract = firstScreenBasemap(SEED_FRAME, SEED_ZOOM);
    const [ax, ay, aw, ah] = extract.area;
    const points = [
      ...extract.land.flatMap((l) => l.rings.flat()),
      ...extract.coast.flat(),
      ...extract.border.flat(),
      ...extract.disputed.flat(),
    ];
    const grid = ROUND_PX / scaleAt(SEED_ZOOM);
    const offGrid = points.filter(([x, y]) =>
      [x, y].some((n) => Math.abs(n / grid - Math.round(n / grid)) > 1e-6),
    );
    expect(offGrid).toEqual([]);
    const outside = points.filter(
      ([x, y]) => x < ax - grid || x > ax + aw + grid || y < ay - grid || y > ay + ah + grid,
    );
    expect(outside).toEqual([]);
    expect(
      extract.land
        .map((l) => l.country)
        .filter((c) => ['AM', 'AZ', 'GE', 'IR', 'RU', 'TR'].includes(c))
        .sort(),
    ).toEqual(['AM', 'AZ', 'GE', 'IR', 'RU', 'TR']);
    expect(extract.labels.filter((l) => l.id === 'AZ')).toEqual([
      expect.objectContaining({ kind: 'country', name: 'Azerbaijan', country: 'AZ' }),
    ]);
  }, 30_000);

  it('holds land the tiles keep past the antimeridian where it wraps to (Russia’s mainland, at -333° to -180°)', () => {
    const extract = firstScreenBasemap(SEED_FRAME, SEED_ZOOM);
    const inside = (ring: [number, number][], [px, py]: [number, number]) => {
      let odd = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) odd = !odd;
      }
      return odd;
    };
    // Grozny, Chechnya: in Russia's mainland, north of Georgia and Azerbaijan.
    const grozny = worldPoint([45.69, 43.31]);
    const countriesThere = extract.land
      .filter((l) => l.rings.some((r) => inside(r, grozny)))
      .map((l) => l.country);
    expect(countriesThere).toEqual(['RU']);
  }, 30_000);
});

describe('firstScreenBasemap, regressions', () => {
  // A frame from Pyongyang to Tokyo: clipping Natural Earth's coast there left a ring with no
  // area, which the simplifier refused, and the build of an atlas of that story failed.
  it.each([3, 4, 5, 6])('draws Korea and Japan at zoom %d, every ring of it with an area', (zoom) => {
    const extract = firstScreenBasemap([125.7, 35.6, 139.7, 39.1], zoom);
    expect(['KP', 'KR', 'JP'].filter((code) => extract.land.some((l) => l.country === code))).toEqual([
      'KP',
      'KR',
      'JP',
    ]);
    expect(extract.land.flatMap((l) => l.rings).filter((ring) => ring.length < 4)).toEqual([]);
  });
});
