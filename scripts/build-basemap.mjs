#!/usr/bin/env node
// Builds the embedded basemap from Natural Earth (npm `world-atlas`) so the map needs no tile server.
//
//   npm run basemap [-- --out DIR]     (tsx scripts/build-basemap.mjs; default DIR: public/basemap)
//
// Written deterministically (same input, same bytes):
// - tiles/{z}/{x}/{y}.pbf (BASEMAP_TILES): Mapbox vector tiles (geojson-vt, vt-pbf) of Natural Earth 1:10m for the
//   whole world, zoom 0 to BASEMAP_TILES.maxzoom (src/map/basemap-tiles.ts, which the style reads), which MapLibre overzooms beyond (at zoom 6 a tile unit is
//   about 150 m at the equator, finer than the 1:10m data). One data set at every zoom and place:
//   no seam between a detailed region and a coarse world. Every tile of the pyramid is written, an
//   empty one (open sea) as an empty file, so that no request of the map fails. Layers: `land`
//   (one polygon per country, `country` = ISO 3166-1 alpha-2 code), `coast` (arcs used by one
//   country only), `border` (arcs shared by two countries) and `disputed` (lines that are not an
//   agreed border: see below).
// - labels.geojson: a label point for every country (English short name and local name from the
//   npm package `countries-list`, joined to Natural Earth by ISO code, numeric to alpha-2 by
//   `iso-3166`), placed at the pole of
//   inaccessibility (polylabel) of the country's largest polygon, with a first zoom from its area;
//   labels for the disputed areas; and the hand-placed seas and regions of
//   scripts/basemap-labels.json. A country's or region's label carries `country` (alpha-2).
//
// Recognised borders, disputes marked (data/README.md, "Editorial rules"): the editorial table
// scripts/basemap-disputes.json moves disputed land into the country it is internationally
// recognised as part of (Crimea into Ukraine, through the topology: the polygons are merged and the
// line between them drawn as `disputed`), keeps areas of unresolved status apart with disputed
// lines, and gives territories with no code of their own their sovereign's code.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/area';
import { bboxClip } from '@turf/bbox-clip';
import { countries } from 'countries-list';
import GeoJSONVT from 'geojson-vt';
import polylabel from 'polylabel';
import { merge } from 'topojson-client';
import vtpbf from 'vt-pbf';
import { BASEMAP_LABELS_FILE, BASEMAP_TILES } from '../src/map/basemap-tiles.ts';
import { basemapGeometry } from './basemap-topology.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? argv[outIndex + 1] : resolve(root, 'public/basemap'));

const { maxzoom: TILE_MAXZOOM } = BASEMAP_TILES;
/** Tile units across a tile (the vector tile default). */
const EXTENT = 4096;
/** geojson-vt's simplification, in tile units (1/4096 of a tile's width) at each zoom. */
const TOLERANCE = 2;
const LABEL_DECIMALS = 4;

const started = performance.now();
const readJson = (path) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const topology = readJson('node_modules/world-atlas/countries-10m.json');
const disputes = readJson('scripts/basemap-disputes.json');
const handLabels = readJson('scripts/basemap-labels.json');
const { allPieces, areas, land, linesOf, merges, unresolved, unwrapPolygons } = basemapGeometry(
  topology,
  disputes,
);

const toMercatorY = (lat) => (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const fromMercatorY = (y) => (360 / Math.PI) * Math.atan(Math.exp((y * Math.PI) / 180)) - 90;
const roundTo = (n, decimals) => Math.round(n * 10 ** decimals) / 10 ** decimals + 0;

const polygonArea = (coordinates) => area({ type: 'Polygon', coordinates });
const largestPolygon = (geometry) =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).reduce((best, p) =>
    polygonArea(p) > polygonArea(best) ? p : best,
  );

/** The pole of inaccessibility of a polygon, found on the map's own (Web Mercator) projection. */
function poleOf(polygon) {
  const projected = polygon.map((ring) => ring.map(([lon, lat]) => [lon, toMercatorY(Math.max(lat, -85))]));
  const [x, y] = polylabel(projected, 0.01);
  const lon = ((((x + 180) % 360) + 360) % 360) - 180;
  return [roundTo(lon, LABEL_DECIMALS), roundTo(fromMercatorY(y), LABEL_DECIMALS)];
}

/**
 * A country whose largest polygon spans more than a band's width of longitude gets a label in
 * each band that holds a part of it (at least BAND_SHARE of its area): bands of 50° from its own
 * first zoom, and of 20° from zoom 5, where a view shows only one end of a country as wide as
 * Russia (Moscow, say). One that circles the pole (Antarctica, spanning all 360) gets one label.
 */
const LABEL_BANDS = [
  { degrees: 50, from: 0, until: 5 },
  { degrees: 20, from: 5, until: 24 },
];
const BAND_SHARE = 0.03;

/**
 * Where the labels of the land sit, each with the zooms it shows at (`from`, `until`): the pole of
 * inaccessibility of the land's largest polygon, so that the label looks centred at every
 * latitude, or one in each band of a wide country (LABEL_BANDS).
 */
function labelAnchors(geometry) {
  const largest = largestPolygon(geometry);
  const lons = largest[0].map(([lon]) => lon);
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const whole = polygonArea(largest);
  const banded = east - west >= 359 ? [] : LABEL_BANDS.filter((b) => east - west > b.degrees * 1.2);
  const first = banded[0];
  const single = first?.from === 0 ? [] : [{ at: poleOf(largest), from: 0, until: first?.from ?? 24 }];
  const inBands = banded.flatMap(({ degrees, from, until }) => {
    const anchors = [];
    for (let band = Math.floor(west / degrees) * degrees; band < east; band += degrees) {
      const clipped = bboxClip({ type: 'Polygon', coordinates: largest }, [band, -90, band + degrees, 90]);
      if (clipped.geometry.coordinates.length === 0) continue;
      const part = largestPolygon(clipped.geometry);
      if (polygonArea(part) >= BAND_SHARE * whole) anchors.push({ at: poleOf(part), from, until });
    }
    return anchors;
  });
  return [...single, ...inBands];
}

