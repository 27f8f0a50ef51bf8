// The validator's rules for a fact's date: that it is one, and where it lies against the
// publication. Apart from dates.ts (what the page reads dates with), so that the page's first
// screen, which shows dates but does not validate a file the build validated, goes without them.
import { factDate, firstDay, isForwardSpan, isIsoDate, type IsoDate } from './dates';

/**
 * Whether a date of any precision starts after `day` (`YYYY-MM-DD`): `2023-09` is not after
 * `2023-09-22`, `2023-10` is.
 */
export function isAfter(date: IsoDate, day: string): boolean {
  return firstDay(date) > day;
}

/**
 * Why `text` is not a fact's date (a date of any precision, or a span `START/END` that runs
 * forwards), or undefined when it is one.
 */
export function factDateProblem(text: string): string | undefined {
  const parts = text.split('/');
  if (parts.length > 2 || !parts.every(isIsoDate)) {
    return `"${text}" is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY) or span of two (START/END)`;
  }
  const { start, end } = factDate(text);
  if (parts.length === 2 && !isForwardSpan(start, end)) {
    return `"${text}" is not a span forwards in time: its start, ${start}, must come before its end, ${end}`;
  }
  return undefined;
}
