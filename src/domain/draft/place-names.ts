// Finding the places an article names (npm run new-atlas): capitalised word sequences looked up in
// the gazetteer, the longest name first ("Nagorno-Karabakh" before "Karabakh"), with people,
// months and sentence-initial words set aside; a country named also brings its capital, and an
// organisation its seat ("European Union" -> Brussels), as the hand-made atlases place them.
import type { GazetteerEntry, PlaceMatch, PlaceNames } from './types';
import type { ReviewName } from '../review';
import { type Gazetteer, normalizePlaceName } from './gazetteer';

/** What `findPlaceNames` may leave out. */
export interface PlaceNameOptions {
  /**
   * Draft a country the text names as a place of its own (default false): its capital stands for
   * it, as in the hand-made atlases, and the basemap already draws and names the country.
   */
  countries?: boolean;
  /** Draft a country's capital as a place where the text names the country (default true). */
  capitals?: boolean;
  /** Draft an organisation's seat where the text names it (default true). */
  seats?: boolean;
}

/**
 * Organisations and buildings that stand for a city: the hand-made atlases place the European
 * Union at Brussels, the UN Security Council at New York and the White House at Washington.
 */
export const ORGANISATION_SEATS = [
  { names: ['European Union', 'EU', 'European Commission', 'NATO'], seat: 'Brussels', country: 'BE' },
  {
    names: [
      'United Nations',
      'UN',
      'U.N.',
      'UN Security Council',
      'U.N. Security Council',
      'UN General Assembly',
    ],
    seat: 'New York City',
    country: 'US',
  },
  { names: ['White House', 'State Department'], seat: 'Washington', country: 'US' },
  { names: ['Kremlin'], seat: 'Moscow', country: 'RU' },
  { names: ['Downing Street'], seat: 'London', country: 'GB' },
] as const;

/** Short forms of country names that the gazetteer does not index (it skips two-letter names). */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  us: 'United States',
  usa: 'United States',
  uk: 'United Kingdom',
  britain: 'United Kingdom',
  uae: 'United Arab Emirates',
};

/** Capitalised names that are not places, though a town may be called so. */
const NOT_PLACES = new Set(
  ['Soviet Union', 'Security Council', 'Prime Minister', 'Vice President', 'Foreign Minister'].map(
    normalizePlaceName,
  ),
);

/** Words that make the name after them a person's ("President Vladimir Putin"). */
const TITLES = new Set([
  'president',
  'minister',
  'premier',
  'chancellor',
  'secretary',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ambassador',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'general',
  'senator',
  'sen',
  'governor',
  'mayor',
  'commander',
  'chief',
  'envoy',
  'leader',
  'adviser',
  'advisor',
]);
/** Words that may sit between an adjective and a title ("Turkish Prime Minister"). */
const TITLE_MODIFIERS = new Set(['prime', 'vice', 'deputy', 'foreign', 'defence', 'defense', 'interior']);

/** Verbs of speech after a name that make it a person's ("Aliyev said"). */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'warned', 'noted', 'explained']);

/** Words after a country's adjective that make it stand for the country ("Turkish President", "Azerbaijani government"). */
const OFFICES = new Set([
  'president',
  'presidency',
  'prime',
  'government',
  'ministry',
  'minister',
  'officials',
  'parliament',
  'foreign',
  'defence',
  'defense',
  'army',
  'military',
  'leader',
  'leaders',
  'authorities',
]);

/** Words that make the capitalised name after them look like a place ("in Shusha"). */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'to',
  'from',
  'near',
  'at',
  'into',
  'across',
  'outside',
  'towards',
  'over',
  'off',
]);

/** Small words a place name may hold between capitalised ones ("Republic of Northern Cyprus", "Rio de Janeiro"). */
const CONNECTORS = new Set(['of', 'de', 'du', 'da', 'del', 'la', 'le', 'al', 'el', 'am', 'na']);

