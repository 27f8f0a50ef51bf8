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

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * `count` Point features at seeded random positions in POINT_FILE_BBOX, to 5 decimals (1 m) and
 * with no properties (about 96 bytes a feature: 200,000 of them fit under the importer's 20 MB
 * limit, which a file of the 160 bytes a feature would not), and the file's `bbox`: the
 * pages frame the file by it.
 */
export function pointFile(count: number, seed = 21): FeatureCollection<Point> & { bbox: number[] } {
  const random = seeded(seed);
  const [w, s, e, n] = POINT_FILE_BBOX;
  const features: FeatureCollection<Point>['features'] = [];
  for (let i = 0; i < count; i += 1) {
    features.push({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Point',
        coordinates: [round5(w + random() * (e - w)), round5(s + random() * (n - s))],
      },
    });
  }
  return { type: 'FeatureCollection', bbox: [w, s, e, n], features };
}

/** The file's name on the bench's server, under /data/files/. */
export const pointFileName = (count: number): string => `points-${count}.geojson`;
