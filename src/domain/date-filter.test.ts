import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import {
  factMatchesWhen,
  factsInWhen,
  readDateFilter,
  sameWhen,
  whenLabel,
  type DateFilter,
} from './date-filter';
import { factsOutside, timelineGroups } from './timeline-groups';
import type { Fact } from './types';
import { validateAtlas } from './validate-atlas';

const atlas = validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;
const day = (date: string): DateFilter => ({ kind: 'date', date });
const span = (start: string, end: string): DateFilter => ({ kind: 'span', start, end });

let n = 0;
/** A fact of the given date (and places), as the validator passes it. */
const fact = (date: string | null, placeIds = ['baku'], planned?: boolean): Fact => ({
  id: `fact-${++n}`,
  placeIds,
  kind: 'event',
  date,
  ...(planned === undefined ? {} : { planned }),
  dateText: null,
  text: 'Something happened.',
  paragraph: 1,
});

describe('readDateFilter', () => {
  it('reads a date of any precision, and a span by the rule of a fact’s span', () => {
    expect(readDateFilter('2023-09-21')).toEqual(day('2023-09-21'));
    expect(readDateFilter('2023')).toEqual(day('2023'));
    expect(readDateFilter('2020', '2023-09-20')).toEqual(span('2020', '2023-09-20'));
    expect(readDateFilter('2023-09', '2023-10')).toEqual(span('2023-09', '2023-10'));
  });

  it('refuses what is no date, and a span that does not run forwards', () => {
    for (const [start, end] of [
      ['2023-02-30', undefined],
      ['2023-09-21', '2023-09-20'],
      ['2023-09-21', '2023-09-21'],
      ['2023-09', '2023'],
      ['2023', '2023-09'],
      ['2023', 'soon'],
    ] as const) {
      expect(readDateFilter(start, end)).toBe(null);
    }
  });
});

describe('factMatchesWhen', () => {
  it('matches a day inside a month-precision fact, and the month’s days under the month', () => {
    expect(factMatchesWhen(fact('2023-09'), day('2023-09-21'))).toBe(true);
    expect(factMatchesWhen(fact('2023-09-21'), day('2023-09'))).toBe(true);
    expect(factMatchesWhen(fact('2023-09-21'), day('2023'))).toBe(true);
    expect(factMatchesWhen(fact('2023-10'), day('2023-09-21'))).toBe(false);
    expect(factMatchesWhen(fact('2023-09-20'), day('2023-09-21'))).toBe(false);
    expect(factMatchesWhen(fact('2020'), day('2023-09-21'))).toBe(false);
  });

  it('matches a span fact on any day it covers, and a span filter on any fact it touches', () => {
    const talks = fact('2026-01-23/2026-01-24');
    expect(
      [day('2026-01-22'), day('2026-01-23'), day('2026-01-24'), day('2026-01-25')].map((w) =>
        factMatchesWhen(talks, w),
      ),
    ).toEqual([false, true, true, false]);
    expect(factMatchesWhen(fact('2023-09-20'), span('2020', '2023-09-20'))).toBe(true);
    expect(factMatchesWhen(fact('2023-09-21'), span('2020', '2023-09-20'))).toBe(false);
    // A month-precision fact overlaps a span that ends inside its month.
    expect(factMatchesWhen(fact('2023-09'), span('2020', '2023-09-20'))).toBe(true);
    expect(factMatchesWhen(fact('2019-12/2020-01'), span('2020-01-31', '2020-03'))).toBe(true);
  });

  it('counts a planned fact by its date, and never shows an undated fact', () => {
    expect(factMatchesWhen(fact('2026-02-02', ['baku'], true), day('2026-02-02'))).toBe(true);
    expect(factMatchesWhen(fact('2026-02-02', ['baku'], true), day('2026-01-24'))).toBe(false);
    expect(factMatchesWhen(fact(null), day('2023-09-21'))).toBe(false);
    expect(factMatchesWhen(fact(null), span('1990', '2030'))).toBe(false);
  });
});

describe('sameWhen', () => {
  it('compares what two filters choose', () => {
    expect(sameWhen(day('2023'), day('2023'))).toBe(true);
    expect(sameWhen(day('2023'), day('2023-09'))).toBe(false);
    expect(sameWhen(span('2020', '2023'), span('2020', '2023'))).toBe(true);
    expect(sameWhen(span('2020', '2023'), day('2020'))).toBe(false);
    expect(sameWhen(null, null)).toBe(true);
    expect(sameWhen(null, day('2020'))).toBe(false);
  });
});

