import { describe, expect, it } from 'vitest';
import { checkAgainstArticle } from '../check-against-article';
import { formatIssue } from '../issues';
import { validateAtlas } from '../validate-atlas';
import { assembleDraft, uniqueSlug, type DraftInput } from './assemble';
import { FIXTURE_TEXT, fixtureInput } from './assemble.fixture';
import { ANKARA, BAKU, UNITED_STATES, XANKANDI } from '../../../tests/helpers/gazetteer-entries';

const NAMES = { article: 'article.json', places: 'places.geojson', facts: 'facts.json' };
const PARAPHRASE = { field: 'text', note: "write the paraphrase, in the project's own words" };
const NO_DATE = { field: 'date', note: 'no date in the paragraph: the publication day was drafted' };
const places = (n: number) => ({
  field: 'placeIds',
  note: `confirm the places, drafted from those paragraph ${n} names`,
});
const FIGURES_NOTE = {
  field: 'figures',
  note: 'confirm each figure, its unit and hedge, and write its label (drafted from the unit)',
};

describe('assembleDraft', () => {
  const draft = assembleDraft(fixtureInput());

  it('drafts the article from the text: dateline tied to its place, empty summary, the lines and unknown names to review', () => {
    const { paragraphs, ...article } = draft.article;
    expect(paragraphs).toEqual(fixtureInput().text.paragraphs);
    expect(article).toEqual({
      id: 'ardvale-border-talks',
      headline: 'Border talks to resume after Ardvale crossings',
      outlet: 'The Test Courier',
      agency: '',
      published: '2024-03-12',
      dateline: { text: 'ARDVALE', placeId: 'ardvale' },
      language: 'en',
      source: {
        file: 'article.txt',
        note:
          'Drafted by npm run new-atlas from article.txt: line 1 is the headline, lines 5–13 hold the 4 paragraphs ' +
          'under 1 subheading. Relative days resolve against the publication date, 2024-03-12.',
      },
      slug: 'ardvale-border-talks',
      summary: '',
      review: {
        confirm: [
          { field: 'headline', note: 'confirm the headline, drafted from line 1' },
          { field: 'paragraphs', note: 'confirm the 4 paragraphs and 1 subheading drafted from the text' },
          { field: 'dateline', note: 'confirm the dateline “ARDVALE”' },
          { field: 'agency', note: 'no agency given: write who wrote the report' },
          {
            field: 'summary',
            note: "write one or two sentences about the story, in the project's own words",
          },
        ],
        lines: [{ line: 3, text: '12 March 2024', reason: 'a date line' }],
        names: [{ name: 'Khojaly', paragraph: 3 }],
      },
    });
  });

  it('drafts a place per match: story before reaction, a city as a point, a country as its outline, a region without one as a point to replace', () => {
    expect(
      draft.places.features.map((f) => [
        f.id,
        f.properties.group,
        f.properties.placeType,
        f.geometry.type,
        f.properties.coordinateSource,
        f.properties.review?.confirm.map((n) => n.field),
      ]),
    ).toEqual([
      [
        'ardvale',
        'story',
        'city',
        'Point',
        { name: 'GeoNames', id: 1000001, licence: 'CC BY 4.0' },
        ['place', 'altNames', 'role'],
      ],
      [
        'slavyansk',
        'reaction',
        'city',
        'Point',
        { name: 'GeoNames', id: 700051, licence: 'CC BY 4.0' },
        ['place', 'role', 'group'],
      ],
      [
        'georgia',
        'reaction',
        'region',
        'Polygon',
        {
          name: 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2',
          licence: 'public domain',
          depicts:
            'outline of Georgia as Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2 draws it, simplified to 4 vertices',
        },
        ['place', 'geometry', 'role', 'group'],
      ],
      [
        'kakheti',
        'reaction',
        'admin-region',
        'Point',
        { name: 'GeoNames', id: 865538, licence: 'CC BY 4.0' },
        ['place', 'geometry', 'role', 'group'],
      ],
    ]);
    expect(draft.places.features[0]?.properties).toMatchObject({
      name: 'Ardvale',
      altNames: [{ name: 'არდვალე', lang: 'ka' }],
      role: '',
      country: { code: 'GE' },
    });
    expect(draft.places.features[0]?.properties.review?.confirm[1]).toEqual({
      field: 'altNames',
      note: "confirm the local names, picked from the gazetteer's untagged alternate names: არდვალე (ka); add any side's name it lacks",
    });
    expect(draft.places.features[1]?.properties.review?.candidates?.map((c) => [c.name, c.country])).toEqual([
      ['Sloviansk', 'UA'],
      ['Slavyansk-na-Kubani', 'RU'],
    ]);
  });

  it('drafts an outline simplified to about a kilometre, rounded to 6 decimals and wound as RFC 7946 wants', () => {
    const input = fixtureInput();
    const georgia = input.places.matches[2];
    const entry = georgia?.candidates[0];
    if (georgia === undefined || entry === undefined) throw new Error('the fixture has Georgia third');
    // Clockwise, with a vertex 0.0004° off the northern edge and one with ten decimals.
    georgia.candidates = [
      {
        ...entry,
        outline: {
          type: 'Polygon',
          coordinates: [
            [
              [40.1234567891, 41],
              [40, 43.5],
              [43, 43.5004],
              [46, 43.5],
              [46, 41],
              [40.1234567891, 41],
            ],
          ],
        },
      },
    ];
    const place = assembleDraft(input).places.features.find((f) => f.id === 'georgia');
    expect(place?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [40.123457, 41],
          [46, 41],
          [46, 43.5],
          [40, 43.5],
          [40.123457, 41],
        ],
      ],
    });
    expect(place?.properties.coordinateSource.depicts).toBe(
      'outline of Georgia as Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2 draws it, simplified to 4 vertices',
    );
  });

  it("drafts a place in a disputed area with its status, the summary left to write with each side's name", () => {
    const input = fixtureInput();
    const first = input.places.matches[0];
    const entry = first?.candidates[0];
    if (first === undefined || entry === undefined) throw new Error('the fixture has a first place');
    first.candidates = [{ ...entry, disputed: { recognisedAs: 'CY', area: 'Northern Cyprus' } }];
    const files = assembleDraft(input);
    const place = files.places.features[0];
    expect(place?.properties.status).toEqual({ disputed: true, recognisedAs: 'CY', summary: '' });
    expect(place?.properties.review?.confirm.filter((n) => n.field === 'status')).toEqual([
      {
        field: 'status',
        note: "in Northern Cyprus, a disputed area, internationally recognised as part of Cyprus: write who holds it and who claims it, with each side's name for it",
      },
    ]);
    const { issues } = validateAtlas(files, NAMES);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.path === 'features[0].properties.status').map((i) => i.code)).toEqual([
      'draft',
    ]);
  });

  it("names a place as the text writes it where that is one of the entry's names and reads as a name, else as the gazetteer does", () => {
    const input = fixtureInput();
    input.places.matches = [
      { name: 'Stepanakert', paragraphs: [1], candidates: [XANKANDI] },
      { name: 'Turkey', paragraphs: [2], candidates: [ANKARA], seatOf: 'Türkiye' },
      { name: 'U.S.', paragraphs: [3], candidates: [UNITED_STATES] },
      { name: 'BAKU', paragraphs: [4], candidates: [BAKU] },
    ];
    expect(
      assembleDraft(input).places.features.map((f) => [
        f.id,
        f.properties.name,
        f.properties.review?.confirm[0],
      ]),
    ).toEqual([
      ['stepanakert', 'Stepanakert', { field: 'place', note: 'confirm this is the place the article means' }],
      [
        'ankara',
        'Ankara',
        {
          field: 'place',
          note: 'drafted as the seat of Türkiye, which the text names (“Turkey”): confirm, or reject it',
        },
      ],
      [
        'united-states',
        'United States',
        { field: 'place', note: 'confirm this is the place the article means' },
      ],
      ['baku', 'Baku', { field: 'place', note: 'confirm this is the place the article means' }],
    ]);
  });

  it("drafts a fact per quotation and per paragraph's figures outside quotations, with their paragraph's places and dates", () => {
    expect(draft.facts.facts).toEqual([
      {
        id: 'figures-p1',
        placeIds: ['ardvale'],
        kind: 'figure',
        date: '2024-03-11',
        dateText: 'Monday',
        text: '',
        figures: [{ value: 2000, unit: 'people', qualifier: 'nearly', label: 'people', text: '2,000' }],
        paragraph: 1,
        review: {
          confirm: [
            FIGURES_NOTE,
            places(1),
            {
              field: 'date',
              note: 'confirm the date, drafted from “Monday”; the paragraph also has “next week”',
            },
            PARAPHRASE,
          ],
        },
      },
      {
        id: 'quote-p2-1',
        placeIds: ['ardvale'],
        kind: 'quotation',
        date: '2024-03-12',
        dateText: null,
        text: '',
        quote: {
          text: 'We want peace for all 3 villages,',
          speaker: 'Mara Jensen',
          speakerRole: 'the mayor of Ardvale',
        },
        paragraph: 2,
        review: {
          confirm: [
            { field: 'speaker', note: 'confirm the speaker, drafted from “said Mara Jensen”' },
            places(2),
            NO_DATE,
            PARAPHRASE,
          ],
        },
      },
      {
        id: 'figures-p3',
        placeIds: ['slavyansk'],
        kind: 'figure',
        date: '2024-03-12',
        dateText: null,
        text: '',
        figures: [{ value: 40, unit: 'families', qualifier: 'about', label: 'families', text: '40' }],
        paragraph: 3,
        review: { confirm: [FIGURES_NOTE, places(3), NO_DATE, PARAPHRASE] },
      },
      {
        id: 'quote-p4-1',
        placeIds: ['georgia', 'kakheti'],
        kind: 'quotation',
        date: '2024-03-12',
        dateText: null,
        text: '',
        quote: { text: 'It is a start.', speaker: '' },
        paragraph: 4,
        review: {
          confirm: [{ field: 'speaker', note: 'no speaker found: write it' }, places(4), NO_DATE, PARAPHRASE],
        },
      },
    ]);
  });

  it('validates with draft warnings only, and passes the check against its text', () => {
    const result = validateAtlas(draft, NAMES);
    expect(
      result.issues.filter((i) => i.severity === 'error' || i.code !== 'draft').map(formatIssue),
    ).toEqual([]);
    expect(result.issues.length).toBe(38);
    expect(result.issues.filter((i) => i.path === 'features[1]').map((i) => i.message)).toEqual([
      'draft: confirm this is the place the article means',
      'draft: pick one of 2 places named “Slavyansk”: Sloviansk (UA, pop. 124,800), Slavyansk-na-Kubani (RU, pop. 65,196)',
    ]);
    expect(checkAgainstArticle(result.atlas!, FIXTURE_TEXT, NAMES)).toEqual([]);
  });

  it('drafts a planned fact from a date after publication, and ties a paragraph naming no place to the dateline', () => {
    const input: DraftInput = {
      ...fixtureInput(),
      quotations: [],
      figures: [{ value: 40, unit: 'families', qualifier: 'about', text: '40', paragraph: 3 }],
      dates: [{ date: '2024-03-18/2024-03-24', dateText: 'next week', paragraph: 3, planned: true }],
    };
    input.places.matches = input.places.matches.filter((m) => m.name === 'Ardvale');
    const [lede, ...facts] = assembleDraft(input).facts.facts;
    // The lede, which has no quotation or figure here, gets its event to write.
    expect([lede?.id, lede?.kind, lede?.paragraph, lede?.review?.confirm[0]]).toEqual([
      'event-p1',
      'event',
      1,
      { field: 'fact', note: 'the first paragraph tells the main event: write it as a fact' },
    ]);
    expect(facts.map(({ review, ...f }) => [f, review?.confirm.slice(1, 3)])).toEqual([
      [
        {
          id: 'figures-p3',
          placeIds: ['ardvale'],
          kind: 'figure',
          planned: true,
          date: '2024-03-18/2024-03-24',
          dateText: 'next week',
          text: '',
          figures: [{ value: 40, unit: 'families', qualifier: 'about', label: 'families', text: '40' }],
          paragraph: 3,
        },
        [
          { field: 'placeIds', note: "no place named in paragraph 3: the dateline's place was drafted" },
          { field: 'date', note: 'confirm the date, drafted from “next week”' },
        ],
      ],
    ]);
    expect(validateAtlas(assembleDraft(input), NAMES).issues.filter((i) => i.severity === 'error')).toEqual(
      [],
    );
  });

  it('drafts one fact to write when the text has no quotation and no figure, so that the draft still validates', () => {
    const input: DraftInput = { ...fixtureInput(), quotations: [], figures: [], dates: [] };
    const draftWithout = assembleDraft(input);
    expect(draftWithout.facts.facts.map((f) => [f.id, f.kind, f.placeIds, f.review?.confirm[0]])).toEqual([
      [
        'event-p1',
        'event',
        ['ardvale'],
        {
          field: 'fact',
          note: 'no quotation or figure found: write the facts of the article, this one first',
        },
      ],
    ]);
    const errors = validateAtlas(draftWithout, NAMES).issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('uniqueSlug', () => {
  it('makes kebab-case ids without diacritics, numbered when taken, the fallback for a name with no Latin letter', () => {
    const used = new Set<string>();
    expect(
      ['Nagorno-Karabakh', 'Şuşa', 'Sloviansk', 'Sloviansk', "Côte d'Ivoire", 'Ереван'].map((n) =>
        uniqueSlug(n, used, 'place'),
      ),
    ).toEqual(['nagorno-karabakh', 'susa', 'sloviansk', 'sloviansk-2', 'cote-d-ivoire', 'place']);
  });
});
