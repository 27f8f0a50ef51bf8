import { join } from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from './node-data';

/**
 * A data file's JSON as the repository's Prettier writes a file of that name under data/, so that
 * `npm run lint` passes on it wherever it is written (a temporary data root too): new-atlas and the
 * editor's save write through it.
 */
export async function formatAtlasJson(value: unknown, fileName: string): Promise<string> {
  const path = join(ROOT, 'data/atlases/example', fileName);
  const config = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(JSON.stringify(value, null, 2), { ...config, parser: 'json', filepath: path });
}
