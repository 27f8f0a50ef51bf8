import { utcDate } from './dates';
import type { Article, Fact, Figure } from './types';

export interface FactGroup {
  /** The group's date (any ISO precision), or null for undated background. */
  date: string | null;
  label: string;
  facts: Fact[];
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

/** `2023-09-21` -> `Thursday 21 September 2023`; `2023-09` -> `September 2023`; `2020` -> `2020`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1] ?? '';
  if (d === undefined) return `${month} ${y}`;
  const weekday = WEEKDAYS[utcDate(y, m, d).getUTCDay()];
  return `${weekday} ${d} ${month} ${y}`;
}

/**
 * Where a date of any precision falls in time, as [year, month, day]: a month without a day
 * counts as after its last day, a year without a month as after its last month, so that
 * "September 2023" follows "Thursday 21 September 2023" and "2023" follows both.
 */
function timeKey(date: string): [number, number, number] {
  const [y = 0, m = 13, d = 32] = date.split('-').map(Number);
  return [y, m, d];
}

function compareDates(a: string, b: string): number {
  const [ka, kb] = [timeKey(a), timeKey(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}

/**
 * Facts grouped by the date they refer to, in time: oldest first, a month-only or year-only date
 * after the days (and months) it spans, undated background last.
 */
export function groupFactsByDate(facts: readonly Fact[]): FactGroup[] {
  const groups = new Map<string | null, Fact[]>();
  for (const fact of facts) {
    const list = groups.get(fact.date) ?? [];
    list.push(fact);
    groups.set(fact.date, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareDates(a, b)))
    .map(([date, list]) => ({
      date,
      label: date === null ? 'Background, undated' : formatDate(date),
      facts: list,
    }));
}

/** `AFP · Kuwait Times · 22 September 2023 · paragraph 4`: where a fact comes from. */
export function sourceLine(article: Article, fact: Fact): string {
  return `${articleSource(article)} · paragraph ${fact.paragraph}`;
}

/** `AFP · Kuwait Times · 22 September 2023`: the article's agency, outlet and date, without the weekday. */
export function articleSource(article: Article): string {
  const published = formatDate(article.published).replace(/^\w+ /, '');
  return `${article.agency} · ${article.outlet} · ${published}`;
}

/** `up to 120,000 people`, `24 hours`: a figure in words a reader scans. */
export function formatFigure(figure: Figure): string {
  const value = figure.value.toLocaleString('en-GB');
  const qualifier = figure.qualifier === 'exact' ? '' : `${figure.qualifier} `;
  return `${qualifier}${value} ${figure.unit}`;
}

/** `274 km`, `1,950 km`. */
export function formatKm(km: number): string {
  return `${Math.round(km).toLocaleString('en-GB')} km`;
}

/** Made on first use: building it took 16 to 36 ms in a fresh Chromium page (ICU data). */
let languageNames: Intl.DisplayNames | undefined;

/** `az` -> `Azerbaijani`; an unknown code is shown as it is. */
export function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
