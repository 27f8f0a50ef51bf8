import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_ROOT,
  FILE_NAMES,
  INVALID_DIR,
  REAL_ATLAS_DIR,
  SECOND_ATLAS_DIR,
  indexedAtlases,
  readAtlasFiles,
  readJsonFile,
} from '../../tests/helpers/atlas-files';
import { readArticleText } from '../../scripts/node-data';
import { checkAgainstArticle } from './check-against-article';
import { formatIssue, hasErrors, type Issue } from './issues';
import type { AtlasFiles } from './types';
import { validateAtlas, validateAtlasIndex } from './validate-atlas';

const issue =
  (file: string, severity: Issue['severity']) =>
  (code: string, path: string, message: string): Issue => ({ code, message, severity, file, path });
const articleError = issue(FILE_NAMES.article, 'error');
const placesError = issue(FILE_NAMES.places, 'error');
const placesWarning = issue(FILE_NAMES.places, 'warning');
const factsError = issue(FILE_NAMES.facts, 'error');

const unknownPlace = (path: string, id: string): Issue =>
  factsError('unknown-place', path, `no place "${id}"`);

/**
 * Every issue each file in tests/fixtures/invalid/atlas/ must produce, in order. A fixture without an entry
 * fails the test below, so that no fixture can pass unchecked.
 */
