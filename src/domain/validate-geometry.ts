import type { Geometry, Polygon, Position } from 'geojson';
import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import { childPath, isFiniteNumber } from './json-reader';
import type { IssueList } from './issues';

/** Checks one position: two (or three) finite numbers, lon/lat in range, and not swapped. */
export function validatePosition(value: unknown, path: string, issues: IssueList): value is Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    const found = Array.isArray(value) ? `${value.length} element(s)` : (JSON.stringify(value) ?? 'nothing');
    issues.error('bad-position', path, `a position is [longitude, latitude], found ${found}`);
    return false;
  }
  if (!value.every(isFiniteNumber)) {
    // JSON.parse turns a number too large for a double (1e999) into Infinity, which
    // JSON.stringify would show as null: say what it was instead.
    const tooLarge = value.some((n) => n === Infinity || n === -Infinity);
    issues.error(
      'bad-position',
      path,
      `a position holds finite numbers only, found ${tooLarge ? 'a number too large to use' : JSON.stringify(value)}`,
    );
    return false;
  }
  const [lon, lat] = value as [number, number];
  if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
    issues.error(
      'swapped-coordinates',
      path,
      `[${lon}, ${lat}] looks swapped: latitude ${lat} is out of range but ${lon} would be valid; GeoJSON is [longitude, latitude]`,
    );
    return false;
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    issues.error(
      'out-of-range',
      path,
      `[${lon}, ${lat}] is off the globe: longitude -180..180, latitude -90..90`,
    );
    return false;
  }
  return true;
}

function validateRing(ring: unknown, path: string, issues: IssueList, exterior: boolean): ring is Position[] {
  if (!Array.isArray(ring)) {
    issues.error('bad-ring', path, 'a linear ring is an array of positions');
    return false;
  }
  const positionsOk = ring.map((p, i) => validatePosition(p, childPath(path, i), issues)).every(Boolean);
  if (!positionsOk) return false;
  const positions = ring as Position[];
  if (positions.length < 4) {
    issues.error(
      'ring-too-short',
      path,
      `a linear ring needs at least 4 positions, found ${positions.length}`,
    );
    return false;
  }
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    issues.error(
      'ring-not-closed',
      path,
      `the ring is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]`,
    );
    return false;
  }
  const clockwise = booleanClockwise(positions);
  if (exterior && clockwise) {
    issues.error('ring-winding', path, 'the exterior ring is clockwise; RFC 7946 wants it counter-clockwise');
  } else if (!exterior && !clockwise) {
    issues.error('ring-winding', path, 'a hole is counter-clockwise; RFC 7946 wants holes clockwise');
  }
  return true;
}

function validatePolygonRings(rings: unknown, path: string, issues: IssueList): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    issues.error('bad-polygon', path, 'a polygon is a non-empty array of linear rings');
    return;
  }
  const ringsOk = rings.map((r, i) => validateRing(r, childPath(path, i), issues, i === 0)).every(Boolean);
  if (!ringsOk) return;
  const polygon: Polygon = { type: 'Polygon', coordinates: rings as Position[][] };
  const crossings = kinks(polygon).features;
  if (crossings.length > 0) {
    const at = crossings[0]!.geometry.coordinates.map((n) => Math.round(n * 1e4) / 1e4);
    issues.error(
      'self-intersection',
      path,
      `the polygon crosses itself at ${crossings.length} point(s), first near [${at.join(', ')}]`,
    );
  }
}

/** Checks a place geometry: a Point, Polygon or MultiPolygon that RFC 7946 accepts. */
export function validatePlaceGeometry(value: unknown, path: string, issues: IssueList): value is Geometry {
  if (typeof value !== 'object' || value === null) {
    issues.error('bad-geometry', path, 'a place needs a geometry');
    return false;
  }
  const geometry = value as { type?: unknown; coordinates?: unknown };
  const coordinates = childPath(path, 'coordinates');
  const before = issues.items.length;
  switch (geometry.type) {
    case 'Point':
      validatePosition(geometry.coordinates, coordinates, issues);
      break;
    case 'Polygon':
      validatePolygonRings(geometry.coordinates, coordinates, issues);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
        issues.error('bad-polygon', coordinates, 'a MultiPolygon is a non-empty array of polygons');
      } else {
        geometry.coordinates.forEach((p, i) => validatePolygonRings(p, childPath(coordinates, i), issues));
      }
      break;
    default:
      issues.error(
        'bad-geometry',
        childPath(path, 'type'),
        `a place is a Point, Polygon or MultiPolygon, found ${JSON.stringify(geometry.type) ?? 'nothing'}`,
      );
  }
  return issues.items.length === before;
}
