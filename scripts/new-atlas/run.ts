// npm run new-atlas -- --text FILE --id ID --published YYYY-MM-DD [--outlet NAME] [--agency NAME] [--force]
// Drafts an atlas from an article's text (the steps are injected: scripts/new-atlas.ts wires them),
// writes its folder under the data root and its entry in the index, then validates it as
// `npm run validate` does and says what an editor must still confirm. Bad input writes nothing.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../src/domain/dates';
import { assembleDraft, type DraftFiles } from '../../src/domain/draft/assemble';
import type {
  ArticleTextDraft,
  DateDraft,
  FigureDraft,
  PlaceNames,
  QuotationDraft,
} from '../../src/domain/draft/types';
import { formatIssue, type Issue } from '../../src/domain/issues';
import { isObject, type JsonObject } from '../../src/domain/json-reader';
import { KEBAB_ID } from '../../src/domain/json-text';
import { INDEX_FILE } from '../../src/domain/load-atlas';
import type { AtlasIndexEntry } from '../../src/domain/types';
import { validateAtlasIndex } from '../../src/domain/validate-atlas';
import { checkAtlases } from '../check-atlases';
import { formatAtlasJson } from '../format-atlas-json';
import { DATA_ROOT } from '../node-data';

/** The drafting steps, each another module's (text, quotations, figures, dates, gazetteer). */
export interface DraftSteps {
  draftArticleText(text: string): ArticleTextDraft;
  findQuotations(draft: ArticleTextDraft): QuotationDraft[];
  findFigures(draft: ArticleTextDraft): FigureDraft[];
  findDates(draft: ArticleTextDraft, published: string): DateDraft[];
  loadGazetteer(): Promise<{ findPlaceNames(paragraphTexts: readonly string[]): PlaceNames }>;
}

export interface NewAtlasIo {
  /** The data root the atlas is written under; DATA_ROOT by default. */
  dataRoot?: string;
  /** Where --text is read from when relative; the process's by default. */
  cwd?: string;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

export const USAGE =
  'usage: npm run new-atlas -- --text FILE --id ID --published YYYY-MM-DD [--outlet NAME] [--agency NAME] [--force]';

/** The printed prefix of the data root's files, as `npm run validate` names them. */
const PREFIX = 'data/';
const TEXT_FILE = 'article.txt';
const EDITOR_URL = 'http://127.0.0.1:5173/edit/';

/** Bad input: a message for stderr, and the exit code (2 for the command line's form, 1 for its values). */
class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

interface Options {
  text: string;
  id: string;
  published: string;
  outlet?: string;
  agency?: string;
  force: boolean;
}

function readOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        text: { type: 'string' },
        id: { type: 'string' },
        published: { type: 'string' },
        outlet: { type: 'string' },
        agency: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const { text, id, published, outlet, agency, force } = values;
  const missing = [
    ['--text', text],
    ['--id', id],
    ['--published', published],
  ].filter(([, v]) => v === undefined);
  if (text === undefined || id === undefined || published === undefined) {
    throw new InputError(`missing ${missing.map(([flag]) => flag).join(', ')}\n${USAGE}`, 2);
  }
  if (!KEBAB_ID.test(id)) throw new InputError(`--id "${id}" must be kebab-case (a-z, 0-9, single hyphens)`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || !isIsoDate(published)) {
    throw new InputError(`--published "${published}" is not a calendar date (YYYY-MM-DD)`);
  }
  return { text, id, published, outlet, agency, force: force === true };
}

const decodes = (bytes: Uint8Array, stream: boolean): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
};

/**
 * The offset of the first byte of the first sequence that is not UTF-8, or undefined when the
 * bytes are UTF-8: the shortest prefix a streaming decoder refuses, taken back to its character's start.
 */
