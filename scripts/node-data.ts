import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadText } from '../src/domain/load-atlas';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The data root: data/, or ATLAS_DATA_DIR (relative to the repository), as vite.config.ts reads it. */
export const DATA_ROOT = resolve(ROOT, process.env.ATLAS_DATA_DIR ?? 'data');

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

/** An atlas's article text as read from disk, or why it could not be; `path` is the file tried. */
export type ArticleText =
  { ok: true; text: string; path: string } | { ok: false; path: string; reason: string };

/**
 * Reads an atlas's article text: `sourceFile` (its `source.file`) is relative to the atlas's own
 * folder, `atlasFolder` (for example `data/atlases/karabakh-peace-talks`).
 */
export function readArticleText(atlasFolder: string, sourceFile: string): ArticleText {
  const path = resolve(atlasFolder, sourceFile);
  try {
    return { ok: true, text: readFileSync(path, 'utf8'), path };
  } catch (error) {
    return { ok: false, path, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
