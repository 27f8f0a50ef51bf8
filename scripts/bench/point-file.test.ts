import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/domain/import-geojson';
import { pointFile, pointFileName, POINT_FILE_BBOX, seeded } from './point-file';

describe('pointFile', () => {
  it('is the same file on every call: seeded positions in the region, with its bbox', () => {
    const file = pointFile(3);
    expect(file).toEqual(pointFile(3));
    expect(file.bbox).toEqual([40, 37, 53, 45]);
    expect(file.features.map((f) => f.properties)).toEqual([{}, {}, {}]);
    const [w, s, e, n] = POINT_FILE_BBOX;
    for (const f of file.features) {
      const [x = NaN, y = NaN] = f.geometry.coordinates;
      expect(x >= w && x <= e && y >= s && y <= n).toBe(true);
      expect([x, y]).toEqual([Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
    }
  });

  it('holds 200,000 points under the importer’s limit, so that the atlas opens the largest file measured', () => {
    const bytes = Buffer.byteLength(JSON.stringify(pointFile(200_000)));
    expect(bytes).toBeLessThan(MAX_IMPORT_BYTES);
    expect(bytes).toBeGreaterThan(0.9 * MAX_IMPORT_BYTES);
  });

  it('draws from a seeded generator in [0, 1)', () => {
    const a = seeded(21);
    const b = seeded(21);
    const xs = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seeded(22)()).not.toBe(xs[0]);
  });

  it('names the file by its count', () => {
    expect(pointFileName(100_000)).toBe('points-100000.geojson');
  });
});
