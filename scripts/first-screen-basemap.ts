// The basemap around a view, for the first screen drawn without MapLibre: the same land, coast,
// borders and disputed lines as the tiles (scripts/basemap-topology.mjs, with the disputes table),
// and the labels of public/basemap/labels.geojson, clipped to the view's frame grown on every side
// and simplified for the view's zoom.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bboxClip } from '@turf/bbox-clip';
import { simplify } from '@turf/simplify';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiLineString,
  MultiPolygon,
  Point,
  Position,
} from 'geojson';
import type { BasemapExtract, BasemapLabel } from '../src/domain/first-screen/render';
import {
  frameRect,
  scaleAt,
  WORLD_SIZE_Z0,
  worldPoint,
  type WorldPoint,
  type WorldRect,
} from '../src/domain/first-screen/web-mercator';
import type { Bounds } from '../src/domain/view';
import { BASEMAP_LABELS_FILE } from '../src/map/basemap-tiles';
import { basemapGeometry, type BasemapGeometry, type BasemapLineKind } from './basemap-topology.mjs';
import { ROOT } from './node-data';

/** How far the extract reaches beyond the frame on every side, in the frame's larger side. */
export const GROWTH = 0.75;
/** The most a simplified line strays from the data, in pixels at the view's zoom. */
export const TOLERANCE_PX = 0.4;
/** Coordinates are rounded to this fraction of a pixel at the view's zoom. */
export const ROUND_PX = 0.1;
/** The copies of the world a shape may lie in, in world widths east. */
const WORLD_COPIES = [-1, 0, 1];
/** The extract stops at these latitudes (MapLibre's map shows little beyond them). */
const MAX_LAT = 85;

let geometry: BasemapGeometry | undefined;
let labels: BasemapLabel[] | undefined;

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** The basemap's geometry, built once per process (a second or two for the whole world). */
function worldGeometry(): BasemapGeometry {
  geometry ??= basemapGeometry(
    readJson('node_modules/world-atlas/countries-10m.json'),
    readJson('scripts/basemap-disputes.json'),
  );
  return geometry;
}

const LABEL_KINDS = ['country', 'region', 'sea'] as const;
const isLabelKind = (kind: unknown): kind is BasemapLabel['kind'] => LABEL_KINDS.some((k) => k === kind);

/** The labels file the map reads, as label points; a label the file holds wrongly is an error of the build. */
function basemapLabels(): BasemapLabel[] {
  if (labels) return labels;
  const file = readJson(join('public/basemap', BASEMAP_LABELS_FILE)) as FeatureCollection<Point>;
  labels = file.features.map((f: Feature<Point>) => {
    const p = f.properties ?? {};
    const [lng, lat] = f.geometry.coordinates;
    const { id, kind, name, country, minzoom, from, until } = p;
    if (
      typeof id !== 'string' ||
      !isLabelKind(kind) ||
      typeof name !== 'string' ||
      typeof minzoom !== 'number' ||
      typeof from !== 'number' ||
      typeof until !== 'number' ||
      lng === undefined ||
      lat === undefined
    ) {
      throw new Error(`${BASEMAP_LABELS_FILE}: label ${JSON.stringify(p)} lacks a field the map reads`);
    }
    const label: BasemapLabel = { id, kind, name, minzoom, from, until, at: [lng, lat] };
    return typeof country === 'string' ? { ...label, country } : label;
  });
  return labels;
}

/** The frame grown by GROWTH of its larger side on every side, within ±85° of latitude. */
export function extractArea(frame: Bounds): WorldRect {
  const [x, y, w, h] = frameRect(frame);
  const grow = GROWTH * Math.max(w, h);
  const top = Math.max(y - grow, worldPoint([0, MAX_LAT])[1]);
  const bottom = Math.min(y + h + grow, worldPoint([0, -MAX_LAT])[1]);
  return [x - grow, top, w + 2 * grow, bottom - top];
}

/**
 * The basemap around a frame for a view at `zoom`: land by country, coast, borders and disputed
 * lines in zoom-0 world pixels, clipped to extractArea, simplified to TOLERANCE_PX and rounded to
 * ROUND_PX at that zoom; and the label points in that area.
 */
