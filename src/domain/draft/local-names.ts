// Picking a place's names in its country's own languages from GeoNames' untagged alternate names
// (a comma list in many scripts, with no language on any). Conservative: a name is taken only when
// it is written wholly in the language's alphabet and reads like one of the place's Latin names;
// better none than a wrong one.
import type { AltName } from '../types';
import { normalizePlaceName } from './gazetteer';

/** How a language is written, for telling its names apart from its neighbours'. */
interface LanguageWriting {
  /** BCP 47 tag. */
  tag: string;
  /** Every letter the language writes (lower case; marks stripped), and nothing else. */
  alphabet: string;
  /** For a Latin alphabet: the letters that mark a name as this language's (a plain "Baku" says nothing). */
  marks?: string;
  /**
   * For a script several languages share (Cyrillic): letters only this language writes. A name
   * with them is preferred (Київ, not Киев, for Ukrainian; Харків, not Харков).
   */
  own?: string;
  /**
   * Whether a name without `own` letters may be taken: not for Ukrainian and Belarusian, whose
   * names without them are mostly Russian spellings (Донецк, not Донецьк).
   */
  needsOwn?: boolean;
  /** Letter -> Latin, to compare a name with the place's Latin names; absent: taken only when alone. */
  latin?: Readonly<Record<string, string>>;
}

// prettier-ignore
const CYRILLIC_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i',
  і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ә: 'a', ғ: 'g',
  қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
};
// prettier-ignore
const GREEK_LATIN: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps',
  ω: 'o',
};
// prettier-ignore
const ARMENIAN_LATIN: Readonly<Record<string, string>> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i', լ: 'l',
  խ: 'kh', ծ: 'ts', կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh',
  ո: 'o', չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'v', փ: 'p',
  ք: 'k', և: 'ev', օ: 'o', ֆ: 'f',
};
// prettier-ignore
const GEORGIAN_LATIN: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm',
  ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q',
  შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
/** Every precomposed Hangul syllable (U+AC00 to U+D7A3). */
const HANGUL = Array.from({ length: 0xd7a4 - 0xac00 }, (_, i) => String.fromCharCode(0xac00 + i)).join('');
const LATIN_BASE = 'abcdefghijklmnopqrstuvwxyz';

/** The languages whose names are picked, by the ISO 639-3 code world-countries gives. */
const LANGUAGE_WRITING: Readonly<Record<string, LanguageWriting>> = {
  rus: { tag: 'ru', alphabet: RUSSIAN, latin: CYRILLIC_LATIN },
  ukr: {
    tag: 'uk',
    alphabet: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
    own: 'ґєії',
    needsOwn: true,
    latin: CYRILLIC_LATIN,
  },
  bel: {
    tag: 'be',
    alphabet: 'абвгдеёжзійклмнопрстуўфхцчшыьэюя',
    own: 'ўі',
    needsOwn: true,
    latin: CYRILLIC_LATIN,
  },
  bul: { tag: 'bg', alphabet: 'абвгдежзийклмнопрстуфхцчшщъьюя', latin: CYRILLIC_LATIN },
  srp: { tag: 'sr', alphabet: 'абвгдђежзијклљмнњопрстћуфхцчџш', own: 'ђјљњћџ', latin: CYRILLIC_LATIN },
  mkd: { tag: 'mk', alphabet: 'абвгдѓежзѕијклљмнњопрстќуфхцчџш', own: 'ѓѕјљњќџ', latin: CYRILLIC_LATIN },
  kaz: { tag: 'kk', alphabet: `${RUSSIAN}әғқңөұүһі`, own: 'әғқңөұүһі', latin: CYRILLIC_LATIN },
  ell: { tag: 'el', alphabet: 'αβγδεζηθικλμνξοπρσςτυφχψω', latin: GREEK_LATIN },
  hye: { tag: 'hy', alphabet: 'աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքևօֆ', latin: ARMENIAN_LATIN },
  kat: { tag: 'ka', alphabet: 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ', latin: GEORGIAN_LATIN },
  kor: { tag: 'ko', alphabet: HANGUL },
  heb: { tag: 'he', alphabet: 'אבגדהוזחטיכךלמםנןסעפףצץקרשת' },
  ara: { tag: 'ar', alphabet: 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي' },
  fas: { tag: 'fa', alphabet: 'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ' },
  per: { tag: 'fa', alphabet: 'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ' },
  sqi: { tag: 'sq', alphabet: `${LATIN_BASE}çë`, marks: 'çë' },
  aze: { tag: 'az', alphabet: `${LATIN_BASE}çəğıöşü`, marks: 'əığşç' },
  tur: { tag: 'tr', alphabet: `${LATIN_BASE}çğıöşü`, marks: 'ığş' },
  ron: { tag: 'ro', alphabet: `${LATIN_BASE}ăâîșşțţ`, marks: 'ășşțţ' },
  pol: { tag: 'pl', alphabet: `${LATIN_BASE}ąćęłńóśźż`, marks: 'ąćęłńśźż' },
  ces: { tag: 'cs', alphabet: `${LATIN_BASE}áčďéěíňóřšťúůýž`, marks: 'čďěňřšťůž' },
};

/** The BCP 47 tag of an ISO 639-3 code world-countries gives, where the table above knows it. */
export function languageTag(iso6393: string): string | undefined {
  return LANGUAGE_WRITING[iso6393]?.tag;
}

/** Lower case, marks stripped except those that make a letter of the alphabet (ё, й, ї, ў). */
function letters(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\u0301/gu, '')
    .normalize('NFC');
}

/** A name with GeoNames' stress marks (Ханкенди́) taken off. */
function withoutStress(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\u0301/gu, '')
    .normalize('NFC');
}

