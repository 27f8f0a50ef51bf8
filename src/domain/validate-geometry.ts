// The GeoJSON checks that the atlas validator and the GeoJSON importer share: one checker per
// concern (a position, a list of positions, a ring, a polygon, a bbox, a feature's type), one
// wording for each problem, and one table, CHECKERS, from a geometry type to the checker of its
// coordinates (as placemark/check-geojson keeps one). Where the two differ, they say so in their
// GeometryRules; they never word a problem in two ways.
import type { Geometry, GeometryCollection, Position } from 'geojson';
import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import type { IssueList } from './issues';
import { childPath, describeFound, isFiniteNumber, isObject, isOneOf, type JsonObject } from './json-reader';
import { PLACE_GEOMETRY_TYPES, type PlaceGeometry, type PlaceGeometryType } from './types';

/** Every geometry type of RFC 7946. */
export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const satisfies readonly Geometry['type'][];
export type GeometryType = (typeof GEOMETRY_TYPES)[number];

/** GeometryCollections nested deeper than this are refused (RFC 7946 advises against any nesting). */
export const MAX_COLLECTION_DEPTH = 20;

/** What a validator asks of a geometry beyond RFC 7946's structure, which every validator checks alike. */
export interface GeometryRules<T extends GeometryType = GeometryType> {
  /** Names what the geometry belongs to in the message for a type it cannot have: "a place". */
  subject: string;
  /** The geometry types accepted. */
  types: readonly T[];
  /**
   * Exterior rings counter-clockwise, holes clockwise. RFC 7946 asks it of whoever writes GeoJSON
   * and tells parsers not to refuse other windings: the atlas's own data is held to it, an opened
   * file is not.
   */
  winding: boolean;
  /** No polygon crosses itself (for the same reason, asked of the atlas's data only). */
  simplePolygons: boolean;
  /** A MultiPoint, MultiLineString or MultiPolygon holds at least one part. */
  nonEmptyParts: boolean;
  /**
   * Where positions with more than three values are counted instead of refused (RFC 7946 §3.1.1
   * lets a parser ignore them): an opened file's, never the atlas's own data.
   */
  lenient?: LenientTally;
}

/** How often something was met, and where first (a JSON path). */
export interface Tally {
  count: number;
  first: string;
}

/**
 * What an opened file holds that RFC 7946 lets a reader take leniently, counted over the whole file
 * so that it is told once, with its number, instead of once per position or feature.
 */
export class LenientTally {
  /** Positions with a fourth value or more (XYZM), whose extra values are dropped. */
  readonly extraValues: Tally = { count: 0, first: '' };
  /** Features whose geometry has empty coordinates (GDAL's `EMPTY`), read as without a geometry. */
  readonly emptyGeometries: Tally = { count: 0, first: '' };
  /** Members of GeometryCollections with empty coordinates, left out of their collection. */
  readonly emptyMembers: Tally = { count: 0, first: '' };
  /** Members that §7.1 says must not appear on an object, by `"member" on a Kind`. */
  readonly forbiddenMembers = new Map<string, Tally>();
  /** The rules of an opened file, counting in this tally. */
  readonly rules: GeometryRules = { ...IMPORT_GEOMETRY_RULES, lenient: this };

  static note(tally: Tally, path: string): void {
    if (tally.count === 0) tally.first = path;
    tally.count += 1;
  }

  /** Notes each member of `owner` that §7.1 forbids on it (`kind`: what `owner` is). */
  noteForbidden(owner: JsonObject, path: string, kind: ForbiddenOwner): void {
    for (const member of FORBIDDEN_MEMBERS[kind]) {
      if (!(member in owner)) continue;
      const key = `${member}|${kind}`;
      let tally = this.forbiddenMembers.get(key);
      if (!tally) {
        tally = { count: 0, first: '' };
        this.forbiddenMembers.set(key, tally);
      }
      LenientTally.note(tally, childPath(path, member));
    }
  }
}

