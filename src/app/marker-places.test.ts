import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { validateAtlas } from '../domain/validate-atlas';
import { placeNameIn } from '../domain/name-sets';
import { MARKER_PRIORITY, markerPlace, markerPriority } from './marker-places';
import { namedPlaces } from './place-names';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const place = (id: string) => model.placeById.get(id)!;

describe('markerPriority', () => {
  it('ranks the story’s region, then the story’s points by their facts, then reactions by theirs', () => {
    expect(MARKER_PRIORITY).toEqual({ story: 1000, region: 900, perFact: 1, outside: -2000 });
    expect(markerPriority(place('nagorno-karabakh'), 20)).toBe(1900);
    expect(markerPriority(place('stepanakert'), 7)).toBe(1007);
    expect(markerPriority(place('moscow'), 2)).toBe(2);
    const ranked = model.atlas.places
      .map((p) => ({ id: p.id, priority: markerPriority(p, model.factsOf(p.id).length) }))
      .sort((a, b) => b.priority - a.priority)
      .map((p) => p.id);
    expect(ranked.slice(0, 4)).toEqual(['nagorno-karabakh', ...ranked.slice(1, 4)]);
    expect(new Set(ranked.slice(1, 4))).toEqual(new Set(['stepanakert', 'baku', 'yerevan']));
  });
});

describe('markerPlace', () => {
  it('gives a contested point its other names, status, caption, fact count and position', () => {
    const stepanakert = markerPlace(model, place('stepanakert'));
    expect(stepanakert).toEqual({
      id: 'stepanakert',
      kind: 'point',
      name: 'Stepanakert',
      caption: 'Gunfire during the talks; streets full of displaced people',
      badge: 'Disputed',
      factCount: 4,
      priority: 1004,
      order: 1,
      lngLat: [46.7528, 39.8177],
      altLine: [
        { text: 'Xankəndi', lang: 'az' },
        { text: 'Ստեփանակերտ', lang: 'hy' },
      ],
    });
  });

  it('gives the disputed region its badge, bounding box and label anchors', () => {
    const region = markerPlace(model, place('nagorno-karabakh'));
    expect(region.kind).toBe('region');
    expect(region.badge).toBe('Disputed');
    expect(region.bbox).toEqual([46.2914, 39.3843, 47.3197, 40.4183]);
    expect(region.north?.[1]).toBe(40.4183);
    expect(region.south?.[1]).toBe(39.3843);
  });

  it('orders the markers as the article orders its places: the story’s, then reactions, in data order', () => {
    const order = model.atlas.places.map((p) => [p.id, markerPlace(model, p).order]);
    expect(order).toEqual([
      ['nagorno-karabakh', 0],
      ['stepanakert', 1],
      ['baku', 2],
      ['yerevan', 3],
      ['moscow', 4],
      ['ankara', 5],
      ['brussels', 6],
      ['new-york', 7],
      ['washington', 8],
    ]);
  });

  it('gives a reaction place no badge and no other names', () => {
    const moscow = markerPlace(model, place('moscow'));
    expect(moscow.badge).toBe(undefined);
    expect(moscow.altLine).toBe(undefined);
    expect(moscow.priority).toBe(model.factsOf('moscow').length);
  });

  it('counts the facts of the chosen dates, and marks a place with none of them outside, ranked last', () => {
    const when = { kind: 'date', date: '2023-09-21' } as const;
    const counts = model.atlas.places.map((p) => {
      const m = markerPlace(model, p, { when });
      return [p.id, m.factCount, m.priority, m.outside ?? false];
    });
    expect(counts).toEqual([
      ['nagorno-karabakh', 19, 1900, false],
      ['stepanakert', 4, 1004, false],
      ['baku', 14, 1014, false],
      ['yerevan', 4, 1004, false],
      ['moscow', 3, 3, false],
      ['ankara', 1, 1, false],
      ['brussels', 1, 1, false],
      ['new-york', 1, 1, false],
      ['washington', 0, -2000, true],
    ]);
    // Without a filter, every fact and no mark.
    expect(markerPlace(model, place('washington'), { when: null })).toEqual(
      markerPlace(model, place('washington')),
    );
    expect(markerPlace(model, place('washington')).factCount).toBe(1);
    expect(markerPlace(model, place('washington')).outside).toBe(undefined);
  });
});

describe('markerPlace under a name set', () => {
  it('names a place by the article by default, as placeNameIn does with no name set', () => {
    for (const p of model.atlas.places) {
      expect(markerPlace(model, p)).toEqual(markerPlace(model, p, { name: placeNameIn(p, null) }));
    }
  });

  it('leads with the chosen name, its language and its Latin letters, and the other side’s name', () => {
    const { markers, labels, lang } = namedPlaces(model, 'hy');
    expect(lang).toBe('hy');
    expect(markers(null).find((m) => m.id === 'stepanakert')).toEqual({
      ...markerPlace(model, place('stepanakert')),
      name: 'Ստեփանակերտ (Stepanakert)',
      nameLang: 'hy',
      latinName: 'Stepanakert',
      altLine: [{ text: 'Xankəndi', lang: 'az' }],
    });
    expect(labels).toEqual({
      'nagorno-karabakh': 'Արցախ (Nagorno-Karabakh)',
      stepanakert: 'Ստեփանակերտ (Stepanakert)',
      yerevan: 'Երևան',
    });
  });

  it('names and counts at once: a name set’s names, the date filter’s counts', () => {
    const when = { kind: 'date', date: '2020' } as const;
    const stepanakert = namedPlaces(model, 'hy')
      .markers(when)
      .find((m) => m.id === 'stepanakert');
    expect([stepanakert?.name, stepanakert?.factCount, stepanakert?.outside]).toEqual([
      'Ստեփանակերտ (Stepanakert)',
      markerPlace(model, place('stepanakert'), { when }).factCount,
      markerPlace(model, place('stepanakert'), { when }).outside,
    ]);
    expect(stepanakert?.factCount).toBeLessThan(markerPlace(model, place('stepanakert')).factCount);
  });

  it('gives the article’s names for a name set the atlas does not have', () => {
    const named = namedPlaces(model, 'fr');
    expect(named.lang).toBe(null);
    expect(named.labels).toBe(null);
    expect(named.markers(null)).toEqual(model.atlas.places.map((p) => markerPlace(model, p)));
  });
});
