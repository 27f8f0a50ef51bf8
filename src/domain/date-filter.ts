// The filter by date: which facts a chosen day, month, year or span shows (what the timeline
// offers and what a filter leaves out are timeline-groups.ts's, a chunk of the timeline's own).
// Every rule about dates is dates.ts's (what a date covers, when two overlap, the order in time,
// a span forwards).
import {
  factDate,
  formatFactDate,
  isForwardSpan,
  isIsoDate,
  overlaps,
  type FactDate,
  type IsoDate,
} from './dates';
import type { Fact } from './types';

/** A date filter: one date of any precision (`2023`, `2023-09`, `2023-09-21`) or a span of two. */
export type DateFilter = { kind: 'date'; date: IsoDate } | { kind: 'span'; start: IsoDate; end: IsoDate };

/**
 * The filter from its two ends as written (`2023-09-21`, or `2020` and `2023-09-20`), or null when
 * they are not one: a date that is none, or a span that does not run forwards (isForwardSpan).
 */
export function readDateFilter(start: string, end?: string): DateFilter | null {
  if (!isIsoDate(start)) return null;
  if (end === undefined) return { kind: 'date', date: start };
  return isIsoDate(end) && isForwardSpan(start, end) ? { kind: 'span', start, end } : null;
}

/** The days a filter chooses, as a fact's date. */
export function filterDate(when: DateFilter): FactDate {
  return when.kind === 'date' ? factDate(when.date) : { start: when.start, end: when.end };
}

/** Whether two filters choose the same (null: none chosen). */
export function sameWhen(a: DateFilter | null, b: DateFilter | null): boolean {
  if (a === null || b === null) return a === b;
  const [x, y] = [filterDate(a), filterDate(b)];
  return x.start === y.start && x.end === y.end;
}

/**
 * Whether a fact is among those a filter shows: its date shares a day with the filter's (a
 * month-only fact shows on a day inside its month, a day's fact under its month). A planned fact
 * counts by its date like any other; an undated fact is never shown while a filter is chosen.
 */
export function factMatchesWhen(fact: Fact, when: DateFilter): boolean {
  return fact.date !== null && overlaps(factDate(fact.date), filterDate(when));
}

/** The facts a filter shows, in their order; all of them without a filter. */
export function factsInWhen<F extends Fact>(facts: readonly F[], when: DateFilter | null): readonly F[] {
  return when ? facts.filter((f) => factMatchesWhen(f, when)) : facts;
}

/** A filter in words, without weekdays: `21 September 2023`, `2020 – 20 September 2023`. */
export function whenLabel(when: DateFilter): string {
  return formatFactDate(filterDate(when), { weekday: false });
}
