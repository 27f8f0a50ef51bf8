import { describe, expect, it } from 'vitest';
import { EMPTY_LINK } from './link';
import {
  historyEntry,
  initialState,
  linkOf,
  nextState,
  NO_SELECTION,
  sameSelection,
  selectedPlace,
  type Command,
  type PageState,
} from './page-state';

const PLACES = new Set(['baku', 'yerevan', 'nagorno-karabakh']);
const isPlace = (id: string) => PLACES.has(id);
const VIEW = { lng: 47, lat: 40, zoom: 6 };
const start: PageState = initialState(null, { ...EMPTY_LINK, view: VIEW }, isPlace);
const step = (state: PageState, ...commands: Command[]) =>
  commands.reduce((s, c) => nextState(s, c, isPlace), state);

describe('initialState', () => {
  it('takes the selection, filters and view from the link', () => {
    expect(
      initialState(
        'karabakh-peace-talks',
        {
          placeId: 'baku',
          view: VIEW,
          when: { kind: 'date', date: '2023-09-21' },
          names: 'az',
        },
        isPlace,
      ),
    ).toEqual({
      atlasId: 'karabakh-peace-talks',
      selection: { kind: 'place', placeId: 'baku' },
      origin: 'link',
      when: { kind: 'date', date: '2023-09-21' },
      names: 'az',
      view: VIEW,
    });
    expect(initialState(null, EMPTY_LINK, isPlace)).toEqual({
      atlasId: null,
      selection: NO_SELECTION,
      origin: null,
      when: null,
      names: null,
      view: null,
    });
  });

  it('selects nothing for a link to an id that is not one of the article’s places', () => {
    expect(initialState(null, { ...EMPTY_LINK, placeId: 'hadrut', view: VIEW }, isPlace)).toEqual(start);
  });
});

describe('nextState', () => {
  it('selects a place with where it was chosen, and ignores an id that is not a place', () => {
    const state = step(start, { type: 'select-place', placeId: 'baku', origin: 'panel' });
    expect(state).toEqual({ ...start, selection: { kind: 'place', placeId: 'baku' }, origin: 'panel' });
    expect(step(state, { type: 'select-place', placeId: 'hadrut', origin: 'map' })).toBe(state);
  });

  it('makes choosing the selected place again a new state: the reader asks to be shown it', () => {
    const once = step(start, { type: 'select-place', placeId: 'baku', origin: 'panel' });
    const again = step(once, { type: 'select-place', placeId: 'baku', origin: 'panel' });
    expect(again).not.toBe(once);
    expect(again).toEqual(once);
  });

  it('replaces a place by an opened file’s feature: then no place is selected', () => {
    const state = step(
      start,
      { type: 'select-place', placeId: 'baku', origin: 'map' },
      { type: 'select-feature', fileId: 'imported-1', index: 0, origin: 'panel' },
    );
    expect(state.selection).toEqual({ kind: 'feature', fileId: 'imported-1', index: 0 });
    expect(state.origin).toBe('panel');
    expect(selectedPlace(state)).toBe(null);
    expect(linkOf(state)).toEqual({ placeId: null, view: VIEW, when: null, names: null });
  });

  it('deselects, and deselecting nothing changes nothing', () => {
    const selected = step(start, { type: 'select-place', placeId: 'baku', origin: 'map' });
    const closed = step(selected, { type: 'deselect' });
    expect(closed).toEqual(start);
    expect(step(closed, { type: 'deselect' })).toBe(closed);
  });

  it('ends the selection of a removed file’s feature, and only of that file', () => {
    const feature = step(start, { type: 'select-feature', fileId: 'imported-2', index: 3, origin: 'map' });
    expect(step(feature, { type: 'file-removed', fileId: 'imported-1' })).toBe(feature);
    expect(step(feature, { type: 'file-removed', fileId: 'imported-2' })).toEqual(start);
    const place = step(start, { type: 'select-place', placeId: 'baku', origin: 'map' });
    expect(step(place, { type: 'file-removed', fileId: 'imported-2' })).toBe(place);
  });

  it('takes a new view, but not one the link would write the same', () => {
    expect(step(start, { type: 'view', view: { lng: 47.00004, lat: 40, zoom: 6.004 } })).toBe(start);
    expect(step(start, { type: 'view', view: { lng: 47.1, lat: 40, zoom: 6 } }).view).toEqual({
      lng: 47.1,
      lat: 40,
      zoom: 6,
    });
    expect(step(initialState(null, EMPTY_LINK, isPlace), { type: 'view', view: VIEW }).view).toEqual(VIEW);
  });

  it('chooses a date filter and the whole story again; the same filter again changes nothing', () => {
    const selected = step(start, { type: 'select-place', placeId: 'baku', origin: 'map' });
    const day = step(selected, { type: 'choose-when', when: { kind: 'date', date: '2023-09-21' } });
    expect(day).toEqual({ ...selected, when: { kind: 'date', date: '2023-09-21' } });
    expect(step(day, { type: 'choose-when', when: { kind: 'date', date: '2023-09-21' } })).toBe(day);
    const span = step(day, { type: 'choose-when', when: { kind: 'span', start: '2020', end: '2023-09-20' } });
    expect(span.when).toEqual({ kind: 'span', start: '2020', end: '2023-09-20' });
    expect(linkOf(span)).toEqual({
      placeId: 'baku',
      view: VIEW,
      when: { kind: 'span', start: '2020', end: '2023-09-20' },
      names: null,
    });
    expect(step(span, { type: 'choose-when', when: null })).toEqual(selected);
    expect(step(selected, { type: 'choose-when', when: null })).toBe(selected);
  });

  it('follows a link: its place (when it is one), its filters, and its view or the map’s', () => {
    const selected = step(start, { type: 'select-place', placeId: 'baku', origin: 'map' });
    const other = { lng: 44.5, lat: 40.2, zoom: 7 };
    expect(
      step(selected, {
        type: 'follow-link',
        link: { placeId: 'yerevan', view: other, when: { kind: 'date', date: '2023' }, names: 'hy' },
      }),
    ).toEqual({
      ...start,
      selection: { kind: 'place', placeId: 'yerevan' },
      origin: 'link',
      view: other,
      when: { kind: 'date', date: '2023' },
      names: 'hy',
    });
    expect(step(selected, { type: 'follow-link', link: { ...EMPTY_LINK, placeId: 'hadrut' } })).toEqual(
      start,
    );
  });
});

