import { describe, expect, it } from 'vitest';
import { Gazetteer, normalizePlaceName } from './gazetteer';
import {
  AZERBAIJAN,
  BAKU,
  SAINT_PETERSBURG,
  SLAVYANSK_NA_KUBANI,
  SLOVIANSK,
  TEST_ENTRIES,
  WASHINGTON_DC,
  WASHINGTON_GB,
  XANKANDI,
} from '../../../tests/helpers/gazetteer-entries';

const gazetteer = new Gazetteer(TEST_ENTRIES);

describe('normalizePlaceName', () => {
  it('drops case, diacritics, apostrophes and periods, and reads hyphens as spaces and St. as Saint', () => {
    expect(normalizePlaceName('St. Petersburg')).toBe('saint petersburg');
    expect(normalizePlaceName('Sankt-Peterburg')).toBe('sankt peterburg');
    expect(normalizePlaceName('Xankəndi')).toBe('xankendi');
    expect(normalizePlaceName('Bakı')).toBe('baki');
    expect(normalizePlaceName("Slov'yans'k")).toBe('slovyansk');
    expect(normalizePlaceName('Washington, D.C.')).toBe('washington dc');
    expect(normalizePlaceName('  Nagorno–Karabakh ')).toBe('nagorno karabakh');
  });
});

describe('Gazetteer.lookup', () => {
  it('finds an entry by any name, whatever its case and diacritics', () => {
    expect(gazetteer.lookup('stepanakert')).toEqual([XANKANDI]);
    expect(gazetteer.lookup('Xankendi')).toEqual([XANKANDI]);
    expect(gazetteer.lookup('BAKI')).toEqual([BAKU]);
  });

  it('reads "St." as "Saint" and hyphens as spaces', () => {
    expect(gazetteer.lookup('St. Petersburg')).toEqual([SAINT_PETERSBURG]);
    expect(gazetteer.lookup('Saint-Petersburg')).toEqual([SAINT_PETERSBURG]);
  });

  it('ranks a capital before a town of the same name', () => {
    expect(gazetteer.lookup('Washington')).toEqual([WASHINGTON_DC, WASHINGTON_GB]);
  });

  it("lists both look-alikes: an alternate of one and the start of the other's hyphenated name", () => {
    expect(gazetteer.lookup('Slavyansk')).toEqual([SLOVIANSK, SLAVYANSK_NA_KUBANI]);
    expect(gazetteer.lookup('Slavyansk-na-Kubani')).toEqual([SLAVYANSK_NA_KUBANI]);
  });

  it('finds nothing for a name no entry has, nor for a part of a name', () => {
    expect(gazetteer.lookup('Karabakh')).toEqual([]);
    expect(gazetteer.lookup('Washing')).toEqual([]);
    expect(gazetteer.lookup('')).toEqual([]);
  });

  it('knows a country by its demonym and a capital by its country', () => {
    expect(gazetteer.countryByDemonym('azerbaijani')).toEqual(AZERBAIJAN);
    expect(gazetteer.countryByDemonym('Armenian')).toBeUndefined();
    expect(gazetteer.capitalOf('AZ')).toEqual(BAKU);
    expect(gazetteer.capitalOf('UA')).toBeUndefined();
  });
});

describe('Gazetteer.search', () => {
  it('gives the entries whose names start with the query, exact ones first, at most the limit', () => {
    expect(gazetteer.search('slav', 10)).toEqual([SLOVIANSK, SLAVYANSK_NA_KUBANI]);
    expect(gazetteer.search('Washington', 10)).toEqual([WASHINGTON_DC, WASHINGTON_GB]);
    expect(gazetteer.search('wa', 1)).toEqual([WASHINGTON_DC]);
    expect(gazetteer.search('Baku', 10)).toEqual([BAKU]);
  });

  it('gives nothing for an empty query or a zero limit', () => {
    expect(gazetteer.search('  ', 10)).toEqual([]);
    expect(gazetteer.search('ba', 0)).toEqual([]);
  });
});
