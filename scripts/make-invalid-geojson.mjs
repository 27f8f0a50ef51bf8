// Writes tests/fixtures/invalid/geojson/*.geojson: a small valid FeatureCollection with exactly one
// kind of defect each, plus files that are not GeoJSON at all.
//   node scripts/make-invalid-geojson.mjs
// The exact issues expected for each file are kept by hand in src/domain/import-geojson.test.ts,
// which fails for a fixture that has no expected list. No file is large: the size limit is tested
// by passing a byte length.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'tests/fixtures/invalid/geojson');

/** Three features, one per common geometry type; every defect below edits a fresh copy. */
const base = () => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'tbilisi',
      properties: { name: 'Tbilisi' },
      geometry: { type: 'Point', coordinates: [44.793, 41.7151] },
    },
    {
      type: 'Feature',
      id: 'coast-road',
      properties: { name: 'Coast road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [41.6367, 41.6417],
          [41.7, 41.9],
        ],
      },
    },
    {
      type: 'Feature',
      id: 'test-square',
      properties: { name: 'Test square' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [44.7, 41.6],
            [44.9, 41.6],
            [44.9, 41.8],
            [44.7, 41.8],
            [44.7, 41.6],
          ],
        ],
      },
    },
  ],
});

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
/** The base collection as text, after `change` edits a copy in place. */
const edited = (change) => {
  const collection = base();
  change(collection);
  return json(collection);
};
const feature = (collection, id) => collection.features.find((f) => f.id === id);

/** file name -> [what is wrong, the file's text] */
const fixtures = {
  'not-json.geojson': [
    'A CSV table saved with a .geojson name.',
    'name,latitude,longitude\nTbilisi,41.7151,44.793\n',
  ],
  'empty-file.geojson': ['Nothing but a line break and spaces.', '\n   \n'],
  'truncated.geojson': [
    'The base collection cut off in the middle of the second feature, as by an interrupted download.',
    json(base()).slice(0, json(base()).indexOf('"Coast road"') + 5),
  ],
  'features-is-object.geojson': [
    '"features" is an object keyed by id instead of an array.',
    json({ type: 'FeatureCollection', features: Object.fromEntries(base().features.map((f) => [f.id, f])) }),
  ],
  'geometry-is-string.geojson': [
    "Tbilisi's geometry is WKT text instead of a GeoJSON object.",
    edited((c) => (feature(c, 'tbilisi').geometry = 'POINT (44.793 41.7151)')),
  ],
  'position-one-element.geojson': [
    "Tbilisi's position holds only its longitude.",
    edited((c) => (feature(c, 'tbilisi').geometry.coordinates = [44.793])),
  ],
  'position-four-elements.geojson': [
    "Tbilisi's position holds four numbers: longitude, latitude, height and a stray fourth.",
    edited((c) => (feature(c, 'tbilisi').geometry.coordinates = [44.793, 41.7151, 480, 12])),
  ],
  'position-not-a-number.geojson': [
    'NaN cannot be written in JSON, but tools write it as text or null: Tbilisi\'s latitude is "NaN" and ' +
      "the coast road's first longitude is null.",
    edited((c) => {
      feature(c, 'tbilisi').geometry.coordinates = [44.793, 'NaN'];
      feature(c, 'coast-road').geometry.coordinates[0] = [null, 41.6417];
    }),
  ],
  'latitude-200.geojson': [
    "Tbilisi's latitude is 200, beyond any pole.",
    edited((c) => (feature(c, 'tbilisi').geometry.coordinates = [44.793, 200])),
  ],
  'ring-not-closed.geojson': [
    "The square's ring ends at [44.65, 41.7] instead of repeating its first position.",
    edited((c) => {
      const ring = feature(c, 'test-square').geometry.coordinates[0];
      ring.splice(ring.length - 1, 1, [44.65, 41.7]);
    }),
  ],
  'ring-too-short.geojson': [
    "The square's ring keeps only 3 positions: two corners and the closing one.",
    edited((c) => feature(c, 'test-square').geometry.coordinates[0].splice(2, 2)),
  ],
  'line-too-short.geojson': [
    'The coast road has a single position.',
    edited((c) => feature(c, 'coast-road').geometry.coordinates.pop()),
  ],
  'unknown-geometry-type.geojson': [
    'Tbilisi is a "Circle" with a radius, which GeoJSON does not have.',
    edited(
      (c) =>
        (feature(c, 'tbilisi').geometry = { type: 'Circle', coordinates: [44.793, 41.7151], radius: 5000 }),
    ),
  ],
  'bbox-south-above-north.geojson': [
    "The collection's bbox gives south 43 and north 41.",
    edited((c) => (c.bbox = [41.6, 43, 44.9, 41])),
  ],
  'bbox-five-numbers.geojson': [
    "The square's bbox holds five numbers.",
    edited((c) => (feature(c, 'test-square').bbox = [44.7, 41.6, 44.9, 41.8, 0])),
  ],
  'duplicate-keys.geojson': [
    'Tbilisi\'s properties hold "name" twice, and the square\'s geometry "coordinates" twice: JSON.parse ' +
      'would keep the second of each without a word.',
    json(base())
      .replace('"name": "Tbilisi"', '"name": "Tbilisi",\n        "name": "Batumi"')
      .replace(
        '"type": "Polygon",',
        '"type": "Polygon",\n        "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]],',
      ),
  ],
  'empty-collection.geojson': [
    'A FeatureCollection without features.',
    json({ type: 'FeatureCollection', features: [] }),
  ],
  'feature-type-typo.geojson': [
    'The coast road\'s type is "Featur".',
    edited((c) => (feature(c, 'coast-road').type = 'Featur')),
  ],
  'root-array.geojson': [
    'The features as a bare array, without their FeatureCollection.',
    json(base().features),
  ],
};

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) rmSync(join(OUT, name));
for (const [name, [, text]] of Object.entries(fixtures)) writeFileSync(join(OUT, name), text);
console.log(`wrote ${Object.keys(fixtures).length} files to ${OUT}`);
