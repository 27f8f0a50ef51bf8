// A small article and what each drafting step would give for it, by hand: the input of the
// assembler's tests and of new-atlas's (scripts/new-atlas/run.test.ts).
import type { DraftInput } from './assemble';
import type { GazetteerEntry } from './types';

export const FIXTURE_TEXT = [
  'Border talks to resume after Ardvale crossings',
  '',
  '12 March 2024',
  '',
  'ARDVALE: Officials said on Monday that talks would resume next week, after nearly 2,000 people crossed the border.',
  '',
  '"We want peace for all 3 villages," said Mara Jensen, the mayor of Ardvale.',
  '',
  'Waiting at the border',
  '',
  'In Slavyansk, about 40 families waited. Residents of Khojaly could not be reached.',
  '',
  '"It is a start." Georgia and Kakheti stayed quiet.',
  '',
].join('\n');

const GEONAMES = { name: 'GeoNames', licence: 'CC BY 4.0' };

const entry = (e: Omit<GazetteerEntry, 'names' | 'localNames' | 'source'> & Partial<GazetteerEntry>) =>
  ({ names: [e.name], localNames: [], source: GEONAMES, ...e }) satisfies GazetteerEntry;

export const ARDVALE = entry({
  geonameId: 1000001,
  name: 'Ardvale',
  localNames: [{ name: 'არდვალე', lang: 'ka' }],
  country: 'GE',
  population: 12000,
  featureCode: 'PPLA',
  kind: 'city',
  coordinates: [44.5, 42.1],
});
export const SLOVIANSK = entry({
  geonameId: 700051,
  name: 'Sloviansk',
  names: ['Sloviansk', 'Slavyansk'],
  country: 'UA',
  population: 124800,
  featureCode: 'PPL',
  kind: 'city',
  coordinates: [37.61667, 48.86667],
  admin1: 'Donetsk Oblast',
});
export const SLAVYANSK_NA_KUBANI = entry({
  geonameId: 490950,
  name: 'Slavyansk-na-Kubani',
  names: ['Slavyansk-na-Kubani', 'Slavyansk'],
  country: 'RU',
  population: 65196,
  featureCode: 'PPL',
  kind: 'city',
  coordinates: [38.1253, 45.2558],
});
export const GEORGIA = entry({
  name: 'Georgia',
  country: 'GE',
  population: 3700000,
  featureCode: 'country',
  kind: 'country',
  coordinates: [43.5, 42.2],
  outline: {
    type: 'Polygon',
    coordinates: [
      [
        [40, 41],
        [46, 41],
        [46, 43.5],
        [40, 43.5],
        [40, 41],
      ],
    ],
  },
  outlineSource: 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2',
  source: { name: 'Natural Earth', licence: 'public domain' },
});
export const KAKHETI = entry({
  geonameId: 865538,
  name: 'Kakheti',
  country: 'GE',
  population: 318400,
  featureCode: 'ADM1',
  kind: 'region',
  coordinates: [45.75, 41.75],
});

/** The drafting steps' results for FIXTURE_TEXT, published on Tuesday 12 March 2024. */
export const fixtureInput = (): DraftInput => ({
  id: 'ardvale-border-talks',
  published: '2024-03-12',
  outlet: 'The Test Courier',
  language: 'en',
  sourceFile: 'article.txt',
  text: {
    headline: 'Border talks to resume after Ardvale crossings',
    headlineLine: 1,
    paragraphs: [
      { n: 1, line: 5, section: null, opening: 'ARDVALE: Officials said on Monday that' },
      { n: 2, line: 7, section: null, opening: '"We want peace for all 3' },
      {
        n: 3,
        line: 11,
        section: 'Waiting at the border',
        opening: 'In Slavyansk, about 40 families waited.',
      },
      { n: 4, line: 13, section: 'Waiting at the border', opening: '"It is a start." Georgia' },
    ],
    paragraphTexts: [5, 7, 11, 13].map((line) => FIXTURE_TEXT.split('\n')[line - 1] ?? ''),
    sections: [{ title: 'Waiting at the border', line: 9 }],
    dateline: { text: 'ARDVALE', placeName: 'Ardvale' },
    lines: [{ line: 3, text: '12 March 2024', reason: 'a date line' }],
  },
  quotations: [
    {
      text: 'We want peace for all 3 villages,',
      paragraph: 2,
      speaker: 'Mara Jensen',
      speakerRole: 'the mayor of Ardvale',
      attribution: 'said Mara Jensen',
      partial: false,
    },
    { text: 'It is a start.', paragraph: 4, speaker: null, attribution: null, partial: false },
  ],
  figures: [
    { value: 2000, unit: 'people', qualifier: 'nearly', text: '2,000', paragraph: 1 },
    { value: 3, unit: 'villages', qualifier: 'exact', text: '3', paragraph: 2 },
    { value: 40, unit: 'families', qualifier: 'about', text: '40', paragraph: 3 },
  ],
  dates: [
    { date: '2024-03-11', dateText: 'Monday', paragraph: 1, planned: false },
    { date: '2024-03-18/2024-03-24', dateText: 'next week', paragraph: 1, planned: true },
  ],
  places: {
    matches: [
      { name: 'Ardvale', paragraphs: [1, 2], candidates: [ARDVALE] },
      { name: 'Slavyansk', paragraphs: [3], candidates: [SLOVIANSK, SLAVYANSK_NA_KUBANI] },
      { name: 'Georgia', paragraphs: [4], candidates: [GEORGIA] },
      { name: 'Kakheti', paragraphs: [4], candidates: [KAKHETI] },
    ],
    unknown: [{ name: 'Khojaly', paragraph: 3 }],
  },
});
