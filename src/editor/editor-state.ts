// The atlas editor's state: a draft atlas (its three files, items still carrying their review
// marks) and the pure commands an editor gives it. Each command returns a new draft; the page
// keeps the last one and saves it.
import { checkAgainstArticle } from '../domain/check-against-article';
import { draftGeometry } from '../domain/draft/assemble';
import type { GazetteerEntry } from '../domain/draft/types';
import type { Issue } from '../domain/issues';
import type { Review, ReviewNote } from '../domain/review';
import type { Article, AtlasFiles, Fact, Place, PlaceProperties } from '../domain/types';
import { validateAtlas } from '../domain/validate-atlas';

export type DraftArticle = Article & { review?: Review };
export type DraftPlace = Omit<Place, 'properties'> & { properties: PlaceProperties & { review?: Review } };
export type DraftFact = Fact & { review?: Review };

/** A draft atlas as the editor holds it. */
export interface Draft {
  article: DraftArticle;
  places: DraftPlace[];
  facts: DraftFact[];
}

/** An item of the draft that carries a review mark. */
export type ItemRef = { kind: 'article' } | { kind: 'place'; id: string } | { kind: 'fact'; id: string };

/** The names the editor's validator gives the three files in its messages. */
export const DRAFT_FILE_NAMES = { article: 'article.json', places: 'places.geojson', facts: 'facts.json' };

/** The three files' contents, as they are saved. */
export function draftFiles(draft: Draft): AtlasFiles {
  return {
    article: draft.article,
    places: { type: 'FeatureCollection', features: draft.places },
    facts: { facts: draft.facts },
  };
}

/** The draft's review mark of an item, or undefined when it is confirmed (or absent). */
export function reviewOf(draft: Draft, ref: ItemRef): Review | undefined {
  if (ref.kind === 'article') return draft.article.review;
  if (ref.kind === 'place') return draft.places.find((p) => p.id === ref.id)?.properties.review;
  return draft.facts.find((f) => f.id === ref.id)?.review;
}

const withoutReview = <T extends { review?: Review }>(item: T): T => {
  const copy = { ...item };
  delete copy.review;
  return copy;
};

const addNote = <T extends { review?: Review }>(item: T, note: ReviewNote): T => ({
  ...item,
  review: { ...item.review, confirm: [...(item.review?.confirm ?? []), note] },
});

const mapPlace = (draft: Draft, id: string, change: (place: DraftPlace) => DraftPlace): Draft => ({
  ...draft,
  places: draft.places.map((p) => (p.id === id ? change(p) : p)),
});

const mapFact = (draft: Draft, id: string, change: (fact: DraftFact) => DraftFact): Draft => ({
  ...draft,
  facts: draft.facts.map((f) => (f.id === id ? change(f) : f)),
});

/** Confirms an item: removes its review mark. */
export function confirmItem(draft: Draft, ref: ItemRef): Draft {
  if (ref.kind === 'article') return { ...draft, article: withoutReview(draft.article) };
  if (ref.kind === 'place') {
    return mapPlace(draft, ref.id, (p) => ({ ...p, properties: withoutReview(p.properties) }));
  }
  return mapFact(draft, ref.id, withoutReview);
}

/** A text an item must have before it is confirmed: the field's path (as the form's `data-field`) and its name. */
export interface ToWrite {
  path: string;
  label: string;
}

/**
 * What is still to write in an item before it can be confirmed: a draft may leave these texts
 * empty while its review notes say so, a confirmed item may not (the validator would refuse it).
 */
