import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import booleanClockwise from '@turf/boolean-clockwise';
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  FILE_NAMES,
  REAL_ATLAS_DIR,
  ROOT,
  SECOND_ATLAS_DIR,
  readAtlasFiles,
  readJsonFile,
} from '../../tests/helpers/atlas-files';
import { exportAtlas, exportFileName, exportGeometry, serializeGeoJson } from './export-atlas';
import type { Atlas } from './types';
import { validateAtlas } from './validate-atlas';

const atlas = (): Atlas => validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;

/**
 * The second atlas with its places at 8 to 14 decimals (tests/fixtures/valid/precise-coordinates):
 * Tbilisi [44.79301234, 41.69412876], Batumi [41.63670049, 41.64169951], Lagodekhi
 * [46.27671234567, 41.82680000001], the square from [44.70000013, 41.65000049] to
 * [44.90000088, 41.74999951].
 */
function preciseAtlas(): Atlas {
  const files = {
    ...readAtlasFiles(SECOND_ATLAS_DIR),
    places: readJsonFile(join(ROOT, 'tests/fixtures/valid/precise-coordinates/places.geojson')),
  };
  const { atlas, issues } = validateAtlas(files, FILE_NAMES);
  expect(issues).toEqual([]);
  return atlas!;
}

/** The square's corners at 6 decimals; 44.90000088 rounds up, the others down. */
const ROUNDED_SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [44.7, 41.65],
      [44.900001, 41.65],
      [44.900001, 41.75],
      [44.7, 41.75],
      [44.7, 41.65],
    ],
  ],
};

/** Every number in every position of a geometry. */
const numbers = (c: unknown): number[] =>
  Array.isArray(c) ? c.flatMap(numbers) : typeof c === 'number' ? [c] : [];
const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

describe('exportAtlas, both shapes', () => {
  for (const shape of ['places', 'facts'] as const) {
    it(`${shape}: passes @placemarkio/check-geojson with no issue`, () => {
      expect(getIssues(serializeGeoJson(exportAtlas(atlas(), shape)))).toEqual([]);
    });

    it(`${shape}: follows RFC 7946 (bbox, no crs, 6 decimals at most, counter-clockwise exteriors)`, () => {
      const fc = exportAtlas(atlas(), shape);
      expect(fc.bbox).toEqual([-77.0364, 38.8951, 49.892, 55.7522]);
      expect('crs' in fc).toBe(false);
      const all = fc.features.flatMap((f) => numbers((f.geometry as Point | Polygon).coordinates));
      expect(Math.max(...all.map(decimals))).toBeLessThanOrEqual(6);
      const polygons = fc.features.filter((f) => f.geometry.type === 'Polygon') as Feature<Polygon>[];
      expect(polygons.map((p) => p.id)).toEqual(['nagorno-karabakh']);
      expect(polygons.map((p) => booleanClockwise(p.geometry.coordinates[0]!))).toEqual([false]);
    });

    it(`${shape}: gives the same bytes for the same data`, () => {
      const first = serializeGeoJson(exportAtlas(atlas(), shape));
      const again = serializeGeoJson(exportAtlas(structuredClone(atlas()), shape));
      expect(again).toBe(first);
      expect(first.endsWith('}\n')).toBe(true);
    });
  }
});

describe('the places shape', () => {
  it('has one feature per place, in the atlas order, with the article as a foreign member', () => {
    const fc = exportAtlas(atlas(), 'places');
    expect(fc.features.map((f) => f.id)).toEqual([
      'nagorno-karabakh',
      'stepanakert',
      'baku',
      'yerevan',
      'moscow',
      'ankara',
      'brussels',
      'new-york',
      'washington',
    ]);
    expect(fc.articleAtlas.generator).toBe('Article Atlas');
    expect(fc.articleAtlas.shape).toBe('places');
    expect(fc.articleAtlas.article.headline).toBe(
      "Azerbaijan, Karabakh separatists hold 'constructive' peace talks",
    );
    expect(fc.articleAtlas.factIds.length).toBe(44);
  });

  it('nests each fact with its provenance, and the derived figures, in the place', () => {
    const stepanakert = exportAtlas(atlas(), 'places').features.find((f) => f.id === 'stepanakert')!;
    const p = stepanakert.properties as Record<string, unknown> & { facts: Record<string, unknown>[] };
    expect(p.factCount).toBe(4);
    expect(p.facts.map((f) => f.id)).toEqual([
      'stepanakert-gunfire',
      'gasparyan-exchange-of-fire',
      'gasparyan-waiting',
      'ombudsman-displaced-people',
    ]);
    expect(p.facts[1]).toEqual({
      id: 'gasparyan-exchange-of-fire',
      placeIds: ['stepanakert'],
      kind: 'quotation',
      date: '2023-09-21',
      dateText: null,
      text: 'A local businessman with two children told AFP that there had been brief shooting on the edge of the town.',
      quote: {
        text: 'There was a small exchange of fire outside the city,',
        speaker: 'Arutyun Gasparyan',
        speakerRole: 'businessman and father of two, speaking to AFP',
      },
      paragraph: 3,
      source: { agency: 'AFP', outlet: 'Kuwait Times', published: '2023-09-22', paragraph: 3, section: null },
    });
    expect(p.derived).toEqual({
      distancesKm: {
        'nagorno-karabakh': 7.1,
        yerevan: 195,
        baku: 274.2,
        ankara: 1185,
        moscow: 1895,
        brussels: 3477.9,
        'new-york': 9241.5,
        washington: 9563.7,
      },
    });
    expect([p['marker-color'], p['marker-size'], p.title]).toEqual(['#b3261e', 'medium', 'Stepanakert']);
  });

  it('gives the region its area, centroid, bbox and simplestyle fill', () => {
    const region = exportAtlas(atlas(), 'places').features[0]!;
    const p = region.properties as Record<string, unknown> & { derived: Record<string, unknown> };
    expect([p.derived.areaKm2, p.derived.centroid, p.derived.bbox]).toEqual([
      4271.4,
      [46.793792, 39.873238],
      [46.2914, 39.3843, 47.3197, 40.4183],
    ]);
    expect([p.stroke, p['stroke-width'], p.fill, p['fill-opacity']]).toEqual(['#b3261e', 2, '#b3261e', 0.15]);
  });

  it('exports one place alone, with only its facts', () => {
    const fc = exportAtlas(atlas(), 'places', { placeIds: ['yerevan'] });
    expect(fc.features.map((f) => f.id)).toEqual(['yerevan']);
    expect(fc.bbox).toEqual([44.5126, 40.1777, 44.5126, 40.1777]);
    expect(fc.articleAtlas.factIds.length).toBe(10);
    expect(getIssues(serializeGeoJson(fc))).toEqual([]);
  });
});

