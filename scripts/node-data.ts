import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadText } from '../src/domain/load-atlas';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_ROOT = join(ROOT, 'data');
/** The seed article, beside the project in ../shared. */
export const SEED_ARTICLE = resolve(ROOT, '../shared/seed/article.txt');

/** Reads files under a data root from disk, for the domain loader. */
export function fileReader(root: string): ReadText {
  return async (path) => {
    try {
      return { ok: true, text: await readFile(join(root, path), 'utf8') };
    } catch (error) {
      return {
        ok: false,
        message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      };
    }
  };
}

/** The text of an atlas's article when its source file is present (it lives outside the repo). */
export function readArticleText(sourceFile: string): string | undefined {
  const path = resolve(ROOT, '..', sourceFile);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
