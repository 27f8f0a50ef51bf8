// A small hand-built gazetteer for the drafter's unit tests: real names, ids and populations
// (GeoNames, world-countries), only the fields the tests read.
import type { GazetteerEntry } from '../../src/domain/draft/types';

const GEONAMES = { name: 'GeoNames', licence: 'CC BY 4.0' };
const COUNTRIES = { name: 'world-countries', licence: 'ODbL-1.0' };

function city(
  geonameId: number,
  name: string,
  names: string[],
  country: string,
  population: number,
  featureCode = 'PPL',
): GazetteerEntry {
  return {
    geonameId,
    name,
    names: [name, ...names],
    localNames: [],
    country,
    population,
    featureCode,
    kind: featureCode === 'PPLC' ? 'capital' : 'city',
    coordinates: [0, 0],
    source: GEONAMES,
  };
}

function country(name: string, names: string[], code: string, demonyms: string[]): GazetteerEntry {
  return {
    name,
    names: [name, ...names],
    localNames: [],
    country: code,
    population: 0,
    featureCode: 'country',
    kind: 'country',
    coordinates: [0, 0],
    demonyms,
    source: COUNTRIES,
  };
}

export const SLOVIANSK = city(693468, 'Sloviansk', ['Slavyansk', 'Slovyansk'], 'UA', 106972);
export const SLAVYANSK_NA_KUBANI = city(492094, 'Slavyansk-na-Kubani', [], 'RU', 65196, 'PPLA2');
export const WASHINGTON_DC = city(4140963, 'Washington', ['Washington D.C.'], 'US', 689545, 'PPLC');
export const WASHINGTON_GB = city(2634715, 'Washington', [], 'GB', 53526);
export const XANKANDI = city(146970, 'Xankandi', ['Stepanakert', 'Khankendi', 'Xankəndi'], 'AZ', 53100);
export const BAKU = city(587084, 'Baku', ['Bakı'], 'AZ', 1116513, 'PPLC');
export const ANKARA = city(323786, 'Ankara', [], 'TR', 3517182, 'PPLC');
export const BRUSSELS = city(2800866, 'Brussels', ['Bruxelles'], 'BE', 1019022, 'PPLC');
export const NEW_YORK = city(5128581, 'New York City', ['New York'], 'US', 8804190);
export const YORK = city(2633352, 'York', [], 'GB', 153717);
export const SAINT_PETERSBURG = city(498817, 'Saint Petersburg', ['Sankt-Peterburg'], 'RU', 5351935, 'PPLA');
export const BIDEN_TOWN = city(9999001, 'Biden', [], 'DE', 600);
export const UNION_TOWN = city(5105127, 'Union', [], 'US', 58000);
export const NORTH_TOWN = city(5779068, 'North', [], 'US', 1000);
export const AZERBAIJAN = country('Azerbaijan', ['Republic of Azerbaijan'], 'AZ', ['Azerbaijani']);
export const TURKIYE = country('Türkiye', ['Turkey', 'Republic of Turkey'], 'TR', ['Turkish']);
export const UNITED_STATES = country('United States', ['United States of America', 'USA'], 'US', [
  'American',
]);

export const TEST_ENTRIES: readonly GazetteerEntry[] = [
  SLOVIANSK,
  SLAVYANSK_NA_KUBANI,
  WASHINGTON_DC,
  WASHINGTON_GB,
  XANKANDI,
  BAKU,
  ANKARA,
  BRUSSELS,
  NEW_YORK,
  YORK,
  SAINT_PETERSBURG,
  BIDEN_TOWN,
  NORTH_TOWN,
  UNION_TOWN,
  AZERBAIJAN,
  TURKIYE,
  UNITED_STATES,
];