export function firstNonUtf8Byte(bytes: Uint8Array): number | undefined {
  if (decodes(bytes, false)) return undefined;
  const refused = (n: number) => !decodes(bytes.subarray(0, n), true);
  let start: number;
  if (!refused(bytes.length)) {
    // Every byte is in place but the last character is cut short.
    start = bytes.length;
  } else {
    let lo = 1;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refused(mid)) hi = mid;
      else lo = mid + 1;
    }
    start = lo - 1;
  }
  // Back to the start of the character the refused byte breaks (a lead byte waiting for it).
  while (start > 0 && !decodes(bytes.subarray(0, start), false)) start -= 1;
  return start;
}

async function readText(file: string, cwd: string): Promise<{ bytes: Uint8Array; text: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`cannot read the text ${file} (${code})`);
  }
  const bad = firstNonUtf8Byte(bytes);
  if (bad !== undefined) {
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    const byte = bytes[bad];
    const what =
      byte === undefined ? 'the file ends inside a character' : `0x${byte.toString(16).toUpperCase()}`;
    throw new InputError(
      `${file} is not UTF-8: byte ${bad} (line ${line}) is not part of a UTF-8 character (${what})`,
    );
  }
  // The copy beside the data is the text's bytes, without a byte order mark.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (text.trim() === '') throw new InputError(`${file} is empty: there is no text to draft from`);
  return { bytes, text };
}

interface IndexRead {
  raw: JsonObject & { atlases: unknown[] };
  entries: AtlasIndexEntry[];
}