// prettier-ignore
const COMMON_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'if', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'of', 'as',
  'after', 'before', 'since', 'while', 'when', 'where', 'now', 'then', 'there', 'this', 'that', 'these', 'those',
  'it', 'he', 'she', 'we', 'they', 'i', 'you', 'his', 'her', 'their', 'our', 'its', 'under', 'over', 'however',
  'nonetheless', 'meanwhile', 'also', 'yet', 'so', 'not', 'no', 'yes', 'all', 'some', 'many', 'most', 'both',
  'each', 'other', 'another', 'such', 'only', 'even', 'still', 'just', 'last', 'next', 'first', 'peace', 'talks',
  'officials', 'source', 'there', 'here', 'what', 'who', 'why', 'how', 'one', 'two', 'three', 'new', 'more',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // Compass words stand for a country's part or a side ("the nuclear-armed North"), not for the towns called so.
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
]);

/** Single words in a longer capitalised name count only for a place this large, or a country, capital or area. */
const PARTIAL_NAME_POPULATION = 100_000;

interface Token {
  /** As written, a possessive "'s" and a sentence's full stop taken off. */
  text: string;
  key: string;
  capitalised: boolean;
  possessive: boolean;
  sentenceStart: boolean;
  /** Only spaces between it and the next token. */
  joinsNext: boolean;
  offset: number;
}

