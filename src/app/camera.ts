import type { AtlasModel } from '../domain/atlas-model';
import { storyFrame } from '../domain/atlas-summary';
import { anchorOf } from '../domain/geography';
import type { Place } from '../domain/types';
import type { Bounds, CameraMove } from '../domain/view';
import type { SelectionOrigin } from './page-state';

/** What framing a place needs: its area, or its point (a reaction's together with the story). */
export type PlaceFrame =
  | { kind: 'area'; bbox: Bounds }
  | { kind: 'reaction'; at: [number, number]; story: Bounds }
  | { kind: 'point'; at: [number, number] };

/** The camera's framing rules, stated once. */
export const FRAMING = {
  area: { padding: 60, maxZoom: 8 },
  reaction: { padding: 80, maxZoom: 6 },
  /** A point off screen is centred at no less than this zoom. */
  pointMinZoom: 5,
} as const;

export function placeFrame(model: AtlasModel, place: Place): PlaceFrame {
  const area = model.area(place.id);
  if (area) {
    const [w, s, e, n] = area.bbox;
    return { kind: 'area', bbox: [w ?? 0, s ?? 0, e ?? 0, n ?? 0] };
  }
  const [lng = 0, lat = 0] = anchorOf(place);
  if (place.properties.group === 'reaction') {
    const [w = 0, s = 0, e = 0, n = 0] = storyFrame(model.atlas, 0);
    return { kind: 'reaction', at: [lng, lat], story: [w, s, e, n] };
  }
  return { kind: 'point', at: [lng, lat] };
}

/**
 * Where the map goes to show a place: a region is fitted; a reaction from afar is shown together
 * with the story, so that the reader sees where it stands; a point already on screen stays where
 * it is (null), one off screen is centred.
 */
export function framePlace(frame: PlaceFrame, visible: { bounds: Bounds; zoom: number }): CameraMove | null {
  switch (frame.kind) {
    case 'area':
      return { kind: 'fit', bounds: frame.bbox, ...FRAMING.area };
    case 'reaction': {
      const [w, s, e, n] = frame.story;
      const [lng, lat] = frame.at;
      const bounds: Bounds = [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)];
      return { kind: 'fit', bounds, ...FRAMING.reaction };
    }
    case 'point': {
      const [lng, lat] = frame.at;
      const [w, s, e, n] = visible.bounds;
      if (lng >= w && lng <= e && lat >= s && lat <= n) return null;
      return { kind: 'jump', center: frame.at, zoom: Math.max(visible.zoom, FRAMING.pointMinZoom) };
    }
  }
}

/**
 * Whether a new selection moves the map to its place, and whether the map then makes room for the
 * whole popup. A place chosen in the panel, or named by a link without a view, is brought into
 * view; a place clicked on the map is where the reader is looking; a link with a view restores
 * that view exactly, so the map does not move for its popup either.
 */
export function selectionFraming(
  origin: SelectionOrigin,
  linkHasView: boolean,
): { move: boolean; keepPopupInView: boolean } {
  if (origin === 'panel') return { move: true, keepPopupInView: true };
  if (origin === 'map') return { move: false, keepPopupInView: true };
  return { move: !linkHasView, keepPopupInView: !linkHasView };
}

/** How an opened file is framed when it opens, and a feature chosen in the panel. */
export const FILE_FRAMING = { padding: 60, maxZoom: 9, featureMinZoom: 6 } as const;

/** The whole of an opened file, by its bounding box. */
export function frameFile(bbox: readonly number[]): CameraMove {
  const [w = 0, s = 0, e = 0, n = 0] = bbox;
  return { kind: 'fit', bounds: [w, s, e, n], padding: FILE_FRAMING.padding, maxZoom: FILE_FRAMING.maxZoom };
}

/** A file's feature chosen in the panel is centred, at no less than a zoom that shows its surroundings. */
export function frameFeature(at: [number, number], zoom: number): CameraMove {
  return { kind: 'jump', center: at, zoom: Math.max(zoom, FILE_FRAMING.featureMinZoom) };
}

/** Room kept around the places the map keeps in sight when it changes size. */
export const KEEP_IN_SIGHT_PADDING = 40;

/**
 * After the map changed size (the phone's sheet opened or closed, the window resized): the
 * `points` that were in view before and are not all in view now are framed again, at no more than
 * the current zoom; null when nothing needs to move. Points out of view before (the reader looked
 * elsewhere) do not move the map.
 */
export function keepInSight(
  points: readonly [number, number][],
  before: Bounds,
  now: { bounds: Bounds; zoom: number },
): CameraMove | null {
  const inside = ([lng, lat]: [number, number], [w, s, e, n]: Bounds) =>
    lng >= w && lng <= e && lat >= s && lat <= n;
  const kept = points.filter((p) => inside(p, before));
  if (kept.length === 0 || kept.every((p) => inside(p, now.bounds))) return null;
  const lngs = kept.map(([lng]) => lng);
  const lats = kept.map(([, lat]) => lat);
  return {
    kind: 'fit',
    bounds: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
    padding: KEEP_IN_SIGHT_PADDING,
    maxZoom: now.zoom,
  };
}
