import { describe, expect, it } from 'vitest';
import { FILE_NAMES, readAtlasFiles, SECOND_ATLAS_DIR } from '../../tests/helpers/atlas-files';
import type { Issue } from './issues';
import { REVIEW_FIELDS, type Review } from './review';
import type { AtlasFiles } from './types';
import { validateAtlas } from './validate-atlas';
import { reviewNotePath } from './validate-review';

interface RawAtlas {
  article: Record<string, unknown>;
  places: { type: string; features: { properties: Record<string, unknown> }[] };
  facts: { facts: Record<string, unknown>[] };
}

/** A fresh copy of the second atlas's files (valid, with no issue), for a test to mark as a draft. */
const secondAtlas = (): RawAtlas => readAtlasFiles(SECOND_ATLAS_DIR) as RawAtlas;
const validate = (files: RawAtlas) => validateAtlas(files as AtlasFiles, FILE_NAMES);

const draft =
  (file: string) =>
  (path: string, message: string): Issue => ({
    code: 'draft',
    message,
    severity: 'warning',
    file,
    path,
  });
const articleDraft = draft(FILE_NAMES.article);
const placesDraft = draft(FILE_NAMES.places);
const factsDraft = draft(FILE_NAMES.facts);

const SLAVYANSK: Review = {
  confirm: [{ field: 'place', note: 'confirm this is the place the article means' }],
  candidates: [
    {
      geonameId: 700051,
      name: 'Sloviansk',
      country: 'UA',
      population: 124800,
      coordinates: [37.61667, 48.86667],
      featureCode: 'PPL',
    },
    {
      geonameId: 490950,
      name: 'Slavyansk-na-Kubani',
      country: 'RU',
      population: 65196,
      coordinates: [38.1253, 45.2558],
      featureCode: 'PPL',
      admin1: 'Krasnodar Krai',
    },
  ],
};

