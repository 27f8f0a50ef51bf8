import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_ROOT, ROOT } from '../../scripts/node-data';
import type { AtlasFileNames, AtlasFiles } from '../../src/domain/types';
import { validateAtlasIndex } from '../../src/domain/validate-atlas';

export { DATA_ROOT, ROOT } from '../../scripts/node-data';
/** The seed atlas: only tests of the seed's own content name it (or its ids). */
export const REAL_ATLAS_DIR = join(ROOT, 'data/atlases/karabakh-peace-talks');

/** A second data root (its own atlases/index.json), to show that nothing is tied to the real atlas. */
export const SECOND_ATLAS_ROOT = join(ROOT, 'tests/fixtures/valid/second-atlas');
export const SECOND_ATLAS_DIR = join(SECOND_ATLAS_ROOT, 'atlases/tbilisi-fixture');
/** The synthetic article text, which its article.json's source.file names (`../../article.txt`). */
export const SECOND_ATLAS_TEXT = join(SECOND_ATLAS_ROOT, 'article.txt');

/** One file per defect: `{ description, article, places, facts }`. */
export const INVALID_DIR = join(ROOT, 'tests/fixtures/invalid/atlas');

/** The atlas files of one fixture of INVALID_DIR, without its description. */
export function readInvalidFixtureFiles(name: string): AtlasFiles {
  const { article, places, facts } = readJsonFile(join(INVALID_DIR, name)) as AtlasFiles;
  return { article, places, facts };
}

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

/** An atlas that `data/atlases/index.json` lists, with its folder on disk. */
export interface IndexedAtlas {
  id: string;
  /** Its folder, relative to `data/` (`atlases/karabakh-peace-talks`). */
  path: string;
  dir: string;
}

/** Every atlas the real index lists, in its order: tests that loop over them cover an atlas once it is listed. */
export function indexedAtlases(): IndexedAtlas[] {
  const { entries } = validateAtlasIndex(readJsonFile(join(DATA_ROOT, 'atlases/index.json')), 'index.json');
  return entries.map((e) => ({ id: e.id, path: e.path, dir: join(DATA_ROOT, e.path) }));
}
