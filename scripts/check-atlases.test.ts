import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SECOND_ATLAS_DIR,
  SECOND_ATLAS_ROOT,
  SECOND_ATLAS_TEXT,
  readAtlasFiles,
  readInvalidFixtureFiles,
} from '../tests/helpers/atlas-files';
import { writeDataRoot } from '../tests/helpers/data-root';
import type { Issue } from '../src/domain/issues';
import { checkAtlases, errorReport } from './check-atlases';
import { ROOT } from './node-data';
import { errorIssue } from '../tests/helpers/issues';

const roots: string[] = [];
const dataRoot = (...args: Parameters<typeof writeDataRoot>) => {
  const root = writeDataRoot(...args);
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const error = errorIssue;
const ARTICLE = 'data/atlases/tbilisi-fixture/article.json';
const FACTS = 'data/atlases/tbilisi-fixture/facts.json';

describe('checkAtlases', () => {
  it('validates the second data root and checks it against the text its source.file names', async () => {
    const { atlases, issues } = await checkAtlases(SECOND_ATLAS_ROOT, { prefix: 'fixture/' });
    expect(issues).toEqual([]);
    expect(atlases.map((a) => [a.entry.id, a.atlas?.facts.length, a.textFile])).toEqual([
      ['tbilisi-fixture', 7, 'tests/fixtures/valid/second-atlas/article.txt'],
    ]);
  });

  it('reports an article text that is not there as an error naming the path it tried', async () => {
    const root = dataRoot(undefined, null);
    const { atlases, issues } = await checkAtlases(root, { prefix: 'data/' });
    const tried = relative(ROOT, join(root, 'article.txt'));
    expect(issues).toEqual([
      error(
        ARTICLE,
        'article-text-unreadable',
        'source.file',
        `cannot read the article's text at ${tried} (ENOENT): "../../article.txt" is relative to the atlas's folder`,
      ),
    ]);
    expect(atlases.map((a) => [a.entry.id, a.atlas?.article.id, a.textFile])).toEqual([
      ['tbilisi-fixture', 'tbilisi-fixture', undefined],
    ]);
  });

  it('reports a figure its own text does not hold', async () => {
    const text = readFileSync(SECOND_ATLAS_TEXT, 'utf8').replace('lasted 90 minutes', 'lasted 80 minutes');
    const { issues } = await checkAtlases(dataRoot(undefined, text), { prefix: 'data/' });
    expect(issues).toEqual([
      error(
        FACTS,
        'figure-not-in-paragraph',
        'facts[0].figures[0].text',
        '"90 minutes" is not in paragraph 1',
      ),
    ]);
  });

  it('gives the validator’s issues for an invalid atlas, and reads no text for it', async () => {
    const files = readInvalidFixtureFiles('unknown-place-in-fact.json');
    const { atlases, issues } = await checkAtlases(dataRoot(files, null), { prefix: 'data/' });
    expect(issues).toEqual([error(FACTS, 'unknown-place', 'facts[2].placeIds[0]', 'no place "tbilsi"')]);
    expect(atlases.map((a) => [a.entry.id, a.atlas, a.textFile])).toEqual([
      ['tbilisi-fixture', undefined, undefined],
    ]);
  });
});

describe('errorReport', () => {
  it('lists the errors as npm run validate prints them, under one line, and is undefined without errors', async () => {
    const { issues } = await checkAtlases(dataRoot(readAtlasFiles(SECOND_ATLAS_DIR), null), {
      prefix: 'data/',
    });
    expect(errorReport(issues)).toBe(
      [
        'the atlas data did not pass validation (npm run validate): 1 error(s)',
        `${ARTICLE}: source.file: ${issues[0]?.message} [article-text-unreadable]`,
      ].join('\n'),
    );
    const warning: Issue = { ...issues[0]!, severity: 'warning' };
    expect([errorReport([]), errorReport([warning])]).toEqual([undefined, undefined]);
  });
});