export function stillToWrite(draft: Draft, ref: ItemRef): ToWrite[] {
  const empty = (value: string | undefined) => value === undefined || value.trim() === '';
  const missing: ToWrite[] = [];
  const need = (value: string | undefined, path: string, label: string) => {
    if (empty(value)) missing.push({ path, label });
  };
  if (ref.kind === 'article') {
    const a = draft.article;
    need(a.headline, 'headline', 'the headline');
    need(a.summary, 'summary', 'the summary');
    need(a.outlet, 'outlet', 'the outlet');
    need(a.agency, 'agency', 'the agency');
    return missing;
  }
  if (ref.kind === 'place') {
    const p = draft.places.find((place) => place.id === ref.id)?.properties;
    if (!p) return missing;
    need(p.name, 'name', 'the name');
    need(p.role, 'role', 'the role in the story');
    if (p.status) need(p.status.summary, 'status.summary', 'the summary of the dispute');
    return missing;
  }
  const f = draft.facts.find((fact) => fact.id === ref.id);
  if (!f) return missing;
  need(f.text, 'text', 'the paraphrase');
  if (f.quote) need(f.quote.speaker, 'quote.speaker', 'the speaker');
  f.figures?.forEach((figure, i) => {
    need(figure.unit, `figures[${i}].unit`, `figure ${i + 1}'s unit`);
    need(figure.label, `figures[${i}].label`, `figure ${i + 1}'s label`);
  });
  return missing;
}

/** The note a fact gets when the last of its places is rejected. */
export const NO_PLACE_NOTE = (placeId: string): ReviewNote => ({
  field: 'placeIds',
  note: `tie the fact to a place: its place "${placeId}" was rejected`,
});

/**
 * Rejects an item: removes it. A rejected place's id is also removed from every fact's places (a
 * fact left with none gets a `placeIds` note) and from the article's dateline (which is dropped,
 * with a `dateline` note). The article itself is not rejected: it is only confirmed.
 */
export function rejectItem(draft: Draft, ref: ItemRef): Draft {
  if (ref.kind === 'article') return draft;
  if (ref.kind === 'fact') return { ...draft, facts: draft.facts.filter((f) => f.id !== ref.id) };
  const facts = draft.facts.map((fact) => {
    if (!fact.placeIds.includes(ref.id)) return fact;
    const placeIds = fact.placeIds.filter((id) => id !== ref.id);
    const kept = { ...fact, placeIds };
    return placeIds.length === 0 ? addNote(kept, NO_PLACE_NOTE(ref.id)) : kept;
  });
  let article = draft.article;
  if (article.dateline?.placeId === ref.id) {
    article = { ...article };
    delete article.dateline;
    article = addNote(article, {
      field: 'dateline',
      note: `the dateline's place "${ref.id}" was rejected: add the dateline again with its place`,
    });
  }
  return { article, places: draft.places.filter((p) => p.id !== ref.id), facts };
}

/** Changes some of a fact's fields (its form). */
export function updateFact(draft: Draft, id: string, patch: Partial<Omit<Fact, 'id'>>): Draft {
  return mapFact(draft, id, (f) => ({ ...f, ...patch }));
}

/** Changes some of a place's properties (its form). */
export function updatePlace(
  draft: Draft,
  id: string,
  patch: Partial<Pick<PlaceProperties, 'name' | 'role' | 'group' | 'altNames' | 'status'>>,
): Draft {
  return mapPlace(draft, id, (p) => ({ ...p, properties: { ...p.properties, ...patch } }));
}

/** The article's paragraphs' texts by number: the line each paragraph is on. */
export function paragraphTexts(draft: Draft, text: string): Map<number, string> {
  const lines = text.split(/\r?\n/);
  return new Map(draft.article.paragraphs.map((p) => [p.n, lines[p.line - 1] ?? '']));
}

/** The paragraphs no fact cites, in order. */
export function uncoveredParagraphs(draft: Draft): number[] {
  const cited = new Set(draft.facts.map((f) => f.paragraph));
  return draft.article.paragraphs.map((p) => p.n).filter((n) => !cited.has(n));
}

/** A highlighted stretch of a paragraph: a fact's quotation or figure, [start, end) in its text. */
export interface Highlight {
  start: number;
  end: number;
  kind: 'quotation' | 'figure';
  factId: string;
}

