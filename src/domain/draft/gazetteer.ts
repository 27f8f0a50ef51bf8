// The offline gazetteer the drafter looks names up in (npm run new-atlas): entries from GeoNames
// (cities), world-countries and Natural Earth (countries, a few areas), indexed by a normalized
// form of every name they are known by. Pure: scripts/gazetteer/load-gazetteer.ts reads the files.
import type { GazetteerEntry } from './types';

/** Letters that Unicode does not decompose into a base letter and a mark, spelled out. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ə: 'e',
  ǝ: 'e',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
};

/** Words that are written short in place names: "St. Petersburg" is "Saint Petersburg". */
const WORD_FOLDS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  mt: 'mount',
  ft: 'fort',
};

const ASCII_WORD = /^[A-Za-z]+$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;
const SHORT_WORD = /(?:^| )(?:st|ste|mt|ft)(?: |$)/u;

/**
 * The form a name is matched on: case and diacritics dropped, hyphens and spaces the same,
 * apostrophes and periods dropped, "St." read as "Saint": `St. Petersburg` and `saint-petersburg`
 * are both `saint petersburg`.
 */
export function normalizePlaceName(name: string): string {
  // Most names are one plain ASCII word: the fast path keeps loading the 200,000 cities quick.
  if (ASCII_WORD.test(name)) {
    const lower = name.toLowerCase();
    return WORD_FOLDS[lower] ?? lower;
  }
  const ascii = PRINTABLE_ASCII.test(name);
  const folded = (
    ascii
      ? name.toLowerCase()
      : name
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/[ıəǝøłđðþæœß]/gu, (letter) => LETTER_FOLDS[letter] ?? letter)
  )
    .replace(/['’ʼ`´.]/gu, '')
    .replace(/[\s\-‐‑–—,/()]+/gu, ' ')
    .trim();
  return SHORT_WORD.test(folded)
    ? folded
        .split(' ')
        .map((word) => WORD_FOLDS[word] ?? word)
        .join(' ')
    : folded;
}

/** The order candidates are listed in: countries, then capitals, areas, other cities. */
const KIND_RANK: Readonly<Record<GazetteerEntry['kind'], number>> = {
  country: 0,
  capital: 1,
  region: 2,
  city: 3,
};

/** Best first: by kind (countries and capitals first), then by population, then by name. */
export function compareEntries(a: GazetteerEntry, b: GazetteerEntry): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.population - a.population || a.name.localeCompare(b.name, 'en')
  );
}

/**
 * Names shorter than this (after normalizing) are not indexed: two-letter codes such as "AM"
 * (Armenia) or "IT" would otherwise match ordinary words.
 */
const SHORTEST_NAME = 3;

/** The entries of an offline gazetteer, looked up by any name they are known by. */
export class Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** Normalized name -> the entries known by it. */
  private readonly byName = new Map<string, GazetteerEntry[]>();
  /** Normalized main name -> the entries whose main name continues it with a hyphen ("slavyansk" -> Slavyansk-na-Kubani). */
  private readonly byHyphenPrefix = new Map<string, GazetteerEntry[]>();
  /** Every indexed name, sorted, for prefix search. */
  private sortedNames: string[] | undefined;
  private readonly capitals = new Map<string, GazetteerEntry[]>();
  private readonly demonyms = new Map<string, GazetteerEntry>();

  constructor(entries: readonly GazetteerEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      for (const name of entry.names) this.index(name, entry);
      this.index(entry.name, entry);
      for (const alt of entry.localNames) this.index(alt.name, entry);
      const hyphen = entry.name.indexOf('-');
      if (hyphen > 0) {
        const head = normalizePlaceName(entry.name.slice(0, hyphen));
        if (head.length >= SHORTEST_NAME) push(this.byHyphenPrefix, head, entry);
      }
      if (entry.kind === 'capital') push(this.capitals, entry.country, entry);
      if (entry.kind === 'country') {
        for (const demonym of entry.demonyms ?? []) this.demonyms.set(normalizePlaceName(demonym), entry);
      }
    }
  }

  private index(name: string, entry: GazetteerEntry): void {
    const key = normalizePlaceName(name);
    if (key.length < SHORTEST_NAME) return;
    const list = this.byName.get(key);
    if (list === undefined) this.byName.set(key, [entry]);
    // An entry's names that normalize alike ("Xankəndi", "Xankǝndi") are indexed once.
    else if (!list.includes(entry)) list.push(entry);
  }

  /**
   * Every entry known by `name` (case, diacritics, hyphens and "St."/"Saint" aside), best first.
   * A name that is also the first part of another entry's hyphenated main name ("Slavyansk",
   * an alternate of Sloviansk and the start of Slavyansk-na-Kubani) returns that entry too, so
   * that the editor chooses between look-alikes.
   */
  lookup(name: string): GazetteerEntry[] {
    const key = normalizePlaceName(name);
    const exact = this.byName.get(key);
    if (exact === undefined) return [];
    const found = new Set(exact);
    for (const entry of this.byHyphenPrefix.get(key) ?? []) found.add(entry);
    return [...found].sort(compareEntries);
  }

  /** The country whose English demonym is `adjective` ("Turkish" -> Türkiye), if one is. */
  countryByDemonym(adjective: string): GazetteerEntry | undefined {
    return this.demonyms.get(normalizePlaceName(adjective));
  }

  /** The country's capital (GeoNames PPLC), the most populous if it has several; undefined if none. */
  capitalOf(country: string): GazetteerEntry | undefined {
    return [...(this.capitals.get(country) ?? [])].sort(compareEntries)[0];
  }

  /**
   * Entries with a name that starts with `query` (normalized), for the editor's "add a place" box:
   * those the query names exactly first, then the rest, each part best first; at most `limit`.
   */
  search(query: string, limit: number): GazetteerEntry[] {
    const key = normalizePlaceName(query);
    if (key.length === 0 || limit <= 0) return [];
    const names = (this.sortedNames ??= [...this.byName.keys()].sort());
    const exact = new Set(this.byName.get(key) ?? []);
    const rest = new Set<GazetteerEntry>();
    for (let i = lowerBound(names, key); i < names.length; i++) {
      const name = names[i];
      if (name === undefined || !name.startsWith(key)) break;
      for (const entry of this.byName.get(name) ?? []) if (!exact.has(entry)) rest.add(entry);
    }
    return [...[...exact].sort(compareEntries), ...[...rest].sort(compareEntries)].slice(0, limit);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The first index of `sorted` whose string is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const name = sorted[middle];
    if (name !== undefined && name < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
