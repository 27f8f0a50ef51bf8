// Finds the passages between double quotation marks in an article's paragraphs, verbatim, and
// drafts each one's speaker from the attribution nearest it: in its sentence ("…," said X; X said
// "…"; "…," he said), else the quotation before it in the paragraph, else the paragraph before.
// Surnames and pronouns resolve to the full name the text gave earlier; an institution named by
// its possessor ("Azerbaijan's presidency") is written "Presidency of Azerbaijan", and a capital
// that speaks for its country ("Baku insists") as that country's government.
import { countries } from 'countries-list';
import type { ArticleTextDraft, QuotationDraft } from './types';

/** The verbs that attribute words to a speaker. */
const SPEECH_VERBS = [
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'stated',
  'declared',
  'warned',
  'wrote',
  'announced',
  'insisted',
  'insists',
  'noted',
  'explained',
  'condemned',
  'expressed',
  'urged',
  'described',
  'called',
  'claimed',
  'argued',
  'pledged',
  'vowed',
  'promised',
  'denied',
  'replied',
  'asked',
  'tweeted',
  'posted',
] as const;
const VERB = `(?:${SPEECH_VERBS.join('|')})`;

/** Words of a title before a name ("Prime Minister", "U.S. Vice President"), not part of it. */
const TITLE_WORDS = new Set([
  'President',
  'Vice',
  'Prime',
  'Minister',
  'Foreign',
  'Defence',
  'Defense',
  'Secretary',
  'General',
  'Chancellor',
  'King',
  'Queen',
  'Prince',
  'Premier',
  'Governor',
  'Mayor',
  'Senator',
  'Ambassador',
  'Chief',
  'Commander',
  'Leader',
  'Speaker',
  'Spokesman',
  'Spokeswoman',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
  'Sen.',
  'Rep.',
  'Gen.',
  'The',
  'A',
  'An',
]);
/** A title in lower case that names a person after it ("Kremlin spokesman Dmitry Peskov"). */
const LOWER_TITLE =
  '(?:spokesman|spokeswoman|spokesperson|adviser|advisor|envoy|minister|president|leader|official)';

const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Gen',
  'Sen',
  'Rep',
  'Gov',
  'Lt',
  'Col',
  'Sgt',
  'Jr',
  'Sr',
  'Prof',
  'No',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  'Jan',
  'Feb',
  'Aug',
]);
const PRONOUNS = new Set(['he', 'she', 'He', 'She']);
/** Nouns by which an article points back at a place it named ("the region"). */
const PLACE_NOUNS = '(?:region|territory|enclave|province|republic|island|country)';

/** A capitalised word ("Nikol", "Armenia's", "NikolPashinyan" run together) or an abbreviation ("U.S.", "Mr."). */
const CAP = "(?:\\p{Lu}\\.(?:\\p{Lu}\\.)+|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep)\\.|\\p{Lu}[\\p{L}'’-]*)";
const NAME = `${CAP}(?:\\s+${CAP}){0,3}`;
const DETERMINER = '(?:The|A|An|This|That)\\b';

const CAPITALS = new Map(
  Object.values(countries)
    .filter((c) => c.capital !== '')
    .map((c) => [c.capital, c.name] as const),
);

interface Found {
  text: string;
  /** Offsets of the marks in the paragraph. */
  open: number;
  close: number;
  closed: boolean;
}

interface Person {
  name: string;
  role?: string;
}

interface Speaker {
  speaker: string;
  speakerRole?: string;
  attribution: string;
}

