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

export interface LayoutCandidate<M extends string> {
  mode: M;
  box: Box;
  /** 0 for the fullest annotation, higher for smaller ones. */
  tier: number;
}

export interface LayoutItem<M extends string> {
  id: string;
  /** The place's own mark (a point's dot), which no other item may cover. */
  anchor?: Box;
  /** Placements to try, best first; the last is taken when none fits. */
  candidates: LayoutCandidate<M>[];
}

export interface LayoutResult<M extends string> {
  mode: M;
  box: Box;
  /** Ids of obstacles this placement covers (to be hidden), when no placement was free. */
  covers: string[];
}

/**
 * Greedy label placement, the way cartographic label engines start: items in priority order take,
 * tier by tier (full annotation before name only before a bare dot), the first candidate that stays
 * in the frame, overlaps no placed item and covers no obstacle; failing that, the first in that
 * tier that overlaps no placed item (the obstacles it covers are reported, to be hidden: an
 * article's annotation matters more than a basemap label); failing every tier, the last candidate.
 */
export function layoutMarkers<M extends string>(
  items: readonly LayoutItem<M>[],
  frame: Box,
  coveredBy: (box: Box) => string[] = () => [],
): Map<string, LayoutResult<M>> {
  const placed: { id: string; box: Box }[] = items.flatMap((i) =>
    i.anchor ? [{ id: i.id, box: i.anchor }] : [],
  );
  const result = new Map<string, LayoutResult<M>>();
  for (const item of items) {
    const free = (c: LayoutCandidate<M>) =>
      inside(c.box, frame) && !placed.some((p) => p.id !== item.id && overlaps(p.box, c.box));
    // Each candidate's obstacles are asked for once (a query of the map's rendered labels).
    const asked = new Map<LayoutCandidate<M>, string[]>();
    const covered = (c: LayoutCandidate<M>) => {
      let ids = asked.get(c);
      if (!ids) asked.set(c, (ids = coveredBy(c.box)));
      return ids;
    };
    const tiers = [...new Set(item.candidates.map((c) => c.tier))].sort((a, b) => a - b);
    let chosen: LayoutCandidate<M> | undefined;
    for (const tier of tiers) {
      const inTier = item.candidates.filter((c) => c.tier === tier && free(c));
      chosen = inTier.find((c) => covered(c).length === 0) ?? inTier[0];
      if (chosen) break;
    }
    chosen ??= item.candidates[item.candidates.length - 1];
    if (!chosen) continue;
    placed.push({ id: item.id, box: chosen.box });
    result.set(item.id, { mode: chosen.mode, box: chosen.box, covers: covered(chosen) });
  }
  return result;
}
