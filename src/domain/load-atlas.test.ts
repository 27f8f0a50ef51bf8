import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_ROOT, fileReader } from '../../scripts/node-data';
import { SECOND_ATLAS_DIR, SECOND_ATLAS_ROOT } from '../../tests/helpers/atlas-files';
import { parseJson } from './json-syntax';
import { defaultAtlasEntry, INDEX_FILE, loadAtlas, type ReadText, type ValidatedFiles } from './load-atlas';
import type { AtlasIndexEntry } from './types';
import { errorIssue } from '../../tests/helpers/issues';

const fixtureFile = (name: string) => readFileSync(join(SECOND_ATLAS_DIR, name), 'utf8');
const ARTICLE = fixtureFile('article.json');
const PLACES = fixtureFile('places.geojson');
const FACTS = fixtureFile('facts.json');

/** The atlas loadAtlas should return for the second atlas's files, with another headline if given. */
function expectedAtlas(headline?: string) {
  const article = JSON.parse(ARTICLE) as Record<string, unknown>;
  return {
    article: headline ? { ...article, headline } : article,
    places: (JSON.parse(PLACES) as { features: unknown[] }).features,
    facts: (JSON.parse(FACTS) as { facts: unknown[] }).facts,
  };
}

/** Reads from a map of path -> text, as the page's fetch or Node's fs would from a data root. */
function memoryReader(files: Record<string, string>): ReadText {
  return async (path) => {
    const text = files[path];
    return text === undefined ? { ok: false, message: `no file at ${path}` } : { ok: true, text };
  };
}

const ALPHA: AtlasIndexEntry = { id: 'alpha', path: 'atlases/alpha', title: 'Alpha', default: false };
const BETA: AtlasIndexEntry = { id: 'beta', path: 'atlases/beta', title: 'Beta', default: true };