/**
 * RFC 7946 §7.1: a Feature or FeatureCollection has no "coordinates" or "geometries", a
 * FeatureCollection or geometry no "geometry" or "properties", a Feature or geometry no "features".
 */
export const FORBIDDEN_MEMBERS = {
  FeatureCollection: ['coordinates', 'geometries', 'geometry', 'properties'],
  Feature: ['coordinates', 'geometries', 'features'],
  geometry: ['geometry', 'properties', 'features'],
} as const;
export type ForbiddenOwner = keyof typeof FORBIDDEN_MEMBERS;

/** The atlas's places: a point or an area, drawn as RFC 7946 recommends. */
export const PLACE_GEOMETRY_RULES: GeometryRules<PlaceGeometryType> = {
  subject: 'a place',
  types: PLACE_GEOMETRY_TYPES,
  winding: true,
  simplePolygons: true,
  nonEmptyParts: true,
};

/** A file that a person opens: any geometry a parser of RFC 7946 must accept. */
export const IMPORT_GEOMETRY_RULES: GeometryRules = {
  subject: 'a geometry',
  types: GEOMETRY_TYPES,
  winding: false,
  simplePolygons: false,
  nonEmptyParts: false,
};

/**
 * Checks the coordinates of one geometry type at `path`. True when they are well-formed enough to
 * be checked further (a ring's winding, a polygon's crossings); whether any error was found is
 * told by `issues.errorCount`.
 */
type CoordinatesChecker = (value: unknown, path: string, issues: IssueList, rules: GeometryRules) => boolean;

/**
 * Checks one position: two or three finite numbers (more are counted in `lenient`, where given, and
 * accepted), lon/lat in range, and not swapped.
 */
