import type { Position } from 'geojson';
import { isCountryCode } from './countries';
import { countryName } from './country-names';
import { factDateProblem, isAfter } from './date-checks';
import { daySpan, factDate, isIsoDate } from './dates';
import { formatKm } from './fact-groups';
import { distanceKm } from './geography';
import {
  ABSENT,
  childPath,
  complete,
  describeFound,
  everyRead,
  FieldReader,
  inWrittenOrder,
  isObject,
  type Reading,
} from './json-reader';
import { hasErrors, IssueList, type Issue } from './issues';
import {
  FACT_KINDS,
  FIGURE_QUALIFIERS,
  PLACE_GROUPS,
  PLACE_TYPE_GEOMETRIES,
  PLACE_TYPES,
  type AltName,
  type Article,
  type Atlas,
  type AtlasFile,
  type AtlasFileNames,
  type AtlasFiles,
  type AtlasIndexEntry,
  type CoordinateSource,
  type Fact,
  type Figure,
  type Paragraph,
  type Place,
  type PlaceProperties,
  type PlaceStatus,
  type Quote,
} from './types';
import { checkBbox, checkFeatureType, validatePlaceGeometry } from './validate-geometry';
import { hasNoteOn, readReview } from './validate-review';

export interface AtlasValidation {
  /** The validated atlas; absent when any error was found. */
  atlas?: Atlas;
  issues: Issue[];
}

/** Reads the article record; paragraphs must be numbered 1, 2, 3… in order. */
function readArticle(raw: unknown, issues: IssueList): Article | undefined {
  const r = FieldReader.of(issues, raw, '');
  if (!r) return undefined;
  // First: a note on a field lets a draft leave its text empty.
  const review = readReview(r, { item: 'article', path: '' }, issues);
  const draft = (field: 'summary' | 'outlet' | 'agency') => ({ emptyAllowed: hasNoteOn(review, field) });
  const published = r.string('published');
  if (published !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(published) || !isIsoDate(published))) {
    issues.error('bad-date', r.at('published'), `"${published}" is not a calendar date (YYYY-MM-DD)`);
  }
  const dateline = r.optional('dateline', (k) => {
    const d = r.object(k);
    return (
      d && complete<NonNullable<Article['dateline']>>({ text: d.string('text'), placeId: d.id('placeId') })
    );
  });
  const source = r.object('source');
  const file = source?.string('file');
  // The text sits in or beside the atlas's folder: a path from it, the same on every machine.
  if (source && file !== undefined && (file.startsWith('/') || /^[A-Za-z]:|\\/.test(file))) {
    issues.error(
      'bad-path',
      source.at('file'),
      `"${file}" must be a path relative to the atlas's folder, with forward slashes`,
    );
  }
  const paragraphs: Paragraph[] = [];
  r.array('paragraphs', { nonEmpty: true }).forEach(({ value, path }, i) => {
    const p = FieldReader.of(issues, value, path);
    if (!p) return;
    const n = p.number('n', { integer: true, min: 1 });
    const paragraph = complete<Paragraph>({
      n,
      line: p.number('line', { integer: true, min: 1 }),
      section: p.nullableString('section'),
      opening: p.string('opening'),
    });
    if (n !== undefined && n !== i + 1) {
      issues.error(
        'paragraph-order',
        p.at('n'),
        `paragraphs are numbered in order: expected ${i + 1}, found ${describeFound(n)}`,
      );
    }
    if (paragraph) paragraphs.push(paragraph);
  });
  return complete<Article>({
    id: r.id('id'),
    slug: r.id('slug'),
    headline: r.string('headline'),
    outlet: r.string('outlet', draft('outlet')),
    agency: r.string('agency', draft('agency')),
    published,
    dateline,
    language: r.string('language'),
    source: source && complete<Article['source']>({ file, note: source.string('note') }),
    summary: r.string('summary', draft('summary')),
    paragraphs,
    review,
  });
}

