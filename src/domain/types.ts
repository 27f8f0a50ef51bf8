import type { Feature, Geometry } from 'geojson';
import type { IsoDate } from './dates';
import type { Review } from './review';

export type { IsoDate } from './dates';

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
  /** The dateline as printed, when the copy prints one. */
  dateline?: { text: string; placeId: string };
  language: string;
  /** `file`: the article's text, relative to the atlas's own folder. */
  source: { file: string; note: string };
  summary: string;
  paragraphs: Paragraph[];
  /** What an editor must still confirm of a drafted article (review.ts); absent once confirmed. */
  review?: Review;
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

/**
 * What a place is: a `city` (a Point), a `region` (an area), a body of `water` (a sea, lake,
 * river, strait or gulf) or an `admin-region` (a province, oblast, state), each of the last two a
 * Point or an area. The map draws a place by its geometry: a Point as a city, an area as a region.
 */
export const PLACE_TYPES = ['city', 'region', 'water', 'admin-region'] as const;
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
  /** ISO 3166-1 alpha-2 `code`; the page names the country by its code (countryName). */
  country: { code: string; name?: string };
  status?: PlaceStatus;
  coordinateSource: CoordinateSource;
  group: PlaceGroup;
  /** What an editor must still confirm of a drafted place (review.ts); absent once confirmed. */
  review?: Review;
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

/** The geometries each place type may have. */
export const PLACE_TYPE_GEOMETRIES: Record<PlaceType, readonly PlaceGeometryType[]> = {
  city: ['Point'],
  region: ['Polygon', 'MultiPolygon'],
  water: PLACE_GEOMETRY_TYPES,
  'admin-region': PLACE_GEOMETRY_TYPES,
};

/** A place of the story: an RFC 7946 Feature with a string id. */
export type Place = Feature<PlaceGeometry, PlaceProperties> & { id: string };

export interface Quote {
  /** Verbatim, exactly as in the article between its quotation marks. */
  text: string;
  speaker: string;
  speakerRole?: string;
}

/** How the article hedges a number; all but `exact` are written before it ("nearly 2,000 people"). */
export const FIGURE_QUALIFIERS = ['exact', 'about', 'almost', 'nearly', 'up to', 'more than'] as const;
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
  /** A date of any precision or a span `START/END` (see dates.ts), or null for undated background. */
  date: string | null;
  /** A fact still to come when the article was published ("another round next week"). */
  planned?: boolean;
  dateText: string | null;
  /** The project's own words. */
  text: string;
  quote?: Quote;
  figures?: Figure[];
  paragraph: number;
  /** What an editor must still confirm of a drafted fact (review.ts); absent once confirmed. */
  review?: Review;
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
