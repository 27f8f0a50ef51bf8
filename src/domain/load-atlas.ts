import { hasErrors, IssueList, shorten, type Issue } from './issues';
import { withoutByteOrderMark } from './json-text';
import type { Article, Atlas, AtlasFiles, AtlasIndexEntry, Fact, Place } from './types';

/** Reads a text file by its path under the data root; I/O is the caller's (fetch in the page, fs in Node). */
export type ReadText = (path: string) => Promise<{ ok: true; text: string } | { ok: false; message: string }>;

export interface AtlasLoad {
  atlas?: Atlas;
  entry?: AtlasIndexEntry;
  /** Every atlas the index lists. */
  index: AtlasIndexEntry[];
  issues: Issue[];
  /**
   * The atlas's files are the very ones the build validated (known by their digests), so what the
   * build drew of it into the page (its panel, its first screen's picture) is of this data.
   */
  asBuilt?: boolean;
}

/**
 * What a build validated (scripts/validated-files.ts): the digest of each file it found valid, by
 * path under the data root (an atlas's three files only where the validator returns the atlas as
 * its files' JSON), and the index's entries as the validator read them.
 */
export interface ValidatedFiles {
  /** The digest of the file's text without a byte order mark (src/io/file-digest.ts). */
  digests: Readonly<Record<string, string>>;
  /** The entries of the index whose digest is listed, as validateAtlasIndex returns them. */
  index: readonly AtlasIndexEntry[];
}

/**
 * What the build validated, and the digest of a text by which a file read is known to be
 * one of those; `undefined` when it cannot be computed (then the file is validated).
 */
export interface ValidatedAtBuild {
  files: ValidatedFiles;
  digest: (text: string) => Promise<string | undefined>;
}

export const INDEX_FILE = 'atlases/index.json';

interface JsonRead {
  value?: unknown;
  issues: Issue[];
  /** Whether the text is one the build validated (its digest is listed). */
  validated: boolean;
}

async function readJson(read: ReadText, path: string, built?: ValidatedAtBuild): Promise<JsonRead> {
  const result = await read(path);
  if (!result.ok) {
    const issues = new IssueList(path);
    issues.error('unreadable', '', result.message);
    return { issues: issues.items, validated: false };
  }
  const text = withoutByteOrderMark(result.text);
  const digest = built?.files.digests[path];
  const validated = digest !== undefined && built !== undefined && (await built.digest(text)) === digest;
  try {
    return { value: JSON.parse(text) as unknown, issues: [], validated };
  } catch {
    // Only a file JSON.parse refuses needs the scanner that says where it goes wrong: it loads
    // then, and the page's first screen goes without it.
    const { parseJson } = await import('./json-syntax');
    return { ...parseJson(result.text, path), validated: false };
  }
}

/** The validator, loaded only for a file the build did not validate (the page's first screen goes without it). */
const validator = () => import('./validate-atlas');

/**
 * The atlas as the build's validator returned it: the build found that it is its files' JSON as
 * written (scripts/validated-files.ts), and these files have the digests of the texts it read.
 */
function atlasAsValidated(files: AtlasFiles): Atlas {
  const { article, places, facts } = files as {
    article: Article;
    places: { features: Place[] };
    facts: { facts: Fact[] };
  };
  return { article, places: places.features, facts: facts.facts };
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
 * relative to the data root, prefixed with `prefix` (for example `data/`). A file whose text is
 * one the build validated (`validated`) is taken as the validator returned it, without it.
 */
export async function loadAtlas(
  read: ReadText,
  options: { id?: string | null; prefix?: string; validated?: ValidatedAtBuild } = {},
): Promise<AtlasLoad> {
  const prefix = options.prefix ?? '';
  const built = options.validated;
  const indexRead = await readJson(read, INDEX_FILE, built);
  const rename = (issues: Issue[]) => issues.map((i) => ({ ...i, file: prefix + i.file }));
  if (indexRead.value === undefined) return { index: [], issues: rename(indexRead.issues) };
  const { entries, issues: indexIssues } =
    built && indexRead.validated
      ? { entries: [...built.files.index], issues: [] }
      : (await validator()).validateAtlasIndex(indexRead.value, INDEX_FILE);
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
    readJson(read, names.article, built),
    readJson(read, names.places, built),
    readJson(read, names.facts, built),
  ]);
  const readIssues = [...indexIssues, ...article.issues, ...places.issues, ...facts.issues];
  if (article.value === undefined || places.value === undefined || facts.value === undefined) {
    return { entry, index: entries, issues: rename(readIssues) };
  }
  const files = { article: article.value, places: places.value, facts: facts.value };
  // The build reported the warnings of the files it validated; the page shows an atlas's issues
  // only when it cannot show the atlas.
  const asBuilt = article.validated && places.validated && facts.validated;
  const validation = asBuilt
    ? { atlas: atlasAsValidated(files), issues: [] }
    : (await validator()).validateAtlas(files, names);
  const issues = rename([...readIssues, ...validation.issues]);
  const ok = validation.atlas && !hasErrors(issues);
  return ok
    ? { atlas: validation.atlas, entry, index: entries, issues, ...(asBuilt ? { asBuilt } : {}) }
    : { entry, index: entries, issues };
}
