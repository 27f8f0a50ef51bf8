import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';

const committed = (file: string) => readFileSync(join('public/basemap', file));
let outDir = '';

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'basemap-'));
  execFileSync('node', ['scripts/build-basemap.mjs', '--out', outDir]);
}, 60_000);

const region = (): FeatureCollection =>
  JSON.parse(readFileSync('public/basemap/region-10m.geojson', 'utf8')) as FeatureCollection;
const byLayer = (fc: FeatureCollection, layer: string) =>
  fc.features.filter((f) => f.properties?.layer === layer);

describe('scripts/build-basemap.mjs', () => {
  it('rebuilds exactly the committed bytes', () => {
    for (const file of ['region-10m.geojson', 'world-110m.geojson']) {
      expect(readFileSync(join(outDir, file)).equals(committed(file)), file).toBe(true);
    }
  });

  it('clips Natural Earth 1:10m to the region and keeps the South Caucasus countries', () => {
    const fc = region();
    expect(fc.bbox).toEqual([34, 34, 58, 47]);
    const names = byLayer(fc, 'land').map((f) => f.properties?.name as string);
    for (const name of ['Armenia', 'Azerbaijan', 'Georgia', 'Iran', 'Turkey', 'Russia']) {
      expect(names).toContain(name);
    }
  });

  it('keeps Nakhchivan as a separate polygon of Azerbaijan', () => {
    const azerbaijan = byLayer(region(), 'land').find(
      (f) => f.properties?.name === 'Azerbaijan',
    ) as Feature<MultiPolygon>;
    const containsNakhchivan = azerbaijan.geometry.coordinates.some((polygon) => {
      const ring = polygon[0]!;
      const lons = ring.map((p) => p[0]!);
      const lats = ring.map((p) => p[1]!);
      return (
        Math.min(...lons) < 45.4 &&
        Math.max(...lons) < 46.7 &&
        Math.min(...lats) < 39.2 &&
        Math.max(...lats) < 39.8
      );
    });
    expect(containsNakhchivan).toBe(true);
  });

  it('draws no border or coast segment along the clip edge', () => {
    const [w, s, e, n] = [34, 34, 58, 47];
    const onEdge = (a: Position, b: Position) =>
      (a[0] === b[0] && (a[0] === w || a[0] === e)) || (a[1] === b[1] && (a[1] === s || a[1] === n));
    const lines = [
      ...byLayer(region(), 'border'),
      ...byLayer(region(), 'coast'),
    ] as Feature<MultiLineString>[];
    expect(lines.length).toBe(2);
    let segments = 0;
    let alongEdge = 0;
    for (const line of lines.flatMap((f) => f.geometry.coordinates)) {
      for (let i = 1; i < line.length; i += 1) {
        segments += 1;
        if (onEdge(line[i - 1]!, line[i]!)) alongEdge += 1;
      }
    }
    expect(segments).toBeGreaterThan(5000);
    expect(alongEdge).toBe(0);
  });

  it('places the country and sea labels', () => {
    const labels = byLayer(region(), 'label').map((f) => f.properties?.name as string);
    expect(labels).toEqual([
      'Armenia',
      'Azerbaijan',
      'Georgia',
      'Turkey',
      'Iran',
      'Russia',
      'Nakhchivan (Azerbaijan)',
      'Caspian Sea',
      'Black Sea',
    ]);
  });

  it('draws no coast or border across the world where the antimeridian cuts a line', () => {
    const world = JSON.parse(readFileSync('public/basemap/world-110m.geojson', 'utf8')) as FeatureCollection;
    const lines = [...byLayer(world, 'border'), ...byLayer(world, 'coast')] as Feature<MultiLineString>[];
    const jumps = lines
      .flatMap((f) => f.geometry.coordinates)
      .flatMap((line) => line.slice(1).filter((p, i) => Math.abs(p[0]! - line[i]![0]!) > 180));
    expect(jumps).toEqual([]);
    const russia = byLayer(world, 'land').find(
      (f) => f.properties?.name === 'Russia',
    ) as Feature<MultiPolygon>;
    const longest = Math.max(
      ...russia.geometry.coordinates.flatMap((poly) =>
        poly.flatMap((ring) => ring.slice(1).map((p, i) => Math.abs(p[0]! - ring[i]![0]!))),
      ),
    );
    expect(longest).toBeLessThan(30);
  });
});
