// The review mark that drafts carry (review.ts), as the validator reads it: each note becomes a
// warning, so that a fresh draft validates and lists what an editor must still confirm.
import { isCountryCode } from './countries';
import {
  ABSENT,
  childPath,
  complete,
  everyRead,
  FieldReader,
  isFiniteNumber,
  type Absent,
} from './json-reader';
import type { IssueList } from './issues';
import {
  REVIEW_FIELDS,
  type PlaceCandidate,
  type Review,
  type ReviewField,
  type ReviewLine,
  type ReviewName,
  type ReviewNote,
} from './review';

/** The code of every warning a review mark gives. */
export const DRAFT_CODE = 'draft';

/** The three kinds of item a review mark sits on. */
export type ReviewedItem = 'article' | 'place' | 'fact';

/**
 * Where a note on each field points, from the item's path (`facts[3]` + `quote.speaker`); a field
 * with no entry (a place's `place`, a fact's `fact`, or one of another kind of item) points at the item.
 */
const FIELD_PATHS: Record<ReviewedItem, Partial<Record<ReviewField, string>>> = {
  article: {
    headline: 'headline',
    summary: 'summary',
    outlet: 'outlet',
    agency: 'agency',
    dateline: 'dateline',
    paragraphs: 'paragraphs',
  },
  place: {
    name: 'properties.name',
    altNames: 'properties.altNames',
    role: 'properties.role',
    country: 'properties.country',
    status: 'properties.status',
    geometry: 'geometry',
    group: 'properties.group',
  },
  fact: {
    text: 'text',
    speaker: 'quote.speaker',
    placeIds: 'placeIds',
    date: 'date',
    figures: 'figures',
    kind: 'kind',
  },
};

/** The path a note on `field` of an item at `itemPath` points at. */
export function reviewNotePath(item: ReviewedItem, itemPath: string, field: ReviewField): string {
  const relative = FIELD_PATHS[item][field];
  if (relative === undefined) return itemPath;
  return relative.split('.').reduce((path, key) => childPath(path, key), itemPath);
}

/** Whether a review mark read has a note on `field`: a draft may then leave that field's text "". */
export const hasNoteOn = (review: Review | Absent | undefined, field: ReviewField): boolean =>
  review !== undefined && review !== ABSENT && review.confirm.some((n) => n.field === field);

function readCoordinates(r: FieldReader, key: string, issues: IssueList): [number, number] | undefined {
  const items = r.array(key);
  const [lon, lat] = items.map((i) => i.value);
  if (items.length === 2 && isFiniteNumber(lon) && isFiniteNumber(lat)) return [lon, lat];
  if (r.has(key) && Array.isArray(r.value[key])) {
    issues.error('wrong-type', r.at(key), 'expected [longitude, latitude], two numbers');
  }
  return undefined;
}

function readCandidate(r: FieldReader, issues: IssueList): PlaceCandidate | undefined {
  const country = r.string('country');
  if (country !== undefined && !isCountryCode(country)) {
    issues.error('bad-value', r.at('country'), `"${country}" is not an ISO 3166-1 alpha-2 code`);
  }
  return complete<PlaceCandidate>({
    geonameId: r.optional('geonameId', (k) => r.number(k, { integer: true, min: 1 })),
    name: r.string('name'),
    country: country !== undefined && isCountryCode(country) ? country : undefined,
    population: r.number('population', { min: 0 }),
    coordinates: readCoordinates(r, 'coordinates', issues),
    featureCode: r.string('featureCode'),
    admin1: r.optional('admin1', (k) => r.string(k)),
  });
}

/** Each object of an array field, read by `read`; undefined when any could not be. */
function readList<T>(
  r: FieldReader,
  key: string,
  issues: IssueList,
  read: (item: FieldReader) => T | undefined,
): T[] | undefined {
  return everyRead(
    r.array(key).map(({ value, path }) => {
      const item = FieldReader.of(issues, value, path);
      return item && read(item);
    }),
  );
}

const population = (n: number): string => n.toLocaleString('en-GB');

/** "Sloviansk (UA, pop. 124,800)"; a country, whose population the gazetteer does not give, as "Armenia (AM, a country)". */
const describeCandidate = (c: PlaceCandidate): string =>
  c.featureCode === 'country'
    ? `${c.name} (${c.country}, a country)`
    : `${c.name} (${c.country}, pop. ${population(c.population)})`;

/** The warnings of a review mark read, each at the path of what it is about. */
function warnOfReview(
  review: Review,
  item: ReviewedItem,
  itemPath: string,
  name: string | undefined,
  issues: IssueList,
): void {
  for (const { field, note } of review.confirm) {
    issues.warning(DRAFT_CODE, reviewNotePath(item, itemPath, field), `draft: ${note}`);
  }
  if (review.candidates && review.candidates.length > 1) {
    const named = name === undefined ? '' : ` named “${name}”`;
    issues.warning(
      DRAFT_CODE,
      itemPath,
      `draft: pick one of ${review.candidates.length} places${named}: ` +
        review.candidates.map(describeCandidate).join(', '),
    );
  }
  for (const { line, reason } of review.lines ?? []) {
    issues.warning(
      DRAFT_CODE,
      reviewNotePath(item, itemPath, 'paragraphs'),
      `draft: line ${line} is not a paragraph (${reason}): confirm`,
    );
  }
  for (const unknown of review.names ?? []) {
    issues.warning(
      DRAFT_CODE,
      itemPath,
      `draft: “${unknown.name}” is not in the gazetteer: add it or ignore it`,
    );
  }
}

/**
 * Reads an item's optional `review` mark (article, place properties or fact, at `r`) and warns of
 * each thing it lists, code `draft`: a note at the path of its field, a place's candidates, the
 * article's lines and unknown names. ABSENT when the item has none; undefined when it is malformed
 * (with errors).
 */
export function readReview(
  r: FieldReader,
  context: { item: ReviewedItem; path: string; name?: string },
  issues: IssueList,
): Review | Absent | undefined {
  return r.optional('review', (key) => {
    const m = r.object(key);
    if (!m) return undefined;
    const confirm = readList(m, 'confirm', issues, (n) =>
      complete<ReviewNote>({ field: n.oneOf('field', REVIEW_FIELDS), note: n.string('note') }),
    );
    const review = complete<Review>({
      confirm,
      candidates: m.optional('candidates', (k) => readList(m, k, issues, (c) => readCandidate(c, issues))),
      lines: m.optional('lines', (k) =>
        readList(m, k, issues, (l) =>
          complete<ReviewLine>({
            line: l.number('line', { integer: true, min: 1 }),
            text: l.string('text'),
            reason: l.string('reason'),
          }),
        ),
      ),
      names: m.optional('names', (k) =>
        readList(m, k, issues, (n) =>
          complete<ReviewName>({
            name: n.string('name'),
            paragraph: n.number('paragraph', { integer: true, min: 1 }),
          }),
        ),
      ),
    });
    if (review) warnOfReview(review, context.item, context.path, context.name, issues);
    return review;
  });
}
