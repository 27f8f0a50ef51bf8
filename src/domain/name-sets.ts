import { contestedNames } from './atlas-summary';
import { languageName } from './fact-groups';
import type { Atlas, Place } from './types';

/** A language an atlas names its places in, offered as a name set: `{ lang: 'az', name: 'Azerbaijani' }`. */
export interface NameLanguage {
  lang: string;
  name: string;
}

/** How a place is named under a name set. */
export interface PlaceName {
  /** What a label shows: `Xankəndi (Stepanakert)`, `Bakı`, or the article's `Stepanakert`. */
  text: string;
  /** The language of the name that leads, when it is not the article's. */
  lang?: string;
  /**
   * The place's name in Latin letters (the article's), for a reader who cannot read the chosen
   * name's script: given only when the name that leads has no Latin letter (`Ստեփանակերտ`).
   */
  latin?: string;
  /** Every other side's name, shown small beside the name (a contested place's): `Ստեփանակերտ`. */
  otherNames: { name: string; lang: string }[];
}

const LATIN = /\p{Script=Latin}/u;
const primary = (lang: string) => lang.split('-')[0]?.toLowerCase() ?? lang;

/**
 * The languages an atlas's places are named in, each once, in the order of the places: those
 * that name a story place (each side's names), and those that write a name in another script
 * than the article's Latin letters (Москва for Moscow). The article's own language is its names;
 * a reaction's other Latin spellings (Bruxelles, Brussel) are no name set.
 */
export function nameLanguages(atlas: Atlas): NameLanguage[] {
  const article = primary(atlas.article.language);
  const langs = atlas.places.flatMap((place) =>
    place.properties.altNames
      .filter((n) => place.properties.group === 'story' || !LATIN.test(n.name))
      .map((n) => n.lang)
      .filter((lang) => primary(lang) !== article),
  );
  return [...new Set(langs)].map((lang) => ({ lang, name: languageName(lang) }));
}

/** The name set a link asks for, when the atlas has it; null (the article's names) otherwise. */
export function knownNameSet(atlas: Atlas, lang: string | null): string | null {
  return lang !== null && nameLanguages(atlas).some((l) => l.lang === lang) ? lang : null;
}

/**
 * A place's name under a name set (`lang`, null for the article's names, as today): the place's
 * first name in that language leads; a contested place (see contestedNames) keeps the article's
 * name beside it in brackets and the other sides' names after it: under `az`, Stepanakert is
 * `Xankəndi (Stepanakert)` with `Ստեփանակերտ`. A place with no name in the language keeps the
 * article's.
 */
export function placeNameIn(place: Place, lang: string | null): PlaceName {
  const article = place.properties.name;
  const contested = contestedNames(place);
  const chosen = lang === null ? undefined : place.properties.altNames.find((n) => n.lang === lang);
  if (!chosen) return { text: article, otherNames: contested };
  return {
    text: contested.length ? `${chosen.name} (${article})` : chosen.name,
    lang: chosen.lang,
    ...(LATIN.test(chosen.name) ? {} : { latin: article }),
    otherNames: contested.filter((n) => n.lang !== chosen.lang),
  };
}

/** What a screen reader hears when the names change. */
export function namesAnnouncement(language: NameLanguage | null): string {
  return language
    ? `Names in ${language.name}; contested places also give the other side’s name.`
    : 'Names as in the article.';
}
