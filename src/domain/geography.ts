import area from '@turf/area';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import distance from '@turf/distance';
import type { BBox, Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Place } from './types';

export interface PlaceDistance {
  from: string;
  to: string;
  /** Great-circle distance in kilometres. */
  km: number;
}

export interface AreaFigures {
  /** Geodesic area in square kilometres. */
  areaKm2: number;
  centroid: Position;
  bbox: BBox;
}

/** The position that stands for a place: a point's own, a polygon's centroid. */
export function anchorOf(place: Place): Position {
  if (place.geometry.type === 'Point') return place.geometry.coordinates;
  return centroid(place).geometry.coordinates;
}

/** Great-circle distance in kilometres between two lon/lat positions. */
export function distanceKm(a: Position, b: Position): number {
  return distance(a, b, { units: 'kilometers' });
}

/** Distances from each place to every other, in the order the places are given. */
export function distancesBetween(places: readonly Place[]): PlaceDistance[] {
  const out: PlaceDistance[] = [];
  places.forEach((a, i) => {
    places
      .slice(i + 1)
      .forEach((b) => out.push({ from: a.id, to: b.id, km: distanceKm(anchorOf(a), anchorOf(b)) }));
  });
  return out;
}

/** Distances from one place to each of the others. */
export function distancesFrom(place: Place, others: readonly Place[]): PlaceDistance[] {
  const from = anchorOf(place);
  return others
    .filter((o) => o.id !== place.id)
    .map((o) => ({ from: place.id, to: o.id, km: distanceKm(from, anchorOf(o)) }));
}

/** The geometry types that enclose an area: a click opens a point before them (map/click-target.ts). */
export const AREA_GEOMETRY_TYPES = ['Polygon', 'MultiPolygon'] as const;

/** Whether a geometry type is one of AREA_GEOMETRY_TYPES. */
export const isAreaType = (type: string): type is (typeof AREA_GEOMETRY_TYPES)[number] =>
  AREA_GEOMETRY_TYPES.some((t) => t === type);

const isArea = (place: Place): place is Place & Feature<Polygon | MultiPolygon> =>
  isAreaType(place.geometry.type);

/** Area, centroid and bounding box of a region; undefined for a point. */
export function areaFigures(place: Place): AreaFigures | undefined {
  if (!isArea(place)) return undefined;
  return { areaKm2: area(place) / 1e6, centroid: centroid(place).geometry.coordinates, bbox: bbox(place) };
}

/** The ids of the point places that lie inside a region. */
export function placesInside(region: Place, places: readonly Place[]): string[] {
  if (!isArea(region)) return [];
  return places
    .filter((p) => p.geometry.type === 'Point' && booleanPointInPolygon(p.geometry.coordinates, region))
    .map((p) => p.id);
}

/**
 * [west, south, east, north] over every position of the features (those of GeometryCollections
 * included); [Infinity, Infinity, -Infinity, -Infinity] when there is none.
 */
export function boundsOf(features: readonly Pick<Feature, 'geometry'>[]): BBox {
  return bbox({
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })),
  });
}

/**
 * The first position of a geometry, in the order its coordinates are written (the first member
 * of a GeometryCollection that has one); none when it has no position at all.
 */
export function firstPositionOf(geometry: Geometry): Position | undefined {
  if (geometry.type === 'GeometryCollection') {
    for (const member of geometry.geometries) {
      const position = firstPositionOf(member);
      if (position) return position;
    }
    return undefined;
  }
  let coordinates: unknown = geometry.coordinates;
  while (Array.isArray(coordinates) && Array.isArray(coordinates[0])) coordinates = coordinates[0];
  return Array.isArray(coordinates) && typeof coordinates[0] === 'number'
    ? (coordinates as Position)
    : undefined;
}