function readAltNames(r: FieldReader, issues: IssueList): AltName[] | undefined {
  const names = r.array('altNames').map(({ value, path }) => {
    const a = FieldReader.of(issues, value, path);
    if (!a) return undefined;
    const name = a.string('name');
    const lang = a.string('lang');
    if (lang !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang)) {
      issues.error('bad-value', a.at('lang'), `"${lang}" is not a BCP 47 language code`);
      return undefined;
    }
    return complete<AltName>({ name, lang, note: a.optional('note', (k) => a.string(k)) });
  });
  return everyRead(names);
}

/** A country's ISO 3166-1 alpha-2 code, or undefined (with an error) when it is not an assigned one. */
function readCountryCode(r: FieldReader, key: string, issues: IssueList): string | undefined {
  const code = r.string(key);
  if (code === undefined || isCountryCode(code)) return code;
  issues.error('bad-value', r.at(key), `"${code}" is not an ISO 3166-1 alpha-2 code`);
  return undefined;
}

function readCountry(r: FieldReader, issues: IssueList): PlaceProperties['country'] | undefined {
  const code = readCountryCode(r, 'code', issues);
  const name = r.optional('name', (k) => r.string(k));
  const known = code === undefined ? undefined : countryName(code);
  // The page names a country by its code: a name given too is only checked, and only warned of,
  // since names vary ("Turkey", "Türkiye"). A runtime that cannot name the code checks nothing.
  if (typeof name === 'string' && known !== undefined && known !== code && name !== known) {
    issues.warning(
      'country-name',
      r.at('name'),
      `"${name}" differs from "${known}", the English short name of ${code}`,
    );
  }
  return complete<PlaceProperties['country']>({ code, name });
}

function readPlaceProperties(
  r: FieldReader,
  featurePath: string,
  issues: IssueList,
): PlaceProperties | undefined {
  const name = typeof r.value.name === 'string' ? r.value.name : undefined;
  const review = readReview(r, { item: 'place', path: featurePath, name }, issues);
  const country = r.object('country');
  const status = r.optional('status', (key) => {
    const s = r.object(key);
    return (
      s &&
      complete<PlaceStatus>({
        disputed: s.boolean('disputed'),
        recognisedAs: readCountryCode(s, 'recognisedAs', issues),
        summary: s.string('summary', { emptyAllowed: hasNoteOn(review, 'status') }),
      })
    );
  });
  const sourceReader = r.object('coordinateSource');
  const source =
    sourceReader &&
    complete<CoordinateSource>({
      name: sourceReader.string('name'),
      id: sourceReader.optional('id', (k) => sourceReader.number(k, { integer: true })),
      licence: sourceReader.string('licence'),
      depicts: sourceReader.optional('depicts', (k) => sourceReader.string(k)),
    });
  const caption = r.optional('caption', (k) => r.string(k));
  if (typeof caption === 'string' && caption.length > 80) {
    issues.warning(
      'long-caption',
      r.at('caption'),
      `a caption is read at a glance: ${caption.length} characters, keep it under 80`,
    );
  }
  return complete<PlaceProperties>({
    id: r.id('id'),
    name: r.string('name'),
    caption,
    altNames: readAltNames(r, issues),
    placeType: r.oneOf('placeType', PLACE_TYPES),
    role: r.string('role', { emptyAllowed: hasNoteOn(review, 'role') }),
    country: country && readCountry(country, issues),
    status,
    coordinateSource: source,
    group: r.oneOf('group', PLACE_GROUPS),
    review,
  });
}

/** A record read from a file, with its index there, so that later issues point at the right element. */
interface Indexed<T> {
  value: T;
  index: number;
}

interface PlacesRead {
  places: Indexed<Place>[];
  /** Every id the file declares, also on features rejected for other reasons: facts may cite them. */
  declaredIds: Set<string>;
}

