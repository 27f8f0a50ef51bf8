import { describe, expect, it } from 'vitest';
import { EMPTY_LINK, formatLink, parseLink, sameView, VIEW_LIMITS } from './link';

describe('parseLink', () => {
  it('reads every key of a link', () => {
    expect(parseLink('#place=stepanakert&map=6.2/40.1/47&when=2023-09-21&names=az')).toEqual({
      placeId: 'stepanakert',
      view: { zoom: 6.2, lat: 40.1, lng: 47 },
      when: { kind: 'date', date: '2023-09-21' },
      names: 'az',
    });
  });

  it('reads an empty or a foreign hash as an empty link', () => {
    expect(parseLink('')).toEqual(EMPTY_LINK);
    expect(parseLink('#')).toEqual(EMPTY_LINK);
    expect(parseLink('#foo=bar&=x&place')).toEqual(EMPTY_LINK);
  });

  it('ignores a place id that is not kebab case', () => {
    expect(parseLink('#place=Baku').placeId).toBe(null);
    expect(parseLink('#place=baku%3Cscript%3E').placeId).toBe(null);
    expect(parseLink('#place=').placeId).toBe(null);
  });

  it('keeps a view up to Web Mercator’s latitudes and the map’s zoom range, and no further', () => {
    expect(VIEW_LIMITS).toEqual({ maxLat: 85.06, maxLng: 180, minZoom: 0, maxZoom: 24 });
    expect(parseLink('#map=0/85.06/180').view).toEqual({ zoom: 0, lat: 85.06, lng: 180 });
    expect(parseLink('#map=24/-85.06/-180').view).toEqual({ zoom: 24, lat: -85.06, lng: -180 });
    expect(parseLink('#map=3/85.07/0').view).toBe(null);
    expect(parseLink('#map=3/-85.07/0').view).toBe(null);
    expect(parseLink('#map=3/89/0').view).toBe(null);
    expect(parseLink('#map=3/0/180.01').view).toBe(null);
    expect(parseLink('#map=3/0/-180.01').view).toBe(null);
    expect(parseLink('#map=24.01/0/0').view).toBe(null);
    expect(parseLink('#map=-0.5/0/0').view).toBe(null);
  });

  it('ignores a view that is not three decimal numbers', () => {
    for (const text of ['6/40', '6/40/47/1', '6/40/x', '6//47', '1e2/0/0', '6/40/47.', 'Infinity/0/0']) {
      expect(parseLink(`#map=${text}`).view).toBe(null);
    }
  });

  it('reads a date of any precision, and a span that runs forwards', () => {
    expect(parseLink('#when=2023').when).toEqual({ kind: 'date', date: '2023' });
    expect(parseLink('#when=2023-09').when).toEqual({ kind: 'date', date: '2023-09' });
    expect(parseLink('#when=2020..2023-09-20').when).toEqual({
      kind: 'span',
      start: '2020',
      end: '2023-09-20',
    });
    expect(parseLink('#when=2023-09-19..2023-09-21').when).toEqual({
      kind: 'span',
      start: '2023-09-19',
      end: '2023-09-21',
    });
    expect(parseLink('#when=2023-09..2023-10').when).toEqual({
      kind: 'span',
      start: '2023-09',
      end: '2023-10',
    });
  });

  it('ignores a malformed date filter', () => {
    for (const text of [
      '2023-02-30',
      '2023-13',
      '23',
      '2023..',
      '..2023',
      '2023..2022',
      '2023-09-21..2023-09-20',
      // The rule of a fact's span (isForwardSpan): the end must start after the start starts and
      // end no earlier than it ends; a span of one date is written as the date.
      '2023-09..2023',
      '2023..2023-09',
      '2023-09-21..2023-09-21',
      '2020..2021..2022',
      'today',
    ]) {
      expect(parseLink(`#when=${text}`).when).toBe(null);
    }
  });

  it('reads a name set as a language code, and ignores anything else', () => {
    expect(parseLink('#names=hy').names).toBe('hy');
    expect(parseLink('#names=az-Latn').names).toBe('az-Latn');
    expect(parseLink('#names=AZ').names).toBe(null);
    expect(parseLink('#names=a').names).toBe(null);
    expect(parseLink('#names=<b>').names).toBe(null);
  });
});

describe('formatLink', () => {
  it('writes the keys in one order, zoom to 2 decimals and positions to 4', () => {
    expect(
      formatLink({
        names: 'ru',
        when: { kind: 'span', start: '2020', end: '2023-09-20' },
        view: { lng: 47.123456, lat: 40.987654, zoom: 6.2049 },
        placeId: 'baku',
      }),
    ).toBe('#place=baku&map=6.2/40.9877/47.1235&when=2020..2023-09-20&names=ru');
  });

  it('writes nothing for an empty link', () => {
    expect(formatLink(EMPTY_LINK)).toBe('');
  });

  it('reads back what it writes', () => {
    const link = {
      placeId: 'nagorno-karabakh',
      view: { lng: -12.5, lat: -40.25, zoom: 3 },
      when: { kind: 'date' as const, date: '2023-09-21' },
      names: 'az',
    };
    expect(parseLink(formatLink(link))).toEqual(link);
  });
});

describe('sameView', () => {
  it('compares views to the precision of a link', () => {
    expect(sameView({ lng: 47.00001, lat: 40, zoom: 6 }, { lng: 47, lat: 40.00004, zoom: 6.001 })).toBe(true);
    expect(sameView({ lng: 47.0001, lat: 40, zoom: 6 }, { lng: 47, lat: 40, zoom: 6 })).toBe(false);
    expect(sameView({ lng: 47, lat: 40, zoom: 6.01 }, { lng: 47, lat: 40, zoom: 6 })).toBe(false);
  });
});
