import type { PositionAnchor } from 'maplibre-gl';

// Where a place's popup goes against its place: pure arithmetic on boxes, shared by the MapLibre
// popup (place-popup.ts) and the first-screen map's (svg-map.ts), which draws without MapLibre.

/** A box in the map container's pixels, or relative to a point. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The popup's least distance from its place, and its gap to what it avoids. */
export const OFFSET = 12;
const GAP = 6;
/** Half the size of a selected place's circle with its stroke, at its largest (atlas-layers.ts). */
export const SYMBOL = 13;

/** An offset for each anchor, in pixels. */
export type AnchorOffsets = Record<PositionAnchor, [number, number]>;

/**
 * The popup's offset for each anchor, such that the popup lies wholly beyond `avoid`, a box
 * relative to the place: above it for the bottom anchors, below it for the top ones, beside it for
 * left and right (and for center, which the popup never takes, as for bottom). The popup is then
 * on the far side of a line that `avoid` does not cross, so the two never meet, whichever anchor
 * is taken and wherever the map is panned (both move with the place).
 */
export function popupOffsets(avoid: Box): AnchorOffsets {
  const above: [number, number] = [0, Math.min(-OFFSET, avoid.top - GAP)];
  const below: [number, number] = [0, Math.max(OFFSET, avoid.bottom + GAP)];
  return {
    center: above,
    bottom: above,
    'bottom-left': above,
    'bottom-right': above,
    top: below,
    'top-left': below,
    'top-right': below,
    left: [Math.max(OFFSET, avoid.right + GAP), 0],
    right: [Math.min(-OFFSET, avoid.left - GAP), 0],
  };
}

/** Where the popup's box lies against its anchor point, as shares of its size (MapLibre's anchorTranslate). */
export const ANCHOR_SHIFT: Record<PositionAnchor, [number, number]> = {
  center: [-0.5, -0.5],
  top: [-0.5, 0],
  'top-left': [0, 0],
  'top-right': [-1, 0],
  bottom: [-0.5, -1],
  'bottom-left': [0, -1],
  'bottom-right': [-1, -1],
  left: [0, -0.5],
  right: [-1, -0.5],
};

/**
 * The anchors tried, in order: above the place, below it, then above or below running right or
 * left from it (near the map's sides), then left of it and right of it.
 */
export const ANCHORS: readonly PositionAnchor[] = [
  'bottom',
  'top',
  'bottom-left',
  'bottom-right',
  'top-left',
  'top-right',
  'right',
  'left',
];

/**
 * The first anchor of ANCHORS at which a popup of `size`, offset by `offsets`, lies within the
 * map (`frame`, less `margin`) and covers none of `others` (the other markers, in the map's
 * pixels); else the first at which it lies within the map; when none fits, the one that sticks out
 * least (keepInView then pans the map).
 */
export function chooseAnchor(
  point: { x: number; y: number },
  size: { width: number; height: number },
  frame: { width: number; height: number },
  offsets: AnchorOffsets,
  others: readonly Box[] = [],
  margin = 8,
): PositionAnchor {
  let fits: PositionAnchor | null = null;
  let best: PositionAnchor = ANCHORS[0]!;
  let least = Infinity;
  for (const anchor of ANCHORS) {
    const [fx, fy] = ANCHOR_SHIFT[anchor];
    const [ox, oy] = offsets[anchor];
    const left = point.x + ox + fx * size.width;
    const top = point.y + oy + fy * size.height;
    const box = { left, top, right: left + size.width, bottom: top + size.height };
    const out =
      Math.max(0, margin - box.left) +
      Math.max(0, box.right - (frame.width - margin)) +
      Math.max(0, margin - box.top) +
      Math.max(0, box.bottom - (frame.height - margin));
    if (out === 0 && !others.some((o) => intersects(o, box))) return anchor;
    if (out === 0) fits ??= anchor;
    if (out < least) [best, least] = [anchor, out];
  }
  return fits ?? best;
}

const intersects = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** An element's box in the pixels of `frame` (the map's container). */
export function boxWithin(element: Element, frame: Element): Box {
  const f = frame.getBoundingClientRect();
  const r = element.getBoundingClientRect();
  return { left: r.left - f.left, top: r.top - f.top, right: r.right - f.left, bottom: r.bottom - f.top };
}
