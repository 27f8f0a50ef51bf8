import { describe, expect, it } from 'vitest';
import { formatFigure, groupFactsByDate } from './fact-groups';
import type { Fact } from './types';

/** A fact that only its id and date matter for. */
const fact = (id: string, date: string | null): Fact => ({
  id,
  placeIds: ['baku'],
  kind: 'event',
  date,
  dateText: null,
  text: `Fact ${id}.`,
  paragraph: 1,
});

const groups = (facts: Fact[]) =>
  groupFactsByDate(facts).map((g) => ({ date: g.date, label: g.label, facts: g.facts.map((f) => f.id) }));

describe('groupFactsByDate', () => {
  it('puts a month-only group after the days of that month and before the next month', () => {
    expect(
      groups([
        fact('month', '2023-09'),
        fact('thursday', '2023-09-21'),
        fact('october', '2023-10-01'),
        fact('friday', '2023-09-22'),
      ]),
    ).toEqual([
      { date: '2023-09-21', label: 'Thursday 21 September 2023', facts: ['thursday'] },
      { date: '2023-09-22', label: 'Friday 22 September 2023', facts: ['friday'] },
      { date: '2023-09', label: 'September 2023', facts: ['month'] },
      { date: '2023-10-01', label: 'Sunday 1 October 2023', facts: ['october'] },
    ]);
  });

  it('puts a year-only group after its months and days, before the next year, and undated facts last', () => {
    expect(
      groups([
        fact('undated', null),
        fact('year', '2020'),
        fact('next-year', '2021-01-05'),
        fact('december', '2020-12'),
        fact('november-day', '2020-11-10'),
        fact('earlier-year', '1994'),
        fact('also-2020', '2020'),
      ]),
    ).toEqual([
      { date: '1994', label: '1994', facts: ['earlier-year'] },
      { date: '2020-11-10', label: 'Tuesday 10 November 2020', facts: ['november-day'] },
      { date: '2020-12', label: 'December 2020', facts: ['december'] },
      { date: '2020', label: '2020', facts: ['year', 'also-2020'] },
      { date: '2021-01-05', label: 'Tuesday 5 January 2021', facts: ['next-year'] },
      { date: null, label: 'Background, undated', facts: ['undated'] },
    ]);
  });

  it('puts a span after the day it ends on, and a planned fact apart, after the past ones of its date', () => {
    expect(
      groups([
        { ...fact('next-round', '2026-01'), planned: true },
        fact('saturday', '2026-01-24'),
        fact('friday-and-saturday', '2026-01-23/2026-01-24'),
        fact('january', '2026-01'),
        fact('friday', '2026-01-23'),
        { ...fact('next-week', '2026-01-26/2026-01-30'), planned: true },
        fact('thursday-to-saturday', '2026-01-22/2026-01-24'),
      ]),
    ).toEqual([
      { date: '2026-01-23', label: 'Friday 23 January 2026', facts: ['friday'] },
      {
        date: '2026-01-22/2026-01-24',
        label: 'Thursday 22 – Saturday 24 January 2026',
        facts: ['thursday-to-saturday'],
      },
      {
        date: '2026-01-23/2026-01-24',
        label: 'Friday 23 – Saturday 24 January 2026',
        facts: ['friday-and-saturday'],
      },
      { date: '2026-01-24', label: 'Saturday 24 January 2026', facts: ['saturday'] },
      {
        date: '2026-01-26/2026-01-30',
        label: 'Planned: Monday 26 – Friday 30 January 2026',
        facts: ['next-week'],
      },
      { date: '2026-01', label: 'January 2026', facts: ['january'] },
      { date: '2026-01', label: 'Planned: January 2026', facts: ['next-round'] },
    ]);
  });

  it('keeps the article’s order within a group', () => {
    expect(groups([fact('b', '2023-09-21'), fact('a', '2023-09-21')])).toEqual([
      { date: '2023-09-21', label: 'Thursday 21 September 2023', facts: ['b', 'a'] },
    ]);
  });
});

describe('formatFigure', () => {
  it('writes the qualifier before the number, none for an exact one', () => {
    const figure = { value: 120000, unit: 'people', label: 'people', text: '120,000' };
    expect(
      (['exact', 'about', 'almost', 'nearly', 'up to', 'more than'] as const).map((qualifier) =>
        formatFigure({ ...figure, qualifier }),
      ),
    ).toEqual([
      '120,000 people',
      'about 120,000 people',
      'almost 120,000 people',
      'nearly 120,000 people',
      'up to 120,000 people',
      'more than 120,000 people',
    ]);
  });
});
