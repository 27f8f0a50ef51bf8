// Bounds on the circle of longitudes, for files that cross the antimeridian. Apart from
// geography.ts so that the page's first screen, which loads geography.ts, does not carry it: only
// an opened file needs it (the lazy chunk of src/app/imported-files.ts).
import type { BBox, Feature, Geometry } from 'geojson';

/** Extent of longitudes and latitudes, with the longitudes themselves when `longitudes` is given. */
interface Extent {
  west: number;
  south: number;
  east: number;
  north: number;
  /** How many positions were added. */
  count: number;
  /** When given, each position's longitude is written at its index (`count`). */
  longitudes?: Float64Array;
}

/** Adds every position of `coordinates` (nested arrays of positions, any depth) to `extent`. */
function extendBy(coordinates: unknown, extent: Extent): void {
  if (!Array.isArray(coordinates)) return;
  const [lon, lat] = coordinates;
  if (typeof lon === 'number' && typeof lat === 'number') {
    if (lon < extent.west) extent.west = lon;
    if (lon > extent.east) extent.east = lon;
    if (lat < extent.south) extent.south = lat;
    if (lat > extent.north) extent.north = lat;
    // 180 and -180 are one meridian: counted once, as -180.
    if (extent.longitudes) extent.longitudes[extent.count] = lon === 180 ? -180 : lon;
    extent.count += 1;
    return;
  }
  for (const c of coordinates) extendBy(c, extent);
}

function extendByGeometry(geometry: Geometry, extent: Extent): void {
  if (geometry.type === 'GeometryCollection') {
    for (const member of geometry.geometries) extendByGeometry(member, extent);
  } else extendBy(geometry.coordinates, extent);
}

/**
 * [west, south, east, north] over every position of the features, the longitudes taken on the
 * circle: the smallest interval of longitude that holds them all (the complement of the largest gap
 * between them), so that features on both sides of ±180 give west > east, a box across the
 * antimeridian as RFC 7946 §5.2 writes it. Equal to boundsOf where no gap is larger than the one
 * across ±180; [Infinity, Infinity, -Infinity, -Infinity] when there is no position.
 */
export function circularBoundsOf(features: readonly Pick<Feature, 'geometry'>[]): BBox {
  const extent: Extent = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity, count: 0 };
  for (const f of features) extendByGeometry(f.geometry, extent);
  const { west, south, east, north } = extent;
  // The gap across ±180 is then at least 180 degrees, so no gap inside can be larger: one pass is enough.
  if (west === Infinity || east - west <= 180) return [west, south, east, north];
  const sorted = new Float64Array(extent.count);
  const second: Extent = { ...extent, count: 0, longitudes: sorted };
  for (const f of features) extendByGeometry(f.geometry, second);
  sorted.sort();
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  // Ties go to the gap across ±180: a box that does not cross is the plainer one.
  let gap = first + 360 - last;
  let crossing: [number, number] | undefined;
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1] ?? 0;
    const b = sorted[i] ?? 0;
    if (b - a > gap) {
      gap = b - a;
      crossing = [b, a];
    }
  }
  if (!crossing) return [first, south, last === -180 ? 180 : last, north];
  const [w, e] = crossing;
  // An east of -180 is the meridian 180 seen from the west: the box then does not cross.
  return e === -180 ? [w, south, 180, north] : [w, south, e, north];
}
