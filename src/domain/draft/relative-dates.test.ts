import { describe, expect, it } from 'vitest';
import { HAND_MADE } from '../../../tests/helpers/draft-fixtures';
import { draftArticleText } from './article-text';
import { findDates } from './relative-dates';

const datesOf = (text: string, published: string) =>
  findDates(draftArticleText(`Headline\n${text}`), published);

describe('findDates on the hand-made atlases', () => {
  it('resolves every hand-made dateText to the hand-made date, but "this week" (the event\'s date there, not the words\')', () => {
    const rows = HAND_MADE.flatMap((atlas) => {
      const found = findDates(draftArticleText(atlas.text), atlas.article.published);
      return atlas.facts.flatMap((fact) => {
        const dateText = fact.dateText;
        if (dateText === null) return [];
        const words = dateText.toLowerCase();
        const match = found.find(
          (d) =>
            d.paragraph === fact.paragraph &&
            (d.dateText.toLowerCase().includes(words) || words.includes(d.dateText.toLowerCase())),
        );
        return [{ fact: fact.id, handMade: fact.date, drafted: match?.date ?? null }];
      });
    });
    expect(rows.filter((r) => r.drafted !== r.handMade)).toEqual([
      { fact: 'truce-terms', handMade: '2023-09-20', drafted: '2023-09-18/2023-09-22' },
      { fact: 'aliyev-positive-impact', handMade: '2023-09', drafted: '2023-09-18/2023-09-22' },
    ]);
    expect(rows.length).toBe(22);
  });

  it('reads "this week" as its Monday to the publication day, never after it', () => {
    const text = 'Talks were held in the capital this week, officials in the city confirmed.';
    // Friday 22 September 2023, and Monday 18 September 2023.
    expect(datesOf(text, '2023-09-22')).toEqual([
      { date: '2023-09-18/2023-09-22', dateText: 'this week', paragraph: 1, planned: false },
    ]);
    expect(datesOf(text, '2023-09-18')).toEqual([
      { date: '2023-09-18', dateText: 'this week', paragraph: 1, planned: false },
    ]);
  });

  it('cyprus: every date, "next week" planned', () => {
    const [, cyprus] = HAND_MADE;
    expect(findDates(draftArticleText(cyprus?.text ?? ''), '2014-02-07')).toEqual([
      { date: '2014-02-10/2014-02-16', dateText: 'next week', paragraph: 1, planned: true },
      { date: '2014-02-07', dateText: 'Friday', paragraph: 2, planned: false },
      { date: '2014-02-07', dateText: 'Friday', paragraph: 5, planned: false },
      { date: '1974', dateText: 'since 1974', paragraph: 7, planned: false },
      { date: '2004', dateText: 'In 2004', paragraph: 8, planned: false },
    ]);
  });
});

describe('findDates against a publication date (Friday 22 September 2023)', () => {
  const resolved = (words: string) =>
    datesOf(`It happened ${words}.`, '2023-09-22').map((d) => [d.dateText, d.date, d.planned]);

  it.each([
    ['on Friday', [['on Friday', '2023-09-22', false]]],
    ['Thursday', [['Thursday', '2023-09-21', false]]],
    ['on Saturday', [['on Saturday', '2023-09-16', false]]],
    ['next Friday', [['next Friday', '2023-09-29', true]]],
    ['next Monday', [['next Monday', '2023-09-25', true]]],
    ['last Friday', [['last Friday', '2023-09-15', false]]],
    ['yesterday', [['yesterday', '2023-09-21', false]]],
    ['today', [['today', '2023-09-22', false]]],
    ['last week', [['last week', '2023-09-11/2023-09-17', false]]],
    ['next week', [['next week', '2023-09-25/2023-10-01', true]]],
    ['last month', [['last month', '2023-08', false]]],
    ['this year', [['this year', '2023', false]]],
    ['on 19 September', [['19 September', '2023-09-19', false]]],
    ['on Sept 19', [['Sept 19', '2023-09-19', false]]],
    ['on September 19, 2022', [['September 19, 2022', '2022-09-19', false]]],
    ['in September 2020', [['September 2020', '2020-09', false]]],
    ['in 1994', [['in 1994', '1994', false]]],
    ['in the 1990s', []],
    ['on 31 February', []],
  ])('%s', (words, expected) => {
    expect(resolved(words)).toEqual(expected);
  });

  it('reads a year-end week across the year', () => {
    expect(datesOf('Talks resume next week.', '2026-12-30')).toEqual([
      { date: '2027-01-04/2027-01-10', dateText: 'next week', paragraph: 1, planned: true },
    ]);
  });
});
