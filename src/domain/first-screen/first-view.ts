import type { Bounds } from '../view';
import { storyFrame } from '../atlas-summary';
import type { Atlas } from '../types';

/** Below this width (a phone) the first view has room for the story's places only. */
export const NARROW_MAP_PX = 600;

/** How far the first view reaches beyond the story's places, in their frame's larger side. */
export const FIRST_VIEW_MARGIN = { narrow: 0.12, wide: 0.4 } as const;

/**
 * The frame of an atlas's first view on a map `mapWidth` pixels wide: the story's places with
 * their neighbours on a wide map, the places alone on a phone's.
 */
export function firstViewFrame(atlas: Atlas, mapWidth: number): Bounds {
  const [w = 0, s = 0, e = 0, n = 0] = storyFrame(
    atlas,
    mapWidth < NARROW_MAP_PX ? FIRST_VIEW_MARGIN.narrow : FIRST_VIEW_MARGIN.wide,
  );
  return [w, s, e, n];
}
