import type { ImportedListView } from '../ui/imported-list';

/** At most this many of a file's features are listed at a time. */
export const PAGE_SIZE = 100;

/** A feature as the panel lists it: its key on the page and its title. */
export interface ListedFeature {
  key: string;
  title: string;
}

const number = (n: number) => n.toLocaleString('en-US');
const features = (n: number) => `${number(n)} ${n === 1 ? 'feature' : 'features'}`;

/** The positions (ascending) of the titles that contain `query`, case-insensitive; every position for a blank one. */
export function matchingPositions(lowerTitles: readonly string[], query: string): number[] {
  const needle = query.trim().toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < lowerTitles.length; i += 1) if (lowerTitles[i]!.includes(needle)) found.push(i);
  return found;
}

/** The page (from 0) on which the `at`-th of the matches is listed. */
export const pageOf = (at: number, pageSize = PAGE_SIZE): number => Math.floor(at / pageSize);

/** How many pages `count` matches take: one at least, empty when there is nothing to list. */
export const pageCount = (count: number, pageSize = PAGE_SIZE): number =>
  Math.max(1, Math.ceil(count / pageSize));

/** Where `position` is among the sorted matches, or -1 when it is not one. */
function indexAmong(sorted: readonly number[], position: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = sorted[mid]!;
    if (value === position) return mid;
    if (value < position) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * The list of an opened file's features as the panel shows it: a filter by title, a page of at
 * most `pageSize` of the features that match, and the selected one. Pure state: the panel draws
 * `view()`, and the commands below change it; nothing here scales with the file beyond one pass
 * over the titles for each filter.
 */
export class FeatureList {
  /** Made at the first filter and the first selection: a file that is only opened does not wait for them. */
  private lowerTitles: string[] | null = null;
  private positions: Map<string, number> | null = null;
  private query = '';
  /** Positions in the file's list of the features that match the filter, ascending. */
  private matches: number[];
  private page = 0;
  private selected: string | null = null;

  constructor(
    private readonly items: readonly ListedFeature[],
    private readonly pageSize = PAGE_SIZE,
  ) {
    this.matches = items.map((_, i) => i);
  }

  /** Lists the features whose title contains `query` (case-insensitive; blank: all), from the first page. */
  filter(query: string): void {
    this.query = query.trim();
    this.lowerTitles ??= this.items.map((item) => item.title.toLowerCase());
    this.matches = matchingPositions(this.lowerTitles, this.query);
    this.page = 0;
  }

  /** Shows the next page (1) or the previous one (-1), when there is one. */
  turn(by: 1 | -1): void {
    this.page = Math.min(pageCount(this.matches.length, this.pageSize) - 1, Math.max(0, this.page + by));
  }

  /** Marks the feature of `key` (none: null) and shows its page, when the filter lists it. */
  select(key: string | null): void {
    this.selected = key;
    const at = this.indexOf(key);
    if (at >= 0) this.page = pageOf(at, this.pageSize);
  }

  /**
   * Shows the page that lists `key`, the filter emptied first if it hides that feature (focus goes
   * back to it after its popup closes). Returns whether the file has such a feature.
   */
  reveal(key: string): boolean {
    if (!this.positionsByKey().has(key)) return false;
    if (this.indexOf(key) < 0) this.filter('');
    this.page = pageOf(this.indexOf(key), this.pageSize);
    return true;
  }

  /** The filter's text (trimmed). */
  get filterText(): string {
    return this.query;
  }

  private positionsByKey(): Map<string, number> {
    return (this.positions ??= new Map(this.items.map((item, i) => [item.key, i])));
  }

  private indexOf(key: string | null): number {
    const position = key === null ? undefined : this.positionsByKey().get(key);
    return position === undefined ? -1 : indexAmong(this.matches, position);
  }

  view(): ImportedListView {
    const total = this.items.length;
    const matched = this.matches.length;
    const first = this.page * this.pageSize;
    const shown = this.matches.slice(first, first + this.pageSize);
    const quoted = `“${this.query}”`;
    const showing =
      matched > 0
        ? `Showing ${number(first + 1)}–${number(first + shown.length)} of ${number(matched)}`
        : this.query
          ? `No feature matches ${quoted}`
          : 'No features to list';
    return {
      count: features(total),
      showing,
      announcement: this.query
        ? `${number(matched)} of ${features(total)} ${matched === 1 ? 'matches' : 'match'} ${quoted}`
        : '',
      rows: shown.map((position) => {
        const { key, title } = this.items[position]!;
        return { key, title, selected: key === this.selected };
      }),
      previous: this.page > 0,
      next: first + this.pageSize < matched,
    };
  }
}
