// Writes tests/fixtures/invalid/atlas/*.json: the second-atlas fixture with exactly one defect each.
//   node scripts/make-invalid-fixtures.mjs
// Each file is { description, article, places, facts }. The expected issues for each file are kept by
// hand in src/domain/validate-atlas.test.ts, which fails for a fixture that has no expected list.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = join(ROOT, 'tests/fixtures/valid/second-atlas/atlases/tbilisi-fixture');
const OUT = join(ROOT, 'tests/fixtures/invalid/atlas');

const clone = (value) => JSON.parse(JSON.stringify(value));
const readJson = (name) => JSON.parse(readFileSync(join(BASE, name), 'utf8'));
const base = {
  article: readJson('article.json'),
  places: readJson('places.geojson'),
  facts: readJson('facts.json'),
};

const feature = (atlas, id) => atlas.places.features.find((f) => f.id === id);
const fact = (atlas, id) => atlas.facts.facts.find((f) => f.id === id);

/** name -> [description, change]; `change` edits a deep copy of the valid atlas in place. */
const defects = {
  'unknown-place-in-fact': [
    'A fact cites "tbilsi", a typo for the place id "tbilisi".',
    (a) => (fact(a, 'every-place-named').placeIds = ['tbilsi']),
  ],
  'duplicate-fact-id': [
    'The fifth fact reuses the id of the first, "committee-meets".',
    (a) => (fact(a, 'harbour-check').id = 'committee-meets'),
  ],
  'duplicate-place-id': [
    'The Batumi feature appears twice.',
    (a) => a.places.features.push(clone(feature(a, 'batumi'))),
  ],
  'latitude-over-90': [
    "Batumi's latitude mistyped as 141.6417 (> 90). As 41.6367 would be a valid latitude and 141.6417 a valid " +
      'longitude, the validator reports the pair as swapped.',
    (a) => (feature(a, 'batumi').geometry.coordinates = [41.6367, 141.6417]),
  ],
  'longitude-off-the-globe': [
    "Batumi's longitude mistyped as 241.6367 (> 180).",
    (a) => (feature(a, 'batumi').geometry.coordinates = [241.6367, 41.6417]),
  ],
  'swapped-coordinates-in-range': [
    'Lagodekhi written [latitude, longitude]: both numbers are in range, but the point lands more than 500 km from the other story places. A warning, as a remote place can be right: the atlas still loads.',
    (a) => (feature(a, 'lagodekhi').geometry.coordinates = [41.8268, 46.2767]),
  ],
  'one-element-position': [
    "Lagodekhi's position holds only its longitude.",
    (a) => (feature(a, 'lagodekhi').geometry.coordinates = [46.2767]),
  ],
  'unclosed-ring': [
    "The test square's ring lacks its closing position: its last position is not its first.",
    (a) => feature(a, 'tbilisi-test-square').geometry.coordinates[0].pop(),
  ],
  'clockwise-exterior-ring': [
    "The test square's exterior ring runs clockwise; RFC 7946 wants counter-clockwise.",
    (a) => feature(a, 'tbilisi-test-square').geometry.coordinates[0].reverse(),
  ],
  'self-intersecting-polygon': [
    'The test square is drawn as a bow-tie: its ring crosses itself at the centre.',
    (a) =>
      (feature(a, 'tbilisi-test-square').geometry.coordinates = [
        [
          [44.7, 41.65],
          [44.9, 41.75],
          [44.9, 41.65],
          [44.7, 41.75],
          [44.7, 41.65],
        ],
      ]),
  ],
  'feature-id-mismatch': [
    'The Batumi feature has id "batumi" but properties.id "batumi-port".',
    (a) => (feature(a, 'batumi').properties.id = 'batumi-port'),
  ],
  'crs-member': [
    'places.geojson carries a "crs" member, which RFC 7946 removed.',
    (a) =>
      (a.places = {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:4326' } },
        features: a.places.features,
      }),
  ],
  'bad-country-code': [
    'Batumi\'s country code is the alpha-3 "GEO" instead of the alpha-2 "GE".',
    (a) => (feature(a, 'batumi').properties.country.code = 'GEO'),
  ],
  'unassigned-country-code': [
    'Batumi\'s country code is "EU", which CLDR names (the European Union) but ISO 3166-1 does not assign.',
    (a) => (feature(a, 'batumi').properties.country.code = 'EU'),
  ],
  'country-name-differs': [
    "Batumi's country code GE is given the name of another country, Russia: a warning, the atlas still loads.",
    (a) => (feature(a, 'batumi').properties.country.name = 'Russia'),
  ],
  'city-as-polygon': [
    'Tbilisi is a "city" drawn as a Polygon: a city is a Point (a water or admin-region place may be either).',
    (a) =>
      (feature(a, 'tbilisi').geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [44.7, 41.65],
            [44.9, 41.65],
            [44.9, 41.75],
            [44.7, 41.75],
            [44.7, 41.65],
          ],
        ],
      }),
  ],
  'unused-place': [
    'A fourth city, Kutaisi, has no fact: a warning, not an error, so the atlas still loads.',
    (a) =>
      a.places.features.push({
        type: 'Feature',
        id: 'kutaisi',
        properties: {
          id: 'kutaisi',
          name: 'Kutaisi',
          altNames: [],
          placeType: 'city',
          role: 'Named on the map but in no fact.',
          country: { code: 'GE', name: 'Georgia' },
          coordinateSource: { name: 'approximate position, rounded for a test fixture', licence: 'CC0 1.0' },
          group: 'story',
        },
        geometry: { type: 'Point', coordinates: [42.7, 42.27] },
      }),
  ],
  'impossible-date': ['A fact is dated 2024-02-30.', (a) => (fact(a, 'harbour-check').date = '2024-02-30')],
  'date-after-publication': [
    'A fact is dated 2024-03-15, the day after the article was published.',
    (a) => (fact(a, 'test-readers').date = '2024-03-15'),
  ],
  'reversed-date-span': [
    'A fact spans "2024-03-13/2024-03-12": its end comes before its start.',
    (a) => (fact(a, 'committee-meets').date = '2024-03-13/2024-03-12'),
  ],
  'planned-before-publication': [
    'A fact marked planned is dated 2024-03-13, the day before publication: a planned fact is still to come.',
    (a) => (fact(a, 'committee-meets').planned = true),
  ],
  'planned-without-date': [
    'A fact marked planned has no date (null): a planned fact has the date it is planned for.',
    (a) => Object.assign(fact(a, 'square-is-a-sketch'), { planned: true, date: null }),
  ],
  'source-file-absolute': [
    "The article's source.file is an absolute path; it is relative to the atlas's folder.",
    (a) => (a.article.source.file = '/home/editor/article.txt'),
  ],
  'unknown-fact-kind': [
    'A fact has kind "background", which is not one of the five kinds.',
    (a) => (fact(a, 'square-is-a-sketch').kind = 'background'),
  ],
  'fact-without-text': ['A fact has no "text".', (a) => delete fact(a, 'harbour-check').text],
  'paragraph-as-string': [
    'A fact cites its paragraph as the string "3" instead of the number 3.',
    (a) => (fact(a, 'small-but-complete').paragraph = '3'),
  ],
  'paragraph-beyond-article': [
    'A fact cites paragraph 4; the article has 3.',
    (a) => (fact(a, 'square-is-a-sketch').paragraph = 4),
  ],
  'quotation-without-quote': [
    'A fact of kind "quotation" has no "quote".',
    (a) => delete fact(a, 'small-but-complete').quote,
  ],
  'figure-without-figures': [
    'A fact of kind "figure" has no "figures".',
    (a) => delete fact(a, 'test-readers').figures,
  ],
  'fact-id-not-kebab-case': [
    'A fact id is written "Harbour_Check" instead of kebab-case.',
    (a) => (fact(a, 'harbour-check').id = 'Harbour_Check'),
  ],
  'unknown-dateline-place': [
    'The dateline names the place "tiflis", which places.geojson does not have.',
    (a) => (a.article.dateline.placeId = 'tiflis'),
  ],
  'paragraphs-out-of-order': [
    "The article's second and third paragraphs are listed in the wrong order.",
    (a) => a.article.paragraphs.splice(1, 2, a.article.paragraphs[2], a.article.paragraphs[1]),
  ],
  'blank-headline': ['The headline is blank (spaces only).', (a) => (a.article.headline = '   ')],
};

const prettierOptions = { ...(await resolveConfig(join(OUT, 'x.json'))), parser: 'json' };
mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (name.endsWith('.json')) rmSync(join(OUT, name));
for (const [name, [description, change]] of Object.entries(defects)) {
  const atlas = clone(base);
  change(atlas);
  const text = JSON.stringify({ description, ...atlas }, null, 2);
  writeFileSync(join(OUT, `${name}.json`), await format(text, prettierOptions));
}
console.log(`${Object.keys(defects).length} fixtures written to ${OUT}`);