export function validatePosition(
  value: unknown,
  path: string,
  issues: IssueList,
  lenient?: LenientTally,
): value is Position {
  if (!Array.isArray(value) || value.length < 2 || (value.length > 3 && !lenient)) {
    const found = Array.isArray(value)
      ? `${value.length} value${value.length === 1 ? '' : 's'}`
      : describeFound(value);
    issues.error(
      'bad-position',
      path,
      `a position is [longitude, latitude] or [longitude, latitude, height], found ${found}`,
    );
    return false;
  }
  if (!value.every(isFiniteNumber)) {
    const bad: unknown = value.find((n) => !isFiniteNumber(n));
    issues.error('bad-position', path, `a position holds finite numbers only, found ${describeFound(bad)}`);
    return false;
  }
  if (value.length > 3 && lenient) LenientTally.note(lenient.extraValues, path);
  const [lon = NaN, lat = NaN] = value;
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

/** An array of positions (a line, a ring); `what` names it in messages. True when every position is valid. */
function checkPositions(
  value: unknown,
  path: string,
  issues: IssueList,
  what: string,
  lenient: LenientTally | undefined,
): value is Position[] {
  if (!Array.isArray(value)) {
    issues.error('wrong-type', path, `${what} is an array of positions, found ${describeFound(value)}`);
    return false;
  }
  if (value.length > 0 && typeof value[0] === 'number') {
    issues.error(
      'wrong-type',
      path,
      `${what} is an array of positions, found a single position: the coordinates lack one level of brackets`,
    );
    return false;
  }
  let ok = true;
  value.forEach((p, i) => {
    ok = validatePosition(p, childPath(path, i), issues, lenient) && ok;
  });
  return ok;
}

const checkLine: CoordinatesChecker = (value, path, issues, rules) => {
  if (!checkPositions(value, path, issues, 'a line', rules.lenient)) return false;
  if (value.length < 2) {
    issues.error('line-too-short', path, `a line needs at least 2 positions, found ${value.length}`);
    return false;
  }
  return true;
};

/**
 * RFC 7946 §3.1.6: "the first and last positions are identical", so every number of them is compared,
 * a height too, not longitude and latitude alone.
 */
function checkRingClosed(ring: Position[], path: string, issues: IssueList): boolean {
  const first = ring[0] ?? [];
  const last = ring[ring.length - 1] ?? [];
  if (first.length === last.length && first.every((n, i) => n === last[i])) return true;
  issues.error(
    'ring-not-closed',
    path,
    `the polygon ring is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]; ` +
      'its last position must repeat its first',
  );
  return false;
}

/** RFC 7946 §3.1.6 again: an exterior ring counter-clockwise, a hole clockwise. */
function checkRingWinding(ring: Position[], path: string, issues: IssueList, exterior: boolean): void {
  const clockwise = booleanClockwise(ring);
  if (exterior && clockwise) {
    issues.error('ring-winding', path, 'the exterior ring is clockwise; RFC 7946 wants it counter-clockwise');
  } else if (!exterior && !clockwise) {
    issues.error('ring-winding', path, 'a hole is counter-clockwise; RFC 7946 wants holes clockwise');
  }
}

/** A linear ring: 4 positions or more, closed, and wound as RFC 7946 says when the rules ask it. */
function checkRing(
  value: unknown,
  path: string,
  issues: IssueList,
  rules: GeometryRules,
  exterior: boolean,
): value is Position[] {
  if (!checkPositions(value, path, issues, 'a polygon ring', rules.lenient)) return false;
  if (value.length < 4) {
    issues.error(
      'ring-too-short',
      path,
      `a polygon ring needs at least 4 positions, the last one repeating the first; found ${value.length}`,
    );
    return false;
  }
  if (!checkRingClosed(value, path, issues)) return false;
  // A wrongly wound ring is still a ring: the polygon's crossings are checked all the same.
  if (rules.winding) checkRingWinding(value, path, issues, exterior);
  return true;
}

const checkPolygon: CoordinatesChecker = (value, path, issues, rules) => {
  if (!Array.isArray(value)) {
    issues.error('wrong-type', path, `a polygon is an array of rings, found ${describeFound(value)}`);
    return false;
  }
  if (value.length === 0) {
    issues.error('bad-polygon', path, 'a polygon needs at least one ring, its outline; found none');
    return false;
  }
  const first: unknown = value[0];
  if (typeof first === 'number' || (Array.isArray(first) && typeof first[0] === 'number')) {
    issues.error(
      'wrong-type',
      path,
      'a polygon is an array of rings (each an array of positions): the coordinates lack one level of brackets',
    );
    return false;
  }
  const rings: Position[][] = [];
  value.forEach((ring, i) => {
    if (checkRing(ring, childPath(path, i), issues, rules, i === 0)) rings.push(ring);
  });
  if (rings.length < value.length) return false;
  if (rules.simplePolygons) {
    const crossings = kinks({ type: 'Polygon', coordinates: rings }).features;
    if (crossings.length > 0) {
      const at = crossings[0]!.geometry.coordinates.map((n) => Math.round(n * 1e4) / 1e4);
      issues.error(
        'self-intersection',
        path,
        `the polygon crosses itself at ${crossings.length} point(s), first near [${at.join(', ')}]`,
      );
    }
  }
  return true;
};

/**
 * The coordinates of a MultiPoint, MultiLineString or MultiPolygon: an array of parts, each checked
 * by `check`. An empty one has the code of an empty part (`emptyCode`), where the rules refuse it.
 */
const partsOf =
  (type: string, part: string, emptyCode: string, check: CoordinatesChecker): CoordinatesChecker =>
  (value, path, issues, rules) => {
    if (!Array.isArray(value)) {
      issues.error(
        'wrong-type',
        path,
        `the coordinates of a ${type} are an array, found ${describeFound(value)}`,
      );
      return false;
    }
    if (value.length === 0 && rules.nonEmptyParts) {
      issues.error(emptyCode, path, `a ${type} needs at least one ${part}; found none`);
      return false;
    }
    return value.map((p, i) => check(p, childPath(path, i), issues, rules)).every(Boolean);
  };

const checkPoint: CoordinatesChecker = (value, path, issues, rules) =>
  validatePosition(value, path, issues, rules.lenient);

/** The checker of each geometry type's coordinates (a GeometryCollection has geometries instead). */
const CHECKERS: { [T in Exclude<GeometryType, 'GeometryCollection'>]: CoordinatesChecker } = {
  Point: checkPoint,
  MultiPoint: partsOf('MultiPoint', 'point', 'bad-position', checkPoint),
  LineString: checkLine,
  MultiLineString: partsOf('MultiLineString', 'line', 'line-too-short', checkLine),
  Polygon: checkPolygon,
  MultiPolygon: partsOf('MultiPolygon', 'polygon', 'bad-polygon', checkPolygon),
};

/** `a Point, Polygon or MultiPolygon`. */
const listTypes = (types: readonly string[]): string =>
  types.length > 1 ? `a ${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}` : `a ${types[0]}`;

/** bbox: [west, south, east, north] or with heights [west, south, low, east, north, high]. */
export function checkBbox(owner: JsonObject, path: string, issues: IssueList): void {
  if (!('bbox' in owner)) return;
  const at = childPath(path, 'bbox');
  const bbox = owner.bbox;
  if (!Array.isArray(bbox) || (bbox.length !== 4 && bbox.length !== 6)) {
    const found = Array.isArray(bbox) ? `${bbox.length} value(s)` : describeFound(bbox);
    issues.error(
      'bad-bbox',
      at,
      `a bbox is [west, south, east, north] (or 6 numbers, with heights), found ${found}`,
    );
    return;
  }
  if (!bbox.every(isFiniteNumber)) {
    const bad: unknown = bbox.find((n) => !isFiniteNumber(n));
    issues.error('bad-bbox', at, `a bbox holds numbers only, found ${describeFound(bad)}`);
    return;
  }
  const [west = NaN, south = NaN, east = NaN, north = NaN] =
    bbox.length === 4 ? bbox : [bbox[0], bbox[1], bbox[3], bbox[4]];
  if (Math.abs(west) > 180 || Math.abs(east) > 180) {
    issues.error(
      'bad-bbox',
      at,
      `the bbox's west (${west}) and east (${east}) must be longitudes, -180..180`,
    );
  } else if (Math.abs(south) > 90 || Math.abs(north) > 90) {
    issues.error(
      'bad-bbox',
      at,
      `the bbox's south (${south}) and north (${north}) must be latitudes, -90..90`,
    );
  } else if (south > north) {
    issues.error(
      'bad-bbox',
      at,
      `the bbox's south (${south}) is north of its north (${north}); a bbox is [west, south, east, north]`,
    );
  }
}

/** A feature's `"type": "Feature"`; an issue at its `type` otherwise. */
export function checkFeatureType(feature: JsonObject, path: string, issues: IssueList): boolean {
  if (feature.type === 'Feature') return true;
  issues.error(
    'not-feature',
    childPath(path, 'type'),
    `expected "type": "Feature", found ${describeFound(feature.type)}`,
  );
  return false;
}

/**
 * Checks a geometry at `path` against RFC 7946 and `rules`: its type, its bbox and its coordinates
 * (the members of a GeometryCollection in turn). True when no error was found.
 */
export function checkGeometry<T extends GeometryType>(
  value: unknown,
  path: string,
  issues: IssueList,
  rules: GeometryRules<T>,
  depth = 0,
): value is Extract<Geometry, { type: T }> {
  const errorsBefore = issues.errorCount;
  if (!isObject(value)) {
    issues.error(
      'wrong-type',
      path,
      `a geometry is an object with "type" and "coordinates", found ${describeFound(value)}`,
    );
    return false;
  }
  checkBbox(value, path, issues);
  if (!isOneOf(rules.types, value.type)) {
    issues.error(
      'bad-geometry',
      childPath(path, 'type'),
      `${rules.subject} is ${listTypes(rules.types)}, found ${describeFound(value.type)}`,
    );
    return false;
  }
  const type: GeometryType = value.type;
  if (type === 'GeometryCollection') {
    const at = childPath(path, 'geometries');
    if (depth >= MAX_COLLECTION_DEPTH) {
      issues.error(
        'too-deep',
        path,
        `geometry collections are nested more than ${MAX_COLLECTION_DEPTH} deep`,
      );
    } else if (!Array.isArray(value.geometries)) {
      issues.error(
        value.geometries === undefined ? 'missing-field' : 'wrong-type',
        at,
        `a GeometryCollection needs "geometries", an array of geometries; found ${describeFound(value.geometries)}`,
      );
    } else {
      value.geometries.forEach((g, i) => checkGeometry(g, childPath(at, i), issues, rules, depth + 1));
    }
  } else if (value.coordinates === undefined) {
    issues.error('missing-field', childPath(path, 'coordinates'), `a ${type} needs "coordinates"`);
  } else {
    CHECKERS[type](value.coordinates, childPath(path, 'coordinates'), issues, rules);
  }
  return issues.errorCount === errorsBefore;
}

/** Checks a place geometry: a Point, Polygon or MultiPolygon that RFC 7946 accepts, wound as it asks. */
export function validatePlaceGeometry(
  value: unknown,
  path: string,
  issues: IssueList,
): value is PlaceGeometry {
  if (value === null || value === undefined) {
    issues.error('bad-geometry', path, 'a place needs a geometry');
    return false;
  }
  return checkGeometry(value, path, issues, PLACE_GEOMETRY_RULES);
}

const upToHeight = (p: Position): Position => (p.length > 3 ? p.slice(0, 3) : p);

/** The geometry without the values past a position's third (RFC 7946 §3.1.1: a parser may ignore them). */
function withoutExtraValues(g: Exclude<Geometry, GeometryCollection>): Geometry {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: upToHeight(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(upToHeight) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((line) => line.map(upToHeight)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(upToHeight))) };
  }
}

