// Assembles an atlas's three files from the drafting steps' results (npm run new-atlas): every
// drafted item carries a review mark that lists what an editor must still confirm or write, so that
// the draft validates with warnings only.
import { simplify } from '@turf/simplify';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { countryName } from '../country-names';
import { exportGeometry } from '../export-atlas';
import type { IsoDate } from '../dates';
import type { PlaceCandidate, Review, ReviewField, ReviewNote } from '../review';
import type {
  Article,
  CoordinateSource,
  Fact,
  Figure,
  PlaceGeometry,
  PlaceGroup,
  PlaceProperties,
  PlaceType,
} from '../types';
import type {
  ArticleTextDraft,
  DateDraft,
  FigureDraft,
  GazetteerEntry,
  PlaceMatch,
  PlaceNames,
  QuotationDraft,
} from './types';

export interface DraftInput {
  id: string;
  published: IsoDate;
  outlet?: string;
  agency?: string;
  language: string;
  /** The text's file, relative to the atlas's folder ("article.txt"). */
  sourceFile: string;
  text: ArticleTextDraft;
  quotations: QuotationDraft[];
  figures: FigureDraft[];
  dates: DateDraft[];
  places: PlaceNames;
}

/** The plain JSON of an atlas's three files. */
export interface DraftFiles {
  article: Article;
  places: FeatureCollection<PlaceGeometry, PlaceProperties>;
  facts: { facts: Fact[] };
}

/** The paragraphs whose places are the story's (with the dateline's): where a report sets its scene. */
const STORY_PARAGRAPHS = 2;

/** "1 paragraph", "4 paragraphs". */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const note = (field: ReviewField, text: string): ReviewNote => ({ field, note: text });

/** A kebab-case id from a name ("Nagorno-Karabakh" → "nagorno-karabakh", "Şuşa" → "susa"), unique among `used`. */
export function uniqueSlug(name: string, used: Set<string>, fallback: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback;
  let id = base;
  for (let i = 2; used.has(id); i += 1) id = `${base}-${i}`;
  used.add(id);
  return id;
}

const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');

function toCandidate(e: GazetteerEntry): PlaceCandidate {
  return {
    ...(e.geonameId !== undefined && { geonameId: e.geonameId }),
    name: e.name,
    country: e.country,
    population: e.population,
    coordinates: e.coordinates,
    featureCode: e.featureCode,
    ...(e.admin1 !== undefined && { admin1: e.admin1 }),
  };
}

export interface DraftedGeometry {
  geometry: PlaceGeometry;
  placeType: PlaceType;
  coordinateSource: CoordinateSource;
  notes: ReviewNote[];
}

/** A city as its point; a country or region as its outline, where the gazetteer has one, else a point to replace. */
export function draftGeometry(entry: GazetteerEntry): DraftedGeometry {
  const point: PlaceGeometry = { type: 'Point', coordinates: entry.coordinates };
  const pointSource: CoordinateSource = {
    name: entry.source.name,
    ...(entry.geonameId !== undefined && { id: entry.geonameId }),
    licence: entry.source.licence,
  };
  if (entry.kind === 'city' || entry.kind === 'capital') {
    return { geometry: point, placeType: 'city', coordinateSource: pointSource, notes: [] };
  }
  if (!entry.outline) {
    return {
      geometry: point,
      placeType: 'admin-region',
      coordinateSource: pointSource,
      notes: [note('geometry', "outline needed: a point is drafted at the gazetteer's coordinates")],
    };
  }
  const source = entry.outlineSource ?? entry.source.name;
  const outline = draftOutline(entry.outline);
  return {
    geometry: outline.geometry,
    placeType: entry.kind === 'country' ? 'region' : 'admin-region',
    coordinateSource: {
      name: source,
      licence: entry.outlineLicence ?? entry.source.licence,
      depicts: `outline of ${entry.name} as ${source} draws it, simplified to ${outline.vertices} vertices`,
    },
    notes: [note('geometry', `confirm the outline, drafted from ${source}`)],
  };
}

/** Outlines are drafted to about a kilometre: enough for a locator map, small enough to read and edit. */
export const OUTLINE_TOLERANCE_DEGREES = 0.01;

