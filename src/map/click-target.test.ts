import { describe, expect, it } from 'vitest';
import { clickTarget, type ClickHit } from './click-target';

const isArticle = (id: string) => id.startsWith('atlas-');
const hit = (layerId: string, geometryType: string): ClickHit => ({ layerId, geometryType });

describe('which hit a click on the map opens', () => {
  it('opens an opened file’s point inside the disputed region, not the region around it', () => {
    const hits = [hit('imported-1-circle', 'Point'), hit('atlas-region-fill', 'Polygon')];
    expect(clickTarget(hits, isArticle)).toEqual({ owner: 'imported', index: 0 });
  });

  it('opens the article’s point before an opened file’s point or line drawn over it', () => {
    const hits = [
      hit('imported-1-line', 'LineString'),
      hit('imported-1-circle', 'Point'),
      hit('atlas-place-circle', 'Point'),
    ];
    expect(clickTarget(hits, isArticle)).toEqual({ owner: 'article', index: 2 });
  });

  it('opens the article’s region before an opened file’s polygon drawn over it', () => {
    const hits = [hit('imported-2-fill', 'MultiPolygon'), hit('atlas-region-fill', 'Polygon')];
    expect(clickTarget(hits, isArticle)).toEqual({ owner: 'article', index: 1 });
  });

  it('opens an opened file’s line crossing the disputed region, not the region under it', () => {
    const hits = [hit('atlas-region-fill', 'Polygon'), hit('imported-1-line', 'LineString')];
    expect(clickTarget(hits, isArticle)).toEqual({ owner: 'imported', index: 1 });
  });

  it('opens an opened file’s polygon where the article has nothing, the topmost of two first', () => {
    const hits = [hit('imported-2-fill', 'Polygon'), hit('imported-1-fill', 'Polygon')];
    expect(clickTarget(hits, isArticle)).toEqual({ owner: 'imported', index: 0 });
  });

  it('opens the topmost of the article’s points: a story place’s circle drawn over a cluster', () => {
    const hits = [hit('atlas-place-circle', 'Point'), hit('atlas-crowd-cluster', 'Point')];
    expect(clickTarget(hits, isArticle)).toEqual({ owner: 'article', index: 0 });
  });

  it('answers nothing when nothing clickable was hit', () => {
    expect(clickTarget([], isArticle)).toBeUndefined();
  });
});
