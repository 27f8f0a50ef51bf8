import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAtlasFiles, readInvalidFixtureFiles, SECOND_ATLAS_DIR } from '../tests/helpers/atlas-files';
import { writeDataRoot } from '../tests/helpers/data-root';
import { validatedFiles } from './validated-files';

const roots: string[] = [];
afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataRoot = (...args: Parameters<typeof writeDataRoot>) => {
  const root = writeDataRoot(...args);
  roots.push(root);
  return root;
};
const digestOf = (root: string, path: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, path)))
    .digest('hex')
    .slice(0, 32);
const FILES = [
  'atlases/index.json',
  'atlases/tbilisi-fixture/article.json',
  'atlases/tbilisi-fixture/facts.json',
  'atlases/tbilisi-fixture/places.geojson',
];
const ENTRY = { id: 'tbilisi-fixture', path: 'atlases/tbilisi-fixture', title: 'Fixture', default: false };

describe('validatedFiles', () => {
  it('lists the digest of the index and of each valid atlas’s files, and the index’s entries as validated', async () => {
    const root = dataRoot();
    const { issues, files } = await validatedFiles(root);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(files).toEqual({
      digests: Object.fromEntries(FILES.map((path) => [path, digestOf(root, path)])),
      // `default` is left out of the file: the validator reads it as false.
      index: [ENTRY],
    });
  });

  it('leaves out an atlas that the validator does not return as its files’ JSON as written', async () => {
    const files = readAtlasFiles(SECOND_ATLAS_DIR);
    const { features, ...collection } = files.places as { features: { geometry: object }[] };
    // A feature's bbox is checked, and not kept in the place the validator returns.
    const [first, ...rest] = features;
    const places = { ...collection, features: [{ ...first, bbox: [44.7, 41.6, 44.9, 41.8] }, ...rest] };
    const root = dataRoot({ ...files, places });
    expect((await validatedFiles(root)).files).toEqual({
      digests: { 'atlases/index.json': digestOf(root, 'atlases/index.json') },
      index: [ENTRY],
    });
  });

  it('digests a file’s text without its byte order mark, as the page reads it', async () => {
    const root = dataRoot();
    const path = join(root, 'atlases/tbilisi-fixture/facts.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `\uFEFF${text}`);
    const digest = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
    expect((await validatedFiles(root)).files.digests['atlases/tbilisi-fixture/facts.json']).toBe(digest);
  });

  it('lists nothing when there is an error (the build fails)', async () => {
    const { issues, files } = await validatedFiles(
      dataRoot(readInvalidFixtureFiles('unknown-place-in-fact.json')),
    );
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['unknown-place']);
    expect(files).toEqual({ digests: {}, index: [] });
  });
});
