// Finds the figures of an article's paragraphs: numbers with their unit and hedge, as written
// ("nearly 2,000 people", "24-hour", "$5 million", "40%"), for the editor to confirm as a fact's
// `figures`. Years, dates, times of day, ordinals and the numbers of a speaker's title ("father of
// two") are not figures.
import type { FigureQualifier } from '../types';
import { findQuotations } from './quotations';
import type { ArticleTextDraft, FigureDraft } from './types';

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const CURRENCIES: Record<string, string> = { $: 'dollars', '€': 'euros', '£': 'pounds' };

/** The hedges written before a number, each to its qualifier (FIGURE_QUALIFIERS). */
const HEDGES: [RegExp, FigureQualifier][] = [
  [/\b(?:nearly)\s+$/iu, 'nearly'],
  [/\b(?:almost)\s+$/iu, 'almost'],
  [/\b(?:about|around|some|roughly|approximately|an estimated)\s+$/iu, 'about'],
  [/\bup to\s+$/iu, 'up to'],
  // "Less than" and "under" bound a figure from above, as "up to" does.
  [/\b(?:less than|fewer than|under)\s+$/iu, 'up to'],
  [/\b(?:more than|over|at least)\s+$/iu, 'more than'],
];

const MONTHS =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** Words after a number that are not its unit. */
const NOT_UNITS = new Set(
  'of and or the a an in on at to for from by with as than that which who is are was were has have had'.split(
    ' ',
  ),
);

const FIGURE = new RegExp(
  `(?<![\\p{L}\\d.,:$€£-])(?<currency>[$€£])?(?<number>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})(?![\\p{L}\\d]|[.,:]\\d)(?<scale>\\s+(?:${Object.keys(SCALES).join('|')})\\b)?(?:(?<percent>%)|-(?<suffix>\\p{Ll}+)|\\s+(?<unit>per ?cent|\\p{L}[\\p{L}'’-]*(?:\\s+\\p{Lu}\\p{Ll}+)?))?`,
  'giu',
);

/** Every figure of the article's paragraphs, in order. */
export function findFigures(draft: ArticleTextDraft): FigureDraft[] {
  const roles = findQuotations(draft).flatMap((q) =>
    q.speakerRole ? [{ paragraph: q.paragraph, role: q.speakerRole }] : [],
  );
  return draft.paragraphTexts.flatMap((text, i) => {
    const n = i + 1;
    const skipped = roles
      .filter((r) => r.paragraph === n)
      .flatMap((r) => {
        const at = text.indexOf(r.role);
        return at < 0 ? [] : [[at, at + r.role.length] as const];
      });
    return [...text.matchAll(FIGURE)].flatMap((m): FigureDraft[] => {
      const g = m.groups ?? {};
      const number = g['number'] ?? '';
      const before = text.slice(0, m.index);
      if (skipped.some(([from, to]) => m.index >= from && m.index < to)) return [];
      if (isDateOrTime(number, before, text.slice(m.index + m[0].length), g)) return [];
      const word = NUMBER_WORDS[number.toLowerCase()];
      const scale = SCALES[(g['scale'] ?? '').trim().toLowerCase()] ?? 1;
      const value = (word ?? Number(number.replace(/,/gu, ''))) * scale;
      const unit = unitOf(g);
      if (word !== undefined && unit === '') return [];
      const written = `${g['currency'] ?? ''}${number}${g['scale'] ?? ''}${g['percent'] ?? ''}${g['suffix'] ? `-${g['suffix']}` : ''}`;
      return [{ value, unit, qualifier: qualifierOf(before), text: written, paragraph: n }];
    });
  });
}

function isDateOrTime(
  number: string,
  before: string,
  after: string,
  g: Record<string, string | undefined>,
): boolean {
  if (/^\d{4}$/u.test(number) && !g['currency'] && !g['scale'] && !g['percent']) {
    const year = Number(number);
    if (year >= 1000 && year <= 2100) return true;
  }
  if (new RegExp(`${MONTHS}\\s+$`, 'u').test(before)) return true;
  if (
    new RegExp(`^(?:\\s+${MONTHS}\\b|\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b|GMT|UTC|o'clock))`, 'iu').test(
      `${g['unit'] ? ` ${g['unit']}` : ''}${after}`,
    )
  )
    return true;
  return false;
}

function unitOf(g: Record<string, string | undefined>): string {
  if (g['percent'] || /^per ?cent$/iu.test(g['unit'] ?? '')) return 'percent';
  if (g['currency']) return CURRENCIES[g['currency']] ?? '';
  if (g['suffix']) return `${g['suffix']}s`;
  const unit = g['unit'] ?? '';
  const first = unit.split(/\s+/u)[0] ?? '';
  if (unit === '' || NOT_UNITS.has(first.toLowerCase())) return '';
  // "ethnic Armenians": a lower-case word before a capitalised noun is part of the unit.
  return /^\p{Ll}/u.test(first) && /\s\p{Lu}/u.test(unit) ? unit : /^\p{Lu}/u.test(first) ? '' : first;
}

function qualifierOf(before: string): FigureQualifier {
  return HEDGES.find(([pattern]) => pattern.test(before))?.[1] ?? 'exact';
}
