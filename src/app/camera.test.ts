import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { validateAtlas } from '../domain/validate-atlas';
import {
  FILE_FRAMING,
  frameFeature,
  frameFile,
  FRAMING,
  framePlace,
  keepInSight,
  placeFrame,
  MIN_CLEAR_PX,
  padded,
  selectionFraming,
  showsPlace,
} from './camera';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const place = (id: string) => model.placeById.get(id)!;
const CAUCASUS = { bounds: [43, 38, 51, 42] as [number, number, number, number], zoom: 6.5 };
/** A phone's popup sheet over the bottom 250 px of the map. */
const SHEET = { top: 0, right: 0, bottom: 250, left: 0 };

describe('placeFrame', () => {
  it('frames a region by its bounding box', () => {
    expect(placeFrame(model, place('nagorno-karabakh'))).toEqual({
      kind: 'area',
      bbox: [46.2914, 39.3843, 47.3197, 40.4183],
    });
  });

  it('frames a reaction from afar together with the story', () => {
    expect(placeFrame(model, place('moscow'))).toEqual({
      kind: 'reaction',
      at: [37.6156, 55.7522],
      // The story's places: from Yerevan in the west to Baku in the east, the region's south and north.
      story: [44.5126, 39.3843, 49.892, 40.4183],
    });
  });

  it('frames a story point by its position', () => {
    expect(placeFrame(model, place('baku'))).toEqual({ kind: 'point', at: [49.892, 40.3777] });
  });
});

describe('framePlace', () => {
  it('fits a region with the area framing', () => {
    expect(FRAMING.area).toEqual({ padding: 60, maxZoom: 8 });
    expect(framePlace({ kind: 'area', bbox: [45, 39, 47.5, 40.5] }, CAUCASUS)).toEqual({
      kind: 'fit',
      bounds: [45, 39, 47.5, 40.5],
      padding: { top: 60, right: 60, bottom: 60, left: 60 },
      maxZoom: 8,
    });
    // What covers the map (a phone's popup sheet) is kept clear as well.
    expect(framePlace({ kind: 'area', bbox: [45, 39, 47.5, 40.5] }, CAUCASUS, SHEET)).toEqual({
      kind: 'fit',
      bounds: [45, 39, 47.5, 40.5],
      padding: { top: 60, right: 60, bottom: 310, left: 60 },
      maxZoom: 8,
    });
  });

  it('fits a reaction and the story together', () => {
    expect(FRAMING.reaction).toEqual({ padding: 80, maxZoom: 6 });
    expect(
      framePlace({ kind: 'reaction', at: [37.6, 55.75], story: [44.5, 39.5, 49.9, 40.4] }, CAUCASUS),
    ).toEqual({
      kind: 'fit',
      bounds: [37.6, 39.5, 49.9, 55.75],
      padding: { top: 80, right: 80, bottom: 80, left: 80 },
      maxZoom: 6,
    });
    expect(
      framePlace({ kind: 'reaction', at: [-74, 20], story: [44.5, 39.5, 49.9, 40.4] }, CAUCASUS, SHEET),
    ).toEqual({
      kind: 'fit',
      bounds: [-74, 20, 49.9, 40.4],
      padding: { top: 80, right: 80, bottom: 330, left: 80 },
      maxZoom: 6,
    });
  });

  it('leaves a point on screen where it is, edges included', () => {
    expect(framePlace({ kind: 'point', at: [49.892, 40.3777] }, CAUCASUS)).toBe(null);
    expect(framePlace({ kind: 'point', at: [43, 42] }, CAUCASUS)).toBe(null);
    expect(framePlace({ kind: 'point', at: [51, 38] }, CAUCASUS)).toBe(null);
  });

  it('centres a point under a sheet in the part of the map left clear', () => {
    expect(
      framePlace({ kind: 'point', at: [49.9, 38.5] }, { ...CAUCASUS, bounds: [43, 39, 51, 42] }, SHEET),
    ).toEqual({
      kind: 'jump',
      center: [49.9, 38.5],
      zoom: 6.5,
      offset: [0, -125],
    });
  });

  it('centres a point off screen, at zoom 5 at least', () => {
    expect(FRAMING.pointMinZoom).toBe(5);
    expect(framePlace({ kind: 'point', at: [51.01, 40] }, CAUCASUS)).toEqual({
      kind: 'jump',
      center: [51.01, 40],
      zoom: 6.5,
    });
    expect(framePlace({ kind: 'point', at: [44, 37.99] }, { ...CAUCASUS, zoom: 3 })).toEqual({
      kind: 'jump',
      center: [44, 37.99],
      zoom: 5,
    });
  });
});

describe('padded', () => {
  it('adds the margin to what covers the map', () => {
    expect(padded(60, SHEET)).toEqual({ top: 60, right: 60, bottom: 310, left: 60 });
    expect(padded(60, SHEET, { width: 800, height: 600 })).toEqual({
      top: 60,
      right: 60,
      bottom: 310,
      left: 60,
    });
  });

  it('shrinks the margin on a small map, so that MIN_CLEAR_PX stays clear each way', () => {
    expect(MIN_CLEAR_PX).toBe(48);
    // 400 px high, 250 covered: 150 px clear, less 48 leaves 51 px of margin each side.
    expect(padded(80, SHEET, { width: 375, height: 400 })).toEqual({
      top: 51,
      right: 51,
      bottom: 301,
      left: 51,
    });
    // A sheet that leaves less than 48 px: it is taken as covering all but 48 px, with no margin.
    expect(padded(80, SHEET, { width: 375, height: 280 })).toEqual({
      top: 0,
      right: 0,
      bottom: 232,
      left: 0,
    });
  });
});