/** Every quotation of the article's paragraphs, in order, with its speaker as drafted. */
export function findQuotations(draft: ArticleTextDraft): QuotationDraft[] {
  const people: { person: Person; at: number }[] = [];
  const mentions: { person: Person; at: number }[] = [];
  const result: QuotationDraft[] = [];
  let offset = 0;
  let previousParagraphSpeaker: Speaker | null = null;
  const context = { people, mentions, text: draft.paragraphTexts.join('\n\n') };

  draft.paragraphTexts.forEach((paragraph, index) => {
    const n = index + 1;
    const found = quotationsIn(paragraph);
    const masked = maskQuotations(paragraph, found);
    collectPeople(masked, offset, context);
    let previousInParagraph: Speaker | null = null;
    const paragraphSpeaker = firstAttribution(masked, offset, context);
    for (const q of found) {
      const [start, end] = sentenceAround(masked, q.open, q.close);
      const before = masked.slice(start, q.open);
      const after = masked.slice(q.close + (q.closed ? 1 : 0), end);
      const speaker: Speaker | null =
        attributionAfter(after, offset + q.open, context) ??
        attributionBefore(before, offset + q.open, context) ??
        previousInParagraph ??
        (found.length === 1 && q.open === 0 ? previousParagraphSpeaker : null) ??
        paragraphSpeaker ??
        previousParagraphSpeaker;
      const partial = before.trim() !== '' && !/[:,]\s*$/u.test(before);
      result.push({
        text: q.text,
        paragraph: n,
        speaker: speaker?.speaker ?? null,
        ...(speaker?.speakerRole ? { speakerRole: speaker.speakerRole } : {}),
        attribution: speaker?.attribution ?? null,
        partial,
      });
      if (speaker) previousInParagraph = speaker;
    }
    previousParagraphSpeaker =
      lastAttribution(masked, offset, context) ?? previousInParagraph ?? previousParagraphSpeaker;
    offset += paragraph.length + 2;
  });
  // A quotation left open at a paragraph's end goes on in the next one, whose attribution is its own.
  result.forEach((q, i) => {
    const next = result[i + 1];
    if (q.speaker === null && next && next.paragraph === q.paragraph + 1 && next.speaker !== null) {
      Object.assign(q, { speaker: next.speaker, attribution: next.attribution });
    }
  });
  return result;
}