describe('validateAtlas: the review mark of a draft', () => {
  it('finds no issue in the unmarked second atlas', () => {
    expect(validate(secondAtlas()).issues).toEqual([]);
  });

  it("turns each note into a warning at its field's path, the candidates and the article's lines and names into one each", () => {
    const files = secondAtlas();
    files.article.review = {
      confirm: [{ field: 'summary', note: 'write the summary' }],
      lines: [{ line: 3, text: '14 March 2024', reason: 'a date line' }],
      names: [{ name: 'Khojaly', paragraph: 2 }],
    } satisfies Review;
    const batumi = files.places.features[1]!;
    batumi.properties.name = 'Slavyansk';
    batumi.properties.review = SLAVYANSK;
    files.places.features[2]!.properties.review = {
      confirm: [
        { field: 'geometry', note: 'outline needed' },
        { field: 'group', note: 'drafted as a reaction: confirm' },
      ],
    } satisfies Review;
    files.facts.facts[2]!.review = {
      confirm: [
        { field: 'speaker', note: 'confirm the speaker, drafted from “said Nino”' },
        { field: 'fact', note: 'confirm the quotation is worth a fact' },
        { field: 'text', note: 'write the paraphrase, in the project’s own words' },
      ],
    } satisfies Review;
    const result = validate(files);
    expect(result.issues).toEqual([
      articleDraft('summary', 'draft: write the summary'),
      articleDraft('paragraphs', 'draft: line 3 is not a paragraph (a date line): confirm'),
      articleDraft('', 'draft: “Khojaly” is not in the gazetteer: add it or ignore it'),
      placesDraft('features[1]', 'draft: confirm this is the place the article means'),
      placesDraft(
        'features[1]',
        'draft: pick one of 2 places named “Slavyansk”: Sloviansk (UA, pop. 124,800), ' +
          'Slavyansk-na-Kubani (RU, pop. 65,196)',
      ),
      placesDraft('features[2].geometry', 'draft: outline needed'),
      placesDraft('features[2].properties.group', 'draft: drafted as a reaction: confirm'),
      factsDraft('facts[2].quote.speaker', 'draft: confirm the speaker, drafted from “said Nino”'),
      factsDraft('facts[2]', 'draft: confirm the quotation is worth a fact'),
      factsDraft('facts[2].text', 'draft: write the paraphrase, in the project’s own words'),
    ]);
    // The mark is kept on the atlas, for the editor.
    expect(result.atlas?.places[1]?.properties.review).toEqual(SLAVYANSK);
    expect(result.atlas?.article.review?.names).toEqual([{ name: 'Khojaly', paragraph: 2 }]);
  });

  it('describes a country among the candidates as a country, the gazetteer giving no population for it', () => {
    const files = secondAtlas();
    files.places.features[1]!.properties.name = 'Armenia';
    files.places.features[1]!.properties.review = {
      confirm: [],
      candidates: [
        { name: 'Armenia', country: 'AM', population: 0, coordinates: [45, 40], featureCode: 'country' },
        {
          geonameId: 4130430,
          name: 'Armenia',
          country: 'CO',
          population: 272574,
          coordinates: [-75.68111, 4.53389],
          featureCode: 'PPLA',
        },
      ],
    } satisfies Review;
    expect(validate(files).issues).toEqual([
      placesDraft(
        'features[1]',
        'draft: pick one of 2 places named “Armenia”: Armenia (AM, a country), Armenia (CO, pop. 272,574)',
      ),
    ]);
  });

  it('allows an empty summary, outlet, role, text, speaker and figure label only with a note on that field', () => {
    const files = secondAtlas();
    Object.assign(files.article, { summary: '', outlet: '' });
    files.article.review = {
      confirm: [
        { field: 'summary', note: 'write the summary' },
        { field: 'outlet', note: 'no outlet given: write it' },
      ],
    } satisfies Review;
    files.places.features[0]!.properties.role = '';
    files.places.features[0]!.properties.review = { confirm: [{ field: 'role', note: 'write the role' }] };
    const quotation = files.facts.facts[2]!;
    quotation.text = '';
    Object.assign(quotation.quote as object, { speaker: '' });
    quotation.review = {
      confirm: [
        { field: 'text', note: 'write the paraphrase' },
        { field: 'speaker', note: 'no speaker found: write it' },
      ],
    } satisfies Review;
    const figure = files.facts.facts[3]!;
    Object.assign((figure.figures as object[])[0]!, { label: '' });
    figure.review = { confirm: [{ field: 'figures', note: 'confirm the figures and write their labels' }] };
    const result = validate(files);
    expect(result.issues).toEqual([
      articleDraft('summary', 'draft: write the summary'),
      articleDraft('outlet', 'draft: no outlet given: write it'),
      placesDraft('features[0].properties.role', 'draft: write the role'),
      factsDraft('facts[2].text', 'draft: write the paraphrase'),
      factsDraft('facts[2].quote.speaker', 'draft: no speaker found: write it'),
      factsDraft('facts[3].figures', 'draft: confirm the figures and write their labels'),
    ]);
    expect([result.atlas?.article.summary, result.atlas?.facts[2]?.quote?.speaker]).toEqual(['', '']);
  });

  it('keeps an empty required text an error without a note on its field, even with other notes', () => {
    const files = secondAtlas();
    files.article.summary = '';
    files.article.review = { confirm: [{ field: 'headline', note: 'confirm the headline' }] };
    files.places.features[0]!.properties.role = '';
    const fact = files.facts.facts[0]!;
    fact.text = '';
    fact.review = { confirm: [{ field: 'speaker', note: 'a note on another field' }] };
    const result = validate(files);
    expect(result.atlas).toBeUndefined();
    expect(result.issues).toEqual([
      articleDraft('headline', 'draft: confirm the headline'),
      {
        code: 'empty-string',
        message: '"summary" must not be empty',
        severity: 'error',
        file: FILE_NAMES.article,
        path: 'summary',
      },
      {
        code: 'empty-string',
        message: '"role" must not be empty',
        severity: 'error',
        file: FILE_NAMES.places,
        path: 'features[0].properties.role',
      },
      factsDraft('facts[0].quote.speaker', 'draft: a note on another field'),
      {
        code: 'empty-string',
        message: '"text" must not be empty',
        severity: 'error',
        file: FILE_NAMES.facts,
        path: 'facts[0].text',
      },
    ]);
  });

  it('reports a malformed mark as errors: an unknown field, a note that is not text, a bad candidate', () => {
    const files = secondAtlas();
    files.facts.facts[0]!.review = { confirm: [{ field: 'colour', note: 'x' }, { field: 'text' }] };
    files.places.features[0]!.properties.review = {
      confirm: [],
      candidates: [
        { name: 'Tbilisi', country: 'GEO', population: -1, coordinates: [44.8], featureCode: 'PPLC' },
      ],
    };
    const errors = validate(files).issues.map((i) => [i.severity, i.code, i.path, i.message]);
    expect(errors).toEqual([
      [
        'error',
        'bad-value',
        'features[0].properties.review.candidates[0].country',
        '"GEO" is not an ISO 3166-1 alpha-2 code',
      ],
      [
        'error',
        'out-of-range',
        'features[0].properties.review.candidates[0].population',
        'must be at least 0, found the number -1',
      ],
      [
        'error',
        'wrong-type',
        'features[0].properties.review.candidates[0].coordinates',
        'expected [longitude, latitude], two numbers',
      ],
      [
        'error',
        'bad-value',
        'facts[0].review.confirm[0].field',
        `"colour" is not one of ${REVIEW_FIELDS.map((f) => `"${f}"`).join(', ')}`,
      ],
      ['error', 'missing-field', 'facts[0].review.confirm[1].note', 'required field "note" is missing'],
    ]);
  });
});

describe('reviewNotePath', () => {
  it("points a note at its field's path, or at the item for a field that is not one of it", () => {
    expect([
      reviewNotePath('fact', 'facts[3]', 'speaker'),
      reviewNotePath('fact', 'facts[3]', 'fact'),
      reviewNotePath('fact', 'facts[3]', 'geometry'),
      reviewNotePath('place', 'features[0]', 'role'),
      reviewNotePath('place', 'features[0]', 'place'),
      reviewNotePath('article', '', 'summary'),
      reviewNotePath('article', '', 'speaker'),
    ]).toEqual([
      'facts[3].quote.speaker',
      'facts[3]',
      'facts[3]',
      'features[0].properties.role',
      'features[0]',
      'summary',
      '',
    ]);
  });
});