function readPlaces(raw: unknown, issues: IssueList): PlacesRead {
  const declaredIds = new Set<string>();
  const r = FieldReader.of(issues, raw, '');
  if (!r) return { places: [], declaredIds };
  if (r.value.type !== 'FeatureCollection') {
    issues.error('not-feature-collection', 'type', 'places must be a GeoJSON FeatureCollection');
    return { places: [], declaredIds };
  }
  if ('crs' in r.value) issues.error('crs-member', 'crs', 'RFC 7946 GeoJSON has no "crs" member');
  checkBbox(r.value, '', issues);
  const places: Indexed<Place>[] = [];
  const seen = new Map<string, string>();
  for (const [index, { value, path }] of r.array('features', { nonEmpty: true }).entries()) {
    const f = FieldReader.of(issues, value, path);
    if (!f || !checkFeatureType(f.value, path, issues)) continue;
    const id = f.id('id');
    if (id !== undefined) declaredIds.add(id);
    const propsReader = f.object('properties');
    const properties = propsReader && readPlaceProperties(propsReader, path, issues);
    checkBbox(f.value, path, issues);
    const geometry = f.value.geometry;
    const geometryOk = validatePlaceGeometry(geometry, f.at('geometry'), issues);
    if (id !== undefined && propsReader && properties && properties.id !== id) {
      issues.error(
        'id-mismatch',
        propsReader.at('id'),
        `properties.id "${properties.id}" differs from feature id "${id}"`,
      );
      continue;
    }
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        issues.error('duplicate-id', f.at('id'), `place id "${id}" is already used at ${first}`);
        continue;
      }
      seen.set(id, f.at('id'));
    }
    if (id === undefined || !properties || !geometryOk) continue;
    const allowed = PLACE_TYPE_GEOMETRIES[properties.placeType];
    if (!allowed.includes(geometry.type)) {
      issues.error(
        'place-type-geometry',
        childPath(f.at('geometry'), 'type'),
        `a place of type "${properties.placeType}" is a ${allowed.join(' or ')}, found a ${geometry.type}`,
      );
      continue;
    }
    places.push({ value: { type: 'Feature', id, properties, geometry }, index });
  }
  return { places, declaredIds };
}

const pointOf = (place: Place): Position | undefined =>
  place.geometry.type === 'Point' ? place.geometry.coordinates : undefined;

/**
 * Warns of points whose coordinates look swapped although both numbers are in range: the point
 * lies far from the other story places, and would lie among them with longitude and latitude
 * exchanged. Only a warning: a story can have a remote place (talks in a distant capital), and
 * the message gives both distances for the editor to judge.
 */
function flagSwappedPoints(places: readonly Indexed<Place>[], issues: IssueList): void {
  const story = places.filter((p) => p.value.properties.group === 'story' && pointOf(p.value));
  if (story.length < 3) return;
  const points = story.map((p) => pointOf(p.value)!);
  // The distance to the nearest other story point; the scan stops once one is within `enough` km.
  const nearest = (pos: Position, self: number, enough = 0): number => {
    let best = Infinity;
    for (let j = 0; j < points.length && best > enough; j += 1) {
      if (j !== self) best = Math.min(best, distanceKm(pos, points[j]!));
    }
    return best;
  };
  story.forEach(({ index }, i) => {
    const point = points[i]!;
    // A point within 500 km of another story place is not suspect: no need for the exact figure.
    const actual = nearest(point, i, 500);
    if (actual <= 500) return;
    const swapped = nearest([point[1]!, point[0]!], i);
    if (swapped < actual / 3) {
      issues.warning(
        'swapped-coordinates',
        `features[${index}].geometry.coordinates`,
        `[${point[0]}, ${point[1]}] may be swapped: it lies ${formatKm(actual)} from the nearest other story ` +
          `place as written, ${formatKm(swapped)} as [${point[1]}, ${point[0]}]; GeoJSON is [longitude, latitude] ` +
          '(a remote place can be right)',
      );
    }
  });
}

/** A draft may leave the speaker "" when its review has a note on the speaker. */
function readQuote(r: FieldReader, speakerToWrite: boolean): Quote | undefined {
  const speakerRole = r.optional('speakerRole', (k) => r.string(k));
  return complete<Quote>({
    text: r.string('text'),
    speaker: r.string('speaker', { emptyAllowed: speakerToWrite }),
    speakerRole,
  });
}

/** A draft may leave a figure's unit and label "" when its review has a note on the figures. */
function readFigure(r: FieldReader, toWrite: boolean): Figure | undefined {
  return complete<Figure>({
    value: r.number('value'),
    unit: r.string('unit', { emptyAllowed: toWrite }),
    qualifier: r.oneOf('qualifier', FIGURE_QUALIFIERS),
    label: r.string('label', { emptyAllowed: toWrite }),
    text: r.string('text'),
  });
}

