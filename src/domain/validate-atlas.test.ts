import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FILE_NAMES,
  INVALID_DIR,
  REAL_ATLAS_DIR,
  SECOND_ATLAS_DIR,
  readAtlasFiles,
  readJsonFile,
} from '../../tests/helpers/atlas-files';
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
      "2024-03-15 is after the article's publication on 2024-03-14",
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
      '"2024-02-30" is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)',
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
      'a position is [longitude, latitude], found 1 element(s)',
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
  'quotation-without-quote.json': [
    factsError('missing-field', 'facts[5].quote', 'a fact of kind "quotation" needs a "quote"'),
  ],
  'self-intersecting-polygon.json': [
    placesError(
      'self-intersection',
      'features[3].geometry.coordinates',
      'the polygon crosses itself at 1 point(s), first near [44.8, 41.7]',
    ),
  ],
  'swapped-coordinates-in-range.json': [
    placesError(
      'swapped-coordinates',
      'features[2].geometry.coordinates',
      '[41.8268, 46.2767] looks swapped: it lies 516 km from the nearest story place, but 124 km as ' +
        '[46.2767, 41.8268]; GeoJSON is [longitude, latitude]',
    ),
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

describe('validateAtlas: valid atlases', () => {
  it('finds no issue in the real atlas', () => {
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

  it('reads the real index', () => {
    expect(validateAtlasIndex(readJsonFile(join(REAL_ATLAS_DIR, '../index.json')), FILE)).toEqual({
      entries: [
        {
          id: 'karabakh-peace-talks',
          path: 'atlases/karabakh-peace-talks',
          title: 'Karabakh peace talks',
          default: true,
        },
      ],
      issues: [],
    });
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
