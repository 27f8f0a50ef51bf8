import type { Feature, Geometry } from 'geojson';

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

// Each closed set of values is listed once, as a constant the validator checks against; its type
// is derived from the list.

/** A place is a point on the map (`city`) or an area (`region`). */
export const PLACE_TYPES = ['city', 'region'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** `story`: where the article's events happen; `reaction`: where they are commented on from afar. */
export const PLACE_GROUPS = ['story', 'reaction'] as const;
export type PlaceGroup = (typeof PLACE_GROUPS)[number];

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

/** The geometry types a place may have. */
export const PLACE_GEOMETRY_TYPES = [
  'Point',
  'Polygon',
  'MultiPolygon',
] as const satisfies readonly Geometry['type'][];
export type PlaceGeometryType = (typeof PLACE_GEOMETRY_TYPES)[number];
/** Point, Polygon or MultiPolygon. */
export type PlaceGeometry = Extract<Geometry, { type: PlaceGeometryType }>;

/** A place of the story: an RFC 7946 Feature with a string id. */
export type Place = Feature<PlaceGeometry, PlaceProperties> & { id: string };

export interface Quote {
  /** Verbatim, exactly as in the article between its quotation marks. */
  text: string;
  speaker: string;
  speakerRole?: string;
}

export const FIGURE_QUALIFIERS = ['exact', 'about', 'up to', 'more than'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

export interface Figure {
  value: number;
  unit: string;
  qualifier: FigureQualifier;
  label: string;
  /** The figure exactly as written in the article. */
  text: string;
}

export const FACT_KINDS = ['event', 'figure', 'quotation', 'statement', 'context'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

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

/** An atlas's three files: its article, its places (GeoJSON) and its facts. */
export const ATLAS_FILES = ['article', 'places', 'facts'] as const;
export type AtlasFile = (typeof ATLAS_FILES)[number];

/** The raw contents of an atlas's three files, before validation. */
export type AtlasFiles = Record<AtlasFile, unknown>;

/** Where each of an atlas's files lives, for messages that name the file. */
export type AtlasFileNames = Record<AtlasFile, string>;