describe('the filter on the Karabakh atlas (44 facts, 6 of them undated)', () => {
  it('groups its dated facts by their date as written, in time, a month after its days', () => {
    expect(timelineGroups(atlas.facts)).toEqual([
      {
        when: day('2020'),
        precision: 'year',
        factCount: 2,
        placeIds: ['nagorno-karabakh', 'moscow', 'yerevan'],
      },
      {
        when: day('2023-09-20'),
        precision: 'day',
        factCount: 4,
        placeIds: ['nagorno-karabakh', 'moscow', 'yerevan'],
      },
      {
        when: day('2023-09-21'),
        precision: 'day',
        factCount: 11,
        placeIds: ['nagorno-karabakh', 'baku', 'stepanakert', 'moscow', 'yerevan'],
      },
      {
        when: day('2023-09-22'),
        precision: 'day',
        factCount: 5,
        placeIds: ['nagorno-karabakh', 'yerevan', 'baku'],
      },
      {
        when: day('2023-09'),
        precision: 'month',
        factCount: 16,
        placeIds: [
          'baku',
          'nagorno-karabakh',
          'stepanakert',
          'yerevan',
          'brussels',
          'new-york',
          'moscow',
          'ankara',
        ],
      },
    ]);
  });

  it('shows on the day of the talks its 11 facts and the 16 of September 2023; 11 dated and 6 undated lie outside', () => {
    const shown = factsInWhen(atlas.facts, day('2023-09-21'));
    expect(shown.length).toBe(27);
    expect(new Set(shown.map((f) => f.date))).toEqual(new Set(['2023-09-21', '2023-09']));
    expect(factsOutside(atlas.facts, day('2023-09-21'))).toEqual({ dated: 11, undated: 6 });
  });

  it('counts what a month, a span and the days of the offensive leave out', () => {
    expect(factsOutside(atlas.facts, day('2023-09'))).toEqual({ dated: 2, undated: 6 });
    expect(factsOutside(atlas.facts, span('2020', '2023-09-20'))).toEqual({ dated: 16, undated: 6 });
    expect(factsOutside(atlas.facts, span('2023-09-19', '2023-09-21'))).toEqual({ dated: 7, undated: 6 });
    expect(factsOutside(atlas.facts, null)).toEqual({ dated: 0, undated: 0 });
    expect(factsInWhen(atlas.facts, null)).toBe(atlas.facts);
  });
});

describe('timelineGroups', () => {
  it('gives a span its own group, and a planned fact the group of its date', () => {
    const facts = [
      fact('2026-01-24', ['abu-dhabi']),
      fact('2026-01-23/2026-01-24', ['abu-dhabi', 'kyiv']),
      fact(null, ['moscow']),
      fact('2026-02-01', ['abu-dhabi'], true),
      fact('2026-01-23'),
      fact('2026-02-01', ['kyiv']),
    ];
    expect(timelineGroups(facts)).toEqual([
      { when: day('2026-01-23'), precision: 'day', factCount: 1, placeIds: ['baku'] },
      {
        when: span('2026-01-23', '2026-01-24'),
        precision: 'span',
        factCount: 1,
        placeIds: ['abu-dhabi', 'kyiv'],
      },
      { when: day('2026-01-24'), precision: 'day', factCount: 1, placeIds: ['abu-dhabi'] },
      { when: day('2026-02-01'), precision: 'day', factCount: 2, placeIds: ['abu-dhabi', 'kyiv'] },
    ]);
    expect(timelineGroups([fact(null)])).toEqual([]);
  });
});

describe('whenLabel', () => {
  it('says a filter’s dates without weekdays', () => {
    expect(whenLabel(day('2023-09-21'))).toBe('21 September 2023');
    expect(whenLabel(day('2023-09'))).toBe('September 2023');
    expect(whenLabel(span('2023-09-19', '2023-09-21'))).toBe('19 – 21 September 2023');
    expect(whenLabel(span('2020', '2023-09-20'))).toBe('2020 – 20 September 2023');
  });
});