/** The passages between straight or curly double marks; one left open runs to the paragraph's end. */
function quotationsIn(paragraph: string): Found[] {
  const found: Found[] = [];
  let i = 0;
  while (i < paragraph.length) {
    const open = paragraph.slice(i).search(/["“]/u);
    if (open < 0) break;
    const at = i + open;
    const closeMark = paragraph[at] === '“' ? '”' : '"';
    const close = paragraph.indexOf(closeMark, at + 1);
    if (close < 0) {
      const text = paragraph.slice(at + 1);
      if (text.trim() !== '') found.push({ text, open: at, close: paragraph.length, closed: false });
      break;
    }
    found.push({ text: paragraph.slice(at + 1, close), open: at, close, closed: true });
    i = close + 1;
  }
  return found;
}

/** The paragraph with each quotation's words blanked (its final stop kept), so attribution reads around them. */
function maskQuotations(paragraph: string, found: Found[]): string {
  let masked = paragraph;
  for (const q of found) {
    const stop = /[.!?]$/u.test(q.text) ? q.text.slice(-1) : '';
    const blank = '_'.repeat(q.text.length - stop.length) + stop;
    masked = masked.slice(0, q.open + 1) + blank + masked.slice(q.open + 1 + q.text.length);
  }
  return masked;
}

/** Where sentences end: a stop, closing marks, a space and a capital, not after an abbreviation. */
function sentenceEnds(masked: string): number[] {
  const ends: number[] = [];
  for (const m of masked.matchAll(/[.!?]["”’')\]]*\s+(?=["“‘'(]?[\p{Lu}_])/gu)) {
    const word = /([\p{L}.]+)\.$/u.exec(masked.slice(0, m.index + 1))?.[1] ?? '';
    if (ABBREVIATIONS.has(word) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) continue;
    ends.push(m.index + m[0].length);
  }
  return ends;
}

function sentenceAround(masked: string, from: number, to: number): [number, number] {
  const ends = sentenceEnds(masked);
  const start = ends.filter((e) => e <= from).pop() ?? 0;
  const end = ends.find((e) => e > to) ?? masked.length;
  return [start, end];
}

const AFTER_VERB_FIRST = new RegExp(
  `^[,.!?]?\\s*(?<verb>${VERB})\\s+(?<np>${NAME})(?:,\\s*(?<role>[^,.]+))?`,
  'u',
);
const AFTER_NAME_FIRST = new RegExp(
  `^[,.!?]?\\s*(?<np>${NAME}|he|she|they|(?:[Tt]he|[Aa]n?)\\s+(?:[\\p{L}.'’-]+\\s+){0,4}?[\\p{L}.'’-]+)(?:,\\s*(?<role>[^,]+),)?\\s+(?:has\\s+|had\\s+)?(?<verb>${VERB})\\b`,
  'u',
);

/** "…," said X / "…," X, a role, told AFP / "…," he said. */
function attributionAfter(after: string, at: number, context: Context): Speaker | null {
  const match = AFTER_VERB_FIRST.exec(after) ?? AFTER_NAME_FIRST.exec(after);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const speaker = speakerOf(groups['np'] ?? '', at, context);
  if (!speaker) return null;
  const role = groups['role']?.trim();
  return {
    ...speaker,
    ...(role && !speaker.speakerRole ? { speakerRole: role } : {}),
    attribution: match[0].replace(/^[,.!?]?\s*/u, '').trim(),
  };
}

/** X said …"…" / according to X: the nearest attribution before the quotation that has a speaker. */
function attributionBefore(before: string, at: number, context: Context): Speaker | null {
  const according = /according to (?<np>[^,.]+)/u.exec(before);
  const verbs = [...before.matchAll(new RegExp(`\\b${VERB}\\b`, 'gu'))].reverse();
  for (const v of verbs) {
    const subject = subjectBefore(before.slice(0, v.index));
    if (!subject) continue;
    const speaker = speakerOf(subject.np, at, context);
    if (speaker) {
      const role = speaker.speakerRole ?? subject.role;
      return { ...speaker, ...(role ? { speakerRole: role } : {}), attribution: `${subject.np} ${v[0]}` };
    }
  }
  const np = according?.groups?.['np'];
  const speaker = np ? speakerOf(np.trim(), at, context) : null;
  return speaker ? { ...speaker, attribution: `according to ${np?.trim() ?? ''}` } : null;
}

/** The first (or last) attribution of a paragraph's text outside its quotations. */
function firstAttribution(masked: string, offset: number, context: Context): Speaker | null {
  return attributions(masked, offset, context)[0] ?? null;
}
function lastAttribution(masked: string, offset: number, context: Context): Speaker | null {
  return attributions(masked, offset, context).pop() ?? null;
}
function attributions(masked: string, offset: number, context: Context): Speaker[] {
  const ends = [0, ...sentenceEnds(masked), masked.length];
  const found: Speaker[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const speaker = attributionBefore(masked.slice(ends[i], ends[i + 1]), offset + (ends[i] ?? 0), context);
    if (speaker) found.push(speaker);
  }
  return found;
}

/** Words that end a subject when read backwards from its verb. */
const CLAUSE_BREAK = /[;:,]|\b(?:and|but|while|after|when|that|as|because|who|which|where|if|than|so)\b/gu;

/** The noun phrase before a verb: "Azerbaijan's presidency", "The president of X, Nicos Anastasiades,". */
function subjectBefore(text: string): { np: string; role?: string } | null {
  let s = text.trimEnd();
  const trailing =
    /(?:\s+|^)(?:has|have|had|also|again|later|then|earlier|now|on \p{Lu}\p{Ll}+day|late \p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|on social media|in a statement)$/u;
  while (trailing.test(s)) s = s.replace(trailing, '').trimEnd();
  const apposition = new RegExp(`(?:^|[,;:]\\s*)(?<role>[^,;:]+?),\\s*(?<np>${NAME}),$`, 'u').exec(s);
  if (apposition?.groups) {
    const role = apposition.groups['role']?.trim();
    return { np: apposition.groups['np'] ?? '', ...(role ? { role } : {}) };
  }
  const cut = [...s.matchAll(CLAUSE_BREAK)].pop();
  const np = (cut ? s.slice(cut.index + cut[0].length) : s).trim();
  if (np === '' || np.split(/\s+/u).length > 8 || /_/u.test(np)) return null;
  return { np };
}

interface Context {
  people: { person: Person; at: number }[];
  mentions: { person: Person; at: number }[];
  text: string;
}

/** A speaker from the noun phrase an attribution gives: a named person, a pronoun, an institution. */
function speakerOf(np: string, at: number, context: Context): Omit<Speaker, 'attribution'> | null {
  const words = np.trim().split(/\s+/u);
  if (words.length === 1 && PRONOUNS.has(words[0] ?? '')) {
    const person = context.mentions.filter((m) => m.at < at).pop()?.person;
    return person ? { speaker: person.name, ...(person.role ? { speakerRole: person.role } : {}) } : null;
  }
  if (words.length === 1 && /^\p{Ll}/u.test(words[0] ?? '')) return null;
  const split = splitName(words);
  if (split) {
    const { name, role } = split;
    if (!name.includes(' ')) {
      const full = context.people.find((p) => p.person.name.split(' ').pop() === name)?.person;
      if (full)
        return { speaker: full.name, ...((role ?? full.role) ? { speakerRole: role ?? full.role } : {}) };
      const country = CAPITALS.get(name);
      if (country && !role) return { speaker: `Government of ${country}` };
    }
    return { speaker: name, ...(role ? { speakerRole: role } : {}) };
  }
  const possessive = /^(?<owner>.+?)['’]s\s+(?<head>[\p{Ll}][\p{L}\s-]*)$/u.exec(np.trim());
  const owner = possessive?.groups?.['owner'];
  const head = possessive?.groups?.['head'];
  if (owner && head) {
    const place = /^the\s/iu.test(owner) ? referent(owner, at, context) : owner;
    return { speaker: `${head.charAt(0).toUpperCase()}${head.slice(1)} of ${place}` };
  }
  return { speaker: np.trim() };
}

/** "Armenia's Prime Minister NikolPashinyan" → name "Nikol Pashinyan", role "Armenia's Prime Minister". */
function splitName(words: string[]): { name: string; role?: string } | null {
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1] ?? '';
    if (!/^\p{Lu}/u.test(w) || TITLE_WORDS.has(w) || /['’]s$/u.test(w) || /^(?:\p{Lu}\.)+$/u.test(w)) break;
    i--;
  }
  if (i === words.length) return null;
  const name = words.slice(i).flatMap(splitRunTogether).join(' ');
  const role = words.slice(0, i).join(' ');
  return { name, ...(role !== '' && !/^(?:the|a|an)$/iu.test(role) ? { role } : {}) };
}

/** A name typed without its space ("IlhamAliyev") is two words; "McDonald" or "DeSantis" is one. */
function splitRunTogether(word: string): string[] {
  const m = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u.exec(word);
  if (!m || /^Ma?c$/u.test(m[1] ?? '')) return [word];
  return [m[1] ?? '', m[2] ?? ''];
}

/** The place "the region" points back at: the last one the text called so ("the territory of X"). */
function referent(phrase: string, at: number, context: Context): string {
  const earlier = context.text.slice(0, at);
  const named = [
    ...earlier.matchAll(
      new RegExp(
        `\\b${PLACE_NOUNS} of (?!${DETERMINER})(${NAME})|(?!${DETERMINER})(${NAME}) ${PLACE_NOUNS}\\b`,
        'gu',
      ),
    ),
  ].pop();
  return named?.[1] ?? named?.[2] ?? phrase;
}

/** The people a paragraph names with a title or a role in apposition, and each mention of them. */
function collectPeople(masked: string, offset: number, context: Context): void {
  const titled = new RegExp(
    `(?<role>(?:(?:${CAP}|${LOWER_TITLE})\\s+){0,3}(?:${[...TITLE_WORDS].filter((w) => /\p{Ll}/u.test(w) && w.length > 3).join('|')}|${LOWER_TITLE}))\\s+(?<name>${NAME})|,\\s*(?<apposed>${NAME}),`,
    'gu',
  );
  for (const m of masked.matchAll(titled)) {
    const words = (m.groups?.['name'] ?? m.groups?.['apposed'] ?? '').split(/\s+/u);
    const split = splitName(words);
    if (!split?.name.includes(' ')) continue;
    const role = m.groups?.['role']?.trim();
    const known = context.people.some((p) => p.person.name === split.name);
    if (!known)
      context.people.push({ person: { name: split.name, ...(role ? { role } : {}) }, at: offset + m.index });
  }
  for (const { person } of context.people) {
    const surname = person.name.split(' ').pop() ?? '';
    const runTogether = person.name.replace(/ /gu, '');
    for (const m of masked.matchAll(new RegExp(`\\b(?:${surname}|${runTogether})\\b`, 'gu'))) {
      context.mentions.push({ person, at: offset + m.index });
    }
  }
  context.mentions.sort((a, b) => a.at - b.at);
}
