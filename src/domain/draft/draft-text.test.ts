import { describe, expect, it } from 'vitest';
import { HAND_MADE } from '../../../tests/helpers/draft-fixtures';
import { draftArticleText } from './article-text';
import { findFigures } from './figures';
import { findQuotations } from './quotations';
import { findDates } from './relative-dates';

/** Each step's count on a whole text: a change to any rule that adds or drops an item shows here. */
function counts(text: string, published: string) {
  const draft = draftArticleText(text);
  return {
    paragraphs: draft.paragraphs.length,
    sections: draft.sections.length,
    lines: draft.lines.length,
    quotations: findQuotations(draft).length,
    figures: findFigures(draft).length,
    dates: findDates(draft, published).length,
  };
}

describe('the whole of each text through every drafting step', () => {
  it.each([
    [
      'karabakh-peace-talks',
      { paragraphs: 10, sections: 3, lines: 3, quotations: 13, figures: 10, dates: 15 },
    ],
    [
      'cyprus-reunification-talks',
      { paragraphs: 9, sections: 0, lines: 2, quotations: 2, figures: 2, dates: 5 },
    ],
  ])('%s', (id, expected) => {
    const atlas = HAND_MADE.find((a) => a.id === id);
    const text = atlas?.text ?? '';
    const published = atlas?.article.published ?? '';
    expect(counts(text, published)).toEqual(expected);
    // Pure and deterministic: a second run gives the same drafts.
    const draft = draftArticleText(text);
    expect(draftArticleText(text)).toEqual(draft);
    expect(findQuotations(draft)).toEqual(findQuotations(draftArticleText(text)));
    expect(findFigures(draft)).toEqual(findFigures(draftArticleText(text)));
    expect(findDates(draft, published)).toEqual(findDates(draftArticleText(text), published));
  });
});