const EXPECTED_ISSUES: Record<string, Issue[]> = {
  'bad-country-code.json': [
    placesError(
      'bad-value',
      'features[1].properties.country.code',
      '"GEO" is not an ISO 3166-1 alpha-2 code',
    ),
  ],
  'city-as-polygon.json': [
    placesError(
      'place-type-geometry',
      'features[0].geometry.type',
      'a place of type "city" is a Point, found a Polygon',
    ),
  ],
  'country-name-differs.json': [
    placesWarning(
      'country-name',
      'features[1].properties.country.name',
      '"Russia" differs from "Georgia", the English short name of GE',
    ),
  ],
  'blank-headline.json': [articleError('empty-string', 'headline', '"headline" must not be empty')],
  'clockwise-exterior-ring.json': [
    placesError(
      'ring-winding',
      'features[3].geometry.coordinates[0]',
      'the exterior ring is clockwise; RFC 7946 wants it counter-clockwise',
    ),
  ],
  'crs-member.json': [placesError('crs-member', 'crs', 'RFC 7946 GeoJSON has no "crs" member')],
  'date-after-publication.json': [
    factsError(
      'date-after-publication',
      'facts[3].date',
      "2024-03-15 is after the article's publication on 2024-03-14; " +
        'mark a fact still to come with "planned": true',
    ),
  ],
  'duplicate-fact-id.json': [
    factsError('duplicate-id', 'facts[4].id', 'fact id "committee-meets" is already used at facts[0].id'),
  ],
  'duplicate-place-id.json': [
    placesError('duplicate-id', 'features[4].id', 'place id "batumi" is already used at features[1].id'),
  ],
  'fact-id-not-kebab-case.json': [
    factsError('bad-id', 'facts[4].id', 'id "Harbour_Check" must be kebab-case (a-z, 0-9, single hyphens)'),
  ],
  'fact-without-text.json': [
    factsError('missing-field', 'facts[4].text', 'required field "text" is missing'),
  ],
  'feature-id-mismatch.json': [
    placesError(
      'id-mismatch',
      'features[1].properties.id',
      'properties.id "batumi-port" differs from feature id "batumi"',
    ),
  ],
  'figure-without-figures.json': [
    factsError('missing-field', 'facts[3].figures', 'a fact of kind "figure" needs "figures"'),
  ],
  'impossible-date.json': [
    factsError(
      'bad-date',
      'facts[4].date',
      '"2024-02-30" is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY) or span of two (START/END)',
    ),
  ],
  'latitude-over-90.json': [
    placesError(
      'swapped-coordinates',
      'features[1].geometry.coordinates',
      '[41.6367, 141.6417] looks swapped: latitude 141.6417 is out of range but 41.6367 would be valid; ' +
        'GeoJSON is [longitude, latitude]',
    ),
  ],
  'longitude-off-the-globe.json': [
    placesError(
      'out-of-range',
      'features[1].geometry.coordinates',
      '[241.6367, 41.6417] is off the globe: longitude -180..180, latitude -90..90',
    ),
  ],
  'one-element-position.json': [
    placesError(
      'bad-position',
      'features[2].geometry.coordinates',
      'a position is [longitude, latitude] or [longitude, latitude, height], found 1 value',
    ),
  ],
  'paragraph-as-string.json': [
    factsError('wrong-type', 'facts[5].paragraph', 'expected a number, found the text "3"'),
  ],
  'paragraph-beyond-article.json': [
    factsError('unknown-paragraph', 'facts[6].paragraph', 'no paragraph 4: the article has 3'),
  ],
  'paragraphs-out-of-order.json': [
    articleError(
      'paragraph-order',
      'paragraphs[1].n',
      'paragraphs are numbered in order: expected 2, found the number 3',
    ),
    articleError(
      'paragraph-order',
      'paragraphs[2].n',
      'paragraphs are numbered in order: expected 3, found the number 2',
    ),
  ],
  'planned-before-publication.json': [
    factsError(
      'planned-before-publication',
      'facts[0].date',
      "a planned fact is still to come, but 2024-03-13 is not after the article's publication on 2024-03-14",
    ),
  ],
  'planned-without-date.json': [
    factsError(
      'planned-without-date',
      'facts[6].date',
      "a planned fact has the date it is planned for, after the article's publication on 2024-03-14",
    ),
  ],
  'quotation-without-quote.json': [
    factsError('missing-field', 'facts[5].quote', 'a fact of kind "quotation" needs a "quote"'),
  ],
  'reversed-date-span.json': [
    factsError(
      'bad-date',
      'facts[0].date',
      '"2024-03-13/2024-03-12" is not a span forwards in time: its start, 2024-03-13, must come before its end, 2024-03-12',
    ),
  ],
  'self-intersecting-polygon.json': [
    placesError(
      'self-intersection',
      'features[3].geometry.coordinates',
      'the polygon crosses itself at 1 point(s), first near [44.8, 41.7]',
    ),
  ],
  'source-file-absolute.json': [
    articleError(
      'bad-path',
      'source.file',
      '"/home/editor/article.txt" must be a path relative to the atlas\'s folder, with forward slashes',
    ),
  ],
  'swapped-coordinates-in-range.json': [
    placesWarning(
      'swapped-coordinates',
      'features[2].geometry.coordinates',
      '[41.8268, 46.2767] may be swapped: it lies 516 km from the nearest other story place as written, ' +
        '124 km as [46.2767, 41.8268]; GeoJSON is [longitude, latitude] (a remote place can be right)',
    ),
  ],
  'unassigned-country-code.json': [
    placesError('bad-value', 'features[1].properties.country.code', '"EU" is not an ISO 3166-1 alpha-2 code'),
  ],
  'unclosed-ring.json': [
    placesError(
      'ring-not-closed',
      'features[3].geometry.coordinates[0]',
      'the polygon ring is not closed: it starts at [44.7, 41.65] and ends at [44.7, 41.75]; ' +
        'its last position must repeat its first',
    ),
  ],
  'unknown-dateline-place.json': [articleError('unknown-place', 'dateline.placeId', 'no place "tiflis"')],
  'unknown-fact-kind.json': [
    factsError(
      'bad-value',
      'facts[6].kind',
      '"background" is not one of "event", "figure", "quotation", "statement", "context"',
    ),
  ],
  'unknown-place-in-fact.json': [unknownPlace('facts[2].placeIds[0]', 'tbilsi')],
  'unused-place.json': [placesWarning('unused-place', 'features[4]', 'place "kutaisi" has no fact')],
};

