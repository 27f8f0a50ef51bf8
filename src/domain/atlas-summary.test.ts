import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildAtlasModel } from './atlas-model';
import {
  contestedNames,
  factsByPlace,
  focusCountries,
  mapFeatures,
  partyCountries,
  regionLabelAnchors,
  storyFrame,
} from './atlas-summary';
import { testArticle } from '../../tests/helpers/test-article';
import type { Atlas, Fact, Place, PlaceGeometry, PlaceProperties } from './types';

const ARTICLE = testArticle({
  id: 'summary-test',
  slug: 'summary-test',
  published: '2024-03-14',
  dateline: { text: 'Tbilisi, March 14', placeId: 'tbilisi' },
});

const AZERBAIJAN = { code: 'AZ', name: 'Azerbaijan' };
const ARMENIA = { code: 'AM', name: 'Armenia' };
const RUSSIA = { code: 'RU', name: 'Russia' };

function place(id: string, geometry: PlaceGeometry, properties: Partial<PlaceProperties> = {}): Place {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      name: `Name of ${id}`,
      altNames: [],
      placeType: geometry.type === 'Point' ? 'city' : 'region',
      role: 'A role.',
      country: AZERBAIJAN,
      coordinateSource: { name: 'made up for this test', licence: 'CC0 1.0' },
      group: 'story',
      ...properties,
    },
  };
}

const point = (id: string, coordinates: Position, properties: Partial<PlaceProperties> = {}): Place =>
  place(id, { type: 'Point', coordinates }, properties);

/** A counter-clockwise box from (west, south) to (east, north). */
const square = (west: number, south: number, east: number, north: number): Position[][] => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];

function fact(id: string, placeIds: string[]): Fact {
  return { id, placeIds, kind: 'event', date: null, dateText: null, text: `Text of ${id}.`, paragraph: 1 };
}

const atlasOf = (places: Place[], facts: Fact[] = []): Atlas => ({ article: ARTICLE, places, facts });

describe('factsByPlace', () => {
  it("lists each place's facts in the article's order, a shared fact under each of its places, none for a place without facts", () => {
    const atlas = atlasOf(
      [
        point('baku', [49.892, 40.3777]),
        point('yerevan', [44.5126, 40.1777]),
        point('moscow', [37.6156, 55.7522]),
      ],
      [
        fact('first', ['baku']),
        fact('shared', ['yerevan', 'baku']),
        fact('third', ['baku']),
        fact('fourth', ['yerevan']),
        fact('elsewhere', ['no-such-place']),
      ],
    );
    const byPlace = factsByPlace(atlas);
    expect([...byPlace].map(([id, facts]) => [id, facts.map((f) => f.id)])).toEqual([
      ['baku', ['first', 'shared', 'third']],
      ['yerevan', ['shared', 'fourth']],
      ['moscow', []],
    ]);
    // The facts themselves, not copies: the model hands them on to the popup and the export.
    expect(byPlace.get('yerevan')?.[0]).toBe(atlas.facts[1]);
  });
});

describe('focusCountries', () => {
  it('gives the codes of the countries of the story places once each, in the order of the places, without the reactions', () => {
    const atlas = atlasOf([
      point('stepanakert', [46.7528, 39.8177], { country: AZERBAIJAN }),
      point('moscow', [37.6156, 55.7522], { country: RUSSIA, group: 'reaction' }),
      point('yerevan', [44.5126, 40.1777], { country: ARMENIA }),
      point('baku', [49.892, 40.3777], { country: AZERBAIJAN }),
    ]);
    expect(focusCountries(atlas)).toEqual(['AZ', 'AM']);
  });

  it('is empty when there is no story place', () => {
    const atlas = atlasOf([point('moscow', [37.6156, 55.7522], { country: RUSSIA, group: 'reaction' })]);
    expect(focusCountries(atlas)).toEqual([]);
  });
});

