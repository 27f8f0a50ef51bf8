import { describe, expect, it } from 'vitest';
import { loadFontCatalogue } from './font-catalogue';
import { chooseFontSubsets, subsetFor, type LangText } from './font-subsets';
import { ROOT } from './node-data';

const catalogue = loadFontCatalogue(ROOT);
const subsetsOf = (...texts: LangText[]) => chooseFontSubsets(texts, catalogue).subsets.map((s) => s.id);

describe('chooseFontSubsets: the fonts a name needs, from the packages’ unicode ranges', () => {
  it.each([
    ['Київ', undefined, ['noto-sans-cyrillic']],
    ['Москва', 'ru', ['noto-sans-cyrillic']],
    ['الرياض', 'ar', ['noto-sans-arabic-arabic']],
    ['Xankəndi', 'az', ['noto-sans-latin', 'noto-sans-latin-ext']],
    ['Ստեփանակերտ', 'hy', ['noto-sans-armenian-armenian']],
    ['თბილისი', 'ka', ['noto-sans-georgian-georgian']],
    ['Αθήνα', 'el', ['noto-sans-greek']],
    ['ירושלים', 'he', ['noto-sans-hebrew-hebrew']],
    ['दिल्ली', 'hi', ['noto-sans-devanagari']],
    ['กรุงเทพ', 'th', ['noto-sans-thai-thai']],
    ['Hà Nội', 'vi', ['noto-sans-latin', 'noto-sans-vietnamese']],
    ['東京', undefined, ['noto-sans-sc-102', 'noto-sans-sc-117']],
    ['東京', 'ja', ['noto-sans-jp-113', 'noto-sans-jp-115']],
    ['서울', 'ko', ['noto-sans-kr-117', 'noto-sans-kr-118']],
  ])('%s (%s) needs %j', (text, lang, expected) => {
    expect(subsetsOf(lang ? { text, lang } : { text })).toEqual(expected);
  });

  it('lists each subset once, in the catalogue’s order, for many texts', () => {
    expect(
      subsetsOf({ text: 'Ստեփանակերտ' }, { text: 'Москва' }, { text: 'Xankəndi' }, { text: 'Київ' }),
    ).toEqual([
      'noto-sans-latin',
      'noto-sans-latin-ext',
      'noto-sans-cyrillic',
      'noto-sans-armenian-armenian',
    ]);
  });

  it('takes the punctuation every script’s font has from Latin: a dash in an Armenian or Hebrew text needs Latin', () => {
    expect(subsetsOf({ text: 'Երևան‐Ստեփանակերտ' }, { text: 'תל־אביב – יפו' })).toEqual([
      'noto-sans-latin',
      'noto-sans-armenian-armenian',
      'noto-sans-hebrew-hebrew',
    ]);
    expect(subsetFor(catalogue, 0x2010)?.id).toBe('noto-sans-latin');
  });

  it('adds the required subsets whatever the texts, and lists the characters no font has', () => {
    expect(chooseFontSubsets([{ text: '😀 Київ 😀' }], catalogue, ['noto-sans-latin'])).toEqual({
      subsets: [catalogue[0], catalogue.find((s) => s.id === 'noto-sans-cyrillic')],
      uncovered: ['😀'],
    });
    expect(chooseFontSubsets([], catalogue)).toEqual({ subsets: [], uncovered: [] });
  });
});
