import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { validateAtlas } from '../domain/validate-atlas';
import { MARKER_PRIORITY, markerPlace, markerPriority } from './marker-places';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const place = (id: string) => model.placeById.get(id)!;

describe('markerPriority', () => {
  it('ranks the story’s region, then the story’s points by their facts, then reactions by theirs', () => {
    expect(MARKER_PRIORITY).toEqual({ story: 1000, region: 900, perFact: 1 });
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
});