describe('the facts shape', () => {
  it('has the region polygon and one Point per fact at its primary place, all with the same flat columns', () => {
    const fc = exportAtlas(atlas(), 'facts');
    expect(fc.features.length).toBe(45);
    expect(fc.features[0]!.geometry.type).toBe('Polygon');
    expect(fc.features.slice(1).every((f) => f.geometry.type === 'Point')).toBe(true);
    const columns = (f: Feature) =>
      Object.keys(f.properties!).filter(
        (k) =>
          !['marker-color', 'stroke', 'stroke-width', 'stroke-opacity', 'fill', 'fill-opacity'].includes(k),
      );
    const first = columns(fc.features[0]!);
    expect(fc.features.every((f) => JSON.stringify(columns(f)) === JSON.stringify(first))).toBe(true);
    const nested = fc.features
      .flatMap((f) => Object.values(f.properties!))
      .filter((v) => typeof v === 'object' && v !== null);
    expect(nested).toEqual([]);
  });

  it('writes each fact as one row with its quotation, speaker and source', () => {
    const row = exportAtlas(atlas(), 'facts').features.find((f) => f.id === 'yerevan-ready-for-families')!;
    expect(row.geometry).toEqual({ type: 'Point', coordinates: [44.5126, 40.1777] });
    expect(row.properties).toMatchObject({
      feature_type: 'fact',
      fact_id: 'yerevan-ready-for-families',
      place_id: 'yerevan',
      place_ids: 'yerevan;nagorno-karabakh',
      kind: 'figure',
      figures: '40,000 families (families Armenia is ready to host)',
      figure_value: 40000,
      figure_unit: 'families',
      paragraph: 4,
      section: "'Crime against humanity'",
      source: 'AFP · Kuwait Times · 22 September 2023 · paragraph 4',
    });
  });
});