/** A data root with two copies of the second atlas: alpha, and beta (the default). */
function dataRoot(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = {
    [INDEX_FILE]: JSON.stringify({ atlases: [ALPHA, BETA] }),
    'atlases/alpha/article.json': JSON.stringify({ ...JSON.parse(ARTICLE), headline: 'Alpha' }),
    'atlases/alpha/places.geojson': PLACES,
    'atlases/alpha/facts.json': FACTS,
    'atlases/beta/article.json': ARTICLE,
    'atlases/beta/places.geojson': PLACES,
    'atlases/beta/facts.json': FACTS,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}

const error = errorIssue;

describe('loadAtlas: choosing the atlas', () => {
  it('loads the default atlas when no id is given', async () => {
    expect(await loadAtlas(memoryReader(dataRoot()), { prefix: 'data/' })).toEqual({
      atlas: expectedAtlas(),
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [],
    });
  });

  it('loads the default atlas when the id is null', async () => {
    expect(await loadAtlas(memoryReader(dataRoot()), { id: null })).toEqual({
      atlas: expectedAtlas(),
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [],
    });
  });

  it('loads the first atlas when none is the default', async () => {
    const index = JSON.stringify({ atlases: [ALPHA, { ...BETA, default: false }] });
    expect(await loadAtlas(memoryReader(dataRoot({ [INDEX_FILE]: index })))).toEqual({
      atlas: expectedAtlas('Alpha'),
      entry: ALPHA,
      index: [ALPHA, { ...BETA, default: false }],
      issues: [],
    });
  });

  it('loads the atlas whose id is given, though another is the default', async () => {
    expect(await loadAtlas(memoryReader(dataRoot()), { id: 'alpha', prefix: 'data/' })).toEqual({
      atlas: expectedAtlas('Alpha'),
      entry: ALPHA,
      index: [ALPHA, BETA],
      issues: [],
    });
  });

  it('reports an unknown id with the ids the index lists', async () => {
    expect(await loadAtlas(memoryReader(dataRoot()), { id: 'gamma', prefix: 'data/' })).toEqual({
      index: [ALPHA, BETA],
      issues: [
        error(
          'data/atlases/index.json',
          'unknown-atlas',
          'atlases',
          'no atlas "gamma"; the index lists "alpha", "beta" (the default)',
        ),
      ],
    });
  });

  it('quotes an id that is no id as JSON, cut to 60 characters, and names the first atlas as the default when none is', async () => {
    const index = JSON.stringify({ atlases: [ALPHA, { ...BETA, default: false }] });
    const wanted = `"<script>"\n${'x'.repeat(80)}`;
    expect(await loadAtlas(memoryReader(dataRoot({ [INDEX_FILE]: index })), { id: wanted })).toEqual({
      index: [ALPHA, { ...BETA, default: false }],
      issues: [
        error(
          'atlases/index.json',
          'unknown-atlas',
          'atlases',
          `no atlas ${JSON.stringify(`"<script>" ${'x'.repeat(48)}…`)}; the index lists "alpha" (the default), "beta"`,
        ),
      ],
    });
  });

  it('reports an index that lists no atlas', async () => {
    const index = JSON.stringify({ atlases: [] });
    expect(await loadAtlas(memoryReader(dataRoot({ [INDEX_FILE]: index })), { prefix: 'data/' })).toEqual({
      index: [],
      issues: [
        error('data/atlases/index.json', 'empty-array', 'atlases', '"atlases" must not be empty'),
        error('data/atlases/index.json', 'unknown-atlas', 'atlases', 'no atlas is listed'),
      ],
    });
  });

  it('returns no atlas when the index has an error, though the atlas itself is valid', async () => {
    const index = JSON.stringify({ atlases: [{ ...ALPHA, default: true }, BETA] });
    expect(await loadAtlas(memoryReader(dataRoot({ [INDEX_FILE]: index })), { prefix: 'data/' })).toEqual({
      entry: { ...ALPHA, default: true },
      index: [{ ...ALPHA, default: true }, BETA],
      issues: [
        error(
          'data/atlases/index.json',
          'several-defaults',
          'atlases',
          'at most one atlas may be the default',
        ),
      ],
    });
  });
});

describe('defaultAtlasEntry', () => {
  it('is the entry marked default, else the first, else none', () => {
    expect(defaultAtlasEntry([ALPHA, BETA])).toBe(BETA);
    expect(defaultAtlasEntry([ALPHA, { ...BETA, default: false }])).toBe(ALPHA);
    expect(defaultAtlasEntry([])).toBeUndefined();
  });
});

describe('loadAtlas: files that cannot be used', () => {
  it('reports an unreadable index, with the reader’s message', async () => {
    expect(await loadAtlas(memoryReader(dataRoot({ [INDEX_FILE]: undefined })), { prefix: 'data/' })).toEqual(
      {
        index: [],
        issues: [error('data/atlases/index.json', 'unreadable', '', 'no file at atlases/index.json')],
      },
    );
  });

  it('reports an unreadable atlas file and returns the entry but no atlas', async () => {
    const files = dataRoot({ 'atlases/beta/places.geojson': undefined });
    expect(await loadAtlas(memoryReader(files), { prefix: 'data/' })).toEqual({
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [
        error('data/atlases/beta/places.geojson', 'unreadable', '', 'no file at atlases/beta/places.geojson'),
      ],
    });
  });

  it('reports broken JSON with the line and column of the error', async () => {
    const broken = '{\n  "facts": [],\n}';
    expect(
      await loadAtlas(memoryReader(dataRoot({ 'atlases/beta/facts.json': broken })), { prefix: 'data/' }),
    ).toEqual({
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [
        error(
          'data/atlases/beta/facts.json',
          'not-json',
          '',
          "not valid JSON: line 3, column 1: unexpected '}': expected a property name in double quotes",
        ),
      ],
    });
  });

  it('names files relative to the data root, with no prefix unless one is given', async () => {
    const places = JSON.stringify({ ...JSON.parse(PLACES), crs: { type: 'name' } });
    expect(await loadAtlas(memoryReader(dataRoot({ 'atlases/beta/places.geojson': places })))).toEqual({
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [
        error('atlases/beta/places.geojson', 'crs-member', 'crs', 'RFC 7946 GeoJSON has no "crs" member'),
      ],
    });
  });

  it('prefixes the file name of validation issues', async () => {
    const places = JSON.stringify({ ...JSON.parse(PLACES), crs: { type: 'name' } });
    const load = await loadAtlas(memoryReader(dataRoot({ 'atlases/beta/places.geojson': places })), {
      prefix: 'data/',
    });
    expect(load.issues).toEqual([
      error('data/atlases/beta/places.geojson', 'crs-member', 'crs', 'RFC 7946 GeoJSON has no "crs" member'),
    ]);
  });
});

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"atlases": [1, "two", null]}', 'x.json')).toEqual({
      value: { atlases: [1, 'two', null] },
      issues: [],
    });
  });

  it('ignores a byte order mark, as RFC 8259 lets a reader (editors on Windows write one)', () => {
    expect(parseJson('\uFEFF{"a": 1}', 'x.json')).toEqual({ value: { a: 1 }, issues: [] });
  });

  it('says a file with nothing but white space is empty', () => {
    expect(parseJson(' \n', 'x.json')).toEqual({
      issues: [error('x.json', 'not-json', '', 'not valid JSON: the file is empty')],
    });
  });

  it('counts lines and columns from 1', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    expect(parseJson(text, 'x.json')).toEqual({
      issues: [
        error(
          'x.json',
          'not-json',
          '',
          `not valid JSON: line 3, column 3: unexpected '"': expected "," or "}" in an object`,
        ),
      ],
    });
  });

  // Regression: the place used to come from "position N" in the engine's message, which V8 leaves
  // out for an unexpected token and at the end of the input.
  it('names the line and column of an unexpected token', () => {
    expect(parseJson('{"a": }', 'x.json')).toEqual({
      issues: [
        error('x.json', 'not-json', '', "not valid JSON: line 1, column 7: unexpected '}': expected a value"),
      ],
    });
  });

  it('names the place where a truncated file ends', () => {
    expect(parseJson('{"a": [1, 2', 'x.json')).toEqual({
      issues: [
        error(
          'x.json',
          'not-json',
          '',
          'not valid JSON: line 1, column 12: the file ends too early: expected "," or "]" in an array',
        ),
      ],
    });
  });
});

