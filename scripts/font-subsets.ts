import type { FontSubset } from './font-catalogue.ts';
import { coversCodePoint } from './unicode-range.ts';

/** A text the page or the map may draw, with the language it is in where the data says so. */
export interface LangText {
  text: string;
  /** BCP 47 (`ru`, `zh-Hant`); only its primary subtag matters, to pick among the CJK fonts. */
  lang?: string;
}

export interface SubsetChoice {
  /** The subsets the texts need, in the catalogue's order. */
  subsets: FontSubset[];
  /** The characters no subset covers, each once, in code point order: they are drawn in a system font. */
  uncovered: string[];
}

const primaryLang = (lang: string | undefined) => lang?.toLowerCase().split('-')[0];

/**
 * The subset that draws `codePoint` in a text in `lang`: the first in the catalogue that covers
 * it (Latin before the other scripts' fonts), except that a character only the CJK fonts have is
 * drawn from the font of the text's language when it has it (東 in a Japanese name from Noto Sans
 * JP), else from the first of them.
 */
export function subsetFor(
  catalogue: readonly FontSubset[],
  codePoint: number,
  lang?: string,
): FontSubset | undefined {
  const covering = catalogue.filter((s) => coversCodePoint(s.ranges, codePoint));
  const ownScript = covering.find((s) => s.lang === undefined);
  if (ownScript) return ownScript;
  const primary = primaryLang(lang);
  return covering.find((s) => s.lang === primary) ?? covering[0];
}

/**
 * The font subsets that the texts need, so that a build ships (and declares) no others: each
 * character's subset as `subsetFor` picks it, plus the `required` ones (by id) whatever the texts.
 */
export function chooseFontSubsets(
  texts: readonly LangText[],
  catalogue: readonly FontSubset[],
  required: readonly string[] = [],
): SubsetChoice {
  const chosen = new Set<FontSubset>(catalogue.filter((s) => required.includes(s.id)));
  const uncovered = new Set<number>();
  const seen = new Set<string>();
  for (const { text, lang } of texts) {
    const primary = primaryLang(lang) ?? '';
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      const key = `${primary}:${codePoint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const subset = subsetFor(catalogue, codePoint, primary);
      if (subset) chosen.add(subset);
      else uncovered.add(codePoint);
    }
  }
  return {
    subsets: catalogue.filter((s) => chosen.has(s)),
    uncovered: [...uncovered].sort((a, b) => a - b).map((cp) => String.fromCodePoint(cp)),
  };
}
