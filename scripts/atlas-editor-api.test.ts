import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readEditorAtlas, saveEditorAtlas, searchEditorGazetteer } from './atlas-editor-api';
import { ROOT } from './node-data';
import { atlasEditor } from './vite-plugin-atlas-editor';
import { snapshotFiles } from '../tests/helpers/file-tree';

const ID = 'cyprus-talks-draft';
let root = '';

const snapshot = snapshotFiles;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'editor-api-'));
  cpSync(join(ROOT, 'tests/fixtures/draft', ID), join(root, 'atlases', ID), { recursive: true });
  writeFileSync(
    join(root, 'atlases/index.json'),
    JSON.stringify({ atlases: [{ id: ID, path: `atlases/${ID}`, title: 'Draft' }] }),
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A warning the validator gives of a review note of the fixture's. */
const draft = (file: string, path: string, message: string) => ({
  code: 'draft',
  message: `draft: ${message}`,
  severity: 'warning',
  file,
  path,
});

/** The warnings of the fixture's article and places review notes. */
const ARTICLE_AND_PLACE_DRAFTS = [
  draft('article.json', 'summary', "write the summary in the project's own words"),
  draft('article.json', 'paragraphs', 'line 3 is not a paragraph (a date line): confirm'),
  draft('article.json', 'paragraphs', 'line 10 is not a paragraph (a credit line): confirm'),
  draft('places.geojson', 'features[0].properties.role', "write the place's part in this story"),
  draft(
    'places.geojson',
    'features[0].geometry',
    'confirm the point: GeoNames 146268, the only match for “Cyprus”’s capital',
  ),
  draft('places.geojson', 'features[1].properties.group', 'confirm that Turkey stands for a reaction'),
  draft('places.geojson', 'features[2]', '“Washington” matched 2 places: the first was taken'),
  draft(
    'places.geojson',
    'features[2]',
    'pick one of 2 places named “Washington”: Washington, D.C. (US, pop. 689,545), Washington (GB, pop. 53,526)',
  ),
];

/** A drafted place that no fact cites. */
const unusedPlace = (id: string, index: number) => ({
  code: 'unused-place',
  message: `place "${id}" has no fact`,
  severity: 'warning',
  file: 'places.geojson',
  path: `features[${index}]`,
});

/** The warnings of the fixture's facts' review notes. */
const FACT_DRAFTS = [
  draft('facts.json', 'facts[0].text', 'check the paraphrase'),
  draft('facts.json', 'facts[0].date', '“next week” resolved against Friday 7 February 2014'),
  draft('facts.json', 'facts[1].text', 'check the paraphrase'),
  draft(
    'facts.json',
    'facts[2].quote.speaker',
    'confirm the speaker, drafted from “expressed” before the quotation',
  ),
];

/** The fixture's warnings: its review notes, and Ankara, which no fact cites yet. */
const FIXTURE_WARNINGS = [...ARTICLE_AND_PLACE_DRAFTS, unusedPlace('ankara', 1), ...FACT_DRAFTS];

const body = () =>
  JSON.stringify({
    article: JSON.parse(readFileSync(join(root, 'atlases', ID, 'article.json'), 'utf8')),
    places: JSON.parse(readFileSync(join(root, 'atlases', ID, 'places.geojson'), 'utf8')),
    facts: JSON.parse(readFileSync(join(root, 'atlases', ID, 'facts.json'), 'utf8')),
  });

describe('the atlas editor endpoints', () => {
  it('are a plugin of the dev server only', () => {
    expect(atlasEditor({ dataRoot: 'data' }).apply).toBe('serve');
  });

  it('read an atlas of the index with its text and its problems', async () => {
    const answer = await readEditorAtlas(root, ID);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      files: JSON.parse(body()),
      text: readFileSync(join(root, 'atlases', ID, 'article.txt'), 'utf8'),
      issues: FIXTURE_WARNINGS,
    });
  });

  it.each([
    ['../atlases', '"../atlases" is not an atlas id (a-z, 0-9 and single hyphens)'],
    [`../${ID}`, `"../${ID}" is not an atlas id (a-z, 0-9 and single hyphens)`],
    ['karabakh-peace-talks', 'no atlas "karabakh-peace-talks" in the index'],
  ])('refuse the id %s with a 400 and change nothing', async (id, message) => {
    const before = snapshot(root);
    expect(await saveEditorAtlas(root, id, body())).toEqual({ status: 400, body: { message } });
    expect(await readEditorAtlas(root, id)).toEqual({ status: 400, body: { message } });
    expect(snapshot(root)).toEqual(before);
  });

  it('refuse a body that is not JSON, or not the three files, or over 5 MB', async () => {
    const before = snapshot(root);
    expect(await saveEditorAtlas(root, ID, '{"article": ')).toEqual({
      status: 400,
      body: {
        message: expect.stringMatching(/^the body is not JSON \(.+\): not saved$/) as unknown,
      },
    });
    expect(await saveEditorAtlas(root, ID, '{"article": {}}')).toEqual({
      status: 400,
      body: { message: 'the body must be an object with "article", "places" and "facts": not saved' },
    });
    expect(await saveEditorAtlas(root, ID, ' '.repeat(MAX_BODY_BYTES + 1))).toEqual({
      status: 400,
      body: { message: 'the atlas is over 5 MB: not saved' },
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('save the three files formatted as the repository formats them, errors and all', async () => {
    const files = JSON.parse(body()) as { facts: { facts: { text: string }[] } };
    // The one fact with no note on its paraphrase: an empty one is an error, and the fact is
    // dropped, so that Washington, which only it cites, is unused.
    const biden = files.facts.facts[2];
    if (biden) biden.text = '';
    const before = snapshot(root);
    const answer = await saveEditorAtlas(root, ID, JSON.stringify(files));
    expect(answer).toEqual({
      status: 200,
      body: {
        issues: [
          ...ARTICLE_AND_PLACE_DRAFTS,
          unusedPlace('ankara', 1),
          unusedPlace('washington', 2),
          ...FACT_DRAFTS,
          {
            code: 'empty-string',
            message: '"text" must not be empty',
            severity: 'error',
            file: 'facts.json',
            path: 'facts[2].text',
          },
        ],
      },
    });
    const after = snapshot(root);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual([`/atlases/${ID}/facts.json`]);
    const saved = after[`/atlases/${ID}/facts.json`] ?? '';
    expect(JSON.parse(saved)).toEqual(files.facts);
    const config = await prettier.resolveConfig(join(ROOT, 'data/atlases/x/facts.json'));
    expect(
      await prettier.check(saved, { ...config, filepath: join(ROOT, 'data/atlases/x/facts.json') }),
    ).toBe(true);
  });

  it('search the gazetteer given, or say why it cannot', async () => {
    const entry = {
      name: 'Nicosia',
      names: ['Nicosia'],
      localNames: [],
      country: 'CY',
      population: 200452,
      featureCode: 'PPLC',
      kind: 'capital' as const,
      coordinates: [33.3642, 35.1753] as [number, number],
      source: { name: 'GeoNames', licence: 'CC BY 4.0' },
    };
    const asked: [string, number][] = [];
    const search = (q: string, limit: number) => {
      asked.push([q, limit]);
      return Promise.resolve(Array.from({ length: 12 }, () => entry));
    };
    const answer = await searchEditorGazetteer(search, ' Nicosia ');
    expect(asked).toEqual([['Nicosia', 10]]);
    expect(answer).toEqual({ status: 200, body: { entries: Array.from({ length: 10 }, () => entry) } });
    // An area comes with its outline as a draft would have it, and with its first names only.
    const area = {
      ...entry,
      name: 'Northern Cyprus',
      names: Array.from({ length: 12 }, (_, i) => `Name ${i + 1}`),
      kind: 'region' as const,
      featureCode: 'region',
      outline: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [32.7, 35],
            [32.7, 35.7],
            [33.5, 35.7003],
            [34.6, 35.7],
            [34.6, 35.0000001234],
            [32.7, 35],
          ],
        ],
      },
    };
    expect(await searchEditorGazetteer(() => Promise.resolve([area]), 'Northern Cyprus')).toEqual({
      status: 200,
      body: {
        entries: [
          {
            ...area,
            names: ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6', 'Name 7', 'Name 8'],
            outline: {
              type: 'Polygon',
              coordinates: [
                [
                  [32.7, 35],
                  [34.6, 35],
                  [34.6, 35.7],
                  [32.7, 35.7],
                  [32.7, 35],
                ],
              ],
            },
          },
        ],
      },
    });
    expect(await searchEditorGazetteer(() => Promise.reject(new Error('no module')), 'x')).toEqual({
      status: 503,
      body: { message: 'the gazetteer is not available (no module)' },
    });
  });
});