function readFacts(raw: unknown, issues: IssueList): Indexed<Fact>[] {
  const r = FieldReader.of(issues, raw, '');
  if (!r) return [];
  const facts: Indexed<Fact>[] = [];
  const seen = new Map<string, string>();
  for (const [index, { value, path }] of r.array('facts', { nonEmpty: true }).entries()) {
    const f = FieldReader.of(issues, value, path);
    if (!f) continue;
    const review = readReview(f, { item: 'fact', path }, issues);
    const id = f.id('id');
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined)
        issues.error('duplicate-id', f.at('id'), `fact id "${id}" is already used at ${first}`);
      else seen.set(id, f.at('id'));
    }
    const placeIds = f.array('placeIds', { nonEmpty: true }).map(({ value: v, path: p }) => {
      if (typeof v === 'string' && v !== '') return v;
      issues.error('wrong-type', p, `expected a place id, found ${describeFound(v)}`);
      return undefined;
    });
    const date = f.nullableString('date');
    const dateProblem = typeof date === 'string' ? factDateProblem(date) : undefined;
    if (dateProblem !== undefined) issues.error('bad-date', f.at('date'), dateProblem);
    const quote = f.optional('quote', (k) => {
      const q = f.object(k);
      return q && readQuote(q, hasNoteOn(review, 'speaker'));
    });
    const figures = f.optional('figures', (k) =>
      everyRead(
        f.array(k, { nonEmpty: true }).map(({ value: v, path: p }) => {
          const fr = FieldReader.of(issues, v, p);
          return fr && readFigure(fr, hasNoteOn(review, 'figures'));
        }),
      ),
    );
    const fact: Reading<Fact> = {
      id,
      placeIds: everyRead(placeIds),
      kind: f.oneOf('kind', FACT_KINDS),
      date,
      planned: f.optional('planned', (k) => f.boolean(k)),
      dateText: f.nullableString('dateText'),
      text: f.string('text', { emptyAllowed: hasNoteOn(review, 'text') }),
      paragraph: f.number('paragraph', { integer: true, min: 1 }),
      quote,
      figures,
      review,
    };
    if (fact.kind === 'quotation' && quote === ABSENT) {
      issues.error('missing-field', f.at('quote'), 'a fact of kind "quotation" needs a "quote"');
    }
    if (fact.kind === 'figure' && figures === ABSENT) {
      issues.error('missing-field', f.at('figures'), 'a fact of kind "figure" needs "figures"');
    }
    const read = complete<Fact>(fact);
    if (read) facts.push({ value: read, index });
  }
  return facts;
}

/**
 * A fact's date against the publication: a fact is dated no later than it, unless it is planned,
 * when it is dated (at least in part) after it.
 */
function checkAgainstPublication(fact: Fact, path: string, published: string, issues: IssueList): void {
  if (fact.date === null) {
    if (fact.planned) {
      issues.error(
        'planned-without-date',
        `${path}.date`,
        `a planned fact has the date it is planned for, after the article's publication on ${published}`,
      );
    }
    return;
  }
  // A date that is no date is reported where it is read.
  if (factDateProblem(fact.date) !== undefined) return;
  const date = factDate(fact.date);
  if (fact.planned && daySpan(date).last <= published) {
    issues.error(
      'planned-before-publication',
      `${path}.date`,
      `a planned fact is still to come, but ${fact.date} is not after the article's publication on ${published}`,
    );
  } else if (!fact.planned && isAfter(date.end, published)) {
    issues.error(
      'date-after-publication',
      `${path}.date`,
      `${fact.date} is after the article's publication on ${published}; ` +
        'mark a fact still to come with "planned": true',
    );
  }
}

