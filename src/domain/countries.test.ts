import { iso31661 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from './countries';
import { countryName } from './country-names';

describe('COUNTRY_CODES', () => {
  it('holds every assigned ISO 3166-1 alpha-2 code as the iso-3166 package lists them, and XK', () => {
    const assigned = iso31661.map((c) => c.alpha2);
    expect(COUNTRY_CODES).toEqual([...assigned, 'XK'].sort());
    expect(COUNTRY_CODES.length).toBe(250);
  });
});

describe('isCountryCode', () => {
  it.each([
    ['US', true, 'assigned'],
    ['XK', true, 'Kosovo, user-assigned, used by the EU and CLDR'],
    ['EU', false, 'exceptionally reserved, named by CLDR'],
    ['UK', false, 'exceptionally reserved: the United Kingdom is GB'],
    ['SU', false, 'the Soviet Union, transitionally reserved'],
    ['ZZ', false, 'unknown region'],
    ['us', false, 'lower case'],
    ['USA', false, 'alpha-3'],
    ['', false, 'empty'],
  ])('%j is %s (%s)', (code, expected) => {
    expect(isCountryCode(code)).toBe(expected);
  });
});

describe('countryName', () => {
  it('gives the English short name of a code, and the code itself when there is none', () => {
    expect(['US', 'AZ', 'AM', 'UA', 'AE', 'XK', 'QQ', 'USA', ''].map(countryName)).toEqual([
      'United States',
      'Azerbaijan',
      'Armenia',
      'Ukraine',
      'United Arab Emirates',
      'Kosovo',
      'QQ',
      'USA',
      '',
    ]);
  });

  it('names every code the validator accepts', () => {
    expect(COUNTRY_CODES.filter((code) => countryName(code) === code)).toEqual([]);
  });
});