const invalidFixtures = readdirSync(INVALID_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

function readInvalidFixture(name: string): AtlasFiles & { description: string } {
  return readJsonFile(join(INVALID_DIR, name)) as AtlasFiles & { description: string };
}

interface RawAtlas {
  article: Record<string, unknown>;
  places: { type: string; features: unknown[] };
  facts: { facts: Record<string, unknown>[] };
}

/** A fresh copy of the second atlas's files, for a test to change. */
const secondAtlas = (): RawAtlas => readAtlasFiles(SECOND_ATLAS_DIR) as RawAtlas;

describe.each(indexedAtlases())('atlas $id of data/atlases/index.json', ({ id, path, dir }) => {
  const result = validateAtlas(readAtlasFiles(dir), FILE_NAMES);

  it('validates with no error, its folder and article named by its id', () => {
    expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect([basename(path), result.atlas?.article.id, result.atlas?.article.slug]).toEqual([id, id, id]);
  });

  it('has every quotation, figure and paragraph opening in its own article text, which source.file names', () => {
    const atlas = result.atlas!;
    const text = readArticleText(dir, atlas.article.source.file);
    expect(text.ok ? 'read' : `${text.path}: ${text.reason}`).toBe('read');
    const issues = text.ok ? checkAgainstArticle(atlas, text.text, FILE_NAMES) : [];
    expect(issues.map(formatIssue)).toEqual([]);
  });
});

describe('validateAtlas: valid atlases', () => {
  it('finds no issue in the seed atlas, its places in the order of the file', () => {
    const result = validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES);
    expect(result.issues).toEqual([]);
    expect(result.atlas?.places.map((p) => p.id)).toEqual([
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
    expect(result.atlas?.facts.length).toBe(44);
  });

  it('finds no issue in the second atlas and returns its data unchanged, typed', () => {
    const files = secondAtlas();
    expect(validateAtlas(files, FILE_NAMES)).toEqual({
      atlas: { article: files.article, places: files.places.features, facts: files.facts.facts },
      issues: [],
    });
  });
});

describe('validateAtlas: one defect per fixture in tests/fixtures/invalid/atlas', () => {
  it('has at least 14 fixtures, each with its expected issues, and no expected issues without a fixture', () => {
    expect(invalidFixtures.length).toBeGreaterThanOrEqual(14);
    expect(Object.keys(EXPECTED_ISSUES).sort()).toEqual(invalidFixtures);
  });

  it.each(invalidFixtures)('%s gives exactly its expected issues', (name) => {
    const { description, ...files } = readInvalidFixture(name);
    expect(typeof description).toBe('string');
    expect(description.length).toBeGreaterThan(10);
    expect(Object.keys(EXPECTED_ISSUES)).toContain(name);
    const expected = EXPECTED_ISSUES[name] ?? [];
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual(expected);
    // The atlas comes back exactly when no issue is an error.
    expect(result.atlas === undefined).toBe(expected.some((i) => i.severity === 'error'));
  });
});

describe('validateAtlas: the rules for any article', () => {
  type RawFeature = { id: string; properties: Record<string, unknown>; geometry: Record<string, unknown> };
  const feature = (files: RawAtlas, id: string) =>
    (files.places.features as RawFeature[]).find((f) => f.id === id)!;
  const fact = (files: RawAtlas, id: string) => files.facts.facts.find((f) => f.id === id)!;
  const square = (files: RawAtlas) => feature(files, 'tbilisi-test-square').geometry;

  it('accepts a fact dated with a span of days, of months, or of a day and a month', () => {
    const files = secondAtlas();
    fact(files, 'committee-meets').date = '2024-03-12/2024-03-13';
    fact(files, 'harbour-check').date = '2024-01/2024-02';
    fact(files, 'every-place-named').date = '2024-02-28/2024-03';
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual([]);
    expect(result.atlas?.facts.map((f) => f.date).slice(0, 5)).toEqual([
      '2024-03-12/2024-03-13',
      '2024-03-13',
      '2024-02-28/2024-03',
      '2024-03-14',
      '2024-01/2024-02',
    ]);
  });

  it('refuses a span that ends on its start day, and an unplanned span that ends after publication', () => {
    const files = secondAtlas();
    fact(files, 'committee-meets').date = '2024-03-13/2024-03-13';
    fact(files, 'test-readers').date = '2024-03-13/2024-03-15';
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      factsError(
        'bad-date',
        'facts[0].date',
        '"2024-03-13/2024-03-13" is not a span forwards in time: its start, 2024-03-13, must come before its end, 2024-03-13',
      ),
      factsError(
        'date-after-publication',
        'facts[3].date',
        "2024-03-13/2024-03-15 is after the article's publication on 2024-03-14; " +
          'mark a fact still to come with "planned": true',
      ),
    ]);
  });

  it('accepts a planned fact dated after publication, also by a month or a span that runs past it', () => {
    const files = secondAtlas();
    Object.assign(fact(files, 'test-readers'), { planned: true, date: '2024-03-21' });
    Object.assign(fact(files, 'committee-meets'), { planned: true, date: '2024-03' });
    Object.assign(fact(files, 'three-cities-on-map'), { planned: true, date: '2024-03-14/2024-03-15' });
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual([]);
    expect(result.atlas?.facts.filter((f) => f.planned).map((f) => [f.id, f.date])).toEqual([
      ['committee-meets', '2024-03'],
      ['three-cities-on-map', '2024-03-14/2024-03-15'],
      ['test-readers', '2024-03-21'],
    ]);
  });

  it('reads "planned" as true or false only', () => {
    const files = secondAtlas();
    fact(files, 'test-readers').planned = 'yes';
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      factsError('wrong-type', 'facts[3].planned', 'expected true or false, found the text "yes"'),
    ]);
  });

  it('accepts the qualifiers "almost" and "nearly"', () => {
    const files = secondAtlas();
    const figures = (id: string) => fact(files, id).figures as Record<string, unknown>[];
    figures('committee-meets')[0]!.qualifier = 'almost';
    figures('test-readers')[0]!.qualifier = 'nearly';
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual([]);
    expect(result.atlas?.facts.flatMap((f) => f.figures ?? []).map((f) => f.qualifier)).toEqual([
      'almost',
      'exact',
      'nearly',
    ]);
  });

  it('accepts water and admin-region places as a Point or a Polygon, drawn by their geometry', () => {
    const files = secondAtlas();
    const add = (id: string, placeType: string, geometry: Record<string, unknown>) => {
      const copy = structuredClone(feature(files, 'batumi'));
      files.places.features.push({
        ...copy,
        id,
        properties: { ...copy.properties, id, placeType },
        geometry,
      });
      (fact(files, 'square-is-a-sketch').placeIds as string[]).push(id);
    };
    add('black-sea', 'water', { type: 'Point', coordinates: [41.5, 42.5] });
    add('tbilisi-sea', 'water', square(files));
    add('adjara', 'admin-region', { type: 'Point', coordinates: [42.0, 41.6] });
    add('tbilisi-province', 'admin-region', square(files));
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual([]);
    expect(result.atlas?.places.slice(-4).map((p) => [p.properties.placeType, p.geometry.type])).toEqual([
      ['water', 'Point'],
      ['water', 'Polygon'],
      ['admin-region', 'Point'],
      ['admin-region', 'Polygon'],
    ]);
  });

  it('refuses a region drawn as a Point', () => {
    const files = secondAtlas();
    feature(files, 'tbilisi-test-square').geometry = { type: 'Point', coordinates: [44.8, 41.7] };
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      placesError(
        'place-type-geometry',
        'features[3].geometry.type',
        'a place of type "region" is a Polygon or MultiPolygon, found a Point',
      ),
    ]);
  });

  it('accepts a country given by its code alone, and a dateline left out', () => {
    const files = secondAtlas();
    feature(files, 'batumi').properties.country = { code: 'GE' };
    delete files.article.dateline;
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual([]);
    expect(result.atlas?.places[1]?.properties.country).toEqual({ code: 'GE' });
    expect(result.atlas?.article.dateline).toBeUndefined();
  });

  it("accepts a name that is the code's English short name, and XK for Kosovo", () => {
    const files = secondAtlas();
    feature(files, 'batumi').properties.country = { code: 'US', name: 'United States' };
    feature(files, 'lagodekhi').properties.country = { code: 'XK', name: 'Kosovo' };
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([]);
  });

  it('refuses a disputed place recognised as part of a code ISO 3166-1 does not assign', () => {
    const files = secondAtlas();
    feature(files, 'batumi').properties.status = {
      disputed: true,
      recognisedAs: 'SU',
      summary: 'A summary.',
    };
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      placesError(
        'bad-value',
        'features[1].properties.status.recognisedAs',
        '"SU" is not an ISO 3166-1 alpha-2 code',
      ),
    ]);
  });

  it('only warns of a remote story place that may be swapped, giving both distances', () => {
    // Talks in Abu Dhabi between delegations from Kyiv and Moscow: the venue is right, 3,543 km from
    // Kyiv (great circle), and 600 km from it swapped, in Lithuania.
    const files = secondAtlas();
    feature(files, 'tbilisi').geometry = { type: 'Point', coordinates: [30.5234, 50.4501] };
    feature(files, 'batumi').geometry = { type: 'Point', coordinates: [37.6173, 55.7558] };
    feature(files, 'lagodekhi').geometry = { type: 'Point', coordinates: [54.3773, 24.4539] };
    const result = validateAtlas(files, FILE_NAMES);
    expect(result.issues).toEqual([
      placesWarning(
        'swapped-coordinates',
        'features[2].geometry.coordinates',
        '[54.3773, 24.4539] may be swapped: it lies 3,543 km from the nearest other story place as written, ' +
          '600 km as [24.4539, 54.3773]; GeoJSON is [longitude, latitude] (a remote place can be right)',
      ),
    ]);
    expect(result.atlas?.places[2]?.geometry).toEqual({ type: 'Point', coordinates: [54.3773, 24.4539] });
  });
});