const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{M}\p{N}]+)*\.?/gu;
const ABBREVIATIONS = new Set(['st.', 'mt.', 'ft.', 'mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'sen.']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let sentenceStart = true;
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    const offset = match.index;
    const gap = text.slice(previousEnd, offset);
    if (tokens.length > 0 && /[.!?:]["'”’)]*\s/u.test(gap)) sentenceStart = true;
    const previous = tokens.at(-1);
    if (previous !== undefined) previous.joinsNext = !sentenceStart && /^ +$/u.test(gap);
    const endsSentence =
      word.endsWith('.') && !ABBREVIATIONS.has(word.toLowerCase()) && !word.slice(0, -1).includes('.');
    if (endsSentence) word = word.slice(0, -1);
    const possessive = /['’]s$/u.test(word);
    if (possessive) word = word.slice(0, -2);
    tokens.push({
      text: word,
      key: normalizePlaceName(word),
      capitalised: /^\p{Lu}/u.test(word),
      possessive,
      sentenceStart,
      joinsNext: false,
      offset,
    });
    previousEnd = offset + match[0].length;
    sentenceStart = endsSentence;
  }
  return tokens;
}

/** A run of capitalised tokens (with connectors inside), and the words on either side of it. */
interface Sequence {
  tokens: Token[];
  before: string;
  after: string;
}

function sequences(tokens: readonly Token[]): Sequence[] {
  const found: Sequence[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first === undefined || !first.capitalised) {
      i++;
      continue;
    }
    let end = i;
    while (true) {
      const last = tokens[end];
      if (last === undefined || !last.joinsNext || last.possessive) break;
      const next = tokens[end + 1];
      // A weekday or month after a name is not part of it ("Stepanakert Thursday").
      if (next?.capitalised === true && !COMMON_WORDS.has(next.key)) {
        end++;
        continue;
      }
      const after = tokens[end + 2];
      if (next !== undefined && CONNECTORS.has(next.key) && next.joinsNext && after?.capitalised === true) {
        end += 2;
        continue;
      }
      break;
    }
    found.push({
      tokens: tokens.slice(i, end + 1),
      // "over the Yellow Sea": the word before the article tells what the name is.
      before: (tokens[i - 1]?.key === 'the' ? tokens[i - 2] : tokens[i - 1])?.key ?? '',
      after: tokens[end + 1]?.key ?? '',
    });
    i = end + 1;
  }
  return found;
}

const joinTokens = (tokens: readonly Token[]): string => tokens.map((token) => token.text).join(' ');

/** A found name, before matches are merged. */
interface Found {
  name: string;
  paragraph: number;
  /** Paragraph and offset, for listing matches in the order the text names them. */
  order: number;
  candidates: GazetteerEntry[];
  seatOf?: string;
}

/** An entry's identity across lookups. */
const entryKey = (entry: GazetteerEntry): string =>
  entry.geonameId === undefined ? `${entry.kind}:${entry.country}:${entry.name}` : String(entry.geonameId);

/**
 * The places named in an article's paragraphs (`paragraphTexts[n - 1]` is paragraph n): each name
 * the gazetteer knows with every entry it matched, best first, and every paragraph that names it;
 * names it does not know that read like places ("in Shusha") as `unknown`. People ("Aliyev said",
 * "President Vladimir Putin"), months, weekdays and sentence-initial common words are skipped.
 */
export function findPlaceNames(
  paragraphTexts: readonly string[],
  gazetteer: Gazetteer,
  options: PlaceNameOptions = {},
): PlaceNames {
  const paragraphs = paragraphTexts.map((text) => sequences(tokenize(text)));
  const people = new Set<string>();
  for (const found of paragraphs) for (const sequence of found) collectPerson(sequence, gazetteer, people);

  const direct: Found[] = [];
  const standIns: Found[] = [];
  const unknown: ReviewName[] = [];
  paragraphs.forEach((found, index) => {
    const paragraph = index + 1;
    for (const sequence of found) {
      const order = paragraph * 1e7 + (sequence.tokens[0]?.offset ?? 0);
      const named = nameSequence(sequence, gazetteer, people);
      for (const { name, entries, seatOf } of named) {
        if (seatOf !== undefined) {
          if (options.seats !== false) standIns.push({ name, paragraph, order, candidates: entries, seatOf });
          continue;
        }
        const country = entries[0];
        if (country?.kind !== 'country' || options.countries === true) {
          direct.push({ name, paragraph, order, candidates: entries });
        }
        if (country?.kind === 'country' && options.capitals !== false) {
          const capital = gazetteer.capitalOf(country.country);
          if (capital !== undefined) {
            standIns.push({ name, paragraph, order, candidates: [capital], seatOf: country.name });
          }
        }
      }
      if (named.length === 0 && PLACE_PREPOSITIONS.has(sequence.before) && !isPerson(sequence, people)) {
        const name = joinTokens(sequence.tokens);
        const key = normalizePlaceName(name);
        if (
          !COMMON_WORDS.has(key) &&
          gazetteer.countryByDemonym(name) === undefined &&
          !NOT_PLACES.has(key) &&
          !unknown.some((u) => normalizePlaceName(u.name) === key)
        ) {
          unknown.push({ name, paragraph });
        }
      }
    }
  });
  return { matches: mergeMatches(direct, standIns), unknown };
}

/**
 * Merges what was found by entry, listing each once with all its paragraphs; a stand-in for a
 * city the text names itself adds its paragraphs to it ("Azerbaijan's presidency" is Baku's).
 */
function mergeMatches(direct: readonly Found[], standIns: readonly Found[]): PlaceMatch[] {
  const byKey = new Map<string, Found & { paragraphs: number[] }>();
  const add = (item: Found): void => {
    const first = item.candidates[0];
    if (first === undefined) return;
    const key = entryKey(first);
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, { ...item, paragraphs: [item.paragraph] });
    else if (!known.paragraphs.includes(item.paragraph)) known.paragraphs.push(item.paragraph);
  };
  direct.forEach(add);
  standIns.forEach(add);
  return [...byKey.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ name, paragraphs, candidates, seatOf }) => ({
      name,
      paragraphs: paragraphs.sort((a, b) => a - b),
      candidates,
      ...(seatOf === undefined ? {} : { seatOf }),
    }));
}

function isPerson(sequence: Sequence, people: ReadonlySet<string>): boolean {
  return sequence.tokens.every((token) => people.has(token.key) || CONNECTORS.has(token.key));
}