describe('showsPlace', () => {
  it('sees a point where it stands, edges included, and an area by its middle', () => {
    const bounds: [number, number, number, number] = [43, 38, 51, 42];
    expect(showsPlace({ kind: 'point', at: [49.892, 40.3777] }, bounds)).toBe(true);
    expect(showsPlace({ kind: 'point', at: [51, 42] }, bounds)).toBe(true);
    expect(showsPlace({ kind: 'point', at: [51.01, 40] }, bounds)).toBe(false);
    expect(showsPlace({ kind: 'reaction', at: [37.6, 55.75], story: bounds }, bounds)).toBe(false);
    expect(showsPlace({ kind: 'area', bbox: [49, 39, 53, 41] }, bounds)).toBe(true);
    expect(showsPlace({ kind: 'area', bbox: [50.5, 39, 53, 41] }, bounds)).toBe(false);
  });
});

describe('selectionFraming', () => {
  it('moves to a place chosen in the panel, and makes room for its popup', () => {
    expect(selectionFraming('panel', { hasView: false, showsPlace: false })).toEqual({
      move: true,
      keepPopupInView: true,
    });
    expect(selectionFraming('panel', { hasView: false, showsPlace: true })).toEqual({
      move: true,
      keepPopupInView: true,
    });
  });

  it('does not move for a place clicked on the map, but makes room for its popup', () => {
    expect(selectionFraming('map', { hasView: false, showsPlace: true })).toEqual({
      move: false,
      keepPopupInView: true,
    });
  });

  it('keeps a link’s view exactly when it shows the place, and frames the place otherwise', () => {
    expect(selectionFraming('link', { hasView: true, showsPlace: true })).toEqual({
      move: false,
      keepPopupInView: false,
    });
    // A desktop's link on a phone: the view does not show the place here, so the place wins.
    expect(selectionFraming('link', { hasView: true, showsPlace: false })).toEqual({
      move: true,
      keepPopupInView: true,
    });
    expect(selectionFraming('link', { hasView: false, showsPlace: true })).toEqual({
      move: true,
      keepPopupInView: true,
    });
  });
});

describe('framing an opened file', () => {
  it('fits the whole file, and centres a feature chosen in the panel at zoom 6 at least', () => {
    expect(FILE_FRAMING).toEqual({ padding: 60, maxZoom: 9, featureMinZoom: 6 });
    expect(frameFile([46.9, 39.5, 47.1, 39.7])).toEqual({
      kind: 'fit',
      bounds: [46.9, 39.5, 47.1, 39.7],
      padding: { top: 60, right: 60, bottom: 60, left: 60 },
      maxZoom: 9,
    });
    expect(frameFeature([46.93, 39.52], 4)).toEqual({ kind: 'jump', center: [46.93, 39.52], zoom: 6 });
    expect(frameFeature([46.93, 39.52], 8.5)).toEqual({ kind: 'jump', center: [46.93, 39.52], zoom: 8.5 });
  });

  it('fits a box across the antimeridian over the dateline, its east past 180', () => {
    expect(frameFile([170, -20, -170, -10])).toEqual({
      kind: 'fit',
      bounds: [170, -20, 190, -10],
      padding: { top: 60, right: 60, bottom: 60, left: 60 },
      maxZoom: 9,
    });
    // West equal to east is a point, not the whole world.
    expect(frameFile([179, 1, 179, 2])).toMatchObject({ bounds: [179, 1, 179, 2] });
    expect(frameFile([-180, -20, 180, -10])).toMatchObject({ bounds: [-180, -20, 180, -10] });
  });
});

describe('keepInSight', () => {
  const BAKU: [number, number] = [49.892, 40.3777];
  const YEREVAN: [number, number] = [44.5126, 40.1811];
  const MOSCOW: [number, number] = [37.6156, 55.7522];

  it('frames again, at no more than the current zoom, the places in view before that are not all in view now', () => {
    // The sheet opened: the map lost its southern half, where Yerevan and Baku were.
    expect(
      keepInSight([BAKU, YEREVAN, MOSCOW], [43, 38, 51, 42], { bounds: [44, 40.5, 50, 42], zoom: 6.5 }),
    ).toEqual({
      kind: 'fit',
      bounds: [44.5126, 40.1811, 49.892, 40.3777],
      padding: { top: 40, right: 40, bottom: 40, left: 40 },
      maxZoom: 6.5,
    });
  });

  it('does not move the map when every place in view before still is', () => {
    expect(keepInSight([BAKU, YEREVAN], [43, 38, 51, 42], { bounds: [44, 40, 50, 41], zoom: 7 })).toBeNull();
  });

  it('does not move the map when none was in view before (the reader looks elsewhere)', () => {
    expect(keepInSight([BAKU, YEREVAN], [30, 50, 40, 60], { bounds: [32, 52, 38, 58], zoom: 5 })).toBeNull();
  });
});