/**
 * Reads the geometry of an opened file, lenient where RFC 7946 is: empty coordinates (and a
 * GeometryCollection without members) read as no geometry (null), an empty member of a collection is
 * left out of it, a position's values past the third are dropped; each is counted in `lenient`, as are
 * the members §7.1 forbids on a geometry. Anything else invalid is refused (undefined), with its issues.
 */
export function readGeometry(
  value: unknown,
  path: string,
  issues: IssueList,
  lenient: LenientTally,
  depth = 0,
): Geometry | null | undefined {
  const { rules } = lenient;
  if (!isObject(value) || !isOneOf(GEOMETRY_TYPES, value.type)) {
    checkGeometry(value, path, issues, rules);
    return undefined;
  }
  lenient.noteForbidden(value, path, 'geometry');
  const errorsBefore = issues.errorCount;
  const at = childPath(path, 'geometries');
  if (
    value.type === 'GeometryCollection' &&
    Array.isArray(value.geometries) &&
    depth < MAX_COLLECTION_DEPTH
  ) {
    checkBbox(value, path, issues);
    const members: Geometry[] = [];
    value.geometries.forEach((g, i) => {
      const member = readGeometry(g, childPath(at, i), issues, lenient, depth + 1);
      if (member) members.push(member);
      else if (member === null) LenientTally.note(lenient.emptyMembers, childPath(at, i));
    });
    if (issues.errorCount > errorsBefore) return undefined;
    if (members.length === 0) return null;
    return { type: 'GeometryCollection', geometries: members };
  }
  if (
    value.type !== 'GeometryCollection' &&
    Array.isArray(value.coordinates) &&
    value.coordinates.length === 0
  ) {
    checkBbox(value, path, issues);
    return issues.errorCount > errorsBefore ? undefined : null;
  }
  const extraBefore = lenient.extraValues.count;
  if (!checkGeometry(value, path, issues, rules, depth)) return undefined;
  if (lenient.extraValues.count === extraBefore || value.type === 'GeometryCollection') return value;
  return withoutExtraValues(value);
}