describe('the names command', () => {
  it('sets the name set, keeps the selection, and is no change when it is the same', () => {
    const place = step(start, { type: 'select-place', placeId: 'baku', origin: 'map' });
    const named = step(place, { type: 'names', names: 'az' });
    expect(named).toEqual({ ...place, names: 'az' });
    expect(nextState(named, { type: 'names', names: 'az' }, isPlace)).toBe(named);
    expect(step(named, { type: 'names', names: null })).toEqual(place);
    expect(linkOf(named)).toEqual({ placeId: 'baku', view: VIEW, when: null, names: 'az' });
  });

  it('rewrites the current entry of the history', () => {
    const named = step(start, { type: 'names', names: 'hy' });
    expect(historyEntry(start, named, { type: 'names', names: 'hy' })).toBe('replace');
  });
});

describe('historyEntry', () => {
  const place = step(start, { type: 'select-place', placeId: 'baku', origin: 'map' });
  it('pushes a new selection, also the end of one', () => {
    expect(historyEntry(start, place, { type: 'select-place', placeId: 'baku', origin: 'map' })).toBe('push');
    expect(historyEntry(place, start, { type: 'deselect' })).toBe('push');
    const feature = step(place, { type: 'select-feature', fileId: 'imported-1', index: 0, origin: 'map' });
    expect(
      historyEntry(place, feature, { type: 'select-feature', fileId: 'imported-1', index: 0, origin: 'map' }),
    ).toBe('push');
  });

  it('rewrites the current entry for a move, or the same place chosen again', () => {
    const moved = step(place, { type: 'view', view: { lng: 1, lat: 2, zoom: 3 } });
    expect(historyEntry(place, moved, { type: 'view', view: { lng: 1, lat: 2, zoom: 3 } })).toBe('replace');
    expect(historyEntry(place, place, { type: 'select-place', placeId: 'baku', origin: 'panel' })).toBe(
      'replace',
    );
  });

  it('rewrites the current entry for a new date filter: Back leaves the filter as the entry holds it', () => {
    const when = { kind: 'date', date: '2023-09-21' } as const;
    const filtered = step(place, { type: 'choose-when', when });
    expect(historyEntry(place, filtered, { type: 'choose-when', when })).toBe('replace');
  });

  it('writes nothing for a followed link: the browser is there already', () => {
    expect(historyEntry(place, start, { type: 'follow-link', link: EMPTY_LINK })).toBe('none');
  });
});

describe('sameSelection', () => {
  it('compares selections by what they select', () => {
    expect(sameSelection(NO_SELECTION, { kind: 'none' })).toBe(true);
    expect(sameSelection({ kind: 'place', placeId: 'baku' }, { kind: 'place', placeId: 'baku' })).toBe(true);
    expect(sameSelection({ kind: 'place', placeId: 'baku' }, { kind: 'place', placeId: 'yerevan' })).toBe(
      false,
    );
    expect(
      sameSelection(
        { kind: 'feature', fileId: 'imported-1', index: 2 },
        { kind: 'feature', fileId: 'imported-1', index: 2 },
      ),
    ).toBe(true);
    expect(
      sameSelection(
        { kind: 'feature', fileId: 'imported-1', index: 2 },
        { kind: 'feature', fileId: 'imported-2', index: 2 },
      ),
    ).toBe(false);
    expect(
      sameSelection(
        { kind: 'feature', fileId: 'imported-1', index: 2 },
        { kind: 'feature', fileId: 'imported-1', index: 3 },
      ),
    ).toBe(false);
    expect(sameSelection({ kind: 'place', placeId: 'baku' }, NO_SELECTION)).toBe(false);
  });
});
