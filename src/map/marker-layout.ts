/** A box on screen, in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const overlaps = (a: Box, b: Box, gap = 2): boolean =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

export const inside = (a: Box, frame: Box): boolean =>
  a.left >= frame.left && a.top >= frame.top && a.right <= frame.right && a.bottom <= frame.bottom;

export interface LayoutCandidate<P> {
  placement: P;
  box: Box;
  /** 0 for the fullest annotation, higher for smaller ones. */
  tier: number;
  /** Shows no name (a bare dot): taken only when no placement that names the place is free. */
  bare?: boolean;
  /** How far the annotation is from its own spot (0 there), in steps: an upgrade is never farther. */
  distance?: number;
  /** The box of the line that joins a moved annotation to its place, which must be free too. */
  leader?: Box;
}

export interface LayoutItem<P> {
  id: string;
  /** The place's own mark (a point's dot), which no other item may cover. */
  anchor?: Box;
  /** Placements to try, best first within each tier. */
  candidates: LayoutCandidate<P>[];
}

/** Something on the map under a box: a basemap label, which a marker may hide unless it is fixed. */
export interface Obstacle {
  id: string;
  /** A label no marker may hide (a party's country label): a candidate over it is not free. */
  fixed: boolean;
}

export interface LayoutResult<P> {
  placement: P;
  box: Box;
  tier: number;
  distance: number;
  /** Whether the placement shows the place's name (false for a bare dot). */
  named: boolean;
  /** Ids of the obstacles this placement covers (to be hidden); never a fixed one. */
  covers: string[];
}

/**
 * Label placement in two passes, so that every place is named before any gets an annotation.
 * First, items in priority order take the smallest placement that names them (name only, then,
 * if none is free, larger ones), the first free one in their order that covers no obstacle, or
 * failing that the first free one that covers only obstacles that may be hidden; an item with no
 * free naming placement takes its bare candidate (its dot), or else its last candidate. Then, in
 * priority order again, each named item moves up to the fullest tier that is free now no farther
 * from its place (the others staying where they are). Free: inside the frame, over no other item's
 * placement or anchor, and over no fixed obstacle, its leader line too.
 */
export function layoutMarkers<P>(
  items: readonly LayoutItem<P>[],
  frame: Box,
  obstaclesUnder: (box: Box) => Obstacle[] = () => [],
): Map<string, LayoutResult<P>> {
  const anchors = items.flatMap((i) => (i.anchor ? [{ id: i.id, box: i.anchor }] : []));
  const taken = new Map<string, Box>();
  // Each candidate's obstacles are asked for once (a query of the map's rendered labels).
  const asked = new Map<Box, Obstacle[]>();
  const underBox = (box: Box) => {
    let found = asked.get(box);
    if (!found) asked.set(box, (found = obstaclesUnder(box)));
    return found;
  };
  const under = (c: LayoutCandidate<P>) => underBox(c.box);
  const clear = (item: LayoutItem<P>, box: Box) =>
    !anchors.some((a) => a.id !== item.id && overlaps(a.box, box)) &&
    ![...taken].some(([id, placed]) => id !== item.id && overlaps(placed, box));
  // A leader line may cross basemap labels that can be faded, not a fixed one.
  const free = (item: LayoutItem<P>, c: LayoutCandidate<P>) =>
    inside(c.box, frame) &&
    clear(item, c.box) &&
    !under(c).some((o) => o.fixed) &&
    (!c.leader || (clear(item, c.leader) && !underBox(c.leader).some((o) => o.fixed)));
  const best = (item: LayoutItem<P>, tier: number, farthest = Infinity) => {
    const fits = item.candidates.filter(
      (c) => !c.bare && c.tier === tier && (c.distance ?? 0) <= farthest && free(item, c),
    );
    return fits.find((c) => under(c).length === 0) ?? fits[0];
  };
  const result = new Map<string, LayoutResult<P>>();
  const take = (item: LayoutItem<P>, c: LayoutCandidate<P>) => {
    taken.set(item.id, c.box);
    const covers = under(c).filter((o) => !o.fixed);
    result.set(item.id, {
      placement: c.placement,
      box: c.box,
      tier: c.tier,
      distance: c.distance ?? 0,
      named: !c.bare,
      covers: [...new Set(covers.map((o) => o.id))],
    });
  };
  const tiersOf = (item: LayoutItem<P>) =>
    [...new Set(item.candidates.filter((c) => !c.bare).map((c) => c.tier))].sort((a, b) => a - b);

  for (const item of items) {
    let chosen: LayoutCandidate<P> | undefined;
    for (const tier of tiersOf(item).reverse()) if ((chosen = best(item, tier))) break;
    chosen ??= item.candidates.find((c) => c.bare) ?? item.candidates[item.candidates.length - 1];
    if (chosen) take(item, chosen);
  }
  for (const item of items) {
    const now = result.get(item.id);
    if (!now?.named) continue;
    for (const tier of tiersOf(item).filter((t) => t < now.tier)) {
      const better = best(item, tier, now.distance);
      if (better) {
        take(item, better);
        break;
      }
    }
  }
  return result;
}
