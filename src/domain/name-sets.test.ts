import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, ROOT, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { knownNameSet, nameLanguages, namesAnnouncement, placeNameIn } from './name-sets';
import type { Atlas } from './types';
import { validateAtlas } from './validate-atlas';

const read = (dir: string): Atlas => validateAtlas(readAtlasFiles(dir), FILE_NAMES).atlas!;
const karabakh = read(REAL_ATLAS_DIR);
const cyprus = read(join(ROOT, 'data/atlases/cyprus-reunification-talks'));
const place = (atlas: Atlas, id: string) => atlas.places.find((p) => p.id === id)!;

describe('nameLanguages', () => {
  it('offers each side’s languages and the other scripts’, not the article’s nor other Latin spellings', () => {
    expect(nameLanguages(karabakh)).toEqual([
      { lang: 'az', name: 'Azerbaijani' },
      { lang: 'hy', name: 'Armenian' },
      { lang: 'ru', name: 'Russian' },
    ]);
    expect(nameLanguages(cyprus)).toEqual([
      { lang: 'tr', name: 'Turkish' },
      { lang: 'el', name: 'Greek' },
    ]);
  });

  it('knows the name sets an atlas has, and no other', () => {
    expect(knownNameSet(karabakh, 'az')).toBe('az');
    expect(knownNameSet(karabakh, 'el')).toBe(null);
    expect(knownNameSet(karabakh, 'en')).toBe(null);
    expect(knownNameSet(karabakh, null)).toBe(null);
    expect(knownNameSet(cyprus, 'el')).toBe('el');
  });
});

describe('placeNameIn', () => {
  it('keeps the article’s names, with a contested place’s other names, by default', () => {
    expect(placeNameIn(place(karabakh, 'stepanakert'), null)).toEqual({
      text: 'Stepanakert',
      otherNames: [
        { name: 'Xankəndi', lang: 'az' },
        { name: 'Ստեփանակերտ', lang: 'hy' },
      ],
    });
    expect(placeNameIn(place(karabakh, 'baku'), null)).toEqual({ text: 'Baku', otherNames: [] });
  });

  it('leads with the chosen name and keeps the article’s and the other side’s beside a contested one', () => {
    expect(placeNameIn(place(karabakh, 'stepanakert'), 'az')).toEqual({
      text: 'Xankəndi (Stepanakert)',
      lang: 'az',
      otherNames: [{ name: 'Ստեփանակերտ', lang: 'hy' }],
    });
    expect(placeNameIn(place(karabakh, 'stepanakert'), 'hy')).toEqual({
      text: 'Ստեփանակերտ (Stepanakert)',
      lang: 'hy',
      latin: 'Stepanakert',
      otherNames: [{ name: 'Xankəndi', lang: 'az' }],
    });
    expect(placeNameIn(place(karabakh, 'nagorno-karabakh'), 'az')).toEqual({
      text: 'Dağlıq Qarabağ (Nagorno-Karabakh)',
      lang: 'az',
      otherNames: [{ name: 'Արցախ', lang: 'hy' }],
    });
    expect(placeNameIn(place(cyprus, 'nicosia'), 'tr')).toEqual({
      text: 'Lefkoşa (Nicosia)',
      lang: 'tr',
      otherNames: [{ name: 'Λευκωσία', lang: 'el' }],
    });
    expect(placeNameIn(place(cyprus, 'nicosia'), 'el')).toEqual({
      text: 'Λευκωσία (Nicosia)',
      lang: 'el',
      latin: 'Nicosia',
      otherNames: [{ name: 'Lefkoşa', lang: 'tr' }],
    });
  });

  it('gives an uncontested place its name alone, in Latin letters too where its script is another', () => {
    expect(placeNameIn(place(karabakh, 'baku'), 'az')).toEqual({ text: 'Bakı', lang: 'az', otherNames: [] });
    expect(placeNameIn(place(karabakh, 'yerevan'), 'hy')).toEqual({
      text: 'Երևան',
      lang: 'hy',
      latin: 'Yerevan',
      otherNames: [],
    });
    expect(placeNameIn(place(karabakh, 'moscow'), 'ru')).toEqual({
      text: 'Москва',
      lang: 'ru',
      latin: 'Moscow',
      otherNames: [],
    });
  });

  it('keeps the article’s name where the place has none in the language', () => {
    expect(placeNameIn(place(karabakh, 'yerevan'), 'az')).toEqual({ text: 'Yerevan', otherNames: [] });
    expect(placeNameIn(place(karabakh, 'stepanakert'), 'ru')).toEqual(
      placeNameIn(place(karabakh, 'stepanakert'), null),
    );
  });
});

describe('namesAnnouncement', () => {
  it('says which names the map shows', () => {
    expect(namesAnnouncement({ lang: 'az', name: 'Azerbaijani' })).toBe(
      'Names in Azerbaijani; contested places also give the other side’s name.',
    );
    expect(namesAnnouncement(null)).toBe('Names as in the article.');
  });
});
