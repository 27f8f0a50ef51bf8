import { describe, expect, it } from 'vitest';
import { languageTag, pickLocalNames, tagLocalName } from './local-names';

// Alternate names as cities500 gives them (abridged).
const XANKANDI = [
  'Khankendi',
  'Stepanakert',
  'Xankǝndi',
  'Xankəndi',
  'khankandy',
  'Степанакерт',
  'Ханкенди́',
  'אזרית',
  'خانكندي',
];
const NICOSIA = ['Lefkosa', 'Lefkosia', 'Lefkoşa', 'Nicosie', 'Λευκωσία', 'Λευκωσίαν', 'Никозия'];
const YEREVAN = ['Erevan', 'Yerevan', 'İrəvan', 'Ереван', 'Երեվան', 'Երևան'];

describe('pickLocalNames', () => {
  it("takes a Latin name only with its alphabet's own letters, and a Cyrillic one without its stress mark", () => {
    expect(pickLocalNames('Xankandi', XANKANDI, ['aze', 'rus'])).toEqual([
      { name: 'Xankəndi', lang: 'az' },
      { name: 'Ханкенди', lang: 'ru' },
    ]);
  });

  it("takes one name a language, the nearest to the place's Latin names, keeping Greek accents", () => {
    expect(pickLocalNames('Nicosia', NICOSIA, ['ell', 'tur'])).toEqual([
      { name: 'Λευκωσία', lang: 'el' },
      { name: 'Lefkoşa', lang: 'tr' },
    ]);
    expect(pickLocalNames('Yerevan', YEREVAN, ['hye'])).toEqual([{ name: 'Երևան', lang: 'hy' }]);
  });

  it('takes none in a script the country does not write, nor a name far from every Latin one', () => {
    expect(pickLocalNames('Xankandi', XANKANDI, ['hye'])).toEqual([]);
    expect(pickLocalNames('Baku', ['Bakı', 'Boku'], ['eng'])).toEqual([]);
    expect(pickLocalNames('Baku', ['Москва'], ['rus'])).toEqual([]);
  });

  it("prefers a name in the language's own letters (Київ, not Киев, for Ukrainian), and takes a neighbour's spelling or an old name never", () => {
    expect(
      pickLocalNames('Kyiv', ['Kiev', 'Kyiv', 'Kijów', 'Київ', 'Киев', 'Кијев'], ['ukr', 'rus']),
    ).toEqual([
      { name: 'Київ', lang: 'uk' },
      { name: 'Киев', lang: 'ru' },
    ]);
    expect(pickLocalNames('Kharkiv', ['Kharkov', 'Kharkiv', 'Харков', 'Харків'], ['ukr', 'rus'])).toEqual([
      { name: 'Харків', lang: 'uk' },
      { name: 'Харков', lang: 'ru' },
    ]);
    expect(pickLocalNames('Donetsk', ['Donetsk', 'Stalino', 'Донецк', 'Сталіно'], ['ukr', 'rus'])).toEqual([
      { name: 'Донецк', lang: 'ru' },
    ]);
    expect(pickLocalNames('Tirana', ['Tirana', 'Tirane', 'Tiranë'], ['sqi'])).toEqual([
      { name: 'Tiranë', lang: 'sq' },
    ]);
  });

  it('takes a Hangul, Hebrew or Arabic name only when it is the one most of them start with', () => {
    expect(pickLocalNames('Xankandi', XANKANDI, ['heb'])).toEqual([{ name: 'אזרית', lang: 'he' }]);
    expect(pickLocalNames('Baku', ['باكو', 'باكوو'], ['ara'])).toEqual([{ name: 'باكو', lang: 'ar' }]);
    expect(pickLocalNames('Seoul', ['Seoul', '서울', '서울시', '서울특별시', '한양'], ['kor'])).toEqual([
      { name: '서울', lang: 'ko' },
    ]);
    // Two spellings, neither the root of the other: none.
    expect(pickLocalNames('Gaza', ['Gaza', 'غزة', 'غزه'], ['ara'])).toEqual([]);
  });
});

describe('languageTag and tagLocalName', () => {
  it('give the BCP 47 tag of a language, and of the first language whose alphabet writes a name', () => {
    expect(languageTag('hye')).toBe('hy');
    expect(languageTag('xyz')).toBeUndefined();
    expect(tagLocalName('Kuzey Kıbrıs', ['ell', 'tur'])).toBe('tr');
    expect(tagLocalName('Βόρεια Κύπρος', ['ell', 'tur'])).toBe('el');
    expect(tagLocalName('Northern Cyprus', ['ell', 'tur'])).toBeUndefined();
  });
});
