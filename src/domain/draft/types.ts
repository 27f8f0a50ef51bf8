// What each step of drafting an atlas from an article's text gives the next (npm run new-atlas).
// Pure data: the text's structure, its quotations, figures and dates, and the places it names.
import type { MultiPolygon, Polygon } from 'geojson';
import type { AltName, FigureQualifier, Paragraph } from '../types';
import type { ReviewLine, ReviewName } from '../review';

/** The structure of an article's plain text: what `draftArticleText` reads from it. */
export interface ArticleTextDraft {
  /** The first non-empty line. */
  headline: string;
  /** Its 1-based line. */
  headlineLine: number;
  /** Every paragraph of the body, numbered from 1, with its line, subheading and verbatim opening. */
  paragraphs: Paragraph[];
  /** Each paragraph's whole text, `paragraphTexts[n - 1]` for paragraph n. */
  paragraphTexts: string[];
  /** The subheadings, in order, each with its line. */
  sections: { title: string; line: number }[];
  /** The dateline, when the first paragraph starts with one: as printed ("BAKU") and the place's name ("Baku"). */
  dateline?: { text: string; placeName: string };
  /** Lines that are neither headline, subheading nor paragraph (outlet, date, credit lines, standfirsts). */
  lines: ReviewLine[];
}

/** A passage between double quotation marks (straight or curly), verbatim, with its speaker as drafted. */
export interface QuotationDraft {
  /** The words between the marks, exactly as in the text. */
  text: string;
  paragraph: number;
  /** The speaker drafted from the attribution ("said", "told", "added"… and the name or title), or null. */
  speaker: string | null;
  /** The title or role the text gives the speaker ("Azerbaijan's presidential adviser"), when it does. */
  speakerRole?: string;
  /** The words the speaker was drafted from ("said Hikmet Hajiyev"), for the editor; null when none. */
  attribution: string | null;
  /** A short quotation inside a sentence of reported speech ("expressed “unwavering U.S. support”"). */
  partial: boolean;
}

/** A number with its unit and hedge, as written ("nearly 2,000 people"). */
export interface FigureDraft {
  value: number;
  unit: string;
  qualifier: FigureQualifier;
  /** The figure exactly as written, what the fact's `figures[].text` holds. */
  text: string;
  paragraph: number;
}

/** A date the text gives in words ("Friday", "last week", "on 19 September"), resolved against the publication date. */
export interface DateDraft {
  /** A fact date (dates.ts): a day, a month, a year or a span START/END. */
  date: string;
  /** The words, as written. */
  dateText: string;
  paragraph: number;
  /** True when the words point after the publication date ("next week"). */
  planned: boolean;
}

/** What the drafter reads from the gazetteer for one entry. */
export interface GazetteerEntry {
  /** GeoNames id; absent for entries of another source (a Natural Earth country). */
  geonameId?: number;
  /** The entry's main name (English where the source has it). */
  name: string;
  /** Every name it is known by, the main one included; matching is on these. */
  names: string[];
  /** Names in the local languages and scripts, where the data has them. */
  localNames: AltName[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number;
  /** GeoNames feature code (PPLC, PPLA, PPL…), or "country" / "region" for outline sources. */
  featureCode: string;
  kind: 'country' | 'capital' | 'city' | 'region';
  /** [longitude, latitude]. */
  coordinates: [number, number];
  /** The first-level division's name, where the source gives it. */
  admin1?: string;
  /** A country's English demonyms ("Azerbaijani", "Cypriot"), where the source gives them. */
  demonyms?: string[];
  /** The area's outline, where an outline source has one (a country's, a region's). */
  outline?: Polygon | MultiPolygon;
  /** That outline's source, for `coordinateSource` ("Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2"). */
  outlineSource?: string;
  /** That outline's licence, when it is not the entry's ("public domain" for Natural Earth). */
  outlineLicence?: string;
  /**
   * Where the entry is, or lies in, a disputed area (scripts/basemap-disputes.json): the country it
   * is internationally recognised as part of, and the area's name.
   */
  disputed?: { recognisedAs: string; area: string };
  /** Where the entry comes from, for `coordinateSource.name` and its licence. */
  source: { name: string; licence: string };
}

/** A name in the text that the gazetteer knows, with every entry it matched, best first. */
export interface PlaceMatch {
  /** As written in the text. */
  name: string;
  /** The paragraphs that name it, in order. */
  paragraphs: number[];
  /** More than one: the editor picks; the draft takes the first and says so. */
  candidates: GazetteerEntry[];
  /**
   * When the match stands for what the text names rather than being named itself: the country
   * whose capital it is ("Cyprus" -> Nicosia) or the organisation whose seat it is ("European
   * Union" -> Brussels), as written or as the gazetteer names the country. `name` is then the words
   * of the text it was drafted from.
   */
  seatOf?: string;
}

/** The places an article names: those the gazetteer knows, and those it does not. */
export interface PlaceNames {
  matches: PlaceMatch[];
  unknown: ReviewName[];
}