describe('loadAtlas from disk', () => {
  it('loads the second data root with no code change', async () => {
    expect(await loadAtlas(fileReader(SECOND_ATLAS_ROOT), { prefix: 'fixture/' })).toEqual({
      atlas: expectedAtlas(),
      entry: {
        id: 'tbilisi-fixture',
        path: 'atlases/tbilisi-fixture',
        title: 'Test fixture: three Georgian cities',
        default: true,
      },
      index: [
        {
          id: 'tbilisi-fixture',
          path: 'atlases/tbilisi-fixture',
          title: 'Test fixture: three Georgian cities',
          default: true,
        },
      ],
      issues: [],
    });
  });

  it('loads the real data root', async () => {
    const load = await loadAtlas(fileReader(DATA_ROOT), { prefix: 'data/' });
    expect(load.issues).toEqual([]);
    expect(load.entry).toEqual({
      id: 'karabakh-peace-talks',
      path: 'atlases/karabakh-peace-talks',
      title: 'Karabakh peace talks',
      default: true,
    });
    expect(load.atlas?.article.id).toBe('karabakh-peace-talks');
  });

  it('reports a data root that is not there', async () => {
    expect(await loadAtlas(fileReader(join(SECOND_ATLAS_ROOT, 'missing')), { prefix: 'nowhere/' })).toEqual({
      index: [],
      issues: [error('nowhere/atlases/index.json', 'unreadable', '', 'cannot read the file (ENOENT)')],
    });
  });
});