async function readIndex(dataRoot: string): Promise<IndexRead> {
  const path = join(dataRoot, INDEX_FILE);
  if (!existsSync(path)) return { raw: { atlases: [] }, entries: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new InputError(
      `cannot read ${PREFIX}${INDEX_FILE} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const { entries, issues } = validateAtlasIndex(raw, `${PREFIX}${INDEX_FILE}`);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !isObject(raw) || !Array.isArray(raw.atlases)) {
    throw new InputError(`${PREFIX}${INDEX_FILE} does not validate: ${errors.map(formatIssue).join('; ')}`);
  }
  return { raw: { ...raw, atlases: raw.atlases }, entries };
}

/**
 * Writes each file beside its final path first, then renames them all into place, so that a
 * failure leaves no file half-written; undoes what it wrote when a write fails.
 */
async function writeAll(files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const temp = (path: string) => `${path}.tmp-${process.pid}`;
  try {
    for (const { path, content } of files) await writeFile(temp(path), content);
  } catch (error) {
    await Promise.all(files.map(({ path }) => rm(temp(path), { force: true })));
    throw error;
  }
  for (const { path } of files) await rename(temp(path), path);
}

function summarise(id: string, files: DraftFiles, issues: readonly Issue[], text: string): string[] {
  const facts = files.facts.facts;
  const quotations = facts.filter((f) => f.quote).length;
  const figures = facts.reduce((n, f) => n + (f.figures?.length ?? 0), 0);
  const dated = facts.filter((f) => f.dateText !== null).length;
  const lines = [
    `Drafted ${PREFIX}atlases/${id}/ from ${text}: ${files.article.paragraphs.length} paragraphs, ` +
      `${files.places.features.length} places, ${quotations} quotations, ${figures} figures, ${dated} dated facts`,
  ];
  if (quotations === 0) lines.push('no quotations found');
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (warnings.length > 0) lines.push(`${warnings.length} warning(s), what is left to confirm:`);
  for (const file of [...new Set(warnings.map((w) => w.file))]) {
    const own = warnings.filter((w) => w.file === file);
    lines.push(`  ${file} (${own.length})`);
    for (const w of own) lines.push(`    ${w.path ? `${w.path}: ` : ''}${w.message}`);
  }
  if (errors.length > 0) {
    lines.push(`${errors.length} error(s): the draft does not validate yet`);
    for (const e of errors) lines.push(`  error: ${formatIssue(e)}`);
  }
  lines.push(`Next: npm start and open ${EDITOR_URL}${id}, or edit the files; npm run validate`);
  return lines;
}

/**
 * `npm run new-atlas`: drafts an atlas from an article's text and writes it under the data root,
 * then validates it. Returns the exit code: 0 when the draft validates (warnings list what is left),
 * 1 on bad input (nothing written) or a draft with errors, 2 on a malformed command line.
 */
export async function runNewAtlas(argv: string[], steps: DraftSteps, io: NewAtlasIo = {}): Promise<number> {
  const dataRoot = io.dataRoot ?? DATA_ROOT;
  const out = io.stdout ?? ((line: string) => console.log(line));
  const err = io.stderr ?? ((line: string) => console.error(line));
  try {
    const options = readOptions(argv);
    const { bytes, text } = await readText(options.text, io.cwd ?? process.cwd());
    const atlasPath = `atlases/${options.id}`;
    const folder = join(dataRoot, atlasPath);
    const index = await readIndex(dataRoot);
    const listed = index.entries.some((e) => e.id === options.id);
    if ((listed || existsSync(folder)) && !options.force) {
      const where = listed ? `in ${PREFIX}${INDEX_FILE}` : `as the folder ${PREFIX}${atlasPath}`;
      throw new InputError(
        `atlas "${options.id}" exists already ${where}: pass --force to replace its files`,
      );
    }
    const textDraft = steps.draftArticleText(text);
    if (textDraft.paragraphs.length === 0)
      throw new InputError(`${options.text} has no paragraph to draft from`);
    const gazetteer = await steps.loadGazetteer();
    const files = assembleDraft({
      id: options.id,
      published: options.published,
      ...(options.outlet !== undefined && { outlet: options.outlet }),
      ...(options.agency !== undefined && { agency: options.agency }),
      language: 'en',
      sourceFile: TEXT_FILE,
      text: textDraft,
      quotations: steps.findQuotations(textDraft),
      figures: steps.findFigures(textDraft),
      dates: steps.findDates(textDraft, options.published),
      places: gazetteer.findPlaceNames(textDraft.paragraphTexts),
    });

    // The index keeps its other entries as they are; a replaced atlas keeps its place and default.
    const entry: AtlasIndexEntry = { id: options.id, path: atlasPath, title: textDraft.headline };
    const isThis = (e: unknown): e is JsonObject => isObject(e) && e.id === options.id;
    const atlases = index.raw.atlases.some(isThis)
      ? index.raw.atlases.map((e) => (isThis(e) ? { ...e, title: entry.title } : e))
      : [...index.raw.atlases, entry];
    const written = [
      { path: join(folder, TEXT_FILE), content: bytes },
      {
        path: join(folder, 'article.json'),
        content: await formatAtlasJson(files.article, 'article.json'),
      },
      {
        path: join(folder, 'places.geojson'),
        content: await formatAtlasJson(files.places, 'places.geojson'),
      },
      { path: join(folder, 'facts.json'), content: await formatAtlasJson(files.facts, 'facts.json') },
      {
        path: join(dataRoot, INDEX_FILE),
        content: await formatAtlasJson({ ...index.raw, atlases }, 'index.json'),
      },
    ];
    const created = !existsSync(folder);
    await mkdir(join(dataRoot, 'atlases'), { recursive: true });
    await mkdir(folder, { recursive: true });
    try {
      await writeAll(written);
    } catch (error) {
      if (created) await rmdir(folder).catch(() => undefined);
      throw error;
    }

    const { issues } = await checkAtlases(dataRoot, { prefix: PREFIX });
    const own = issues.filter(
      (i) =>
        i.file.startsWith(`${PREFIX}${atlasPath}/`) ||
        (i.file === `${PREFIX}${INDEX_FILE}` && i.severity === 'error'),
    );
    for (const line of summarise(options.id, files, own, options.text)) out(line);
    return own.some((i) => i.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (error instanceof InputError) {
      err(`new-atlas: ${error.message}`);
      return error.exitCode;
    }
    err(`new-atlas: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
