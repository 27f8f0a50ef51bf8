import type { AtlasModel } from '../domain/atlas-model';
import { contestedNames, regionLabelAnchors } from '../domain/atlas-summary';
import { anchorOf } from '../domain/geography';
import type { Place } from '../domain/types';
import type { MarkerPlace } from '../map/place-markers';

/**
 * How markers rank among the places in view (higher first): the story's places before reactions
 * from afar; among them a region's label before the points, since it cannot cover their dots and
 * a point can always fall back to its bare dot, so that no two markers ever overlap; then points
 * by their number of facts.
 */
export const MARKER_PRIORITY = { story: 1000, region: 900, perFact: 1 } as const;

export function markerPriority(place: Place, factCount: number): number {
  const group = place.properties.group === 'story' ? MARKER_PRIORITY.story : 0;
  const kind = place.geometry.type === 'Point' ? factCount * MARKER_PRIORITY.perFact : MARKER_PRIORITY.region;
  return group + kind;
}

/**
 * What a place's marker shows (its name, other names, caption, fact count and status), its rank and
 * its place in the article's order of places.
 */
export function markerPlace(model: AtlasModel, place: Place): MarkerPlace {
  const factCount = model.factsOf(place.id).length;
  const names = contestedNames(place);
  const [lng = 0, lat = 0] = anchorOf(place);
  const lngLat: [number, number] = [lng, lat];
  const common = {
    id: place.id,
    name: place.properties.name,
    caption: place.properties.caption,
    factCount,
    priority: markerPriority(place, factCount),
    order: model.orderedPlaces.indexOf(place),
    lngLat,
    ...(names.length ? { altLine: names.map((n) => ({ text: n.name, lang: n.lang })) } : {}),
    ...(place.properties.status?.disputed ? { badge: 'Disputed' } : {}),
  };
  const area = model.area(place.id);
  const labels = regionLabelAnchors(place);
  if (area && labels) {
    const [w = 0, s = 0, e = 0, n = 0] = area.bbox;
    return { ...common, kind: 'region', north: labels.north, south: labels.south, bbox: [w, s, e, n] };
  }
  return { ...common, kind: 'point' };
}
