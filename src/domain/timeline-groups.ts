// What the timeline offers (the atlas's dated facts grouped by their date as written) and what a
// filter leaves out: for the timeline's chunk (src/app/time-filter.ts), off the first screen.
import { factMatchesWhen, filterDate, type DateFilter } from './date-filter';
import { compareFactDates, factDate, precisionOf, type DatePrecision } from './dates';
import type { Fact } from './types';

/** How many facts a filter leaves out: dated facts of other days, and the undated ones. */
export interface FactsOutside {
  dated: number;
  undated: number;
}

/** What a filter leaves out of `facts` (nothing without a filter). */
export function factsOutside(facts: readonly Fact[], when: DateFilter | null): FactsOutside {
  const outside = { dated: 0, undated: 0 };
  if (!when) return outside;
  for (const fact of facts) {
    if (fact.date === null) outside.undated += 1;
    else if (!factMatchesWhen(fact, when)) outside.dated += 1;
  }
  return outside;
}

/** How precise a timeline's group is: a date's precision, or a span. */
export type GroupPrecision = DatePrecision | 'span';

/** The facts of one date as written, as a timeline offers them. */
export interface TimelineGroup {
  /** The filter that chooses the group's date. */
  when: DateFilter;
  precision: GroupPrecision;
  /** How many facts are of this date as written (choosing it shows also those that overlap it). */
  factCount: number;
  /** The places of those facts, each once, in the order the facts name them. */
  placeIds: string[];
}

/**
 * The dated facts grouped by their date as written, each group at the precision its facts give
 * (a year, a month, a day, a span), in time: by where a date ends, a month after its days (the
 * order of the panel's date lines, compareFactDates). Planned facts join the group of their date.
 */
export function timelineGroups(facts: readonly Fact[]): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  for (const fact of facts) {
    if (fact.date === null) continue;
    const group = groups.get(fact.date);
    if (group) {
      group.factCount += 1;
      for (const id of fact.placeIds) if (!group.placeIds.includes(id)) group.placeIds.push(id);
      continue;
    }
    const { start, end } = factDate(fact.date);
    const span = start !== end;
    groups.set(fact.date, {
      when: span ? { kind: 'span', start, end } : { kind: 'date', date: start },
      precision: span ? 'span' : precisionOf(start),
      factCount: 1,
      placeIds: [...new Set(fact.placeIds)],
    });
  }
  return [...groups.values()].sort((a, b) => compareFactDates(filterDate(a.when), filterDate(b.when)));
}