/** Cross-file checks: references resolve, dates are valid and not after publication. */
function checkReferences(
  article: Article,
  { places, declaredIds: placeIds }: PlacesRead,
  facts: readonly Indexed<Fact>[],
  issues: { article: IssueList; facts: IssueList; places: IssueList },
): void {
  const datelinePlace = article.dateline?.placeId;
  if (datelinePlace !== undefined && !placeIds.has(datelinePlace)) {
    issues.article.error('unknown-place', 'dateline.placeId', `no place "${datelinePlace}"`);
  }
  const paragraphCount = article.paragraphs.length;
  facts.forEach(({ value: fact, index: i }) => {
    fact.placeIds.forEach((id, j) => {
      if (!placeIds.has(id))
        issues.facts.error('unknown-place', `facts[${i}].placeIds[${j}]`, `no place "${id}"`);
    });
    if (fact.paragraph > paragraphCount) {
      issues.facts.error(
        'unknown-paragraph',
        `facts[${i}].paragraph`,
        `no paragraph ${fact.paragraph}: the article has ${paragraphCount}`,
      );
    }
    checkAgainstPublication(fact, `facts[${i}]`, article.published, issues.facts);
  });
  const used = new Set(facts.flatMap((f) => f.value.placeIds));
  places.forEach(({ value: place, index: i }) => {
    if (!used.has(place.id) && place.id !== datelinePlace) {
      issues.places.warning('unused-place', `features[${i}]`, `place "${place.id}" has no fact`);
    }
  });
}

/**
 * Validates an atlas's three files (schema, ids, references, geometry, dates) and returns the
 * typed atlas when there is no error. Every problem is an issue naming its file and JSON path.
 */
export function validateAtlas(files: AtlasFiles, names: AtlasFileNames): AtlasValidation {
  const issues: Record<AtlasFile, IssueList> = {
    article: new IssueList(names.article),
    places: new IssueList(names.places),
    facts: new IssueList(names.facts),
  };
  const article = readArticle(files.article, issues.article);
  const places = readPlaces(files.places, issues.places);
  const facts = readFacts(files.facts, issues.facts);
  flagSwappedPoints(places.places, issues.places);
  if (article) checkReferences(article, places, facts, issues);
  const all = [...issues.article.items, ...issues.places.items, ...issues.facts.items];
  const ok = article !== undefined && !hasErrors(all);
  if (!ok) return { issues: all };
  const written = (raw: unknown, key: string) => (isObject(raw) ? raw[key] : undefined);
  return {
    // In the files' order of keys (the validator reads field by field, in its own order).
    atlas: {
      article: inWrittenOrder(article, files.article),
      places: inWrittenOrder(
        places.places.map((p) => p.value),
        written(files.places, 'features'),
      ),
      facts: inWrittenOrder(
        facts.map((f) => f.value),
        written(files.facts, 'facts'),
      ),
    },
    issues: all,
  };
}

/** Validates `data/atlases/index.json`: ids unique, paths given, at most one default. */
export function validateAtlasIndex(
  raw: unknown,
  file: string,
): { entries: AtlasIndexEntry[]; issues: Issue[] } {
  const issues = new IssueList(file);
  const r = FieldReader.of(issues, raw, '');
  const entries: AtlasIndexEntry[] = [];
  for (const { value, path } of r ? r.array('atlases', { nonEmpty: true }) : []) {
    const e = FieldReader.of(issues, value, path);
    if (!e) continue;
    const entry: Reading<AtlasIndexEntry> = {
      id: e.id('id'),
      path: e.string('path'),
      title: e.string('title'),
      // A default that is not true or false is reported, and the entry read as not the default.
      default: e.optional('default', (k) => e.boolean(k)) === true,
    };
    if (entry.path !== undefined && (entry.path.includes('..') || entry.path.startsWith('/'))) {
      issues.error('bad-path', e.at('path'), `"${entry.path}" must be a folder inside data/`);
      continue;
    }
    if (entries.some((x) => x.id === entry.id)) {
      issues.error('duplicate-id', e.at('id'), `atlas id "${entry.id}" is listed twice`);
      continue;
    }
    const read = complete<AtlasIndexEntry>(entry);
    if (read) entries.push(read);
  }
  if (entries.filter((e) => e.default).length > 1) {
    issues.error('several-defaults', 'atlases', 'at most one atlas may be the default');
  }
  return { entries, issues: issues.items };
}
