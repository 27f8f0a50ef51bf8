import { hasErrors, IssueList, shorten, type Issue } from './issues';
import { withoutByteOrderMark } from './json-reader';
import type { Atlas, AtlasIndexEntry } from './types';
import { validateAtlas, validateAtlasIndex } from './validate-atlas';

/** Reads a text file by its path under the data root; I/O is the caller's (fetch in the page, fs in Node). */
export type ReadText = (path: string) => Promise<{ ok: true; text: string } | { ok: false; message: string }>;

export interface AtlasLoad {
  atlas?: Atlas;
  entry?: AtlasIndexEntry;
  /** Every atlas the index lists. */
  index: AtlasIndexEntry[];
  issues: Issue[];
}

export const INDEX_FILE = 'atlases/index.json';

async function readJson(read: ReadText, path: string): Promise<{ value?: unknown; issues: Issue[] }> {
  const result = await read(path);
  if (!result.ok) {
    const issues = new IssueList(path);
    issues.error('unreadable', '', result.message);
    return { issues: issues.items };
  }
  try {
    return { value: JSON.parse(withoutByteOrderMark(result.text)) as unknown, issues: [] };
  } catch {
    // Only a file JSON.parse refuses needs the scanner that says where it goes wrong: it loads
    // then, and the page's first screen goes without it.
    const { parseJson } = await import('./json-syntax');
    return parseJson(result.text, path);
  }
}

/** The longest atlas id a message repeats in full; a longer one (a link is user input) is cut. */
export const MAX_SHOWN_ID = 60;

/** The atlas opened when none is named: the index's default, or else its first. */
export function defaultAtlasEntry(entries: readonly AtlasIndexEntry[]): AtlasIndexEntry | undefined {
  return entries.find((e) => e.default) ?? entries[0];
}

/**
 * Loads an atlas from the data root: reads the index, picks the atlas `id` (or the default, or
 * the first), reads its three files in parallel and validates them. File names in issues are
 * relative to the data root, prefixed with `prefix` (for example `data/`).
 */
export async function loadAtlas(
  read: ReadText,
  options: { id?: string | null; prefix?: string } = {},
): Promise<AtlasLoad> {
  const prefix = options.prefix ?? '';
  const indexRead = await readJson(read, INDEX_FILE);
  const rename = (issues: Issue[]) => issues.map((i) => ({ ...i, file: prefix + i.file }));
  if (indexRead.value === undefined) return { index: [], issues: rename(indexRead.issues) };
  const { entries, issues: indexIssues } = validateAtlasIndex(indexRead.value, INDEX_FILE);
  const wanted = options.id ?? undefined;
  const fallback = defaultAtlasEntry(entries);
  const entry = wanted ? entries.find((e) => e.id === wanted) : fallback;
  if (!entry) {
    const issues = new IssueList(INDEX_FILE);
    // The id as asked, quoted as JSON (a link is user input: quotes, line breaks), and every id the
    // index lists, so that a reader of `npm run validate` or of the page's issues can pick one.
    const listed = entries.map((e) => `${JSON.stringify(e.id)}${e === fallback ? ' (the default)' : ''}`);
    issues.error(
      'unknown-atlas',
      'atlases',
      wanted
        ? `no atlas ${JSON.stringify(shorten(wanted, MAX_SHOWN_ID))}; the index lists ${listed.join(', ')}`
        : 'no atlas is listed',
    );
    return { index: entries, issues: rename([...indexIssues, ...issues.items]) };
  }
  const names = {
    article: `${entry.path}/article.json`,
    places: `${entry.path}/places.geojson`,
    facts: `${entry.path}/facts.json`,
  };
  const [article, places, facts] = await Promise.all([
    readJson(read, names.article),
    readJson(read, names.places),
    readJson(read, names.facts),
  ]);
  const readIssues = [...indexIssues, ...article.issues, ...places.issues, ...facts.issues];
  if (article.value === undefined || places.value === undefined || facts.value === undefined) {
    return { entry, index: entries, issues: rename(readIssues) };
  }
  const validation = validateAtlas(
    { article: article.value, places: places.value, facts: facts.value },
    names,
  );
  const issues = rename([...readIssues, ...validation.issues]);
  const ok = validation.atlas && !hasErrors(issues);
  return ok ? { atlas: validation.atlas, entry, index: entries, issues } : { entry, index: entries, issues };
}