describe('validateAtlas: regressions', () => {
  // Bug: checkReferences numbers facts by their index among the facts that were read completely,
  // not by their index in facts.json, so once a fact is rejected the paths of later facts shift.
  it('reports a reference issue at the index the fact has in the file after a rejected fact', () => {
    const files = secondAtlas();
    delete files.facts.facts[4]!.text; // harbour-check is rejected
    files.facts.facts[5]!.placeIds = ['lagodekhy', 'tbilisi-test-square']; // small-but-complete, with a typo
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      factsError('missing-field', 'facts[4].text', 'required field "text" is missing'),
      unknownPlace('facts[5].placeIds[0]', 'lagodekhy'),
    ]);
  });

  // Bug: the same for places: the unused-place warning is numbered among the places that were read.
  it('reports an unused place at the index the feature has in the file after a rejected feature', () => {
    const files = secondAtlas();
    const [tbilisi, batumi, ...rest] = (readInvalidFixture('unused-place.json').places as RawAtlas['places'])
      .features;
    // A second Batumi at features[2] is rejected as a duplicate; unused Kutaisi ends at features[5].
    files.places.features = [tbilisi, batumi, batumi, ...rest];
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      placesError('duplicate-id', 'features[2].id', 'place id "batumi" is already used at features[1].id'),
      placesWarning('unused-place', 'features[5]', 'place "kutaisi" has no fact'),
    ]);
  });

  // Bug: a place rejected for its geometry is left out of the id set, so every fact that cites it
  // also gets `no place "…"`, though the place is in the file: one defect, several misleading errors.
  it('reports a place rejected for its geometry once, not again at every fact citing it', () => {
    const { description, ...files } = readInvalidFixture('unclosed-ring.json');
    expect(description).toBe(
      "The test square's ring lacks its closing position: its last position is not its first.",
    );
    expect(validateAtlas(files, FILE_NAMES).issues).toEqual([
      placesError(
        'ring-not-closed',
        'features[3].geometry.coordinates[0]',
        'the polygon ring is not closed: it starts at [44.7, 41.65] and ends at [44.7, 41.75]; ' +
          'its last position must repeat its first',
      ),
    ]);
  });
});

