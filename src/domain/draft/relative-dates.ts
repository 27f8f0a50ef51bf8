// Resolves the dates an article gives in words against its publication date: weekdays ("on
// Friday": the last one on or before publication; "next Friday": the first after), "yesterday",
// "today", "now", weeks and months before, of and after publication (an ISO week is Monday to
// Sunday), "this year", and dates written out ("19 September", "Sept 19", "September 19, 2023",
// "in 1994", "since 1974"), a missing year being the publication's.
import { utcDate } from '../dates';
import type { ArticleTextDraft, DateDraft } from './types';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
/** A month's name, or its abbreviation with or without a stop ("Sept."); a full name keeps no stop. */
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)';

/** A day as `YYYY-MM-DD`. */
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number): Date =>
  utcDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate() + days);
const monthOf = (d: Date): string => iso(d).slice(0, 7);
/** The Monday-to-Sunday week `weeks` after (or before) the one holding `d`, as START/END. */
function isoWeek(d: Date, weeks: number): string {
  const monday = addDays(d, -((d.getUTCDay() + 6) % 7) + 7 * weeks);
  return `${iso(monday)}/${iso(addDays(monday, 6))}`;
}
/** "This week" in a report: from its Monday to the publication day, what had happened by then. */
function weekSoFar(published: Date): string {
  const monday = addDays(published, -((published.getUTCDay() + 6) % 7));
  return monday < published ? `${iso(monday)}/${iso(published)}` : iso(published);
}
const monthIndex = (name: string): number =>
  MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTH_NAMES)[number]);

interface Rule {
  pattern: RegExp;
  /** The date, and whether it is after publication; null to skip the words. */
  resolve: (m: RegExpExecArray, published: Date) => { date: string; planned: boolean } | null;
}

const day = (d: Date, published: Date): { date: string; planned: boolean } => ({
  date: iso(d),
  planned: d > published,
});

/** The rules in order of precedence: a longer reading of the same words wins over a shorter one. */
const RULES: Rule[] = [
  {
    // "September 19, 2023", "Sept 19", "September 22"
    pattern: new RegExp(
      `\\b(?<month>${MONTH})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>\\d{4})\\b)?`,
      'gu',
    ),
    resolve: (m, p) => writtenDay(m, p),
  },
  {
    // "19 September", "19 September 2023"
    pattern: new RegExp(
      `\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>${MONTH})(?:,?\\s+(?<year>\\d{4})\\b)?`,
      'gu',
    ),
    resolve: (m, p) => writtenDay(m, p),
  },
  {
    // "September 2023"
    pattern: new RegExp(`\\b(?<month>${MONTH})\\s+(?<year>\\d{4})\\b`, 'gu'),
    resolve: (m, p) => {
      const month = monthIndex(m.groups?.['month'] ?? '');
      const d = utcDate(Number(m.groups?.['year']), month + 1, 1);
      return { date: monthOf(d), planned: d > p };
    },
  },
  {
    pattern: new RegExp(
      `\\b(?:(?<which>next|last|this|on|late|early)\\s+)?(?<weekday>${WEEKDAYS.join('|')})\\b`,
      'giu',
    ),
    resolve: (m, p) => {
      const target = WEEKDAYS.findIndex(
        (w) => w.toLowerCase() === (m.groups?.['weekday'] ?? '').toLowerCase(),
      );
      const which = (m.groups?.['which'] ?? '').toLowerCase();
      if (which === 'next') return day(addDays(p, ((target - p.getUTCDay() + 6) % 7) + 1), p);
      const back = (p.getUTCDay() - target + 7) % 7;
      return day(addDays(p, which === 'last' && back === 0 ? -7 : -back), p);
    },
  },
  { pattern: /\byesterday\b/giu, resolve: (_, p) => day(addDays(p, -1), p) },
  { pattern: /\btomorrow\b/giu, resolve: (_, p) => day(addDays(p, 1), p) },
  { pattern: /\b(?:today|now)\b/giu, resolve: (_, p) => day(p, p) },
  {
    pattern: /\b(?<which>last|this|next)\s+(?<span>week|month|year)\b/giu,
    resolve: (m, p) => {
      const step = { last: -1, this: 0, next: 1 }[(m.groups?.['which'] ?? '').toLowerCase()] ?? 0;
      const span = (m.groups?.['span'] ?? '').toLowerCase();
      const date =
        span === 'week'
          ? step === 0
            ? weekSoFar(p)
            : isoWeek(p, step)
          : span === 'month'
            ? monthOf(utcDate(p.getUTCFullYear(), p.getUTCMonth() + 1 + step, 1))
            : String(p.getUTCFullYear() + step);
      return { date, planned: step > 0 };
    },
  },
  {
    // "in 1994", "since 1974", "the 2020 war"; not "the 1990s"
    pattern: /\b(?:(?<prep>in|since|by|until|from|before|after)\s+)?(?<year>\d{4})\b(?!s\b|,\d)/giu,
    resolve: (m, p) => {
      const year = Number(m.groups?.['year']);
      if (year < 1000 || year > 2100) return null;
      return { date: String(year), planned: year > p.getUTCFullYear() };
    },
  },
];

function writtenDay(m: RegExpExecArray, published: Date): { date: string; planned: boolean } | null {
  const month = monthIndex(m.groups?.['month'] ?? '');
  const dayOfMonth = Number(m.groups?.['day']);
  const year = m.groups?.['year'] ? Number(m.groups['year']) : published.getUTCFullYear();
  const d = utcDate(year, month + 1, dayOfMonth);
  if (month < 0 || d.getUTCDate() !== dayOfMonth) return null;
  return day(d, published);
}

/**
 * Every date the paragraphs give in words, resolved against `published` (YYYY-MM-DD), in the
 * order of the text; words that two rules read ("September 22, 2023") are read once, by the longer.
 */
export function findDates(draft: ArticleTextDraft, published: string): DateDraft[] {
  const [y, m, d] = published.split('-').map(Number);
  const publishedDay = utcDate(y ?? 0, m ?? 1, d ?? 1);
  return draft.paragraphTexts.flatMap((text, i) => {
    const taken: [number, number][] = [];
    const found: { at: number; draft: DateDraft }[] = [];
    for (const rule of RULES) {
      for (const match of text.matchAll(rule.pattern)) {
        const from = match.index;
        const to = from + match[0].length;
        if (taken.some(([a, b]) => from < b && to > a)) continue;
        const resolved = rule.resolve(match as RegExpExecArray, publishedDay);
        if (!resolved) continue;
        taken.push([from, to]);
        found.push({
          at: from,
          draft: { date: resolved.date, dateText: match[0], paragraph: i + 1, planned: resolved.planned },
        });
      }
    }
    return found.sort((a, b) => a.at - b.at).map((f) => f.draft);
  });
}
