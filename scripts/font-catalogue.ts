import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseUnicodeRange, type CodePointRange } from './unicode-range.ts';

/** The three faces the map's labels and the page use: 400, 400 italic and 600 (src/map/font-names.ts). */
export const FONT_STYLES = ['regular', 'italic', 'semibold'] as const;
export type FontStyle = (typeof FONT_STYLES)[number];

const FILE_SUFFIX: Record<FontStyle, string> = {
  regular: '400-normal',
  italic: '400-italic',
  semibold: '600-normal',
};

/** One file set of a font package: the faces for the characters of one `unicode-range`. */
export interface FontSubset {
  /** The files' common prefix, unique across packages: `noto-sans-cyrillic`, `noto-sans-jp-12`. */
  id: string;
  /** The npm package that ships the files: `@fontsource/noto-sans`. */
  packageName: string;
  /** The package's name for the subset: `cyrillic`, `[12]`. */
  subset: string;
  /** The `unicode-range` exactly as the package declares it, one range an item. */
  unicodeRange: string[];
  ranges: CodePointRange[];
  /**
   * For the CJK fonts, which share the Han characters: the language whose forms the font draws
   * (`zh`, `ja`, `ko`), so that a name in that language is drawn with it.
   */
  lang?: string;
  /** The woff2 file of each style, absolute paths; italic is the upright file where Noto has no italic. */
  files: Record<FontStyle, string>;
}

interface FontPackage {
  name: string;
  /** The package's subsets to offer, or `numbered` for the CJK fonts' numbered slices (`[0]` … `[119]`). */
  subsets: readonly string[] | 'numbered';
  lang?: string;
}

/**
 * The Noto fonts the atlases may use, from @fontsource packages (SIL Open Font License 1.1, see
 * data/SOURCES.md). Order matters where ranges overlap (punctuation, combining marks, the Han
 * characters): a character is drawn from the first subset that covers it, so Latin comes first and
 * each script's own font after it; only the scripts' own subsets of the other packages are
 * offered (their Latin copies would only duplicate Noto Sans).
 */
export const FONT_PACKAGES: readonly FontPackage[] = [
  {
    name: '@fontsource/noto-sans',
    subsets: [
      'latin',
      'latin-ext',
      'vietnamese',
      'cyrillic',
      'cyrillic-ext',
      'greek',
      'greek-ext',
      'devanagari',
    ],
  },
  { name: '@fontsource/noto-sans-armenian', subsets: ['armenian'] },
  { name: '@fontsource/noto-sans-georgian', subsets: ['georgian'] },
  { name: '@fontsource/noto-sans-hebrew', subsets: ['hebrew'] },
  { name: '@fontsource/noto-sans-arabic', subsets: ['arabic'] },
  { name: '@fontsource/noto-sans-thai', subsets: ['thai'] },
  { name: '@fontsource/noto-sans-sc', subsets: 'numbered', lang: 'zh' },
  { name: '@fontsource/noto-sans-jp', subsets: 'numbered', lang: 'ja' },
  { name: '@fontsource/noto-sans-kr', subsets: 'numbered', lang: 'ko' },
];

const NUMBERED = /^\[(\d+)\]$/;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function stringRecord(value: unknown, what: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what}: not an object`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`${what}: ${key} is not a string`);
    out[key] = v;
  }
  return out;
}

/**
 * The subsets of every package in FONT_PACKAGES, in that order, read from each package's
 * `unicode.json` (its declared ranges) and `metadata.json` (its file prefix and styles) as
 * installed under `root`. Throws when a package or file is missing: the build cannot go on.
 */
export function loadFontCatalogue(
  root: string,
  packages: readonly FontPackage[] = FONT_PACKAGES,
): FontSubset[] {
  const require = createRequire(join(root, 'package.json'));
  return packages.flatMap((pkg) => {
    const dir = dirname(require.resolve(`${pkg.name}/package.json`));
    const ranges = stringRecord(readJson(join(dir, 'unicode.json')), `${pkg.name}/unicode.json`);
    const metadata = readJson(join(dir, 'metadata.json'));
    const meta = typeof metadata === 'object' && metadata !== null ? metadata : {};
    const familyId = 'id' in meta && typeof meta.id === 'string' ? meta.id : undefined;
    const styles = 'styles' in meta && Array.isArray(meta.styles) ? meta.styles : [];
    if (!familyId) throw new Error(`${pkg.name}/metadata.json has no id`);
    const names =
      pkg.subsets === 'numbered'
        ? Object.keys(ranges)
            .filter((key) => NUMBERED.test(key))
            .sort((a, b) => Number(NUMBERED.exec(a)?.[1]) - Number(NUMBERED.exec(b)?.[1]))
        : pkg.subsets;
    return names.map((subset): FontSubset => {
      const declared = ranges[subset];
      if (declared === undefined) throw new Error(`${pkg.name} has no subset "${subset}"`);
      const id = `${familyId}-${NUMBERED.exec(subset)?.[1] ?? subset}`;
      const file = (style: FontStyle) => {
        const path = join(dir, 'files', `${id}-${FILE_SUFFIX[style]}.woff2`);
        if (!existsSync(path)) throw new Error(`${pkg.name}: missing ${path}`);
        return path;
      };
      return {
        id,
        packageName: pkg.name,
        subset,
        unicodeRange: declared.split(',').map((r) => r.trim()),
        ranges: parseUnicodeRange(declared),
        ...(pkg.lang ? { lang: pkg.lang } : {}),
        files: {
          regular: file('regular'),
          italic: styles.includes('italic') ? file('italic') : file('regular'),
          semibold: file('semibold'),
        },
      };
    });
  });
}
