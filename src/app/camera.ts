import type { AtlasModel } from '../domain/atlas-model';
import { storyFrame } from '../domain/atlas-summary';
import { anchorOf } from '../domain/geography';
import type { Place } from '../domain/types';
import { NO_INSET, type Bounds, type CameraMove, type Inset } from '../domain/view';
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

const within = ([lng, lat]: readonly [number, number], [w, s, e, n]: Bounds) =>
  lng >= w && lng <= e && lat >= s && lat <= n;

/** The least of the map, in pixels each way, that a fit leaves clear to draw its bounds in. */
export const MIN_CLEAR_PX = 48;

/**
 * A padding of `margin` on every side plus what covers the map there, shrunk on a small map so
 * that at least MIN_CLEAR_PX stays clear each way (MapLibre does not fit bounds into less than
 * nothing). Without the map's size, the padding is as asked.
 */
export function padded(margin: number, inset: Inset, size?: { width: number; height: number }): Inset {
  if (!size)
    return {
      top: margin + inset.top,
      right: margin + inset.right,
      bottom: margin + inset.bottom,
      left: margin + inset.left,
    };
  const clampedBottom = Math.max(0, Math.min(inset.bottom, size.height - inset.top - MIN_CLEAR_PX));
  const clear = { x: size.width - inset.left - inset.right, y: size.height - inset.top - clampedBottom };
  const m = Math.max(0, Math.min(margin, (clear.x - MIN_CLEAR_PX) / 2, (clear.y - MIN_CLEAR_PX) / 2));
  return { top: m + inset.top, right: m + inset.right, bottom: m + clampedBottom, left: m + inset.left };
}

/**
 * Whether the part of the map the reader sees (`bounds`: the map less what covers it) shows the
 * place: a point where it stands, an area by the middle of its bounding box.
 */
export function showsPlace(frame: PlaceFrame, bounds: Bounds): boolean {
  if (frame.kind !== 'area') return within(frame.at, bounds);
  const [w, s, e, n] = frame.bbox;
  return within([(w + e) / 2, (s + n) / 2], bounds);
}

/**
 * Where the map goes to show a place: a region is fitted; a reaction from afar is shown together
 * with the story, so that the reader sees where it stands; a point the reader sees already stays
 * where it is (null), one off screen or under the popup is centred in the part left clear. `visible`
 * is that part of the map; `inset` what covers the rest, which fitted bounds keep clear of.
 */
export function framePlace(
  frame: PlaceFrame,
  visible: { bounds: Bounds; zoom: number; size?: { width: number; height: number } },
  inset: Inset = NO_INSET,
): CameraMove | null {
  switch (frame.kind) {
    case 'area':
      return {
        kind: 'fit',
        bounds: frame.bbox,
        padding: padded(FRAMING.area.padding, inset, visible.size),
        maxZoom: FRAMING.area.maxZoom,
      };
    case 'reaction': {
      const [w, s, e, n] = frame.story;
      const [lng, lat] = frame.at;
      const bounds: Bounds = [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)];
      return {
        kind: 'fit',
        bounds,
        padding: padded(FRAMING.reaction.padding, inset, visible.size),
        maxZoom: FRAMING.reaction.maxZoom,
      };
    }
    case 'point': {
      if (within(frame.at, visible.bounds)) return null;
      const zoom = Math.max(visible.zoom, FRAMING.pointMinZoom);
      const offset = centreOffset(inset);
      return { kind: 'jump', center: frame.at, zoom, ...(offset[0] || offset[1] ? { offset } : {}) };
    }
  }
}

/** Where the centre of the part left clear is, in pixels from the map's centre. */
function centreOffset(inset: Inset): [number, number] {
  return [(inset.left - inset.right) / 2, (inset.top - inset.bottom) / 2];
}

/**
 * Whether a new selection moves the map to its place, and whether the map then makes room for the
 * whole popup. A place chosen in the panel, or named by a link without a view, is brought into
 * view; a place clicked on the map is where the reader is looking. A link's view is kept exactly
 * (the map does not move for its popup either) when it shows the link's place on this screen;
 * when it does not (a desktop's link on a phone), the place wins and is framed.
 */
export function selectionFraming(
  origin: SelectionOrigin,
  link: { hasView: boolean; showsPlace: boolean },
): { move: boolean; keepPopupInView: boolean } {
  if (origin === 'panel') return { move: true, keepPopupInView: true };
  if (origin === 'map') return { move: false, keepPopupInView: true };
  const keep = link.hasView && link.showsPlace;
  return { move: !keep, keepPopupInView: !keep };
}

/** How an opened file is framed when it opens, and a feature chosen in the panel. */
export const FILE_FRAMING = { padding: 60, maxZoom: 9, featureMinZoom: 6 } as const;

/**
 * The whole of an opened file, by its bounding box. A box across the antimeridian (west > east,
 * RFC 7946 §5.2) is fitted over the dateline: its east is given past 180 (east + 360), which
 * MapLibre's fitBounds takes as the same meridian one world to the east.
 */
export function frameFile(bbox: readonly number[]): CameraMove {
  const [w = 0, s = 0, e = 0, n = 0] = bbox;
  return {
    kind: 'fit',
    bounds: [w, s, w > e ? e + 360 : e, n],
    padding: padded(FILE_FRAMING.padding, NO_INSET),
    maxZoom: FILE_FRAMING.maxZoom,
  };
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
  now: { bounds: Bounds; zoom: number; size?: { width: number; height: number } },
): CameraMove | null {
  const kept = points.filter((p) => within(p, before));
  if (kept.length === 0 || kept.every((p) => within(p, now.bounds))) return null;
  const lngs = kept.map(([lng]) => lng);
  const lats = kept.map(([, lat]) => lat);
  return {
    kind: 'fit',
    bounds: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
    padding: padded(KEEP_IN_SIGHT_PADDING, NO_INSET, now.size),
    maxZoom: now.zoom,
  };
}
