import booleanClockwise from '@turf/boolean-clockwise';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import { buildAtlasModel, type AtlasModel } from './atlas-model';
import { factDate } from './dates';
import { formatFigure, sourceLine } from './fact-groups';
import { anchorOf, boundsOf } from './geography';
import type { Article, Atlas, Fact, Place, PlaceProperties } from './types';
import { PLACE_COLOURS } from './place-colours';

import type { ExportFormat, ExportShape } from './export-shapes';
import { EXPORT_FORMAT_FILES } from './export-formats';

// In a module of their own, so that the page's export control needs none of the export's code.
export { EXPORT_SHAPES, type ExportShape } from './export-shapes';

export const GEOJSON_MEDIA_TYPE = EXPORT_FORMAT_FILES.geojson.mediaType;

/** The foreign member that marks a file as an Article Atlas export, for a lossless import. */
export interface ExportMetadata {
  generator: 'Article Atlas';
  version: 1;
  shape: ExportShape;
  /** Fact ids in the article's order, so that nested facts come back in order. */
  factIds: string[];
  article: Article;
}

/** simplestyle-spec colours, so that geojson.io, GitHub and others show the atlas styled. */
const STYLE = {
  story: PLACE_COLOURS.story,
  reaction: PLACE_COLOURS.reaction,
  regionFill: PLACE_COLOURS.region,
  regionFillOpacity: 0.15,
} as const;

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f + 0; // + 0 turns -0 into 0
};

/** Positions rounded to 6 decimals (about 10 cm), as RFC 7946 recommends for precision. */
function roundPositions<T>(coordinates: T): T {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
    return (coordinates as number[]).map((n) => round(n, 6)) as T;
  }
  return (coordinates as unknown[]).map((c) => roundPositions(c)) as T;
}

/** Exterior rings counter-clockwise, holes clockwise (RFC 7946 section 3.1.6). */
function rewindRings(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = booleanClockwise(ring);
    const wantClockwise = i > 0;
    return clockwise === wantClockwise ? ring : [...ring].reverse();
  });
}

/** A geometry ready for export: rounded, rewound. */
export function exportGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: rewindRings(roundPositions(geometry.coordinates)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: roundPositions(geometry.coordinates).map(rewindRings) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(exportGeometry) };
    default:
      return { type: geometry.type, coordinates: roundPositions(geometry.coordinates) } as Geometry;
  }
}

function factSource(article: Article, fact: Fact) {
  const paragraph = article.paragraphs.find((p) => p.n === fact.paragraph);
  return {
    agency: article.agency,
    outlet: article.outlet,
    published: article.published,
    paragraph: fact.paragraph,
    section: paragraph?.section ?? null,
  };
}

/** `GeoNames (CC BY 4.0)`: where a place's coordinates come from, as its licence asks to credit it. */
export const coordinateCredit = (place: Place) =>
  `${place.properties.coordinateSource.name} (${place.properties.coordinateSource.licence})`;

function placeStyle(place: Place): Record<string, string | number> {
  const colour = place.properties.group === 'story' ? STYLE.story : STYLE.reaction;
  if (place.geometry.type === 'Point') return { 'marker-color': colour, 'marker-size': 'medium' };
  return {
    stroke: STYLE.regionFill,
    'stroke-width': 2,
    'stroke-opacity': 1,
    fill: STYLE.regionFill,
    'fill-opacity': STYLE.regionFillOpacity,
  };
}

function derivedFigures(model: AtlasModel, place: Place) {
  const distancesKm = Object.fromEntries(model.distancesFrom(place.id).map((d) => [d.to, round(d.km, 1)]));
  const area = model.area(place.id);
  return area
    ? {
        distancesKm,
        areaKm2: round(area.areaKm2, 1),
        centroid: roundPositions(area.centroid),
        bbox: roundPositions(area.bbox as number[]),
      }
    : { distancesKm };
}

function placeFeature(model: AtlasModel, place: Place): Feature {
  const { article } = model.atlas;
  const facts = model.factsOf(place.id);
  const properties: PlaceProperties & Record<string, unknown> = {
    ...place.properties,
    title: place.properties.name,
    factCount: facts.length,
    facts: facts.map((fact) => ({ ...fact, source: factSource(article, fact) })),
    derived: derivedFigures(model, place),
    ...placeStyle(place),
  };
  return { type: 'Feature', id: place.id, geometry: exportGeometry(place.geometry), properties };
}

/** One row of the flat table: every feature of the facts shape has these columns, null where empty. */
export type FactRow = ReturnType<typeof factRow>;

function factRow(model: AtlasModel, fact: Fact) {
  const { article } = model.atlas;
  const place = model.placeById.get(fact.placeIds[0]!)!;
  const first = fact.figures?.[0];
  const date = fact.date === null ? null : factDate(fact.date);
  return {
    feature_type: 'fact' as const,
    fact_id: fact.id,
    place_id: place.id,
    place_name: place.properties.name,
    place_ids: fact.placeIds.join(';'),
    kind: fact.kind,
    // The ISO 8601 date or interval, and its two ends apart for tools that filter by time.
    date: fact.date,
    date_start: date?.start ?? null,
    date_end: date?.end ?? null,
    planned: fact.planned ?? false,
    date_text: fact.dateText,
    text: fact.text,
    quote: fact.quote?.text ?? null,
    speaker: fact.quote?.speaker ?? null,
    speaker_role: fact.quote?.speakerRole ?? null,
    figures: fact.figures?.map((f) => `${formatFigure(f)} (${f.label})`).join('; ') ?? null,
    figure_value: first?.value ?? null,
    figure_unit: first?.unit ?? null,
    paragraph: fact.paragraph,
    section: factSource(article, fact).section,
    agency: article.agency,
    outlet: article.outlet,
    published: article.published,
    source: sourceLine(article, fact),
    status: null,
    recognised_as: null,
    area_km2: null,
    title: `${place.properties.name}: ${fact.text}`,
    'marker-color': place.properties.group === 'story' ? STYLE.story : STYLE.reaction,
  };
}

