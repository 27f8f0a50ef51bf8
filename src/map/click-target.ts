import { isAreaType } from '../domain/geography';
/** What a click on the map hit: a rendered feature's layer and the type of its geometry. */
export interface ClickHit {
  layerId: string;
  geometryType: string;
}

/** Who answers a click: the article's view or the opened files, and which of the hits. */
export type ClickOwner = 'article' | 'imported';

/**
 * Chooses which hit a click opens, hits given topmost first (as queryRenderedFeatures gives them):
 * small targets before areas, and the article before an opened file of the same kind. So an opened
 * file's point inside the disputed region opens that point, not the region around it; the region
 * still answers a click on its empty area, before an opened file's polygon drawn over it.
 *
 * Order: the article's points (and clusters), then an opened file's points and lines, then the
 * article's areas, then an opened file's areas. Undefined when nothing clickable was hit.
 */
export function clickTarget(
  hits: readonly ClickHit[],
  isArticle: (layerId: string) => boolean,
): { owner: ClickOwner; index: number } | undefined {
  const rank = (hit: ClickHit) => (isArticle(hit.layerId) ? 0 : 1) + (isAreaType(hit.geometryType) ? 2 : 0);
  let best: { owner: ClickOwner; index: number; rank: number } | undefined;
  hits.forEach((hit, index) => {
    const r = rank(hit);
    if (!best || r < best.rank)
      best = { owner: isArticle(hit.layerId) ? 'article' : 'imported', index, rank: r };
  });
  return best && { owner: best.owner, index: best.index };
}