describe('partyCountries', () => {
  it('gives the codes of the countries the story places lie in or are recognised as part of, once each, in order', () => {
    const atlas = atlasOf([
      // Held by one side, recognised as part of another country: both are parties.
      point('disputed', [46.7528, 39.8177], {
        country: ARMENIA,
        status: { disputed: true, recognisedAs: 'AZ', summary: 'A summary.' },
      }),
      point('moscow', [37.6156, 55.7522], { country: RUSSIA, group: 'reaction' }),
      point('baku', [49.892, 40.3777], { country: AZERBAIJAN }),
    ]);
    expect(partyCountries(atlas)).toEqual(['AM', 'AZ']);
  });

  it('gives the real atlas’s parties, Azerbaijan and Armenia, and none without a story place', () => {
    const atlas = atlasOf([
      point('stepanakert', [46.7528, 39.8177], {
        status: { disputed: true, recognisedAs: 'AZ', summary: 'A summary.' },
      }),
      point('yerevan', [44.5126, 40.1777], { country: ARMENIA }),
    ]);
    expect(partyCountries(atlas)).toEqual(['AZ', 'AM']);
    expect(
      partyCountries(atlasOf([point('moscow', [37.6, 55.7], { country: RUSSIA, group: 'reaction' })])),
    ).toEqual([]);
  });
});

describe('storyFrame', () => {
  it("widens the story places' bounds on each side by 0.4 times the larger side, leaving the reactions out", () => {
    const atlas = atlasOf([
      point('west', [40, 40]),
      point('far-away', [-77, 38], { group: 'reaction' }),
      point('east', [50, 42]),
    ]);
    expect(storyFrame(atlas)).toEqual([36, 36, 54, 46]);
    expect(storyFrame(atlas, 0)).toEqual([40, 40, 50, 42]);
    expect(storyFrame(atlas, 1)).toEqual([30, 30, 60, 52]);
  });

  it('takes the larger side when the story is taller than it is wide, and counts a region by its vertices', () => {
    const atlas = atlasOf([place('region', { type: 'Polygon', coordinates: square(10, 20, 12, 30) })]);
    expect(storyFrame(atlas)).toEqual([6, 16, 16, 34]);
  });

  it('widens a single place by 0.4 of a degree on each side', () => {
    expect(storyFrame(atlasOf([point('only', [10, 20])]))).toEqual([9.6, 19.6, 10.4, 20.4]);
  });

  it('frames every place when none belongs to the story', () => {
    const atlas = atlasOf([
      point('moscow', [30, 50], { group: 'reaction' }),
      point('ankara', [35, 40], { group: 'reaction' }),
    ]);
    expect(storyFrame(atlas)).toEqual([26, 36, 39, 54]);
  });

  it('stops at 85° south and north, inside the Web Mercator map (85.05°)', () => {
    const poles = atlasOf([point('south', [0, -84]), point('north', [10, 84])]);
    // The pad is 0.4 × 168° = 67.2°: the frame would reach 151.2° on either side.
    expect(storyFrame(poles)).toEqual([-67.2, -85, 77.2, 85]);
    const south = atlasOf([point('a', [0, -80]), point('b', [10, -83])]);
    expect(storyFrame(south)).toEqual([-4, -85, 14, -76]);
    const north = atlasOf([point('a', [0, 80]), point('b', [10, 83])]);
    expect(storyFrame(north)).toEqual([-4, 76, 14, 85]);
  });

  it('leaves a frame that ends just inside 85° as it is', () => {
    const atlas = atlasOf([point('a', [0, -80]), point('b', [10, -76])]);
    expect(storyFrame(atlas)).toEqual([-4, -84, 14, -72]);
  });
});