describe('loadAtlas: files the build validated', () => {
  const files = dataRoot();
  const digestOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const digest = async (text: string) => digestOf(text);
  /** What a build of `files` lists: the digest of each path given, and the index's entries as validated. */
  const built = (paths: string[], index: AtlasIndexEntry[] = [ALPHA, BETA]): ValidatedFiles => ({
    digests: Object.fromEntries(paths.map((p) => [p, digestOf(files[p]!)])),
    index,
  });
  const BETA_FILES = ['atlases/beta/article.json', 'atlases/beta/places.geojson', 'atlases/beta/facts.json'];

  it('takes an index and an atlas whose texts have the listed digests as the build validated them', async () => {
    // The entries come from the build, not from the text: a title the build read is shown.
    const index = [ALPHA, { ...BETA, title: 'Beta as built' }];
    const load = await loadAtlas(memoryReader(files), {
      prefix: 'data/',
      validated: { files: built([INDEX_FILE, ...BETA_FILES], index), digest },
    });
    expect(load).toEqual({ atlas: expectedAtlas(), entry: index[1], index, issues: [], asBuilt: true });
  });

  it('validates a file whose text differs from the one the build validated, with the validator’s words', async () => {
    const places = JSON.stringify({ ...JSON.parse(PLACES), crs: { type: 'name' } });
    const load = await loadAtlas(memoryReader({ ...files, 'atlases/beta/places.geojson': places }), {
      prefix: 'data/',
      validated: { files: built([INDEX_FILE, ...BETA_FILES]), digest },
    });
    expect(load).toEqual({
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [
        error(
          'data/atlases/beta/places.geojson',
          'crs-member',
          'crs',
          'RFC 7946 GeoJSON has no "crs" member',
        ),
      ],
    });
  });

  it('validates an index that differs from the one the build validated', async () => {
    const index = JSON.stringify({ atlases: [{ ...ALPHA, default: true }, BETA] });
    const load = await loadAtlas(memoryReader({ ...files, [INDEX_FILE]: index }), {
      validated: { files: built([INDEX_FILE, ...BETA_FILES]), digest },
    });
    expect(load).toEqual({
      entry: { ...ALPHA, default: true },
      index: [{ ...ALPHA, default: true }, BETA],
      issues: [
        error('atlases/index.json', 'several-defaults', 'atlases', 'at most one atlas may be the default'),
      ],
    });
  });

  it('validates an atlas of which the build listed only some files, and one whose digest cannot be computed', async () => {
    // Beta's article and places are listed, its facts not (an atlas added after the build).
    const partly = built([INDEX_FILE, ...BETA_FILES.slice(0, 2)]);
    const [first, ...rest] = (JSON.parse(FACTS) as { facts: object[] }).facts;
    const facts = JSON.stringify({ facts: [{ ...first, kind: 'rumour' }, ...rest] });
    const reader = memoryReader({ ...files, 'atlases/beta/facts.json': facts });
    const expected = {
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [
        error(
          'atlases/beta/facts.json',
          'bad-value',
          'facts[0].kind',
          '"rumour" is not one of "event", "figure", "quotation", "statement", "context"',
        ),
      ],
    };
    const load = await loadAtlas(reader, { validated: { files: partly, digest } });
    expect(load).toEqual(expected);
    // A page served over plain HTTP has no Web Crypto: every file is validated.
    const noDigest = async () => undefined;
    const all = built([INDEX_FILE, ...BETA_FILES]);
    expect(await loadAtlas(reader, { validated: { files: all, digest: noDigest } })).toEqual(expected);
  });

  it('compares the digest of the text without its byte order mark', async () => {
    const withMark = { ...files, 'atlases/beta/facts.json': `\uFEFF${FACTS}` };
    const seen: string[] = [];
    const load = await loadAtlas(memoryReader(withMark), {
      validated: {
        files: built([INDEX_FILE, ...BETA_FILES]),
        digest: async (text) => (seen.push(text.slice(0, 1)), digestOf(text)),
      },
    });
    expect(load).toEqual({
      atlas: expectedAtlas(),
      entry: BETA,
      index: [ALPHA, BETA],
      issues: [],
      asBuilt: true,
    });
    expect(seen).toEqual(['{', '{', '{', '{']);
  });
});
