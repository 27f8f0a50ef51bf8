// The atlas editor's endpoints (scripts/vite-plugin-atlas-editor.ts serves them under `npm start`):
// read an atlas of the index with its text and problems, save its three files, search the
// gazetteer. Each answer is a status and a JSON body; bad input is a 400 with a message.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkAgainstArticle } from '../src/domain/check-against-article';
import { draftOutline } from '../src/domain/draft/assemble';
import type { GazetteerEntry } from '../src/domain/draft/types';
import type { Issue } from '../src/domain/issues';
import { isObject } from '../src/domain/json-reader';
import { KEBAB_ID, withoutByteOrderMark } from '../src/domain/json-text';
import { ATLAS_FILES, type AtlasFile, type AtlasFiles, type AtlasIndexEntry } from '../src/domain/types';
import { validateAtlas, validateAtlasIndex } from '../src/domain/validate-atlas';
import { formatAtlasJson } from './format-atlas-json';
import { readArticleText } from './node-data';

/** An endpoint's answer. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** The largest body a save accepts. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The file each of an atlas's parts is saved to, in its folder. */
export const ATLAS_FILE_NAMES: Record<AtlasFile, string> = {
  article: 'article.json',
  places: 'places.geojson',
  facts: 'facts.json',
};

/** How the editor names the files in the issues it is given (src/editor/editor-state.ts DRAFT_FILE_NAMES). */
const ISSUE_FILE_NAMES = ATLAS_FILE_NAMES;

const refuse = (status: number, message: string): ApiAnswer => ({ status, body: { message } });

type Located = { ok: true; entry: AtlasIndexEntry; folder: string } | { ok: false; answer: ApiAnswer };

/**
 * The folder of atlas `id` under the data root: the id must be kebab-case, listed in the index,
 * and its folder `atlases/<id>`; anything else is refused.
 */