describe('validateAtlas: whole files of the wrong shape', () => {
  it('reports each file that is not an object, and returns no atlas', () => {
    expect(validateAtlas({ article: [], places: 'places', facts: null }, FILE_NAMES)).toEqual({
      issues: [
        articleError('wrong-type', '', 'expected an object, found an empty array'),
        placesError('wrong-type', '', 'expected an object, found the text "places"'),
        factsError('wrong-type', '', 'expected an object, found null'),
      ],
    });
  });

  it('reports places that are not a FeatureCollection', () => {
    const files = secondAtlas();
    const result = validateAtlas(
      { ...files, places: { type: 'GeometryCollection', geometries: [] } },
      FILE_NAMES,
    );
    // With no places, every fact's place is unknown too (see the cascade bug above): check the places file.
    expect(result.issues.filter((i) => i.file === FILE_NAMES.places)).toEqual([
      placesError('not-feature-collection', 'type', 'places must be a GeoJSON FeatureCollection'),
    ]);
    expect(result.atlas).toBeUndefined();
  });
});

describe('validateAtlasIndex', () => {
  const FILE = 'atlases/index.json';
  const indexError = issue(FILE, 'error');
  const a = { id: 'alpha', path: 'atlases/alpha', title: 'Alpha' };
  const b = { id: 'beta', path: 'atlases/beta', title: 'Beta' };

  it('reads the entries, with default false where it is not given', () => {
    expect(validateAtlasIndex({ atlases: [{ ...a, default: true }, b] }, FILE)).toEqual({
      entries: [
        { ...a, default: true },
        { ...b, default: false },
      ],
      issues: [],
    });
  });

  it('reads the real index: no issue, one default, the seed listed, each atlas in a folder of its id', () => {
    const { entries, issues } = validateAtlasIndex(readJsonFile(join(DATA_ROOT, FILE)), FILE);
    expect(issues).toEqual([]);
    expect(entries.filter((e) => e.default).length).toBe(1);
    expect(entries.map((e) => e.id)).toContain('karabakh-peace-talks');
    expect(entries.filter((e) => e.path !== `atlases/${e.id}`)).toEqual([]);
  });

  it('reports a duplicate id and keeps the first entry', () => {
    expect(validateAtlasIndex({ atlases: [a, { ...b, id: 'alpha' }] }, FILE)).toEqual({
      entries: [{ ...a, default: false }],
      issues: [indexError('duplicate-id', 'atlases[1].id', 'atlas id "alpha" is listed twice')],
    });
  });

  it('reports two defaults', () => {
    expect(
      validateAtlasIndex(
        {
          atlases: [
            { ...a, default: true },
            { ...b, default: true },
          ],
        },
        FILE,
      ),
    ).toEqual({
      entries: [
        { ...a, default: true },
        { ...b, default: true },
      ],
      issues: [indexError('several-defaults', 'atlases', 'at most one atlas may be the default')],
    });
  });

  it.each([
    ['a path that climbs out with ..', 'atlases/../../secrets'],
    ['an absolute path', '/etc/atlases'],
  ])('reports %s and drops the entry', (_, path) => {
    expect(validateAtlasIndex({ atlases: [{ ...a, path }, b] }, FILE)).toEqual({
      entries: [{ ...b, default: false }],
      issues: [indexError('bad-path', 'atlases[0].path', `"${path}" must be a folder inside data/`)],
    });
  });

  it('reports an empty list', () => {
    expect(validateAtlasIndex({ atlases: [] }, FILE)).toEqual({
      entries: [],
      issues: [indexError('empty-array', 'atlases', '"atlases" must not be empty')],
    });
  });

  it('reports an index that is not an object', () => {
    expect(validateAtlasIndex([a], FILE)).toEqual({
      entries: [],
      issues: [indexError('wrong-type', '', 'expected an object, found an array')],
    });
  });

  it('reports a default that is not a boolean', () => {
    expect(validateAtlasIndex({ atlases: [{ ...a, default: 'yes' }] }, FILE)).toEqual({
      entries: [{ ...a, default: false }],
      issues: [
        indexError('wrong-type', 'atlases[0].default', 'expected true or false, found the text "yes"'),
      ],
    });
  });

  it('reports an entry with a missing title and an id that is not kebab-case', () => {
    expect(validateAtlasIndex({ atlases: [{ id: 'Alpha', path: 'atlases/alpha' }, b] }, FILE)).toEqual({
      entries: [{ ...b, default: false }],
      issues: [
        indexError('bad-id', 'atlases[0].id', 'id "Alpha" must be kebab-case (a-z, 0-9, single hyphens)'),
        indexError('missing-field', 'atlases[0].title', 'required field "title" is missing'),
      ],
    });
  });
});

describe('issues as the validator prints them', () => {
  it('gives file, path, message and code', () => {
    const [crs] = EXPECTED_ISSUES['crs-member.json'] ?? [];
    expect(crs && formatIssue(crs)).toBe(
      'places.geojson: crs: RFC 7946 GeoJSON has no "crs" member [crs-member]',
    );
  });

  it('leaves out an empty path', () => {
    expect(formatIssue(articleError('wrong-type', '', 'expected an object, found an array'))).toBe(
      'article.json: expected an object, found an array [wrong-type]',
    );
  });

  it('counts only errors as errors', () => {
    expect(hasErrors(EXPECTED_ISSUES['unused-place.json'] ?? [])).toBe(false);
    expect(hasErrors(EXPECTED_ISSUES['crs-member.json'] ?? [])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });
});