/** The first zoom a country's label shows at, from its area: small countries appear later. */
function labelMinZoom(areaKm2) {
  if (areaKm2 >= 1_500_000) return 2;
  if (areaKm2 >= 250_000) return 3;
  if (areaKm2 >= 40_000) return 4;
  if (areaKm2 >= 5_000) return 5;
  if (areaKm2 >= 500) return 6;
  return 7;
}

// ---------------------------------------------------------------------------------------------
// Land, lines and labels.

function countryLabels(landFeature, key) {
  const members = allPieces.filter((p) => p.properties.area === key);
  const open = members.find((p) => p.properties.unresolved);
  const code = landFeature.properties.country;
  const data = countries[code];
  if (!open && !data) throw new Error(`${key}: no country data in countries-list`);
  const km2 = area(landFeature) / 1e6;
  return labelAnchors(landFeature.geometry).map(({ at, from, until }, i) => ({
    type: 'Feature',
    properties: {
      id: `${code || key}${i ? `-${i + 1}` : ''}`,
      kind: open && !data ? 'region' : 'country',
      name: open ? unresolved.get(open.properties.feature).label : data.name,
      name_local: data?.native ?? '',
      ...(code ? { country: code } : {}),
      minzoom: Math.max(from, labelMinZoom(km2)),
      from,
      until,
      ...(open ? { disputed: true } : {}),
      area_km2: Math.round(km2),
    },
    geometry: { type: 'Point', coordinates: at },
  }));
}

function mergedLabel(m) {
  const members = allPieces.filter((p) => p.properties.merge === m);
  const geometry = unwrapPolygons(merge(topology, members));
  const km2 = area(geometry) / 1e6;
  return {
    type: 'Feature',
    properties: {
      id: m.label,
      kind: 'region',
      name: m.label,
      name_local: (m.localNames ?? []).join(' / '),
      country: m.into,
      minzoom: Math.max(5, labelMinZoom(km2)),
      from: 0,
      until: 24,
      disputed: true,
      area_km2: Math.round(km2),
    },
    geometry: { type: 'Point', coordinates: labelAnchors(geometry)[0].at },
  };
}

const handPlaced = handLabels.labels.map((l) => ({
  type: 'Feature',
  properties: {
    id: l.name,
    kind: l.kind,
    name: l.name,
    name_local: '',
    ...(l.country ? { country: l.country } : {}),
    minzoom: l.minzoom,
    from: 0,
    until: 24,
  },
  geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
}));

const byArea = (a, b) => (b.properties.area_km2 ?? 0) - (a.properties.area_km2 ?? 0);
const labels = [
  ...land.flatMap((f, i) => countryLabels(f, areas[i])).sort(byArea),
  ...merges.filter((m) => m.label).map(mergedLabel),
  ...handPlaced,
];
const ids = labels.map((l) => l.properties.id);
const repeated = ids.filter((n, i) => ids.indexOf(n) !== i);
if (repeated.length)
  throw new Error(`label ids must be unique (the map's feature ids): ${repeated.join(', ')}`);

// ---------------------------------------------------------------------------------------------
// Tiles.

// The layers' names are those the style's layers read (src/map/basemap-style.ts, `source-layer`).
const layers = {
  land: { type: 'FeatureCollection', features: land },
  coast: linesOf('coast'),
  border: linesOf('border'),
  disputed: linesOf('disputed'),
};
const indexes = Object.entries(layers).map(([name, data]) => [
  name,
  new GeoJSONVT(data, {
    maxZoom: TILE_MAXZOOM,
    indexMaxZoom: TILE_MAXZOOM,
    indexMaxPoints: 0,
    tolerance: TOLERANCE,
    extent: EXTENT,
    buffer: 64,
  }),
]);

const tilesDir = join(outDir, BASEMAP_TILES.path.split('/')[0]);
rmSync(tilesDir, { recursive: true, force: true });
let tileBytes = 0;
let tileFiles = 0;
for (let z = 0; z <= TILE_MAXZOOM; z += 1) {
  for (let x = 0; x < 2 ** z; x += 1) {
    for (let y = 0; y < 2 ** z; y += 1) {
      const tileLayers = {};
      for (const [name, index] of indexes) {
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length > 0) tileLayers[name] = tile;
      }
      const bytes = Object.keys(tileLayers).length
        ? vtpbf.fromGeojsonVt(tileLayers, { version: 2, extent: EXTENT })
        : new Uint8Array(0);
      const path = join(outDir, BASEMAP_TILES.path.replace('{z}', z).replace('{x}', x).replace('{y}', y));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      tileBytes += bytes.length;
      tileFiles += 1;
    }
  }
}

const labelText = `${JSON.stringify({ type: 'FeatureCollection', features: labels })}\n`;
writeFileSync(join(outDir, BASEMAP_LABELS_FILE), labelText);
console.log(
  `basemap written to ${outDir}: ${tileFiles} tiles (zoom 0-${TILE_MAXZOOM}), ${tileBytes} bytes; ` +
    `${BASEMAP_LABELS_FILE} ${labels.length} labels, ${labelText.length} bytes; ` +
    `${Math.round(performance.now() - started)} ms`,
);