/** An outline simplified, rounded and wound as RFC 7946 wants (exportGeometry), with its vertex count. */
export function draftOutline(outline: Polygon | MultiPolygon): {
  geometry: Polygon | MultiPolygon;
  vertices: number;
} {
  const simple = simplify(outline, { tolerance: OUTLINE_TOLERANCE_DEGREES, highQuality: true });
  const drafted = exportGeometry(simple);
  const geometry = drafted.type === 'Polygon' || drafted.type === 'MultiPolygon' ? drafted : outline;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  return { geometry, vertices: rings.reduce((n, ring) => n + ring.length - 1, 0) };
}

interface DraftedPlaces {
  places: DraftFiles['places'];
  /** The place ids each paragraph names, in the order of the places. */
  byParagraph: Map<number, string[]>;
  datelinePlace?: string;
  firstPlace?: string;
}

/**
 * A place's name: the text's own where it is one of the entry's names and reads as a name
 * ("Stepanakert" for GeoNames' Xankandi), else the gazetteer's ("Kyiv" for the capital of a
 * "Ukraine" the text names, "United States" for "U.S.").
 */
function placeName(match: PlaceMatch, entry: GazetteerEntry): string {
  const asWritten = match.name;
  const readsAsName = !/[.]/.test(asWritten) && asWritten !== asWritten.toUpperCase();
  const isEntryName = entry.names.some((n) => sameName(n, asWritten));
  return match.seatOf === undefined && readsAsName && isEntryName ? asWritten : entry.name;
}

function draftPlaces(matches: readonly PlaceMatch[], datelineName: string | undefined): DraftedPlaces {
  const used = new Set<string>();
  const drafted = matches.flatMap((match) => {
    const [entry] = match.candidates;
    if (!entry) return [];
    const name = placeName(match, entry);
    const id = uniqueSlug(name, used, 'place');
    const inDateline =
      datelineName !== undefined &&
      (sameName(match.name, datelineName) || entry.names.some((n) => sameName(n, datelineName)));
    const story =
      inDateline || match.paragraphs.some((p) => p <= STORY_PARAGRAPHS) || match.paragraphs.length >= 2;
    const group: PlaceGroup = story ? 'story' : 'reaction';
    const { geometry, placeType, coordinateSource, notes } = draftGeometry(entry);
    const confirm: ReviewNote[] = [
      note(
        'place',
        match.seatOf === undefined
          ? 'confirm this is the place the article means'
          : `drafted as the seat of ${match.seatOf}, which the text names (“${match.name}”): confirm, or reject it`,
      ),
      ...notes,
      ...(entry.localNames.length > 0
        ? [
            note(
              'altNames',
              `confirm the local names, picked from the gazetteer's untagged alternate names: ${entry.localNames.map((n) => `${n.name} (${n.lang})`).join(', ')}; add any side's name it lacks`,
            ),
          ]
        : []),
      ...(entry.disputed
        ? [
            note(
              'status',
              `${entry.disputed.area === entry.name ? 'a disputed area' : `in ${entry.disputed.area}, a disputed area`}, internationally recognised as part of ${countryName(entry.disputed.recognisedAs)}: write who holds it and who claims it, with each side's name for it`,
            ),
          ]
        : []),
      note('role', "write the place's part in this story, in the project's own words"),
      ...(story
        ? []
        : [
            note(
              'group',
              `drafted as a reaction, named only in paragraph ${match.paragraphs.join(', ')}: confirm`,
            ),
          ]),
    ];
    const review: Review = {
      confirm,
      ...(match.candidates.length > 1 && { candidates: match.candidates.map(toCandidate) }),
    };
    const properties: PlaceProperties = {
      id,
      name,
      altNames: entry.localNames,
      placeType,
      role: '',
      country: { code: entry.country },
      ...(entry.disputed && {
        status: { disputed: true, recognisedAs: entry.disputed.recognisedAs, summary: '' },
      }),
      coordinateSource,
      group,
      review,
    };
    return [{ match, inDateline, feature: { type: 'Feature' as const, id, geometry, properties } }];
  });
  // The story's places first, then the reactions, each in the order the text names them.
  const ordered = [
    ...drafted.filter((d) => d.feature.properties.group === 'story'),
    ...drafted.filter((d) => d.feature.properties.group === 'reaction'),
  ];
  const byParagraph = new Map<number, string[]>();
  for (const { match, feature } of ordered) {
    for (const p of match.paragraphs) byParagraph.set(p, [...(byParagraph.get(p) ?? []), feature.id]);
  }
  return {
    places: { type: 'FeatureCollection', features: ordered.map((d) => d.feature) },
    byParagraph,
    datelinePlace: drafted.find((d) => d.inDateline)?.feature.id,
    firstPlace: ordered[0]?.feature.id,
  };
}

