// The files the bench opens on the pages (opened-file cases): point features spread over the
// region of the bench's view, the same file for Article Atlas and the bare MapLibre page. Pure.
import type { FeatureCollection, Point } from 'geojson';

/** The region the points fall in, [west, south, east, north]: around the bench's view. */
export const POINT_FILE_BBOX = [40, 37, 53, 45] as const;

/** A seeded generator (mulberry32): the same file in every run, on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * `count` Point features at seeded random positions in POINT_FILE_BBOX, each with a name, a number
 * and a category (about 160 bytes a feature, as the 16 MB file of 100,000 points), and the
 * file's `bbox`: the pages frame the file by it.
 */
export function pointFile(count: number, seed = 21): FeatureCollection<Point> & { bbox: number[] } {
  const random = seeded(seed);
  const [w, s, e, n] = POINT_FILE_BBOX;
  const features: FeatureCollection<Point>['features'] = [];
  for (let i = 0; i < count; i += 1) {
    features.push({
      type: 'Feature',
      properties: { name: `Point ${i}`, n: i, category: ['school', 'clinic', 'well', 'market'][i % 4]! },
      geometry: {
        type: 'Point',
        coordinates: [round6(w + random() * (e - w)), round6(s + random() * (n - s))],
      },
    });
  }
  return { type: 'FeatureCollection', bbox: [w, s, e, n], features };
}

/** The file's name on the bench's server, under /data/files/. */
export const pointFileName = (count: number): string => `points-${count}.geojson`;
