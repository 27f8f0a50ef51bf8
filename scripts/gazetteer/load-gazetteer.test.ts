// The real gazetteer (cities500, world-countries, world-atlas) on the repository's two article
// texts: every city of the hand-made atlases is found, with its GeoNames id first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/domain/draft/gazetteer';
import { findPlaceNames, type PlaceNameOptions } from '../../src/domain/draft/place-names';
import type { GazetteerEntry } from '../../src/domain/draft/types';
import { ROOT } from '../node-data';
import { loadGazetteer } from './load-gazetteer';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

/** The body's paragraphs, for this test only: the lines `from`..`to` (1-based) longer than a subheading. */
function bodyLines(path: string, from: number, to: number): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(from - 1, to)
    .filter((line) => line.length > 40);
}

const summary = (entry: GazetteerEntry | undefined) =>
  entry && [entry.geonameId, entry.name, entry.country, entry.population, entry.kind];

describe('loadGazetteer', () => {
  it('lists both look-alikes for "Slavyansk", with their countries and populations', () => {
    expect(gazetteer.lookup('Slavyansk').slice(0, 2).map(summary)).toEqual([
      [693468, 'Sloviansk', 'UA', 106972, 'city'],
      [492094, 'Slavyansk-na-Kubani', 'RU', 65196, 'city'],
    ]);
  });

  it('gives Washington, D.C. before the English town', () => {
    expect(gazetteer.lookup('Washington').slice(0, 2).map(summary)).toEqual([
      [4140963, 'Washington', 'US', 689545, 'capital'],
      [2634715, 'Washington', 'GB', 53526, 'city'],
    ]);
  });

  it('gives a city its local names from the alternates (Stepanakert has no Armenian one in cities500)', () => {
    expect(gazetteer.lookup('Stepanakert')[0]?.localNames).toEqual([
      { name: 'Xankəndi', lang: 'az' },
      { name: 'Ханкенди', lang: 'ru' },
    ]);
    expect(gazetteer.lookup('Nicosia')[0]?.localNames).toEqual([
      { name: 'Λευκωσία', lang: 'el' },
      { name: 'Lefkoşa', lang: 'tr' },
    ]);
    expect(gazetteer.lookup('Yerevan')[0]?.localNames).toEqual([{ name: 'Երևան', lang: 'hy' }]);
  });

  it('marks the disputed areas and the cities in them, but not the capital that claims the area', () => {
    const first = (name: string) => gazetteer.lookup(name)[0];
    expect(
      ['Crimea', 'Simferopol', 'Sevastopol', 'Kyrenia', 'Nicosia', 'Kyiv'].map((name) => [
        name,
        first(name)?.kind,
        first(name)?.country,
        first(name)?.disputed,
      ]),
    ).toEqual([
      ['Crimea', 'region', 'UA', { recognisedAs: 'UA', area: 'Crimea' }],
      ['Simferopol', 'city', 'UA', { recognisedAs: 'UA', area: 'Crimea' }],
      ['Sevastopol', 'city', 'UA', { recognisedAs: 'UA', area: 'Crimea' }],
      ['Kyrenia', 'city', 'CY', { recognisedAs: 'CY', area: 'Northern Cyprus' }],
      ['Nicosia', 'capital', 'CY', undefined],
      ['Kyiv', 'capital', 'UA', undefined],
    ]);
    // Crimea's outline is the one polygon of Natural Earth's Russia that holds the peninsula.
    expect(first('Crimea')?.outline?.type).toBe('Polygon');
  });

  it('has countries with their native names and outlines, and Northern Cyprus as an area of CY', () => {
    const [turkey] = gazetteer.lookup('Turkey');
    expect([
      turkey?.name,
      turkey?.kind,
      turkey?.localNames,
      turkey?.outline?.type,
      turkey?.outlineSource,
    ]).toEqual([
      'Türkiye',
      'country',
      [{ name: 'Türkiye', lang: 'tr' }],
      'MultiPolygon',
      'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2',
    ]);
    const [north] = gazetteer.lookup('Northern Cyprus');
    expect([north?.name, north?.kind, north?.country, north?.localNames, north?.outline?.type]).toEqual([
      'Northern Cyprus',
      'region',
      'CY',
      [
        { name: 'Βόρεια Κύπρος', lang: 'el' },
        { name: 'Kuzey Kıbrıs', lang: 'tr' },
      ],
      'MultiPolygon',
    ]);
  });
});

