import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { validateAtlas } from '../domain/validate-atlas';
import { timelineItem, whenMessages } from './time-filter';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);

describe('timelineItem', () => {
  it('shows a group’s date short, under the year it ends in, and names it by the words shown, its year and its count', () => {
    const item = (when: Parameters<typeof timelineItem>[0]['when'], factCount: number) =>
      timelineItem({ when, precision: 'day', factCount, placeIds: [] });
    expect(item({ kind: 'date', date: '2023-09-21' }, 11)).toEqual({
      label: '21 Sep',
      year: '2023',
      spoken: ' 2023, 11 facts',
      size: 11,
    });
    expect(item({ kind: 'date', date: '2023-09' }, 1)).toEqual({
      label: 'Sep',
      year: '2023',
      spoken: ' 2023, 1 fact',
      size: 1,
    });
    expect(item({ kind: 'span', start: '2026-01-30', end: '2026-02-01' }, 2)).toEqual({
      label: '30 Jan–1 Feb',
      year: '2026',
      spoken: ' 2026, 2 facts',
      size: 2,
    });
    expect(item({ kind: 'span', start: '2020', end: '2023-09-20' }, 3)).toMatchObject({
      label: '2020–20 Sep',
      spoken: ' 2023, 3 facts',
    });
    expect(item({ kind: 'date', date: '2020' }, 2)).toMatchObject({ label: '2020', spoken: ', 2 facts' });
  });
});

describe('whenMessages', () => {
  it('says what the Karabakh atlas shows of a day, a span and the whole story', () => {
    expect(whenMessages(model, { kind: 'date', date: '2023-09-21' })).toEqual({
      status: 'Showing 27 facts of 21 September 2023; 17 outside',
      note: '11 facts lie outside 21 September 2023; 6 undated facts are hidden.',
    });
    expect(whenMessages(model, { kind: 'span', start: '2023-09-19', end: '2023-09-21' })).toEqual({
      status: 'Showing 31 facts of 19 – 21 September 2023; 13 outside',
      note: '7 facts lie outside 19 – 21 September 2023; 6 undated facts are hidden.',
    });
    expect(whenMessages(model, null)).toEqual({ status: 'Showing all 44 facts', note: null });
  });
});
