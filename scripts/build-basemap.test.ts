import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection, Point, Position } from 'geojson';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_LABELS_FILE, BASEMAP_TILES } from '../src/map/basemap-tiles';

const COMMITTED = 'public/basemap';
let outDir = '';

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'basemap-'));
  execFileSync('npx', ['tsx', 'scripts/build-basemap.mjs', '--out', outDir]);
}, 120_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

const labels = () =>
  JSON.parse(readFileSync(join(COMMITTED, BASEMAP_LABELS_FILE), 'utf8')) as FeatureCollection<Point>;

/** The tile of zoom z under a point. */
function tileAt(z: number, [lon, lat]: [number, number]): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

/** A committed tile's layers as GeoJSON in lon/lat. */
function readTile({ z, x, y }: { z: number; x: number; y: number }) {
  const tile = new VectorTile(new PbfReader(readFileSync(join(COMMITTED, 'tiles', `${z}/${x}/${y}.pbf`))));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z)),
    ]),
  );
}

/** Whether a point lies inside any polygon of a list of (Multi)Polygon rings, by ray casting. */
function inside(rings: Position[][], [px, py]: [number, number]): boolean {
  let count = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i]!;
      const [xj = 0, yj = 0] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) count += 1;
    }
  }
  return count % 2 === 1;
}

function countryAt(z: number, point: [number, number]): string[] {
  return (readTile(tileAt(z, point)).land ?? [])
    .filter((f) => {
      const g = f.geometry;
      const rings =
        g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
      return inside(rings, point);
    })
    .map((f) => String(f.properties?.country));
}

/** Every line of a layer in a tile, as [lon, lat] positions. */
function linesOf(z: number, point: [number, number], layer: string): Position[][] {
  return (readTile(tileAt(z, point))[layer] ?? []).flatMap((f) => {
    const g = f.geometry;
    return g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  });
}

/** The shortest distance in degrees from a point to any vertex of the lines. */
function nearest(lines: Position[][], [lon, lat]: [number, number]): number {
  return Math.min(...lines.flat().map(([x = 0, y = 0]) => Math.hypot(x - lon, y - lat)));
}

const PEREKOP: [number, number] = [33.7, 46.15];