export async function locateAtlas(dataRoot: string, id: string): Promise<Located> {
  if (!KEBAB_ID.test(id)) {
    return { ok: false, answer: refuse(400, `"${id}" is not an atlas id (a-z, 0-9 and single hyphens)`) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(withoutByteOrderMark(await readFile(join(dataRoot, 'atlases/index.json'), 'utf8')));
  } catch (error) {
    return { ok: false, answer: refuse(500, `cannot read the atlas index: ${String(error)}`) };
  }
  const entry = validateAtlasIndex(raw, 'atlases/index.json').entries.find((e) => e.id === id);
  if (!entry) return { ok: false, answer: refuse(400, `no atlas "${id}" in the index`) };
  const folder = resolve(dataRoot, 'atlases', id);
  if (resolve(dataRoot, entry.path) !== folder) {
    return {
      ok: false,
      answer: refuse(
        400,
        `the index puts atlas "${id}" at "${entry.path}": the editor saves only atlases/${id}`,
      ),
    };
  }
  return { ok: true, entry, folder };
}

/** The problems of an atlas's files: validation, then the check against its article's text. */
function checkFiles(files: AtlasFiles, folder: string): { issues: Issue[]; text: string | null } {
  const { atlas, issues } = validateAtlas(files, ISSUE_FILE_NAMES);
  const sourceFile =
    isObject(files.article) && isObject(files.article.source) ? files.article.source.file : undefined;
  if (typeof sourceFile !== 'string') return { issues, text: null };
  const text = readArticleText(folder, sourceFile);
  if (!text.ok) {
    const unreadable: Issue = {
      code: 'article-text-unreadable',
      message: `cannot read the article's text at ${text.path} (${text.reason})`,
      severity: 'error',
      file: ISSUE_FILE_NAMES.article,
      path: 'source.file',
    };
    return { issues: [...issues, unreadable], text: null };
  }
  return {
    issues: atlas ? [...issues, ...checkAgainstArticle(atlas, text.text, ISSUE_FILE_NAMES)] : issues,
    text: text.text,
  };
}

/** GET: the atlas's three files as they are on disk, its article's text and its problems. */
export async function readEditorAtlas(dataRoot: string, id: string): Promise<ApiAnswer> {
  const located = await locateAtlas(dataRoot, id);
  if (!located.ok) return located.answer;
  const files: Partial<AtlasFiles> = {};
  for (const part of ATLAS_FILES) {
    try {
      files[part] = JSON.parse(
        withoutByteOrderMark(await readFile(join(located.folder, ATLAS_FILE_NAMES[part]), 'utf8')),
      );
    } catch (error) {
      return refuse(500, `cannot read ${ATLAS_FILE_NAMES[part]} of "${id}": ${String(error)}`);
    }
  }
  const whole: AtlasFiles = { article: files.article, places: files.places, facts: files.facts };
  const { issues, text } = checkFiles(whole, located.folder);
  return { status: 200, body: { files: whole, text, issues } };
}

/**
 * PUT: validates the three files of `body` and writes them, formatted, into the atlas's folder
 * (each through a temporary file renamed over it). Files with errors are saved too, so that an
 * editor's work is never lost: the answer lists every problem.
 */
export async function saveEditorAtlas(dataRoot: string, id: string, body: string): Promise<ApiAnswer> {
  const located = await locateAtlas(dataRoot, id);
  if (!located.ok) return located.answer;
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    return refuse(400, `the atlas is over ${MAX_BODY_BYTES / 1024 / 1024} MB: not saved`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return refuse(
      400,
      `the body is not JSON (${error instanceof Error ? error.message : String(error)}): not saved`,
    );
  }
  if (!isObject(parsed) || !ATLAS_FILES.every((part) => isObject(parsed[part]))) {
    return refuse(400, 'the body must be an object with "article", "places" and "facts": not saved');
  }
  const files: AtlasFiles = { article: parsed.article, places: parsed.places, facts: parsed.facts };
  const { issues } = checkFiles(files, located.folder);
  const written: { temp: string; target: string }[] = [];
  try {
    for (const part of ATLAS_FILES) {
      const target = join(located.folder, ATLAS_FILE_NAMES[part]);
      const temp = join(located.folder, `.${ATLAS_FILE_NAMES[part]}.${process.pid}.tmp`);
      await writeFile(temp, await formatAtlasJson(files[part], ATLAS_FILE_NAMES[part]), 'utf8');
      written.push({ temp, target });
    }
    for (const { temp, target } of written) await rename(temp, target);
  } catch (error) {
    await Promise.all(written.map(({ temp }) => rm(temp, { force: true })));
    return refuse(500, `could not write the files: ${String(error)}`);
  }
  return { status: 200, body: { issues } };
}

/** Searches the gazetteer: the entries for a name, best first. */
export type GazetteerSearch = (query: string, limit: number) => Promise<GazetteerEntry[]>;

/** The most entries a search answers with. */
export const SEARCH_LIMIT = 10;

/** GET gazetteer: up to ten entries for `query`, or the reason the gazetteer cannot answer. */
export async function searchEditorGazetteer(search: GazetteerSearch, query: string): Promise<ApiAnswer> {
  const q = query.trim();
  if (q === '') return { status: 200, body: { entries: [] } };
  try {
    const entries = (await search(q, SEARCH_LIMIT)).slice(0, SEARCH_LIMIT).map(forTheEditor);
    return { status: 200, body: { entries } };
  } catch (error) {
    return refuse(
      503,
      `the gazetteer is not available (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The names an entry is shown by in the editor's search results. */
const NAMES_SHOWN = 8;

/**
 * An entry as the editor needs it: its outline simplified as a draft's is (a country's 10m
 * outline is megabytes), and its first names, not the hundreds of alternates it is matched on.
 */
function forTheEditor(entry: GazetteerEntry): GazetteerEntry {
  return {
    ...entry,
    names: entry.names.slice(0, NAMES_SHOWN),
    ...(entry.outline && { outline: draftOutline(entry.outline).geometry }),
  };
}
