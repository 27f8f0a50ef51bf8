// The Leaflet peer page's basemap, made when the bench builds: the land and the borders of the
// same Natural Earth data as the embedded basemap (world-atlas's countries-10m, which
// scripts/build-basemap.mjs cuts into vector tiles), as GeoJSON clipped to the region the bench's
// views and pans show. Leaflet draws no vector tiles; a hand-built page would load GeoJSON like this.
import bboxClip from '@turf/bbox-clip';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature, mesh } from 'topojson-client';

type Topology = Parameters<typeof mesh>[0];
type TopologyObject = NonNullable<Parameters<typeof mesh>[1]>;

/** [west, south, east, north], degrees. */
export type Box = [number, number, number, number];

/** Coordinates to 4 decimals (about 10 m), as a developer would trim a file for the web. */
const round = (n: number) => Math.round(n * 1e4) / 1e4;

const at4 = (p: Position): Position => p.map(round);

function roundedArea(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(at4)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(at4))) };
}

function roundedLine(g: LineString | MultiLineString): LineString | MultiLineString {
  return g.type === 'LineString'
    ? { type: 'LineString', coordinates: g.coordinates.map(at4) }
    : { type: 'MultiLineString', coordinates: g.coordinates.map((line) => line.map(at4)) };
}

type Clipped = Polygon | MultiPolygon | LineString | MultiLineString;
const isArea = (g: Clipped): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';
const nonEmpty = (g: Clipped) => g.coordinates.flat(2).length > 0;

/** The countries (land) and their shared borders inside `box`, as two GeoJSON collections. */
export function leafletBasemap(
  topology: Topology,
  countriesObject: TopologyObject,
  box: Box,
): {
  countries: FeatureCollection<Polygon | MultiPolygon>;
  borders: FeatureCollection<LineString | MultiLineString>;
} {
  const read = feature(topology, countriesObject);
  const all = 'features' in read ? read.features : [read];
  const countries = all.flatMap((f): Feature<Polygon | MultiPolygon>[] => {
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [];
    const clipped = bboxClip(g, box).geometry;
    return isArea(clipped) && nonEmpty(clipped)
      ? [{ type: 'Feature', properties: {}, geometry: roundedArea(clipped) }]
      : [];
  });
  const clipped = bboxClip(
    mesh(topology, countriesObject, (a, b) => a !== b),
    box,
  ).geometry;
  const borders: Feature<LineString | MultiLineString>[] =
    !isArea(clipped) && nonEmpty(clipped)
      ? [{ type: 'Feature', properties: {}, geometry: roundedLine(clipped) }]
      : [];
  return {
    countries: { type: 'FeatureCollection', features: countries },
    borders: { type: 'FeatureCollection', features: borders },
  };
}
