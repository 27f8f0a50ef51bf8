import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AtlasFiles } from '../../src/domain/types';
import { SECOND_ATLAS_DIR, SECOND_ATLAS_TEXT, readAtlasFiles } from './atlas-files';

/**
 * Writes a data root to `root` (a new temporary folder by default): `atlases/index.json` listing
 * one atlas, its three files, and `text` as `article.txt` at the root, where the second atlas's
 * source.file (`../../article.txt`) finds it; no text file when `text` is null. Returns the root.
 */
export function writeDataRoot(
  files: AtlasFiles = readAtlasFiles(SECOND_ATLAS_DIR),
  text: string | null = readFileSync(SECOND_ATLAS_TEXT, 'utf8'),
  root = mkdtempSync(join(tmpdir(), 'atlas-data-')),
): string {
  const dir = join(root, 'atlases/tbilisi-fixture');
  mkdirSync(dir, { recursive: true });
  const index = { atlases: [{ id: 'tbilisi-fixture', path: 'atlases/tbilisi-fixture', title: 'Fixture' }] };
  writeFileSync(join(root, 'atlases/index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'article.json'), JSON.stringify(files.article));
  writeFileSync(join(dir, 'places.geojson'), JSON.stringify(files.places));
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(files.facts));
  if (text !== null) writeFileSync(join(root, 'article.txt'), text);
  return root;
}
