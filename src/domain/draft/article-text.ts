// Reads the structure of an article's plain text: its headline, paragraphs with their lines and
// openings, subheadings and dateline, and the lines it cannot place (outlet, date and credit lines,
// standfirsts), which it lists for the editor rather than guesses at. Pure: text in, draft out.
import type { ReviewLine } from '../review';
import type { Paragraph } from '../types';
import type { ArticleTextDraft } from './types';

/**
 * How many words a paragraph's opening keeps: the hand-made atlases cite paragraphs by their first
 * seven words (whitespace-separated, punctuation and quotation marks kept), a few more than a
 * reader needs to find the line and few enough to read at a glance.
 */
const OPENING_WORDS = 7;

/** A line this long or longer is running text even without final punctuation; subheadings are shorter. */
const SHORT_LINE = 60;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\\.?,?';
/** A calendar date as datelines and date lines print it: "Sep 22, 2023", "7 February 2014", "2023-09-22". */
const DATE = `(?:${WEEKDAY}\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;

/** Lines that are not the article's own words, each with the reason the editor is shown. */
const NOT_TEXT: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^(?:representative |file )?(?:image|photo|picture|photograph)\b.{0,80}$/iu,
    reason: 'an image caption line',
  },
  {
    pattern: new RegExp(
      `^(?:(?:published|updated|posted)\\s*:?\\s*)?${DATE}(?:\\s*(?:\\(.*\\)|[,|·–-].{0,30}|\\d{1,2}[:.]\\d{2}.*))?$`,
      'iu',
    ),
    reason: 'a date line',
  },
  {
    pattern: /^(?:source|sources|credit|credits|photo credit|copyright|licen[cs]e)\s*:|^(?:©|\(c\)\s)/iu,
    reason: 'a credit line',
  },
  { pattern: /^[Bb]y\s+\p{Lu}[\p{L}'.-]*(?:\s+(?:\p{Lu}[\p{L}'.-]*|and|&|,))*$/u, reason: 'a byline' },
];

type Unit =
  | { kind: 'other'; line: number; text: string; reason: string }
  | { kind: 'short' | 'running'; line: number; text: string; firstLine: string };

/**
 * Drafts an article's structure from its plain text. The stored texts hold one paragraph per line;
 * a text whose paragraphs are wrapped over several lines and separated by blank lines is read by
 * blocks instead (a paragraph's `line` is then its first line, its text the lines joined by "\n").
 */
export function draftArticleText(text: string): ArticleTextDraft {
  const units = readUnits(text.split(/\r?\n/));
  const lines: ReviewLine[] = [];
  const headlineIndex = units.findIndex((u) => u.kind !== 'other');
  const firstBodyIndex = units.findIndex((u, i) => i > headlineIndex && u.kind === 'running');
  const lastBodyIndex = units.findLastIndex((u) => u.kind === 'running');
  // A standfirst is running text between the headline and a date line or byline, or before the
  // paragraph that opens with the dateline: news copy's body starts there.
  const bodyStart = bodyStartIndex(units, headlineIndex, firstBodyIndex);

  const paragraphs: Paragraph[] = [];
  const paragraphTexts: string[] = [];
  const sections: { title: string; line: number }[] = [];
  let section: string | null = null;
  units.forEach((unit, i) => {
    if (i === headlineIndex) return;
    if (unit.kind === 'other') {
      lines.push({ line: unit.line, text: unit.text, reason: unit.reason });
    } else if (i < bodyStart && unit.kind === 'running' && i > headlineIndex) {
      lines.push({ line: unit.line, text: unit.text, reason: 'a standfirst: running text before the body' });
    } else if (unit.kind === 'short' && i > firstBodyIndex && i < lastBodyIndex) {
      section = unit.text;
      sections.push({ title: unit.text, line: unit.line });
    } else if (unit.kind === 'short') {
      const where = i < firstBodyIndex || firstBodyIndex < 0 ? 'before' : 'after';
      lines.push({ line: unit.line, text: unit.text, reason: `a short line ${where} the body` });
    } else {
      paragraphs.push({
        n: paragraphs.length + 1,
        line: unit.line,
        section,
        opening: openingOf(unit.firstLine),
      });
      paragraphTexts.push(unit.text);
    }
  });
  lines.sort((a, b) => a.line - b.line);

  const headline = units[headlineIndex];
  const first = paragraphTexts[0];
  const dateline = first === undefined ? undefined : readDateline(first);
  return {
    headline: headline?.text ?? '',
    headlineLine: headline?.line ?? 0,
    paragraphs,
    paragraphTexts,
    sections,
    ...(dateline ? { dateline } : {}),
    lines,
  };
}

function bodyStartIndex(units: Unit[], headlineIndex: number, firstBodyIndex: number): number {
  if (firstBodyIndex < 0) return units.length;
  const lastHeaderLine = units.findLastIndex(
    (u, i) =>
      i > headlineIndex && i < firstBodyIndex + 3 && u.kind === 'other' && u.reason !== 'a credit line',
  );
  const datelined = units.findIndex(
    (u, i) => i >= firstBodyIndex && i < firstBodyIndex + 3 && u.kind === 'running' && readDateline(u.text),
  );
  return Math.max(firstBodyIndex, lastHeaderLine + 1, datelined);
}

/** The text's lines grouped into units: one per line, or one per blank-line block for wrapped text. */
function readUnits(rawLines: string[]): Unit[] {
  const blocks: { line: number; text: string }[][] = [];
  let block: { line: number; text: string }[] = [];
  rawLines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push({ line: i + 1, text });
  });
  if (block.length > 0) blocks.push(block);

  // Wrapped text: some long line runs on into the next without ending its sentence.
  const wrapped = blocks.some((b) =>
    b.some((l, i) => {
      const next = b[i + 1];
      return (
        next !== undefined &&
        isRunning(l.text) &&
        !endsSentence(l.text) &&
        !notText(l.text) &&
        !notText(next.text)
      );
    }),
  );
  const units: Unit[] = [];
  for (const b of blocks) {
    let current: { line: number; lines: string[] } | null = null;
    const flush = (): void => {
      if (current) units.push(textUnit(current.line, current.lines));
      current = null;
    };
    b.forEach((l, i) => {
      const reason = notText(l.text);
      if (reason !== null) {
        flush();
        units.push({ kind: 'other', line: l.line, text: l.text, reason });
      } else if (!wrapped || current === null) {
        flush();
        current = { line: l.line, lines: [l.text] };
        // A subheading on the first line of a block stands alone, above a paragraph that starts
        // a sentence; a short first line that runs on in lower case is the paragraph's own.
        const next = b[i + 1]?.text ?? '';
        if (wrapped && i === 0 && !isRunning(l.text) && /^["“'‘]?\p{Lu}/u.test(next)) flush();
      } else current.lines.push(l.text);
    });
    flush();
  }
  return units;
}

function textUnit(line: number, lines: string[]): Unit {
  const text = lines.join('\n');
  const firstLine = lines[0] ?? '';
  return { kind: lines.length > 1 || isRunning(text) ? 'running' : 'short', line, text, firstLine };
}

const notText = (line: string): string | null => NOT_TEXT.find((t) => t.pattern.test(line))?.reason ?? null;

/** Whether a line ends a sentence: final punctuation, before any closing quotation marks or brackets. */
const endsSentence = (line: string): boolean => /[.!?…:;,]["'”’)\]]*$/u.test(line);

/** Running text: long, or ending in punctuation; a short line without it is a subheading or a label. */
const isRunning = (line: string): boolean => line.length >= SHORT_LINE || endsSentence(line);

/** The first OPENING_WORDS words of a line, verbatim: the line starts with it. */
function openingOf(line: string): string {
  const words = /\S+/gu;
  let end = 0;
  for (let i = 0; i < OPENING_WORDS; i++) {
    const match = words.exec(line);
    if (!match) break;
    end = match.index + match[0].length;
  }
  return line.slice(0, end);
}

/**
 * A dateline at the start of the first paragraph: a place (capitals or title case), then at least
 * one of a bracketed country, a date or an agency in brackets, then a dash or a colon:
 * "Baku [Azerbaijan], September 22:", "BAKU, Sept 22 (AFP) -", "Baku (AFP) -". A place in capitals
 * needs nothing more: "WASHINGTON —".
 */
const DATELINE = new RegExp(
  `^(?<text>(?<place>\\p{Lu}[\\p{L}'.-]*(?:[ /-]\\p{Lu}[\\p{L}'.-]*){0,3})(?<country>\\s*\\[[^\\]]+\\])?(?<date>,\\s*${DATE})?(?<agency>\\s*\\([\\p{Lu}][\\p{L} &.-]*\\))?)\\s*[-–—:]\\s`,
  'u',
);

function readDateline(paragraph: string): { text: string; placeName: string } | undefined {
  const match = DATELINE.exec(paragraph);
  const groups = match?.groups;
  if (!groups) return undefined;
  // "SEOUL/TOKYO —": a report filed from two places is placed at the first.
  const printed = groups['place'] ?? '';
  const place = printed.split('/')[0] ?? printed;
  const capitals = place === place.toUpperCase() && /\p{Lu}{2}/u.test(place);
  if (!capitals && !groups['country'] && !groups['date'] && !groups['agency']) return undefined;
  const placeName = capitals
    ? place
        .toLowerCase()
        .replace(/(^|[ \-'])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : place;
  return { text: (groups['text'] ?? '').trim(), placeName };
}
