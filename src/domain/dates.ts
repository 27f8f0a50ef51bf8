// Dates as the atlas writes them: a calendar date of any precision (`2023-09-21`, `2023-09`, `2023`),
// and a fact's date, which is one such date or an ISO 8601 interval of two (`2026-01-23/2026-01-24`).
// Every reader of fact dates goes through this module: the validator, the page's date lines and
// their order, the export, and the filter by date (`overlaps`, date-filter.ts). The validator's own rules
// for them (a date that is none, a span backwards, a date after publication) are in date-checks.ts.

/** A date as ISO 8601: `YYYY-MM-DD`, or reduced precision `YYYY-MM` / `YYYY`. */
export type IsoDate = string;

/** How much of a date is given: `2023`, `2023-09` or `2023-09-21`. */
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * A fact's date: one date of any precision (start and end are the same), or a span from `start`
 * to `end`, written `START/END` (each end of any precision, the start before the end).
 */
export interface FactDate {
  start: IsoDate;
  end: IsoDate;
}

/** The days a date or a span covers, from the first to the last, each `YYYY-MM-DD`. */
export interface DaySpan {
  first: string;
  last: string;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `value` is an ISO 8601 calendar date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) that exists. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  // Day 0 of the next month is this month's last day.
  const daysInMonth = utcDate(year, month + 1, 0).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * The UTC date of a year, a 1-based month and a day (day 0 is the month before's last). Built
 * with setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999.
 */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** `2023` is a year, `2023-09` a month, `2023-09-21` a day. */
export function precisionOf(date: IsoDate): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** The first day a date covers: `2023-09` -> `2023-09-01`, `2023` -> `2023-01-01`. */
export function firstDay(date: IsoDate): string {
  return `${date}${'-01-01'.slice(date.length - 4)}`;
}

/** The last day a date covers: `2023-09` -> `2023-09-30`, `2024-02` -> `2024-02-29`, `2023` -> `2023-12-31`. */
export function lastDay(date: IsoDate): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 10) return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${date}-${String(utcDate(y, m + 1, 0).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The start and end of a fact's date as written (`2026-01-23/2026-01-24`, or `2026-01-23` for
 * both), without checking them: for a validated fact, or after `factDateProblem` (date-checks.ts)
 * found nothing.
 */
export function factDate(text: string): FactDate {
  const slash = text.indexOf('/');
  return slash < 0 ? { start: text, end: text } : { start: text.slice(0, slash), end: text.slice(slash + 1) };
}

/** A fact's date as written: `START/END` for a span, the date alone otherwise. */
export function factDateText(date: FactDate): string {
  return date.start === date.end ? date.start : `${date.start}/${date.end}`;
}

/**
 * Whether `start` to `end` is a span forwards in time: it starts before its end starts and ends no
 * earlier than its start ends (`2020/2023-09-20`, `2023-09/2023-10`; not `2023-09/2023` nor a span of
 * one day). The one rule for a fact's span and a link's `when=START..END`.
 */
export function isForwardSpan(start: IsoDate, end: IsoDate): boolean {
  return firstDay(start) < firstDay(end) && lastDay(start) <= lastDay(end);
}

/** The days a fact's date covers: `2023-09` covers 1 to 30 September 2023. */
export function daySpan(date: FactDate): DaySpan {
  return { first: firstDay(date.start), last: lastDay(date.end) };
}

/** Whether two dates or spans share at least one day (`2023-09` and `2023-09-21/2023-10-02` do). */
export function overlaps(a: FactDate, b: FactDate): boolean {
  const [x, y] = [daySpan(a), daySpan(b)];
  return x.first <= y.last && y.first <= x.last;
}

/**
 * Where a date of any precision falls in time, as [year, month, day]: a month without a day
 * counts as after its last day, a year without a month as after its last month, so that
 * "September 2023" follows "Thursday 21 September 2023" and "2023" follows both.
 */
function timeKey(date: IsoDate): [number, number, number] {
  const [y = 0, m = 13, d = 32] = date.split('-').map(Number);
  return [y, m, d];
}

const compareKeys = (a: IsoDate, b: IsoDate): number => {
  const [ka, kb] = [timeKey(a), timeKey(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
};

/**
 * The order of fact dates in time: by where they end (a month after its days, a span after the
 * days it ends on), then the one that starts first. `2026-01-23`, `2026-01-23/2026-01-24`,
 * `2026-01-24`, `2026-01`.
 */
export function compareFactDates(a: FactDate, b: FactDate): number {
  const byEnd = compareKeys(a.end, b.end);
  if (byEnd !== 0) return byEnd;
  const [fa, fb] = [firstDay(a.start), firstDay(b.start)];
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Whether a date in words names the weekday of a day (`Thursday 21 September 2023`) or not (`21 September 2023`). */
export interface DateWords {
  weekday?: boolean;
}

/** `2023-09-21` -> `Thursday 21 September 2023`; `2023-09` -> `September 2023`; `2020` -> `2020`. */
export function formatDate(date: IsoDate, words: DateWords = {}): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1] ?? '';
  if (d === undefined) return `${month} ${y}`;
  if (words.weekday === false) return `${d} ${month} ${y}`;
  const weekday = WEEKDAYS[utcDate(y, m, d).getUTCDay()];
  return `${weekday} ${d} ${month} ${y}`;
}

/**
 * A fact's date in words. A span names what its ends share once, at the end: `Friday 23 –
 * Saturday 24 January 2026`, `Friday 30 January – Sunday 1 February 2026`, `September – October
 * 2023`, `December 2023 – January 2024`; without weekdays `19 – 21 September 2023`.
 */
export function formatFactDate(date: FactDate, words: DateWords = {}): string {
  const end = formatDate(date.end, words);
  if (date.start === date.end) return end;
  let start = formatDate(date.start, words);
  const sharedYear = ` ${date.end.slice(0, 4)}`;
  if (date.start.slice(0, 4) === date.end.slice(0, 4) && precisionOf(date.start) !== 'year') {
    start = start.slice(0, -sharedYear.length);
    const sharedMonth = ` ${MONTHS[Number(date.end.slice(5, 7)) - 1]}`;
    const bothDays = precisionOf(date.start) === 'day' && precisionOf(date.end) === 'day';
    if (bothDays && date.start.slice(5, 7) === date.end.slice(5, 7))
      start = start.slice(0, -sharedMonth.length);
  }
  return `${start} – ${end}`;
}
