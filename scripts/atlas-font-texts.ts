import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutByteOrderMark } from '../src/domain/json-reader.ts';
import { BASEMAP_LABELS_FILE } from '../src/map/basemap-tiles.ts';
import type { LangText } from './font-subsets.ts';

/**
 * The basemap file whose labels the map draws, relative to the repository (the file the style
 * reads), and the property the style draws as their text (`text-field`). The build fails while it
 * names a file that does not exist.
 */
export const BASEMAP_LABELS = {
  file: `public/basemap/${BASEMAP_LABELS_FILE}`,
  textProperty: 'name',
} as const;

/** The files of an atlas folder whose every string the page or the map may show. */
const ATLAS_FILES = ['article.json', 'places.geojson', 'facts.json'] as const;

export interface FontTexts {
  texts: LangText[];
  /** Files that could not be read, with why; the validator reports them as errors, the fonts skip them. */
  unreadable: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every string in a JSON value, with the language in force where it stands: an object with a
 * string `lang` (an alternative name) gives it to its strings, else the atlas's language holds.
 */
function collectStrings(value: unknown, lang: string | undefined, out: LangText[]): void {
  if (typeof value === 'string') out.push(lang ? { text: value, lang } : { text: value });
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, lang, out);
  else if (isRecord(value)) {
    const own = typeof value.lang === 'string' ? value.lang : lang;
    for (const child of Object.values(value)) collectStrings(child, own, out);
  }
}

function readJson(path: string, unreadable: string[]): unknown {
  try {
    // As the page's loader reads it: a byte order mark before the JSON is no error.
    return JSON.parse(withoutByteOrderMark(readFileSync(path, 'utf8')));
  } catch (error) {
    unreadable.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * The texts of every atlas in `dataRoot/atlases/index.json` (every string of its article, places
 * and facts: headline, names and other names, facts' texts and quotations, captions …) in the
 * article's language or a name's own, and the basemap's label texts (`labelsFile`, absolute).
 */
export function atlasFontTexts(dataRoot: string, labelsFile: string): FontTexts {
  const unreadable: string[] = [];
  const texts: LangText[] = [];
  const index = readJson(join(dataRoot, 'atlases/index.json'), unreadable);
  const atlases = isRecord(index) && Array.isArray(index.atlases) ? index.atlases : [];
  for (const entry of atlases) {
    if (!isRecord(entry) || typeof entry.path !== 'string') continue;
    const folder = join(dataRoot, entry.path);
    const article = readJson(join(folder, 'article.json'), unreadable);
    const lang = isRecord(article) && typeof article.language === 'string' ? article.language : undefined;
    collectStrings(article, lang, texts);
    for (const file of ATLAS_FILES.slice(1))
      collectStrings(readJson(join(folder, file), unreadable), lang, texts);
  }
  if (!existsSync(labelsFile)) {
    throw new Error(
      `The basemap's label file ${labelsFile} does not exist: set BASEMAP_LABELS in scripts/atlas-font-texts.ts to the file the basemap's labels are in.`,
    );
  }
  const labels = readJson(labelsFile, unreadable);
  const features = isRecord(labels) && Array.isArray(labels.features) ? labels.features : [];
  for (const feature of features) {
    const text =
      isRecord(feature) && isRecord(feature.properties)
        ? feature.properties[BASEMAP_LABELS.textProperty]
        : undefined;
    if (typeof text === 'string') texts.push({ text });
  }
  return { texts, unreadable };
}