function regionRow(model: AtlasModel, place: Place) {
  const { article } = model.atlas;
  const status = place.properties.status;
  const area = model.area(place.id);
  return {
    feature_type: 'region',
    fact_id: null,
    place_id: place.id,
    place_name: place.properties.name,
    place_ids: place.id,
    kind: null,
    date: null,
    date_start: null,
    date_end: null,
    planned: null,
    date_text: null,
    text: place.properties.role,
    quote: null,
    speaker: null,
    speaker_role: null,
    figures: null,
    figure_value: null,
    figure_unit: null,
    paragraph: null,
    section: null,
    agency: article.agency,
    outlet: article.outlet,
    published: article.published,
    source: place.properties.coordinateSource.depicts ?? place.properties.coordinateSource.name,
    status: status ? (status.disputed ? `disputed: ${status.summary}` : status.summary) : null,
    recognised_as: status?.recognisedAs ?? null,
    area_km2: area ? round(area.areaKm2, 1) : null,
    title: place.properties.name,
    ...placeStyle(place),
  };
}

/** One Point per fact at its primary place (a region's anchor for a region), with its row. */
function factFeatures(model: AtlasModel, facts: readonly Fact[]): Feature<Point, FactRow>[] {
  return facts.map((fact) => ({
    type: 'Feature' as const,
    id: fact.id,
    geometry: {
      type: 'Point' as const,
      coordinates: roundPositions(anchorOf(model.placeById.get(fact.placeIds[0]!)!)),
    },
    properties: factRow(model, fact),
  }));
}

/**
 * The fact points of the facts shape, typed: the very fact features of `exportAtlas(atlas, 'facts')`,
 * in its order, for the exports that write one row per fact (CSV).
 */
export function exportFactFeatures(
  atlas: Atlas,
  options: { placeIds?: readonly string[]; model?: AtlasModel } = {},
): Feature<Point, FactRow>[] {
  return factFeatures(options.model ?? buildAtlasModel(atlas), rowFacts(atlas, options.placeIds));
}

/** The facts shape has a row for each fact whose main place is exported. */
const rowFacts = (atlas: Atlas, placeIds: readonly string[] | undefined) => {
  const wanted = placeIds ? new Set(placeIds) : null;
  return atlas.facts.filter((f) => !wanted || wanted.has(f.placeIds[0]!));
};

/**
 * The atlas as one RFC 7946 FeatureCollection. `places`: one feature per place with its facts,
 * provenance and derived figures nested in its properties. `facts`: one Point per fact at its
 * primary place (a region's centroid for a region) with flat properties, one table row each, and
 * each region as its polygon. `placeIds` limits the export to those places (and their facts).
 */
export function exportAtlas(
  atlas: Atlas,
  shape: ExportShape,
  options: { placeIds?: readonly string[]; model?: AtlasModel } = {},
): FeatureCollection & { articleAtlas: ExportMetadata } {
  const model = options.model ?? buildAtlasModel(atlas);
  const wanted = options.placeIds ? new Set(options.placeIds) : null;
  const places = atlas.places.filter((p) => !wanted || wanted.has(p.id));
  const factRows = shape === 'facts' ? rowFacts(atlas, options.placeIds) : [];
  let features: Feature[];
  if (shape === 'places') {
    features = places.map((p) => placeFeature(model, p));
  } else {
    const regions = places.filter((p) => p.geometry.type !== 'Point');
    features = [
      ...regions.map((p) => ({
        type: 'Feature' as const,
        id: p.id,
        geometry: exportGeometry(p.geometry),
        properties: regionRow(model, p),
      })),
      ...factFeatures(model, factRows),
    ];
  }
  const exportedFacts = new Set(
    shape === 'places'
      ? places.flatMap((p) => model.factsOf(p.id).map((f) => f.id))
      : factRows.map((f) => f.id),
  );
  return {
    type: 'FeatureCollection',
    articleAtlas: {
      generator: 'Article Atlas',
      version: 1,
      shape,
      factIds: atlas.facts.map((f) => f.id).filter((id) => exportedFacts.has(id)),
      article: atlas.article,
    },
    bbox: boundsOf(features),
    features,
  };
}

/** The export's text: stable key order and formatting, so that the same data gives the same bytes. */
export function serializeGeoJson(collection: FeatureCollection): string {
  const { type, bbox, features, ...foreign } = collection as FeatureCollection & Record<string, unknown>;
  return `${JSON.stringify({ type, ...foreign, bbox, features }, null, 2)}\n`;
}

/**
 * `2023-09-22-karabakh-peace-talks.geojson`, with the shape or place when it is not the whole atlas
 * by place, and the format's extension. A CSV is always one row per fact.
 */
export function exportFileName(
  article: Article,
  shape: ExportShape,
  options: { format?: ExportFormat; placeId?: string | undefined } = {},
): string {
  const format = options.format ?? 'geojson';
  const parts = [
    article.published,
    article.slug,
    ...(shape === 'facts' || format === 'csv' ? ['facts'] : []),
    ...(options.placeId ? [options.placeId] : []),
  ];
  return `${parts.join('-')}.${EXPORT_FORMAT_FILES[format].extension}`;
}