/** Where the quotations and figures of a paragraph's facts stand in its text, in order, none overlapping. */
export function paragraphHighlights(draft: Draft, n: number, paragraphText: string): Highlight[] {
  const found: Highlight[] = [];
  for (const fact of draft.facts.filter((f) => f.paragraph === n)) {
    const parts: { text: string; kind: Highlight['kind'] }[] = [
      ...(fact.quote ? [{ text: fact.quote.text, kind: 'quotation' as const }] : []),
      ...(fact.figures ?? []).map((fig) => ({ text: fig.text, kind: 'figure' as const })),
    ];
    for (const part of parts) {
      const start = part.text === '' ? -1 : paragraphText.indexOf(part.text);
      if (start >= 0) found.push({ start, end: start + part.text.length, kind: part.kind, factId: fact.id });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight[] = [];
  for (const h of found) if (h.start >= (kept.at(-1)?.end ?? 0)) kept.push(h);
  return kept;
}

/** An id not yet used among `taken`: `base`, else `base-2`, `base-3`… */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i += 1) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A kebab-case id made of a name ("Washington, D.C." → "washington-d-c"). */
export function kebabId(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'place' : id;
}

const QUOTE_MARKS = /^["“”„«»]+|["“”„«»]+$/g;

/** A selection of characters in one paragraph's text, [start, end). */
export interface TextSelection {
  paragraph: number;
  start: number;
  end: number;
}

/**
 * Makes a quotation fact of the characters selected in a paragraph: the quotation is read from
 * the paragraph's text by the offsets (less surrounding spaces and quotation marks), so it is in
 * the text word for word. Its speaker, places and date are taken from the nearest earlier
 * quotation and fact, and marked for review with the paraphrase; undefined for an empty selection.
 */
export function makeQuotation(draft: Draft, text: string, selection: TextSelection): Draft | undefined {
  const paragraphText = paragraphTexts(draft, text).get(selection.paragraph);
  if (paragraphText === undefined) return undefined;
  const from = Math.max(0, Math.min(selection.start, selection.end));
  const to = Math.min(paragraphText.length, Math.max(selection.start, selection.end));
  const quoted = paragraphText.slice(from, to).trim().replace(QUOTE_MARKS, '').trim();
  if (quoted === '') return undefined;
  const n = selection.paragraph;
  const earlier = draft.facts.filter((f) => f.paragraph <= n);
  const sameParagraph = earlier.filter((f) => f.paragraph === n);
  const lastQuote = earlier.filter((f) => f.quote).at(-1)?.quote;
  const nearest = sameParagraph.at(-1) ?? earlier.at(-1);
  const firstPlace = draft.places[0]?.id;
  const placeIds = nearest?.placeIds.length ? [...nearest.placeIds] : firstPlace ? [firstPlace] : [];
  const fact: DraftFact = {
    id: uniqueId(
      `quote-paragraph-${n}`,
      draft.facts.map((f) => f.id),
    ),
    placeIds,
    kind: 'quotation',
    date: nearest?.date ?? draft.article.published,
    dateText: null,
    // Left empty for the editor to write, as the review notes say (the validator allows an empty
    // text and speaker only where a note is on them): nothing made up stands in for them.
    text: '',
    quote: { text: quoted, speaker: lastQuote?.speaker ?? '' },
    paragraph: n,
    review: {
      confirm: [
        {
          field: 'speaker',
          note: lastQuote
            ? `confirm the speaker, taken from the quotation before it (${lastQuote.speaker})`
            : 'write the speaker: no quotation before it names one',
        },
        { field: 'text', note: 'write the paraphrase in the project’s own words' },
      ],
    },
  };
  // After the facts of its paragraph and of those before it: facts follow the article's order.
  const at = draft.facts.findIndex((f) => f.paragraph > n);
  const facts =
    at < 0 ? [...draft.facts, fact] : [...draft.facts.slice(0, at), fact, ...draft.facts.slice(at)];
  return { ...draft, facts };
}

/** The GeoNames licence, for a point taken from a GeoNames candidate. */
const GEONAMES = { name: 'GeoNames', licence: 'CC BY 4.0' };

/**
 * Takes one of a place's candidates: its point, country, name and GeoNames id (a candidate of
 * another source leaves no id). The chosen candidate moves first in the list, as the drafted one
 * is; the review mark stays until the place is confirmed.
 */
export function pickCandidate(draft: Draft, placeId: string, index: number): Draft {
  return mapPlace(draft, placeId, (place) => {
    const candidates = place.properties.review?.candidates ?? [];
    const chosen = candidates[index];
    if (!chosen || !place.properties.review) return place;
    const coordinateSource =
      chosen.geonameId === undefined ? { ...GEONAMES } : { ...GEONAMES, id: chosen.geonameId };
    return {
      ...place,
      geometry: { type: 'Point', coordinates: [...chosen.coordinates] },
      properties: {
        ...place.properties,
        name: chosen.name,
        country: { code: chosen.country },
        coordinateSource,
        review: {
          ...place.properties.review,
          candidates: [chosen, ...candidates.filter((_, i) => i !== index)],
        },
      },
    };
  });
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * Moves a place's point where the editor dropped it. The point is no longer the gazetteer's, so
 * the GeoNames id goes: the source then says that it was moved by hand, and from which entry.
 */
export function movePoint(draft: Draft, placeId: string, lngLat: [number, number]): Draft {
  return mapPlace(draft, placeId, (place) => {
    if (place.geometry.type !== 'Point') return place;
    const source = place.properties.coordinateSource;
    const from = source.id === undefined ? source.name : `${source.name} ${source.id}`;
    const name = source.name.startsWith('Moved by hand') ? source.name : `Moved by hand from ${from}`;
    return {
      ...place,
      geometry: { type: 'Point', coordinates: [round(lngLat[0]), round(lngLat[1])] },
      properties: { ...place.properties, coordinateSource: { name, licence: source.licence } },
    };
  });
}

/**
 * Adds a place found in the gazetteer, drafted as `npm run new-atlas` drafts one (draftGeometry:
 * a city's point, an area's simplified outline, its source and licence), marked for review.
 */
export function addPlace(draft: Draft, entry: GazetteerEntry): Draft {
  const id = uniqueId(
    kebabId(entry.name),
    draft.places.map((p) => p.id),
  );
  const { geometry, placeType, coordinateSource, notes } = draftGeometry(entry);
  const place: DraftPlace = {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      name: entry.name,
      altNames: entry.localNames.map((n) => ({ ...n })),
      placeType,
      role: '',
      country: { code: entry.country },
      coordinateSource,
      group: 'story',
      review: {
        confirm: [
          ...notes,
          { field: 'role', note: 'write the place’s part in this story, in the project’s own words' },
          { field: 'group', note: 'say whether the story happens here or a reaction comes from here' },
        ],
      },
    },
  };
  return { ...draft, places: [...draft.places, place] };
}

/** The draft's problems: the domain's validator, and the check against the article's text when it passes. */
export function validateDraft(draft: Draft, text: string): Issue[] {
  const { atlas, issues } = validateAtlas(draftFiles(draft), DRAFT_FILE_NAMES);
  return atlas ? [...issues, ...checkAgainstArticle(atlas, text, DRAFT_FILE_NAMES)] : issues;
}

/** The item and field an issue is about, for the problem list to jump to. */
export interface IssueTarget {
  item: ItemRef;
  /** The JSON path inside the item, `quote.text`, or `` for the item as a whole. */
  field: string;
}

/** Reads an issue's file and path as the item it concerns (`facts[2].quote.text` → fact 2, `quote.text`). */
export function issueTarget(draft: Draft, issue: Issue): IssueTarget {
  const rest = (match: RegExpMatchArray) => (match[2] ?? '').replace(/^\./, '');
  if (issue.file === DRAFT_FILE_NAMES.places) {
    const m = /^features\[(\d+)\](.*)$/.exec(issue.path);
    const place = m ? draft.places[Number(m[1])] : undefined;
    if (m && place)
      return { item: { kind: 'place', id: place.id }, field: rest(m).replace(/^properties\./, '') };
  }
  if (issue.file === DRAFT_FILE_NAMES.facts) {
    const m = /^facts\[(\d+)\](.*)$/.exec(issue.path);
    const fact = m ? draft.facts[Number(m[1])] : undefined;
    if (m && fact) return { item: { kind: 'fact', id: fact.id }, field: rest(m) };
  }
  return { item: { kind: 'article' }, field: issue.file === DRAFT_FILE_NAMES.article ? issue.path : '' };
}