function draftArticle(input: DraftInput, datelinePlace: string | undefined): Article {
  const { text } = input;
  const confirm: ReviewNote[] = [
    note('headline', `confirm the headline, drafted from line ${text.headlineLine}`),
    note(
      'paragraphs',
      `confirm the ${count(text.paragraphs.length, 'paragraph')} and ${count(text.sections.length, 'subheading')} drafted from the text`,
    ),
  ];
  if (text.dateline && datelinePlace === undefined) {
    confirm.push(note('dateline', `the dateline “${text.dateline.text}” names no place found: add it`));
  } else if (text.dateline) {
    confirm.push(note('dateline', `confirm the dateline “${text.dateline.text}”`));
  }
  if (input.outlet === undefined) confirm.push(note('outlet', 'no outlet given: write the publication'));
  if (input.agency === undefined) confirm.push(note('agency', 'no agency given: write who wrote the report'));
  confirm.push(note('summary', "write one or two sentences about the story, in the project's own words"));
  const lines = text.paragraphs.map((p) => p.line);
  const span = lines.length ? `lines ${Math.min(...lines)}–${Math.max(...lines)} hold` : 'no line holds';
  const sections = text.sections.length ? ` under ${count(text.sections.length, 'subheading')}` : '';
  const review: Review = {
    confirm,
    ...(text.lines.length > 0 && { lines: text.lines }),
    ...(input.places.unknown.length > 0 && { names: input.places.unknown }),
  };
  return {
    id: input.id,
    headline: text.headline,
    outlet: input.outlet ?? '',
    agency: input.agency ?? '',
    published: input.published,
    ...(text.dateline &&
      datelinePlace !== undefined && { dateline: { text: text.dateline.text, placeId: datelinePlace } }),
    language: input.language,
    source: {
      file: input.sourceFile,
      note:
        `Drafted by npm run new-atlas from ${input.sourceFile}: line ${text.headlineLine} is the headline, ` +
        `${span} the ${count(text.paragraphs.length, 'paragraph')}${sections}. ` +
        `Relative days resolve against the publication date, ${input.published}.`,
    },
    slug: input.id,
    summary: '',
    paragraphs: text.paragraphs,
    review,
  };
}

/** Where in `text` each quotation stands, as [start, end) spans. */
function quotedSpans(text: string, quotations: readonly QuotationDraft[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const q of quotations) {
    for (let at = text.indexOf(q.text); at >= 0 && q.text !== ''; at = text.indexOf(q.text, at + 1)) {
      spans.push([at, at + q.text.length]);
    }
  }
  return spans;
}

/** Whether every occurrence of the figure in the paragraph lies inside a quotation. */
function onlyQuoted(figure: FigureDraft, text: string, spans: readonly [number, number][]): boolean {
  let found = false;
  for (let at = text.indexOf(figure.text); at >= 0; at = text.indexOf(figure.text, at + 1)) {
    found = true;
    const end = at + figure.text.length;
    if (!spans.some(([s, e]) => s <= at && end <= e)) return false;
  }
  return found;
}

/**
 * Drafts an atlas's three files from the steps' results: the article from the text's structure,
 * a place per gazetteer match (the first candidate drafted, the others listed), a quotation fact
 * per quotation and a figure fact per paragraph with figures outside its quotations, each tied to
 * its paragraph's places and dates. Every item carries a review mark; the result validates with
 * warnings only when the text names at least one known place.
 */