describe('the facts shape: dates', () => {
  it('gives each row its date as written, the two ends of a span apart, and whether the fact is planned', () => {
    const changed = atlas();
    const talks = changed.facts.find((f) => f.id === 'yerevan-ready-for-families')!;
    talks.date = '2023-09-21/2023-09-22';
    const next = changed.facts.find((f) => f.id === 'gasparyan-exchange-of-fire')!;
    Object.assign(next, { date: '2023-09-29', planned: true });
    const rows = exportAtlas(changed, 'facts').features;
    const dates = (id: string) => {
      const p = rows.find((f) => f.id === id)!.properties!;
      return [p.date, p.date_start, p.date_end, p.planned];
    };
    expect([
      dates('yerevan-ready-for-families'),
      dates('gasparyan-exchange-of-fire'),
      dates('ombudsman-displaced-people'),
    ]).toEqual([
      ['2023-09-21/2023-09-22', '2023-09-21', '2023-09-22', false],
      ['2023-09-29', '2023-09-29', '2023-09-29', true],
      ['2023-09', '2023-09', '2023-09', false],
    ]);
    const region = rows[0]!.properties!;
    expect([region.date, region.date_start, region.date_end, region.planned]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('exportGeometry', () => {
  it('rewinds a clockwise exterior and a counter-clockwise hole, and rounds to 6 decimals', () => {
    const cw = [
      [0, 0],
      [0, 1.123456789],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    const ccwHole = [
      [0.2, 0.2],
      [0.8, 0.2],
      [0.8, 0.8],
      [0.2, 0.8],
      [0.2, 0.2],
    ];
    const out = exportGeometry({ type: 'Polygon', coordinates: [cw, ccwHole] }) as Polygon;
    expect(out.coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1.123457],
        [0, 0],
      ],
      [
        [0.2, 0.2],
        [0.2, 0.8],
        [0.8, 0.8],
        [0.8, 0.2],
        [0.2, 0.2],
      ],
    ]);
  });

  it('rounds each polygon of a MultiPolygon and rewinds its clockwise exterior', () => {
    const clockwise = [
      [10, 10],
      [10, 11.0000004],
      [11.00000051, 11],
      [11, 10],
      [10, 10],
    ];
    const counterClockwise = [
      [20, 20],
      [21, 20],
      [21, 21.1234567],
      [20, 20],
    ];
    const out = exportGeometry({ type: 'MultiPolygon', coordinates: [[clockwise], [counterClockwise]] });
    expect(out).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10, 10],
            [11, 10],
            [11.000001, 11],
            [10, 11],
            [10, 10],
          ],
        ],
        [
          [
            [20, 20],
            [21, 20],
            [21, 21.123457],
            [20, 20],
          ],
        ],
      ],
    });
  });

  it('rounds the members of a GeometryCollection, and a rounded -0.0000001 is 0, not -0', () => {
    const out = exportGeometry({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [-0.0000001, 0.0000004] },
        {
          type: 'LineString',
          coordinates: [
            [44.79301234, 41.69412876],
            [-74.0060004, 40.7142996],
          ],
        },
      ],
    });
    expect(out).toEqual({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [0, 0] },
        {
          type: 'LineString',
          coordinates: [
            [44.793012, 41.694129],
            [-74.006, 40.7143],
          ],
        },
      ],
    });
  });
});

describe('rounding to 6 decimals', () => {
  it('places: rounds every position, the derived centroid and bbox, and the collection bbox', () => {
    const fc = exportAtlas(preciseAtlas(), 'places');
    expect(fc.features.map((f) => [f.id, f.geometry])).toEqual([
      ['tbilisi', { type: 'Point', coordinates: [44.793012, 41.694129] }],
      ['batumi', { type: 'Point', coordinates: [41.6367, 41.6417] }],
      ['lagodekhi', { type: 'Point', coordinates: [46.276712, 41.8268] }],
      ['tbilisi-test-square', ROUNDED_SQUARE],
    ]);
    expect(fc.bbox).toEqual([41.6367, 41.6417, 46.276712, 41.8268]);
    const square = fc.features[3]!.properties as { derived: Record<string, unknown> };
    // The centroid is [44.800000505, 41.7] before rounding.
    expect(square.derived).toEqual({
      distancesKm: { tbilisi: 0.9, lagodekhi: 123.3, batumi: 262.8 },
      areaKm2: 184.6,
      centroid: [44.800001, 41.7],
      bbox: [44.7, 41.65, 44.900001, 41.75],
    });
  });

  it("facts: rounds the region's polygon and each fact's point, a region's centroid too", () => {
    const fc = exportAtlas(preciseAtlas(), 'facts');
    const tbilisi = { type: 'Point', coordinates: [44.793012, 41.694129] };
    expect(fc.features.map((f) => [f.id, f.geometry])).toEqual([
      ['tbilisi-test-square', ROUNDED_SQUARE],
      ['committee-meets', tbilisi],
      ['three-cities-on-map', tbilisi],
      ['every-place-named', tbilisi],
      ['test-readers', tbilisi],
      ['harbour-check', { type: 'Point', coordinates: [41.6367, 41.6417] }],
      ['small-but-complete', { type: 'Point', coordinates: [46.276712, 41.8268] }],
      ['square-is-a-sketch', { type: 'Point', coordinates: [44.800001, 41.7] }],
    ]);
    expect(fc.bbox).toEqual([41.6367, 41.6417, 46.276712, 41.8268]);
    expect(getIssues(serializeGeoJson(fc))).toEqual([]);
  });
});

describe('file names and the command line', () => {
  it('names files from the date and slug', () => {
    const { article } = atlas();
    expect(exportFileName(article, 'places')).toBe('2023-09-22-karabakh-peace-talks.geojson');
    expect(exportFileName(article, 'facts')).toBe('2023-09-22-karabakh-peace-talks-facts.geojson');
    expect(exportFileName(article, 'places', { placeId: 'baku' })).toBe(
      '2023-09-22-karabakh-peace-talks-baku.geojson',
    );
  });

  it('npm run export writes exactly the bytes of the domain export, to a file or to standard output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    for (const shape of ['places', 'facts'] as const) {
      const out = join(dir, `${shape}.geojson`);
      execFileSync('npx', ['tsx', 'scripts/export.ts', '--shape', shape, '--out', out], { stdio: 'pipe' });
      expect(readFileSync(out, 'utf8')).toBe(serializeGeoJson(exportAtlas(atlas(), shape)));
    }
    const stdout = execFileSync('npx', ['tsx', 'scripts/export.ts'], { encoding: 'utf8' });
    expect(stdout).toBe(serializeGeoJson(exportAtlas(atlas(), 'places')));
  }, 60_000);
});
