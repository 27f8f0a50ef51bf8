import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/node-data';
import type { AtlasFileNames, AtlasFiles } from '../../src/domain/types';

export { ROOT, SEED_ARTICLE } from '../../scripts/node-data';
export const REAL_ATLAS_DIR = join(ROOT, 'data/atlases/karabakh-peace-talks');

/** A second data root (its own atlases/index.json), to show that nothing is tied to the real atlas. */
export const SECOND_ATLAS_ROOT = join(ROOT, 'tests/fixtures/valid/second-atlas');
export const SECOND_ATLAS_DIR = join(SECOND_ATLAS_ROOT, 'atlases/tbilisi-fixture');
/** The synthetic article text; its article.json's source.file is only a placeholder. */
export const SECOND_ATLAS_TEXT = join(SECOND_ATLAS_ROOT, 'article.txt');

/** One file per defect: `{ description, article, places, facts }`. */
export const INVALID_DIR = join(ROOT, 'tests/fixtures/invalid/atlas');

/** File names the tests hand to the validator, so that expected issues stay short. */
export const FILE_NAMES: AtlasFileNames = {
  article: 'article.json',
  places: 'places.geojson',
  facts: 'facts.json',
};

export const readJsonFile = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

/** The raw contents of an atlas folder's three files. */
export function readAtlasFiles(dir: string): AtlasFiles {
  return {
    article: readJsonFile(join(dir, 'article.json')),
    places: readJsonFile(join(dir, 'places.geojson')),
    facts: readJsonFile(join(dir, 'facts.json')),
  };
}
