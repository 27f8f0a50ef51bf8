/**
 * The assigned ISO 3166-1 alpha-2 codes (249, as the `iso-3166` package lists them; a test keeps
 * the two equal) and XK, Kosovo's user-assigned code, which the EU and CLDR use. Grouped by first
 * letter: `AD E F` reads AD, AE, AF. Written out here, not taken from Intl.DisplayNames, because
 * CLDR also names codes ISO does not assign (EU, UN, deprecated SU or YU, reserved IC or TA).
 */
const CODES_BY_FIRST_LETTER =
  'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR ' +
  'GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY ' +
  'MACDEFGHKLMNOPQRSTUVWXYZ NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW ' +
  'SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU WFS XK YET ZAMW';

/** Every code a place's `country.code` or `status.recognisedAs` may be, in alphabetical order. */
export const COUNTRY_CODES: readonly string[] = CODES_BY_FIRST_LETTER.split(' ').flatMap((group) =>
  [...group.slice(1)].map((second) => `${group[0]}${second}`),
);

const ASSIGNED = new Set(COUNTRY_CODES);

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code (or XK, Kosovo). */
export const isCountryCode = (code: string): boolean => ASSIGNED.has(code);