export function assembleDraft(input: DraftInput): DraftFiles {
  const drafted = draftPlaces(input.places.matches, input.text.dateline?.placeName);
  const article = draftArticle(input, drafted.datelinePlace);
  const facts: Fact[] = [];

  /** A fact of paragraph `n` up to its text, in the files' order of keys: its places and date, and the notes on them. */
  const factHead = (
    id: string,
    kind: Fact['kind'],
    n: number,
  ): {
    head: Pick<Fact, 'id' | 'placeIds' | 'kind' | 'planned' | 'date' | 'dateText'>;
    notes: ReviewNote[];
  } => {
    const notes: ReviewNote[] = [];
    let placeIds = drafted.byParagraph.get(n) ?? [];
    if (placeIds.length === 0) {
      const fallback = drafted.datelinePlace ?? drafted.firstPlace;
      placeIds = fallback === undefined ? [] : [fallback];
      const whose =
        drafted.datelinePlace !== undefined ? "the dateline's place" : "the article's first place";
      notes.push(note('placeIds', `no place named in paragraph ${n}: ${whose} was drafted`));
    } else {
      notes.push(note('placeIds', `confirm the places, drafted from those paragraph ${n} names`));
    }
    const [date, ...others] = input.dates.filter((d) => d.paragraph === n);
    if (!date) {
      notes.push(note('date', 'no date in the paragraph: the publication day was drafted'));
      return { head: { id, placeIds, kind, date: input.published, dateText: null }, notes };
    }
    const also = others.length
      ? `; the paragraph also has ${others.map((d) => `“${d.dateText}”`).join(', ')}`
      : '';
    notes.push(note('date', `confirm the date, drafted from “${date.dateText}”${also}`));
    return {
      head: {
        id,
        placeIds,
        kind,
        ...(date.planned && { planned: true }),
        date: date.date,
        dateText: date.dateText,
      },
      notes,
    };
  };
  const paraphrase = note('text', "write the paraphrase, in the project's own words");

  for (const { n } of input.text.paragraphs) {
    const quotations = input.quotations.filter((q) => q.paragraph === n);
    quotations.forEach((q, i) => {
      const { head, notes } = factHead(`quote-p${n}-${i + 1}`, 'quotation', n);
      const speakerNote = q.speaker
        ? note('speaker', `confirm the speaker, drafted from “${q.attribution ?? q.speaker}”`)
        : note('speaker', 'no speaker found: write it');
      const confirm = [
        ...(q.partial
          ? [note('fact', 'a short quotation inside reported speech: confirm it makes a fact')]
          : []),
        speakerNote,
        ...notes,
        paraphrase,
      ];
      facts.push({
        ...head,
        text: '',
        quote: {
          text: q.text,
          speaker: q.speaker ?? '',
          ...(q.speakerRole !== undefined && { speakerRole: q.speakerRole }),
        },
        paragraph: n,
        review: { confirm },
      });
    });
    const paragraphText = input.text.paragraphTexts[n - 1] ?? '';
    const spans = quotedSpans(paragraphText, quotations);
    const figures = input.figures.filter((f) => f.paragraph === n && !onlyQuoted(f, paragraphText, spans));
    if (figures.length > 0) {
      const { head, notes } = factHead(`figures-p${n}`, 'figure', n);
      facts.push({
        ...head,
        text: '',
        figures: figures.map((f): Figure => ({
          value: f.value,
          unit: f.unit,
          qualifier: f.qualifier,
          label: f.unit,
          text: f.text,
        })),
        paragraph: n,
        review: {
          confirm: [
            note(
              'figures',
              'confirm each figure, its unit and hedge, and write its label (drafted from the unit)',
            ),
            ...notes,
            paraphrase,
          ],
        },
      });
    }
  }
  // The lede tells the story's main event: it gets a fact to write unless it has one already.
  if (input.text.paragraphs.length > 0 && !facts.some((f) => f.paragraph === 1)) {
    const { head, notes } = factHead('event-p1', 'event', 1);
    facts.unshift({
      ...head,
      text: '',
      paragraph: 1,
      review: {
        confirm: [
          note(
            'fact',
            facts.length === 0
              ? 'no quotation or figure found: write the facts of the article, this one first'
              : 'the first paragraph tells the main event: write it as a fact',
          ),
          note('kind', 'confirm the kind of fact'),
          ...notes,
          paraphrase,
        ],
      },
    });
  }
  return { article, places: drafted.places, facts: { facts } };
}