describe('scripts/build-basemap.mjs', () => {
  it('rebuilds exactly the committed files, byte for byte', () => {
    const built = filesUnder(outDir);
    expect(built).toEqual(filesUnder(COMMITTED));
    const differ = built.filter(
      (f) => !readFileSync(join(outDir, f)).equals(readFileSync(join(COMMITTED, f))),
    );
    expect(differ).toEqual([]);
  });

  it('cuts every tile of zoom 0 to 6 once: 5,461 files, open sea as empty ones', () => {
    const tiles = filesUnder(join(COMMITTED, 'tiles'));
    expect(BASEMAP_TILES.maxzoom).toBe(6);
    expect(tiles.length).toBe((4 ** 7 - 1) / 3);
    expect(readFileSync(join(COMMITTED, 'tiles/6/0/0.pbf')).length).toBe(0);
  });

  it('draws the land of every atlas region, the Caucasus to Kyiv, Moscow, the Gulf and Washington, from one data set', () => {
    expect(countryAt(6, [46.75, 39.82])).toEqual(['AZ']); // Stepanakert
    expect(countryAt(6, [30.52, 50.45])).toEqual(['UA']);
    expect(countryAt(6, [37.62, 55.75])).toEqual(['RU']);
    expect(countryAt(6, [54.6, 24.0])).toEqual(['AE']);
    expect(countryAt(6, [46.72, 24.69])).toEqual(['SA']);
    expect(countryAt(6, [-77.04, 38.95])).toEqual(['US']);
  });

  it('draws Crimea and Sevastopol as Ukraine’s land, with a disputed line and no border at Perekop', () => {
    expect(countryAt(6, [34.1, 45.0])).toEqual(['UA']); // Simferopol
    expect(countryAt(6, [33.52, 44.6])).toEqual(['UA']); // Sevastopol
    expect(countryAt(6, [39.7, 47.2])).toEqual(['RU']); // Rostov-on-Don
    expect(nearest(linesOf(6, PEREKOP, 'disputed'), PEREKOP)).toBeLessThan(0.1);
    expect(nearest(linesOf(6, PEREKOP, 'border'), PEREKOP)).toBeGreaterThan(1);
  });

  it('keeps Nagorno-Karabakh and Nakhchivan within Azerbaijan', () => {
    expect(countryAt(6, [46.75, 39.82])).toEqual(['AZ']);
    expect(countryAt(6, [45.4, 39.2])).toEqual(['AZ']);
  });

  it('merges Northern Cyprus and Somaliland into their recognised countries, and leaves Baikonur to Kazakhstan', () => {
    expect(countryAt(6, [33.6, 35.25])).toEqual(['CY']);
    expect(countryAt(6, [45.0, 9.6])).toEqual(['SO']);
    expect(countryAt(6, [63.3, 45.8])).toEqual(['KZ']);
  });

  it('draws no line across the world where a country crosses the antimeridian', () => {
    for (const layer of ['coast', 'border', 'land']) {
      for (const [name, tile] of Object.entries(readTile({ z: 0, x: 0, y: 0 }))) {
        if (name !== layer) continue;
        for (const f of tile) {
          const g = f.geometry;
          const lines =
            g.type === 'MultiLineString' || g.type === 'Polygon'
              ? g.coordinates
              : g.type === 'MultiPolygon'
                ? g.coordinates.flat()
                : g.type === 'LineString'
                  ? [g.coordinates]
                  : [];
          const jumps = lines.flatMap((l) =>
            l.slice(1).filter((p, i) => Math.abs((p[0] ?? 0) - (l[i]![0] ?? 0)) > 90),
          );
          // Antarctica's ring circles the pole: its edge near the map's bottom runs around the world.
          if (f.properties?.country === 'AQ') continue;
          expect(jumps, `${layer} ${String(f.properties?.country ?? '')}`).toEqual([]);
        }
      }
    }
  });

  it('labels every country from data, each with its ISO code, English and local name', () => {
    const countries = labels().features.filter(
      (f) => f.properties?.kind === 'country' && f.properties.from === 0,
    );
    const byCode = new Map(countries.map((f) => [f.properties?.country as string, f.properties]));
    expect(byCode.size).toBe(239);
    expect(byCode.get('AM')).toEqual({
      id: 'AM',
      kind: 'country',
      name: 'Armenia',
      name_local: 'Հայաստան',
      country: 'AM',
      minzoom: 5,
      from: 0,
      until: 24,
      area_km2: 29559,
    });
    expect(byCode.get('UA')?.name_local).toBe('Україна');
    expect(byCode.get('SA')?.name_local).toBe('المملكة العربية السعودية');
    for (const code of ['AZ', 'GE', 'TR', 'IR', 'RU', 'UA', 'AE', 'QA', 'BH', 'KW', 'OM', 'US', 'BE']) {
      expect(byCode.has(code), code).toBe(true);
    }
    // Smaller countries show later.
    expect([byCode.get('RU')?.minzoom, byCode.get('UA')?.minzoom, byCode.get('BH')?.minzoom]).toEqual([
      2, 3, 6,
    ]);
  });

  it('places each label inside its country, a wide one’s in each band of longitude', () => {
    const anchor = (id: string) =>
      labels().features.find((f) => f.properties?.id === id)?.geometry.coordinates;
    expect(anchor('AM')).toEqual([44.4819, 40.5999]);
    expect(countryAt(6, anchor('AZ') as [number, number])).toEqual(['AZ']);
    expect(countryAt(6, anchor('UA') as [number, number])).toEqual(['UA']);
    // Russia: four labels 50° apart up to zoom 5, eight 20° apart from there, all inside it.
    const russia = labels().features.filter((f) => f.properties?.country === 'RU');
    expect(russia.map((f) => [f.properties?.from, f.properties?.until])).toEqual([
      ...Array.from({ length: 4 }, () => [0, 5]),
      ...Array.from({ length: 8 }, () => [5, 24]),
    ]);
    expect(anchor('RU-5')).toEqual([34.4011, 57.9788]);
    for (const f of russia) expect(countryAt(6, f.geometry.coordinates as [number, number])).toEqual(['RU']);
  });

  it('marks the disputed areas in neutral words, with the recognised country’s code where there is one', () => {
    const disputed = labels()
      .features.filter((f) => f.properties?.disputed)
      .map((f) => [f.properties?.name, f.properties?.country ?? null]);
    expect(disputed).toEqual([
      ['Western Sahara (disputed)', 'EH'],
      ['Taiwan (disputed)', 'TW'],
      ['Kosovo (disputed)', 'XK'],
      ['Siachen Glacier (disputed)', null],
      ['Spratly Islands (disputed)', null],
      ['Bajo Nuevo Bank (disputed)', null],
      ['Scarborough Shoal (disputed)', null],
      ['Serranilla Bank (disputed)', null],
      ['Crimea (disputed)', 'UA'],
      ['Northern Cyprus (disputed)', 'CY'],
      ['Somaliland (disputed)', 'SO'],
      ['Guantánamo Bay (disputed)', 'CU'],
    ]);
  });

  it('keeps the hand-placed seas and regions, and Nakhchivan as Azerbaijan’s', () => {
    const placed = labels().features.filter((f) => !('area_km2' in (f.properties ?? {})));
    expect(placed.map((f) => f.properties?.name)).toEqual([
      'Atlantic Ocean',
      'Pacific Ocean',
      'Indian Ocean',
      'Arctic Ocean',
      'Southern Ocean',
      'Mediterranean Sea',
      'Black Sea',
      'Caspian Sea',
      'Red Sea',
      'Arabian Sea',
      'Baltic Sea',
      'North Sea',
      'Caribbean Sea',
      'Gulf of Mexico',
      'The Gulf',
      'Gulf of Oman',
      'Sea of Azov',
      'Nakhchivan (Azerbaijan)',
    ]);
    expect(placed.at(-1)?.properties?.country).toBe('AZ');
  });
});