export function firstScreenBasemap(frame: Bounds, zoom: number): BasemapExtract {
  const world = worldGeometry();
  const area = extractArea(frame);
  const [ax, ay, aw, ah] = area;
  const bbox: [number, number, number, number] = [ax, ay, ax + aw, ay + ah];
  const k = scaleAt(zoom);
  const round = (n: number) => Math.round((n * k) / ROUND_PX) * (ROUND_PX / k);
  const toWorld = (line: Position[]): Position[] => line.map((p) => worldPoint(p));
  const toPoints = (line: Position[]): WorldPoint[] => line.map(([x = 0, y = 0]) => [round(x), round(y)]);
  const tolerance = TOLERANCE_PX / k;
  const overlapsArea = (positions: Position[]) => crossesArea(positions, bbox);
  /**
   * A shape (its first line: a polygon's outer ring) in each copy of the world that reaches the area:
   * the tiles' lines that cross the antimeridian run on past ±180° (Russia's mainland lies at -333°
   * to -180°), and the map draws them where they wrap to.
   */
  const inCopies = <T>(shapes: Position[][][], make: (lines: Position[][]) => T): T[] =>
    shapes.flatMap((lines) =>
      WORLD_COPIES.flatMap((copy) => {
        const shifted = lines.map((line) => line.map(([x = 0, y = 0]) => [x + copy * WORLD_SIZE_Z0, y]));
        return shifted[0] && overlapsArea(shifted[0]) ? [make(shifted)] : [];
      }),
    );
  const land = world.land.flatMap((country) => {
    const polygons = inCopies(
      country.geometry.coordinates.map((polygon) => polygon.map(toWorld)),
      (rings) => rings,
    );
    if (polygons.length === 0) return [];
    const projected: Feature<MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    };
    // Clipping leaves slivers along the frame: an outer ring or a hole with no area (under four
    // positions, or all on one line) is no ring, and the simplifier refuses it (a Korean coast).
    const kept = polygonsOf(bboxClip(projected, bbox).geometry)
      .filter((polygon) => polygon[0] !== undefined && hasArea(polygon[0]))
      .map((polygon) => polygon.filter(hasArea));
    if (kept.length === 0) return [];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: kept };
    const simple = simplify(multi, { tolerance, mutate: true });
    const rings = simple.coordinates.flatMap((polygon) => polygon.map(toPoints)).filter((r) => r.length >= 4);
    return rings.length ? [{ country: country.properties.country, rings }] : [];
  });

  const linesOf = (kind: BasemapLineKind): WorldPoint[][] => {
    const lines = inCopies(
      world.linesOf(kind).geometry.coordinates.map((line) => [toWorld(line)]),
      ([line]) => line ?? [],
    );
    if (lines.length === 0) return [];
    const projected: Feature<MultiLineString> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiLineString', coordinates: lines },
    };
    const parts = linesOfGeometry(bboxClip(projected, bbox).geometry).filter((l) => l.length >= 2);
    const multi: MultiLineString = { type: 'MultiLineString', coordinates: parts };
    const simple = simplify(multi, { tolerance, mutate: true });
    return simple.coordinates.map(toPoints).filter((l) => l.length >= 2);
  };

  return {
    area,
    land,
    coast: linesOf('coast'),
    border: linesOf('border'),
    disputed: linesOf('disputed'),
    labels: basemapLabels().filter((l) => {
      const [x, y] = worldPoint(l.at);
      return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
    }),
  };
}

/** Whether a line's bounding box overlaps the area (a polygon that surrounds it has no vertex inside). */
function crossesArea(positions: Position[], [x0, y0, x1, y1]: [number, number, number, number]): boolean {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of positions) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return minX <= x1 && maxX >= x0 && minY <= y1 && maxY >= y0;
}

/** The polygons of a clipped geometry (none if clipping left lines). */
function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** The lines of a clipped geometry. */
function linesOfGeometry(geometry: Geometry): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/** Whether a ring encloses any area (shoelace formula): one of under four positions, or on a line, does not. */
function hasArea(ring: readonly Position[]): boolean {
  if (ring.length < 4) return false;
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) > 1e-12;
}
