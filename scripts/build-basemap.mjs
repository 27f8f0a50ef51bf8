#!/usr/bin/env node
// Builds the embedded basemap from Natural Earth (npm `world-atlas`) so the map needs no tile server.
//
//   node scripts/build-basemap.mjs [--out DIR]     (default DIR: public/basemap)
//
// Two files come out, both RFC 7946 GeoJSON, written deterministically (same input, same bytes):
// - region-10m.geojson: Natural Earth 1:10m countries clipped to the South Caucasus box, with
//   `layer` = "sea" (the box itself, painted as water so the coarse world layer cannot show through),
//   "land" (one polygon per country), "border" (international borders: arcs shared by two
//   countries) and "coast" (arcs used by one country only). Lines come from the topology's arcs,
//   so no line runs along the clip edge.
// - world-110m.geojson: Natural Earth 1:110m for the rest of the world (context when zoomed out or
//   when the map travels to places of reactions abroad), with "land", "border" and "coast".
// Labels for countries, regions and seas are placed by hand in scripts/basemap-labels.json and
// written as `layer` = "label" points into region-10m.geojson; a country's or region's label carries
// the country's ISO 3166-1 alpha-2 code as `country`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import { bboxClip } from '@turf/bbox-clip';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? argv[outIndex + 1] : resolve(root, 'public/basemap'));

/** West, south, east, north of the detailed region: Turkey's east to the Caspian's east shore. */
export const REGION_BBOX = [34, 34, 58, 47];
const REGION_DECIMALS = 4; // Natural Earth 1:10m is quantised to ~0.0036°; 4 decimals keep it.
const WORLD_DECIMALS = 2;

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const topo10m = readJson(resolve(root, 'node_modules/world-atlas/countries-10m.json'));
const topo110m = readJson(resolve(root, 'node_modules/world-atlas/countries-110m.json'));
const labels = readJson(resolve(root, 'scripts/basemap-labels.json'));

const round = (decimals) => {
  const f = 10 ** decimals;
  const r = (n) => Math.round(n * f) / f + 0; // + 0 turns -0 into 0
  const walk = (c) => (typeof c[0] === 'number' ? [r(c[0]), r(c[1])] : c.map(walk));
  return walk;
};

/** Drops consecutive duplicate positions that rounding creates, and degenerate parts. */
function cleanLine(line) {
  const out = [];
  for (const p of line) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Splits a line where it jumps across the antimeridian, so that no segment spans the world. */
function splitAtAntimeridian(line) {
  const parts = [[]];
  for (const p of line) {
    const part = parts[parts.length - 1];
    const last = part[part.length - 1];
    if (last && Math.abs(p[0] - last[0]) > 180) parts.push([p]);
    else part.push(p);
  }
  return parts.filter((part) => part.length >= 2);
}

/**
 * Makes a ring that crosses the antimeridian continuous (longitudes past 180), so that it is not
 * drawn as a sliver across the world; a ring that circles the pole (Antarctica) stays as it is.
 */
function unwrapRing(ring) {
  let shift = 0;
  const out = ring.map((p, i) => {
    if (i > 0) {
      const delta = p[0] - ring[i - 1][0];
      if (delta > 180) shift -= 360;
      else if (delta < -180) shift += 360;
    }
    return [p[0] + shift, p[1]];
  });
  return shift === 0 ? out : ring;
}

function cleanGeometry(geometry, decimals) {
  const rounded = round(decimals)(geometry.coordinates);
  switch (geometry.type) {
    case 'LineString': {
      const lines = splitAtAntimeridian(cleanLine(rounded));
      return lines.length ? { type: 'MultiLineString', coordinates: lines } : null;
    }
    case 'MultiLineString': {
      const lines = rounded.flatMap((l) => splitAtAntimeridian(cleanLine(l)));
      return lines.length ? { type: 'MultiLineString', coordinates: lines } : null;
    }
    case 'Polygon': {
      const rings = rounded
        .map(cleanLine)
        .filter((r) => r.length >= 4)
        .map(unwrapRing);
      return rings.length ? { type: 'MultiPolygon', coordinates: [rings] } : null;
    }
    case 'MultiPolygon': {
      const polys = rounded
        .map((p) =>
          p
            .map(cleanLine)
            .filter((r) => r.length >= 4)
            .map(unwrapRing),
        )
        .filter((p) => p.length > 0);
      return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
    }
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

const clip = (geometry, bbox) => bboxClip({ type: 'Feature', properties: {}, geometry }, bbox).geometry;

function intersects(a, b) {
  return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

function bboxOf(geometry) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else c.forEach(walk);
  };
  walk(geometry.coordinates);
  return b;
}

function countryFeatures(topology, bbox, decimals) {
  const countries = feature(topology, topology.objects.countries).features;
  const out = [];
  for (const country of countries) {
    if (!country.geometry) continue;
    let geometry = country.geometry;
    if (bbox) {
      if (!intersects(bboxOf(geometry), bbox)) continue;
      geometry = clip(geometry, bbox);
    }
    const cleaned = cleanGeometry(geometry, decimals);
    if (!cleaned) continue;
    out.push({
      type: 'Feature',
      properties: { layer: 'land', name: country.properties.name, iso_n3: country.id ?? '' },
      geometry: cleaned,
    });
  }
  return out.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));
}

function lineFeature(layer, geometry, bbox, decimals) {
  const clipped = bbox ? clip(geometry, bbox) : geometry;
  const cleaned = cleanGeometry(clipped, decimals);
  return cleaned ? [{ type: 'Feature', properties: { layer }, geometry: cleaned }] : [];
}

function arcsOf(topology, bbox, decimals) {
  const object = topology.objects.countries;
  return [
    ...lineFeature(
      'border',
      mesh(topology, object, (a, b) => a !== b),
      bbox,
      decimals,
    ),
    ...lineFeature(
      'coast',
      mesh(topology, object, (a, b) => a === b),
      bbox,
      decimals,
    ),
  ];
}

function boxPolygon([w, s, e, n]) {
  return {
    type: 'Feature',
    properties: { layer: 'sea' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

function labelFeatures() {
  return labels.labels.map((l) => ({
    type: 'Feature',
    properties: {
      layer: 'label',
      kind: l.kind,
      name: l.name,
      ...(l.country ? { country: l.country } : {}),
      rank: l.rank,
    },
    geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
  }));
}

function collection(features, bbox) {
  return `${JSON.stringify({ type: 'FeatureCollection', bbox, features })}\n`;
}

const region = collection(
  [
    boxPolygon(REGION_BBOX),
    ...countryFeatures(topo10m, REGION_BBOX, REGION_DECIMALS),
    ...arcsOf(topo10m, REGION_BBOX, REGION_DECIMALS),
    ...labelFeatures(),
  ],
  REGION_BBOX,
);
const world = collection(
  [...countryFeatures(topo110m, null, WORLD_DECIMALS), ...arcsOf(topo110m, null, WORLD_DECIMALS)],
  [-180, -90, 180, 90],
);

mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, 'region-10m.geojson'), region);
writeFileSync(resolve(outDir, 'world-110m.geojson'), world);
console.log(
  `basemap written to ${outDir}: region-10m.geojson ${region.length} bytes, world-110m.geojson ${world.length} bytes`,
);
