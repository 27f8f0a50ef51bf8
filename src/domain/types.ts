import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';

/** A date as ISO 8601: `YYYY-MM-DD`, or reduced precision `YYYY-MM` / `YYYY`. */
export type IsoDate = string;

export interface Paragraph {
  /** 1-based paragraph number; facts cite it. */
  n: number;
  /** 1-based line of the source text that holds the paragraph. */
  line: number;
  /** The subheading the paragraph sits under, or null before the first. */
  section: string | null;
  /** The paragraph's first words, verbatim. */
  opening: string;
}

export interface Article {
  id: string;
  slug: string;
  headline: string;
  outlet: string;
  agency: string;
  published: IsoDate;
  dateline: { text: string; placeId: string };
  language: string;
  source: { file: string; note: string };
  summary: string;
  paragraphs: Paragraph[];
}

export interface AltName {
  name: string;
  /** BCP 47 language code. */
  lang: string;
  note?: string;
}

export interface PlaceStatus {
  disputed: boolean;
  /** ISO 3166-1 alpha-2 code of the country it is internationally recognised as part of. */
  recognisedAs: string;
  summary: string;
}

export interface CoordinateSource {
  name: string;
  id?: number;
  licence: string;
  depicts?: string;
}

export type PlaceType = 'city' | 'region';
export type PlaceGroup = 'story' | 'reaction';

export interface PlaceProperties {
  id: string;
  name: string;
  /** A short caption of what happened there, written by the project from the facts. */
  caption?: string;
  altNames: AltName[];
  placeType: PlaceType;
  role: string;
  country: { code: string; name: string };
  status?: PlaceStatus;
  coordinateSource: CoordinateSource;
  group: PlaceGroup;
}

export type PlaceGeometry = Point | Polygon | MultiPolygon;

/** A place of the story: an RFC 7946 Feature with a string id. */
export type Place = Feature<PlaceGeometry, PlaceProperties> & { id: string };

export interface Quote {
  /** Verbatim, exactly as in the article between its quotation marks. */
  text: string;
  speaker: string;
  speakerRole?: string;
}

export type FigureQualifier = 'exact' | 'about' | 'up to' | 'more than';

export interface Figure {
  value: number;
  unit: string;
  qualifier: FigureQualifier;
  label: string;
  /** The figure exactly as written in the article. */
  text: string;
}

export type FactKind = 'event' | 'figure' | 'quotation' | 'statement' | 'context';

export interface Fact {
  id: string;
  /** The places the fact belongs to; the first is its primary place. */
  placeIds: string[];
  kind: FactKind;
  date: IsoDate | null;
  dateText: string | null;
  /** The project's own words. */
  text: string;
  quote?: Quote;
  figures?: Figure[];
  paragraph: number;
}

export interface Atlas {
  article: Article;
  places: Place[];
  facts: Fact[];
}

export interface AtlasIndexEntry {
  id: string;
  path: string;
  title: string;
  default?: boolean;
}

/** The raw contents of an atlas's three files, before validation. */
export interface AtlasFiles {
  article: unknown;
  places: unknown;
  facts: unknown;
}

/** Where each of an atlas's files lives, for messages that name the file. */
export interface AtlasFileNames {
  article: string;
  places: string;
  facts: string;
}