/** Each match's first candidate's GeoNames id, by the match's name (a stand-in marked with its country or organisation). */
function firstIds(
  paragraphs: readonly string[],
  options: PlaceNameOptions = {},
): Record<string, number | string> {
  const ids: Record<string, number | string> = {};
  for (const match of findPlaceNames(paragraphs, gazetteer, options).matches) {
    const first = match.candidates[0];
    ids[match.seatOf === undefined ? match.name : `${match.name} (seat)`] =
      first?.geonameId ?? `${first?.kind} ${first?.country}`;
  }
  return ids;
}

/** Each match's paragraphs, by the match's name. */
const paragraphsOf = (paragraphs: readonly string[]): Record<string, number[]> =>
  Object.fromEntries(findPlaceNames(paragraphs, gazetteer).matches.map((m) => [m.name, m.paragraphs]));

describe('findPlaceNames on the real gazetteer', () => {
  it('finds every city of the Karabakh atlas in the seed text (Stepanakert as 146970, Xankandi)', () => {
    const paragraphs = bodyLines(join(ROOT, '../shared/seed/article.txt'), 7, 19);
    const found = findPlaceNames(paragraphs, gazetteer);
    expect(firstIds(paragraphs)).toEqual({
      Baku: 587084,
      Stepanakert: 146970,
      Yerevan: 616052,
      'European Union (seat)': 2800866,
      'UN Security Council (seat)': 5128581,
      Moscow: 524901,
      'Ukraine (seat)': 703448,
      'United States (seat)': 4140963,
      'Turkish (seat)': 323786,
    });
    expect(found.unknown).toEqual([{ name: 'Nagorno-Karabakh', paragraph: 5 }]);
  });

  it("gives a capital the text names the paragraphs of its country (Baku those of Azerbaijan, Moscow Russia's)", () => {
    const paragraphs = bodyLines(join(ROOT, '../shared/seed/article.txt'), 7, 19);
    expect(paragraphsOf(paragraphs)).toEqual({
      Baku: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      Stepanakert: [2, 3],
      Yerevan: [4, 6, 9, 10],
      'European Union': [5, 7],
      'UN Security Council': [5],
      Moscow: [6, 7],
      Ukraine: [7],
      'United States': [7],
      Turkish: [8],
    });
    const countries = findPlaceNames(paragraphs, gazetteer, { countries: true }).matches;
    expect(
      countries.filter((m) => m.candidates[0]?.kind === 'country').map((m) => [m.name, m.paragraphs]),
    ).toEqual([
      ['Azerbaijan', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['Armenia', [4, 6, 9, 10]],
      ['Russian', [6]],
      ['Ukraine', [7]],
      ['United States', [7]],
      ['Turkish', [8]],
    ]);
  });

  it('finds every city of the Cyprus atlas in its text, and Northern Cyprus', () => {
    const path = join(ROOT, 'data/atlases/cyprus-reunification-talks/article.txt');
    expect(firstIds(bodyLines(path, 5, 13))).toEqual({
      'Cyprus (seat)': 146268,
      'Turkey (seat)': 323786,
      'U.S. (seat)': 4140963,
      'Greece (seat)': 264371,
      'European Union (seat)': 2800866,
      'Northern Cyprus': 'region CY',
    });
    expect(firstIds(bodyLines(path, 5, 13), { countries: true })).toEqual({
      Cyprus: 'country CY',
      'Cyprus (seat)': 146268,
      Turkey: 'country TR',
      'Turkey (seat)': 323786,
      'U.S.': 'country US',
      'U.S. (seat)': 4140963,
      Greece: 'country GR',
      'Greece (seat)': 264371,
      'European Union (seat)': 2800866,
      'Northern Cyprus': 'region CY',
    });
  });

  it('covers the GeoNames id of every city in the hand-made places (karabakh: Stepanakert corrected to 146970)', () => {
    const handMade = (atlas: string): number[] => {
      const places = JSON.parse(
        readFileSync(join(ROOT, 'data/atlases', atlas, 'places.geojson'), 'utf8'),
      ) as {
        features: { properties: { coordinateSource: { id?: number } } }[];
      };
      return places.features.flatMap((place) => {
        const id = place.properties.coordinateSource.id;
        return id === undefined ? [] : [id === 174875 ? 146970 : id];
      });
    };
    const seedIds = Object.values(firstIds(bodyLines(join(ROOT, '../shared/seed/article.txt'), 7, 19)));
    const cyprusIds = Object.values(
      firstIds(bodyLines(join(ROOT, 'data/atlases/cyprus-reunification-talks/article.txt'), 5, 13)),
    );
    expect(handMade('karabakh-peace-talks').filter((id) => !seedIds.includes(id))).toEqual([]);
    expect(handMade('cyprus-reunification-talks').filter((id) => !cyprusIds.includes(id))).toEqual([]);
  });
});