function writtenIn(name: string, writing: LanguageWriting): boolean {
  const folded = letters(name);
  if (!/\p{L}/u.test(folded)) return false;
  for (const char of folded) {
    if (char === ' ' || char === '-' || char === "'" || char === '’') continue;
    if (!writing.alphabet.includes(char)) return false;
  }
  if (writing.marks === undefined) return true;
  return [...folded].some((char) => writing.marks?.includes(char) === true);
}

function toLatin(name: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const char of letters(name).normalize('NFD').replace(/\p{M}/gu, '')) out += table[char] ?? char;
  return normalizePlaceName(out);
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How far a candidate reads from the place's other Latin names: [nearest of them, the main one]. */
function distance(
  candidate: string,
  latinForm: string,
  latinNames: readonly string[],
  main: string,
): [number, number] {
  let nearest = editDistance(latinForm, main);
  for (const name of latinNames) {
    if (name !== candidate) nearest = Math.min(nearest, editDistance(latinForm, normalizePlaceName(name)));
  }
  return [nearest, editDistance(latinForm, main)];
}

/**
 * The place's names in the country's languages, at most one a language: of `alternates`, those
 * written wholly in the language's alphabet (for a Latin one, with at least one of its own
 * letters, ə or ş), the one nearest to the place's Latin names in letters; for a script with no
 * transliteration here (Hangul, Hebrew, Arabic), the shortest that most of them start with (the only
 * one, or 서울 of 서울특별시), or none.
 * `languages` are ISO 639-3 codes (world-countries), `mainName` the entry's (ASCII) name.
 */
export function pickLocalNames(
  mainName: string,
  alternates: readonly string[],
  languages: readonly string[],
): AltName[] {
  const main = normalizePlaceName(mainName);
  const latinNames = alternates.filter((name) => /^[\p{Script=Latin}\s'’.-]+$/u.test(name));
  const picked: AltName[] = [];
  const taken = new Set<string>();
  for (const code of languages) {
    const writing = LANGUAGE_WRITING[code];
    if (writing === undefined || picked.some((alt) => alt.lang === writing.tag)) continue;
    const written = alternates.filter((name) => writtenIn(name, writing));
    // GeoNames marks stress on some Cyrillic names (Ханкенди́); Greek's accent is spelling (Λευκωσία).
    const unstressed = writing.latin === CYRILLIC_LATIN ? written.map(withoutStress) : written;
    const candidates = [...new Set(unstressed)].filter((name) => !taken.has(name));
    const best = bestCandidate(candidates, writing, latinNames, main);
    if (best === undefined) continue;
    picked.push({ name: best, lang: writing.tag });
    taken.add(best);
  }
  return picked;
}

function bestCandidate(
  candidates: readonly string[],
  writing: LanguageWriting,
  latinNames: readonly string[],
  main: string,
): string | undefined {
  const latinOf = (name: string): string | undefined =>
    writing.marks !== undefined ? normalizePlaceName(name) : writing.latin && toLatin(name, writing.latin);
  // A script with no transliteration here: the shortest name that most of them start with (서울 of
  // 서울, 서울시, 서울특별시 and the old 한양), if one is; else none.
  if (latinOf(candidates[0] ?? '') === undefined) {
    const roots = candidates.filter(
      (root) => candidates.filter((name) => name.startsWith(root)).length * 2 > candidates.length,
    );
    return roots.sort((a, b) => a.length - b.length)[0];
  }
  const ownLetters = (name: string): number =>
    [...name.toLowerCase()].some((char) => writing.own?.includes(char) === true) ? 0 : 1;
  let best: { name: string; own: number; score: [number, number]; spread: number } | undefined;
  for (const name of candidates) {
    const latinForm = latinOf(name) ?? '';
    const score = distance(name, latinForm, latinNames, main);
    // A name more than a third away from every Latin name is another place's, or another word.
    const near = Math.max(1, Math.floor(latinForm.length / 3));
    if (score[0] > near) continue;
    // The name the others of its script are spelt after (Москва among Масква, Москве, Муско): a
    // language's own form is the one its neighbours' variants are nearest to.
    const spread = candidates.reduce((sum, other) => sum + editDistance(name, other), 0);
    // Own letters count in a name that reads like the main one (Київ for Kyiv), not in an old name
    // the alternates also hold (Сталіно for Donetsk).
    const own = score[1] <= near ? ownLetters(name) : 1;
    // Without them, a name in a shared script may be a neighbour's (Донецк is Russian, Донецьк
    // Ukrainian): better none than a wrong one.
    if (writing.needsOwn === true && own === 1) continue;
    if (
      best === undefined ||
      // A name in the language's own letters first; ties go to the most central, then to the
      // nearer to the main name, then to the shorter (Երևան, with its ligature).
      (own - best.own ||
        score[0] - best.score[0] ||
        spread - best.spread ||
        score[1] - best.score[1] ||
        name.length - best.name.length) < 0
    ) {
      best = { name, own, score, spread };
    }
  }
  return best?.name;
}

/** The BCP 47 tag of the first of `languages` (ISO 639-3) whose alphabet writes `name`, if any. */
export function tagLocalName(name: string, languages: readonly string[]): string | undefined {
  for (const code of languages) {
    const writing = LANGUAGE_WRITING[code];
    if (writing !== undefined && writtenIn(name, writing)) return writing.tag;
  }
  return undefined;
}