/** Records the people a sequence names: after a title, or before a verb of speech. */
function collectPerson(sequence: Sequence, gazetteer: Gazetteer, people: Set<string>): void {
  const { tokens } = sequence;
  const lastTitle = tokens.findLastIndex((token) => TITLES.has(token.key));
  let person: Token[] = [];
  if (lastTitle >= 0) person = tokens.slice(lastTitle + 1);
  else if (TITLES.has(sequence.before)) person = tokens;
  else if (SPEECH_VERBS.has(sequence.after) && !sequence.tokens.some((token) => token.possessive)) {
    const name = joinTokens(tokens);
    const placeLike = lookupName(name, gazetteer).length > 0 || organisation(name) !== undefined;
    if (!placeLike) person = tokens.filter((token) => !token.sentenceStart || !COMMON_WORDS.has(token.key));
  }
  for (const token of person) if (!CONNECTORS.has(token.key)) people.add(token.key);
}

function organisation(name: string): (typeof ORGANISATION_SEATS)[number] | undefined {
  const key = normalizePlaceName(name);
  return ORGANISATION_SEATS.find((entry) => entry.names.some((known) => normalizePlaceName(known) === key));
}

/** The gazetteer's entries for a name, short country forms ("U.S.") included; none for a common word. */
function lookupName(name: string, gazetteer: Gazetteer): GazetteerEntry[] {
  const key = normalizePlaceName(name);
  if (NOT_PLACES.has(key) || COMMON_WORDS.has(key)) return [];
  const alias = COUNTRY_ALIASES[key];
  if (alias !== undefined) return gazetteer.lookup(alias).filter((entry) => entry.kind === 'country');
  // A short word in capitals (AFP, NYC) is an acronym, not a town's name.
  if (/^\p{Lu}{2,5}$/u.test(name)) return [];
  return gazetteer.lookup(name);
}

interface Named {
  name: string;
  entries: GazetteerEntry[];
  seatOf?: string;
}

/** The places a capitalised sequence names: its longest known names, left to right. */
function nameSequence(sequence: Sequence, gazetteer: Gazetteer, people: ReadonlySet<string>): Named[] {
  const tokens = sequence.tokens;
  // A title splits the sequence: the words after it are a person's, those before it may be a country's ("Russian").
  const firstTitle = tokens.findIndex((token) => TITLES.has(token.key) || TITLE_MODIFIERS.has(token.key));
  const own = firstTitle >= 0 ? tokens.slice(0, firstTitle) : tokens;
  const office = firstTitle >= 0 || OFFICES.has(sequence.after);
  const named: Named[] = [];
  let i = 0;
  while (i < own.length) {
    let found: Named | undefined;
    let length = own.length - i;
    for (; length >= 1 && found === undefined; length--) {
      const span = own.slice(i, i + length);
      const first = span[0];
      if (first === undefined || CONNECTORS.has(first.key) || CONNECTORS.has(span.at(-1)?.key ?? ''))
        continue;
      if (length === 1 && (people.has(first.key) || (first.sentenceStart && COMMON_WORDS.has(first.key))))
        continue;
      const name = joinTokens(span);
      const partial = length < own.length;
      found = nameSpan(name, gazetteer, partial, office && length === own.length);
      if (found !== undefined) i += length;
    }
    if (found === undefined) i++;
    else named.push(found);
  }
  return named;
}

function nameSpan(name: string, gazetteer: Gazetteer, partial: boolean, office: boolean): Named | undefined {
  const seat = organisation(name);
  if (seat !== undefined) {
    const city = gazetteer
      .lookup(seat.seat)
      .find((entry) => entry.country === seat.country && entry.kind !== 'country');
    return city === undefined ? undefined : { name, entries: [city], seatOf: name };
  }
  const entries = lookupName(name, gazetteer);
  const best = entries[0];
  if (best !== undefined) {
    const large = best.kind !== 'city' || best.population >= PARTIAL_NAME_POPULATION;
    return partial && !large ? undefined : { name, entries };
  }
  // A country's adjective stands for the country only before an office ("Turkish President").
  if (!office) return undefined;
  const country = gazetteer.countryByDemonym(name);
  return country === undefined ? undefined : { name, entries: [country] };
}
