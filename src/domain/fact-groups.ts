import { compareFactDates, factDate, formatDate, formatFactDate } from './dates';
import type { Article, Fact, Figure } from './types';

export interface FactGroup {
  /** The group's date as the facts write it (a date of any precision or a span), or null for undated background. */
  date: string | null;
  /** The group's facts are still to come (planned); a planned and a past fact of one date are apart. */
  planned: boolean;
  /** The date line: `Thursday 21 September 2023`, `Planned: Monday 2 February 2026`. */
  label: string;
  facts: Fact[];
}

/** A fact's group: its date and whether it is planned. */
const groupKey = (fact: Fact) => `${fact.planned ? 'planned' : 'past'} ${fact.date ?? ''}`;

function compareGroups(a: FactGroup, b: FactGroup): number {
  if (a.date === null || b.date === null) return a.date === b.date ? 0 : a.date === null ? 1 : -1;
  return compareFactDates(factDate(a.date), factDate(b.date)) || Number(a.planned) - Number(b.planned);
}

/**
 * Facts grouped by the date they refer to, in time: oldest first, a month-only or year-only date
 * after the days (and months) it spans, a span after the day it ends on, a planned fact after the
 * past ones of its date, undated background last.
 */
export function groupFactsByDate(facts: readonly Fact[]): FactGroup[] {
  const groups = new Map<string, FactGroup>();
  for (const fact of facts) {
    const key = groupKey(fact);
    const group = groups.get(key);
    if (group) group.facts.push(fact);
    else {
      const planned = fact.planned ?? false;
      const when = fact.date === null ? 'Background, undated' : formatFactDate(factDate(fact.date));
      groups.set(key, {
        date: fact.date,
        planned,
        label: planned ? `Planned: ${when}` : when,
        facts: [fact],
      });
    }
  }
  return [...groups.values()].sort(compareGroups);
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

/** `up to 120,000 people`, `nearly 2,000 people`, `24 hours`: a figure in words a reader scans. */
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
