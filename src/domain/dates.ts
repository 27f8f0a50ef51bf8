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

/**
 * Whether a date of any precision starts after `published` (`YYYY-MM-DD`): `2023-09` is not after
 * `2023-09-22`, `2023-10` is.
 */
export function isAfter(date: string, published: string): boolean {
  return date > published.slice(0, date.length);
}
