import { describe, expect, it } from 'vitest';
import { HAND_MADE } from '../../../tests/helpers/draft-fixtures';
import { draftArticleText } from './article-text';

describe('draftArticleText on the hand-made atlases', () => {
  for (const atlas of HAND_MADE) {
    const draft = draftArticleText(atlas.text);

    it(`${atlas.id}: the headline is the hand-made one`, () => {
      expect(draft.headline).toBe(atlas.article.headline);
    });

    it(`${atlas.id}: every paragraph has the hand-made number, line and section`, () => {
      expect(draft.paragraphs.map(({ n, line, section }) => ({ n, line, section }))).toEqual(
        atlas.article.paragraphs.map(({ n, line, section }) => ({ n, line, section })),
      );
    });

    it(`${atlas.id}: every opening starts its line and agrees with the hand-made opening`, () => {
      const lines = atlas.text.split(/\r?\n/);
      draft.paragraphs.forEach((p, i) => {
        const handMade = atlas.article.paragraphs[i]?.opening ?? '';
        expect(lines[p.line - 1]?.startsWith(p.opening)).toBe(true);
        // One is a verbatim start of the other: the drafted opening cuts at the same word or near it.
        expect(p.opening.startsWith(handMade) || handMade.startsWith(p.opening)).toBe(true);
      });
    });

    it(`${atlas.id}: each paragraph's text is its line`, () => {
      const lines = atlas.text.split(/\r?\n/);
      expect(draft.paragraphTexts).toEqual(draft.paragraphs.map((p) => lines[p.line - 1]));
    });
  }

  it('the openings equal the hand-made ones but for one (cyprus 2, cut a word earlier)', () => {
    const differing = HAND_MADE.flatMap((atlas) =>
      draftArticleText(atlas.text)
        .paragraphs.filter((p, i) => p.opening !== atlas.article.paragraphs[i]?.opening)
        .map((p) => `${atlas.id} ${p.n}: ${p.opening}`),
    );
    expect(differing).toEqual(['cyprus-reunification-talks 2: A statement Friday from the Turkish Cypriot']);
  });

  it("the seed's subheadings, dateline and the lines left out", () => {
    const [seed] = HAND_MADE;
    const draft = draftArticleText(seed?.text ?? '');
    expect(draft.headlineLine).toBe(3);
    expect(draft.sections).toEqual([
      { title: "'Crime against humanity'", line: 10 },
      { title: 'Putin talks to Aliyev', line: 13 },
      { title: "'Path is not easy'", line: 17 },
    ]);
    expect(draft.dateline).toEqual({ text: 'Baku [Azerbaijan], September 22', placeName: 'Baku' });
    expect(draft.lines).toEqual([
      { line: 1, text: 'Representative image', reason: 'an image caption line' },
      { line: 5, text: 'Sep 22, 2023', reason: 'a date line' },
      { line: 20, text: 'Source: Kuwait Times', reason: 'a credit line' },
    ]);
  });

  it('cyprus: no sections, no dateline, the date line and the credit line left out', () => {
    const cyprus = HAND_MADE[1];
    const draft = draftArticleText(cyprus?.text ?? '');
    expect(draft.sections).toEqual([]);
    expect(draft.dateline).toBeUndefined();
    expect(draft.lines.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 3, reason: 'a date line' },
      { line: 14, reason: 'a credit line' },
    ]);
  });
});

describe('draftArticleText on other shapes of text', () => {
  it('reads paragraphs wrapped over lines and separated by blank lines, each at its first line', () => {
    const text = [
      'Talks open in Geneva',
      '',
      'By Jane Doe',
      '',
      'GENEVA, March 3 (Reuters) - Delegations from the two sides met in the',
      'Swiss city on Monday for a first round of talks, officials said.',
      '',
      '"We are here to listen," said one delegate, who asked not to be',
      'named. The talks resume on Tuesday.',
      '',
      'What comes next',
      '',
      'A second round is planned for April, when the',
      'foreign ministers join.',
      '',
      'Source: Reuters',
    ].join('\n');
    expect(draftArticleText(text)).toEqual({
      headline: 'Talks open in Geneva',
      headlineLine: 1,
      paragraphs: [
        { n: 1, line: 5, section: null, opening: 'GENEVA, March 3 (Reuters) - Delegations from' },
        { n: 2, line: 8, section: null, opening: '"We are here to listen," said one' },
        { n: 3, line: 13, section: 'What comes next', opening: 'A second round is planned for April,' },
      ],
      paragraphTexts: [
        'GENEVA, March 3 (Reuters) - Delegations from the two sides met in the\nSwiss city on Monday for a first round of talks, officials said.',
        '"We are here to listen," said one delegate, who asked not to be\nnamed. The talks resume on Tuesday.',
        'A second round is planned for April, when the\nforeign ministers join.',
      ],
      sections: [{ title: 'What comes next', line: 11 }],
      dateline: { text: 'GENEVA, March 3 (Reuters)', placeName: 'Geneva' },
      lines: [
        { line: 3, text: 'By Jane Doe', reason: 'a byline' },
        { line: 16, text: 'Source: Reuters', reason: 'a credit line' },
      ],
    });
  });

  it.each([
    ['BAKU, Sept 22 (AFP) - Azerbaijan said on Friday.', { text: 'BAKU, Sept 22 (AFP)', placeName: 'Baku' }],
    ['WASHINGTON — The White House said on Friday.', { text: 'WASHINGTON', placeName: 'Washington' }],
    ['Baku (AFP) - Azerbaijan said on Friday.', { text: 'Baku (AFP)', placeName: 'Baku' }],
    ['NEW YORK, May 2, 2024 - Talks went on.', { text: 'NEW YORK, May 2, 2024', placeName: 'New York' }],
    ['SEOUL/TOKYO — North Korea said on Monday.', { text: 'SEOUL/TOKYO', placeName: 'Seoul' }],
    ['Russia - the traditional regional powerbroker - sent troops.', undefined],
    ['Officials in Cyprus say talks will begin.', undefined],
  ])('reads the dateline of %j', (paragraph, dateline) => {
    expect(draftArticleText(`Headline\n${paragraph}`).dateline).toEqual(dateline);
  });

  it('lists a standfirst before the date line, and short lines before and after the body', () => {
    const text = [
      'Headline of the story',
      'Kuwait Times',
      'A long standfirst that sums up the story in one sentence for the reader.',
      'Sep 22, 2023',
      'The first paragraph of the body, which says what happened and where.',
      'The second paragraph, with more of it.',
      'Tags',
    ].join('\n');
    const draft = draftArticleText(text);
    expect(draft.paragraphs.map((p) => p.line)).toEqual([5, 6]);
    expect(draft.lines).toEqual([
      { line: 2, text: 'Kuwait Times', reason: 'a short line before the body' },
      {
        line: 3,
        text: 'A long standfirst that sums up the story in one sentence for the reader.',
        reason: 'a standfirst: running text before the body',
      },
      { line: 4, text: 'Sep 22, 2023', reason: 'a date line' },
      { line: 7, text: 'Tags', reason: 'a short line after the body' },
    ]);
  });

  it('gives an empty draft for an empty text', () => {
    expect(draftArticleText('\n\n')).toEqual({
      headline: '',
      headlineLine: 0,
      paragraphs: [],
      paragraphTexts: [],
      sections: [],
      lines: [],
    });
  });
});
