// Reads a draft atlas's raw files for the editor. Unlike the validator it never refuses a file: a
// field that is missing or of the wrong type is read as empty, so that a draft saved with errors
// still opens; the editor's live validation (of what the editor holds) lists the errors.
import { isFiniteNumber, isObject, isOneOf, type JsonObject } from '../domain/json-reader';
import {
  REVIEW_FIELDS,
  type PlaceCandidate,
  type Review,
  type ReviewLine,
  type ReviewName,
} from '../domain/review';
import {
  FACT_KINDS,
  FIGURE_QUALIFIERS,
  PLACE_GROUPS,
  PLACE_TYPES,
  type AltName,
  type AtlasFiles,
  type Figure,
  type Paragraph,
  type PlaceGeometry,
  type Quote,
} from '../domain/types';
import type { Draft, DraftArticle, DraftFact, DraftPlace } from './editor-state';

const object = (v: unknown): JsonObject => (isObject(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const number = (v: unknown): number => (isFiniteNumber(v) ? v : 0);
const optionalText = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const isPosition = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length >= 2 && v.every(isFiniteNumber);
const isRing = (v: unknown): v is [number, number][] => Array.isArray(v) && v.every(isPosition);
const isRings = (v: unknown): v is [number, number][][] => Array.isArray(v) && v.every(isRing);

function readGeometry(raw: unknown): PlaceGeometry {
  const g = object(raw);
  if (g.type === 'Polygon' && isRings(g.coordinates)) return { type: 'Polygon', coordinates: g.coordinates };
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.every(isRings)) {
    return { type: 'MultiPolygon', coordinates: g.coordinates };
  }
  return { type: 'Point', coordinates: isPosition(g.coordinates) ? [...g.coordinates] : [0, 0] };
}

function readCandidate(raw: unknown): PlaceCandidate | undefined {
  const c = object(raw);
  if (!isPosition(c.coordinates)) return undefined;
  return {
    ...(isFiniteNumber(c.geonameId) ? { geonameId: c.geonameId } : {}),
    name: text(c.name),
    country: text(c.country),
    population: number(c.population),
    coordinates: [c.coordinates[0], c.coordinates[1]],
    featureCode: text(c.featureCode),
    ...(typeof c.admin1 === 'string' ? { admin1: c.admin1 } : {}),
  };
}

const defined = <T>(items: (T | undefined)[]): T[] => items.filter((x): x is T => x !== undefined);

/** A review mark as far as it can be read; undefined when the item has none. */
export function readReview(raw: unknown): Review | undefined {
  if (!isObject(raw)) return undefined;
  const review: Review = {
    confirm: defined(
      list(raw.confirm).map((n) => {
        const note = object(n);
        return isOneOf(REVIEW_FIELDS, note.field) ? { field: note.field, note: text(note.note) } : undefined;
      }),
    ),
  };
  if (Array.isArray(raw.candidates)) review.candidates = defined(raw.candidates.map(readCandidate));
  if (Array.isArray(raw.lines)) {
    review.lines = raw.lines.map((l): ReviewLine => {
      const line = object(l);
      return { line: number(line.line), text: text(line.text), reason: text(line.reason) };
    });
  }
  if (Array.isArray(raw.names)) {
    review.names = raw.names.map((n): ReviewName => {
      const name = object(n);
      return { name: text(name.name), paragraph: number(name.paragraph) };
    });
  }
  return review;
}

const withReview = <T extends object>(item: T, raw: unknown): T & { review?: Review } => {
  const review = readReview(raw);
  return review ? { ...item, review } : item;
};

function readArticle(raw: unknown): DraftArticle {
  const a = object(raw);
  const source = object(a.source);
  const dateline = isObject(a.dateline)
    ? { dateline: { text: text(a.dateline.text), placeId: text(a.dateline.placeId) } }
    : {};
  return withReview(
    {
      id: text(a.id),
      headline: text(a.headline),
      outlet: text(a.outlet),
      agency: text(a.agency),
      published: text(a.published),
      ...dateline,
      language: text(a.language),
      source: { file: text(source.file), note: text(source.note) },
      slug: text(a.slug),
      summary: text(a.summary),
      paragraphs: list(a.paragraphs).map((p): Paragraph => {
        const r = object(p);
        return {
          n: number(r.n),
          line: number(r.line),
          section: textOrNull(r.section),
          opening: text(r.opening),
        };
      }),
    },
    a.review,
  );
}

function readPlace(raw: unknown): DraftPlace {
  const f = object(raw);
  const p = object(f.properties);
  const source = object(p.coordinateSource);
  const country = object(p.country);
  const status = isObject(p.status)
    ? {
        status: {
          disputed: p.status.disputed === true,
          recognisedAs: text(p.status.recognisedAs),
          summary: text(p.status.summary),
        },
      }
    : {};
  const id = text(f.id);
  return {
    type: 'Feature',
    id,
    properties: withReview(
      {
        id: text(p.id) || id,
        name: text(p.name),
        ...(typeof p.caption === 'string' ? { caption: p.caption } : {}),
        altNames: list(p.altNames).map((n): AltName => {
          const r = object(n);
          const note = optionalText(r.note);
          return { name: text(r.name), lang: text(r.lang), ...(note === undefined ? {} : { note }) };
        }),
        placeType: isOneOf(PLACE_TYPES, p.placeType) ? p.placeType : 'city',
        role: text(p.role),
        country: {
          code: text(country.code),
          ...(typeof country.name === 'string' ? { name: country.name } : {}),
        },
        ...status,
        coordinateSource: {
          name: text(source.name),
          ...(isFiniteNumber(source.id) ? { id: source.id } : {}),
          licence: text(source.licence),
          ...(typeof source.depicts === 'string' ? { depicts: source.depicts } : {}),
        },
        group: isOneOf(PLACE_GROUPS, p.group) ? p.group : 'story',
      },
      p.review,
    ),
    geometry: readGeometry(f.geometry),
  };
}

function readFact(raw: unknown): DraftFact {
  const f = object(raw);
  const quote = isObject(f.quote)
    ? ((q: JsonObject): { quote: Quote } => {
        const role = optionalText(q.speakerRole);
        return {
          quote: { text: text(q.text), speaker: text(q.speaker), ...(role ? { speakerRole: role } : {}) },
        };
      })(f.quote)
    : {};
  const figures = Array.isArray(f.figures)
    ? {
        figures: f.figures.map((x): Figure => {
          const r = object(x);
          return {
            value: number(r.value),
            unit: text(r.unit),
            qualifier: isOneOf(FIGURE_QUALIFIERS, r.qualifier) ? r.qualifier : 'exact',
            label: text(r.label),
            text: text(r.text),
          };
        }),
      }
    : {};
  return withReview(
    {
      id: text(f.id),
      placeIds: list(f.placeIds).filter((p): p is string => typeof p === 'string'),
      kind: isOneOf(FACT_KINDS, f.kind) ? f.kind : 'event',
      date: textOrNull(f.date),
      ...(typeof f.planned === 'boolean' ? { planned: f.planned } : {}),
      dateText: textOrNull(f.dateText),
      text: text(f.text),
      ...quote,
      ...figures,
      paragraph: number(f.paragraph),
    },
    f.review,
  );
}

/** The draft that the raw files hold, every item with its review mark. */
export function readDraft(files: AtlasFiles): Draft {
  return {
    article: readArticle(files.article),
    places: list(object(files.places).features).map(readPlace),
    facts: list(object(files.facts).facts).map(readFact),
  };
}
