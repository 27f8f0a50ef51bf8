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
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  const daysInMonth = lastDay.getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * Whether a date of any precision starts after `published` (`YYYY-MM-DD`): `2023-09` is not after
 * `2023-09-22`, `2023-10` is.
 */
export function isAfter(date: string, published: string): boolean {
  return date > published.slice(0, date.length);
}
