// The review mark that `npm run new-atlas` puts on everything it drafts. An atlas file may carry it
// on its article (`review` beside `headline`), on a place (`properties.review`) and on a fact
// (`review` beside `text`). The validator turns each note of a mark into a warning ("draft: …"),
// so that a fresh draft validates and lists exactly what an editor must still confirm; the editor
// removes the mark when the item is confirmed, and the item itself when it is rejected.

/** The fields of a drafted item that a review note may be about, one list for the drafter, validator and editor. */
export const REVIEW_FIELDS = [
  // article
  'headline',
  'summary',
  'outlet',
  'agency',
  'dateline',
  'paragraphs',
  // place
  'place',
  'name',
  'altNames',
  'role',
  'country',
  'status',
  'geometry',
  'group',
  // fact
  'fact',
  'text',
  'speaker',
  'placeIds',
  'date',
  'figures',
  'kind',
] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** One thing an editor must still confirm or write about a drafted item. */
export interface ReviewNote {
  field: ReviewField;
  /** What to do, in a sentence: "confirm the speaker, drafted from “said” after the quotation". */
  note: string;
}

/** One gazetteer entry a place name matched, when it matched several: the editor picks one. */
export interface PlaceCandidate {
  /** GeoNames id, when the entry comes from GeoNames. */
  geonameId?: number;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number;
  /** [longitude, latitude]. */
  coordinates: [number, number];
  /** GeoNames feature code (PPLC, PPLA, PPL…) or "country". */
  featureCode: string;
  /** The first-level division it lies in, when the gazetteer names it. */
  admin1?: string;
}

/** A line of the article's text that the drafter did not make a paragraph of (outlet, date, credit, standfirst). */
export interface ReviewLine {
  /** 1-based line of the text. */
  line: number;
  text: string;
  /** Why it was left out: "a date line", "a credit line", "a short line between paragraphs". */
  reason: string;
}

/** A name in the text that looks like a place but that the gazetteer does not know. */
export interface ReviewName {
  name: string;
  /** The paragraph it is first found in. */
  paragraph: number;
}

/** A drafted item's review mark; the item is confirmed once it has none. */
export interface Review {
  /** What is left to confirm, in the order an editor would take it. */
  confirm: ReviewNote[];
  /** On a place: every gazetteer entry its name matched, the drafted one first. */
  candidates?: PlaceCandidate[];
  /** On the article: the lines that are not paragraphs. */
  lines?: ReviewLine[];
  /** On the article: names the gazetteer does not know. */
  names?: ReviewName[];
}