describe('mapFeatures', () => {
  it('gives the map each place with its id, name, group and whether it is disputed, and nothing else', () => {
    const region = place(
      'nagorno-karabakh',
      { type: 'Polygon', coordinates: square(46, 39, 47, 40) },
      {
        name: 'Nagorno-Karabakh',
        status: { disputed: true, recognisedAs: 'AZ', summary: 'Disputed.' },
        caption: 'Talks in Yevlakh',
      },
    );
    const town = point('tbilisi', [44.793, 41.6941], {
      name: 'Tbilisi',
      status: { disputed: false, recognisedAs: 'GE', summary: 'Not disputed.' },
      country: { code: 'GE', name: 'Georgia' },
    });
    const capital = point('moscow', [37.6156, 55.7522], { name: 'Moscow', group: 'reaction' });
    const features = mapFeatures(buildAtlasModel(atlasOf([region, town, capital])));
    expect(features).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'nagorno-karabakh',
          geometry: { type: 'Polygon', coordinates: square(46, 39, 47, 40) },
          properties: { id: 'nagorno-karabakh', name: 'Nagorno-Karabakh', group: 'story', disputed: true },
        },
        {
          type: 'Feature',
          id: 'tbilisi',
          geometry: { type: 'Point', coordinates: [44.793, 41.6941] },
          properties: { id: 'tbilisi', name: 'Tbilisi', group: 'story', disputed: false },
        },
        {
          type: 'Feature',
          id: 'moscow',
          geometry: { type: 'Point', coordinates: [37.6156, 55.7522] },
          properties: { id: 'moscow', name: 'Moscow', group: 'reaction', disputed: false },
        },
      ],
    });
    // The geometry is shared with the model, not copied (a 1,000-place atlas would double its memory).
    expect(features.features[0]?.geometry).toBe(region.geometry);
  });
});

describe('contestedNames', () => {
  const disputed = { disputed: true, recognisedAs: 'AZ', summary: 'Disputed.' };

  it("gives a disputed place's names in the languages other than English, in the data's order, without their notes", () => {
    const region = place(
      'nagorno-karabakh',
      { type: 'Polygon', coordinates: square(46, 39, 47, 40) },
      {
        status: disputed,
        altNames: [
          { name: 'Karabakh', lang: 'en', note: 'short form' },
          { name: 'Dağlıq Qarabağ', lang: 'az', note: 'Azerbaijani name' },
          { name: 'Արցախ', lang: 'hy' },
          { name: 'Artsakh', lang: 'en', note: 'name used by the Armenian side' },
        ],
      },
    );
    expect(contestedNames(region)).toEqual([
      { name: 'Dağlıq Qarabağ', lang: 'az' },
      { name: 'Արցախ', lang: 'hy' },
    ]);
  });

  it('gives none for a place whose only alternate names are English', () => {
    const town = point('khankendi', [46.7528, 39.8177], {
      status: disputed,
      altNames: [{ name: 'Khankendi', lang: 'en' }],
    });
    expect(contestedNames(town)).toEqual([]);
  });

  it('gives none for a place that is not disputed, whatever its alternate names', () => {
    const altNames = [{ name: 'Bakı', lang: 'az' }];
    const undisputed = point('baku', [49.892, 40.3777], {
      altNames,
      status: { disputed: false, recognisedAs: 'AZ', summary: 'Capital.' },
    });
    const withoutStatus = point('baku', [49.892, 40.3777], { altNames });
    expect([contestedNames(undisputed), contestedNames(withoutStatus)]).toEqual([[], []]);
  });
});

describe('regionLabelAnchors', () => {
  it('has none for a point', () => {
    expect(regionLabelAnchors(point('baku', [49.892, 40.3777]))).toBeUndefined();
  });

  it("gives a polygon's northernmost and southernmost vertices", () => {
    const region = place('region', {
      type: 'Polygon',
      coordinates: [
        [
          [46, 39.5],
          [46.6, 39.1],
          [47.3, 39.4],
          [47, 40.4],
          [46.3, 40.2],
          [46, 39.5],
        ],
      ],
    });
    expect(regionLabelAnchors(region)).toEqual({ north: [47, 40.4], south: [46.6, 39.1] });
  });

  it('takes the western of two vertices at the top and the eastern of two at the bottom', () => {
    const region = place('square', { type: 'Polygon', coordinates: square(44.7, 41.65, 44.9, 41.75) });
    expect(regionLabelAnchors(region)).toEqual({ north: [44.7, 41.75], south: [44.9, 41.65] });
  });

  it("looks at every polygon's exterior of a MultiPolygon", () => {
    const region = place('islands', {
      type: 'MultiPolygon',
      coordinates: [square(10, 50, 11, 51), square(12, 40, 13, 41), square(14, 45, 15, 46)],
    });
    expect(regionLabelAnchors(region)).toEqual({ north: [10, 51], south: [13, 40] });
  });
});
