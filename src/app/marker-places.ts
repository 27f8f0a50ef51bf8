import type { AtlasModel } from '../domain/atlas-model';
import { contestedNames, regionLabelAnchors } from '../domain/atlas-summary';
import { factsInWhen, type DateFilter } from '../domain/date-filter';
import { anchorOf } from '../domain/geography';
import type { PlaceName } from '../domain/name-sets';
import type { Place } from '../domain/types';
import type { MarkerPlace } from '../map/place-markers';

/**
 * How markers rank among the places in view (higher first): the story's places before reactions
 * from afar; among them a region's label before the points, since it cannot cover their dots and
 * a point can always fall back to its bare dot, so that no two markers ever overlap; then points
 * by their number of facts. While a date filter is chosen, a place with no fact in it ranks after
 * every place with one (`outside` is more than a story's region ranks).
 */
export const MARKER_PRIORITY = { story: 1000, region: 900, perFact: 1, outside: -2000 } as const;

export function markerPriority(place: Place, factCount: number): number {
  const group = place.properties.group === 'story' ? MARKER_PRIORITY.story : 0;
  const kind = place.geometry.type === 'Point' ? factCount * MARKER_PRIORITY.perFact : MARKER_PRIORITY.region;
  return group + kind;
}

/**
 * What a place's marker shows (its name, other names, caption, fact count and status), its rank and
 * its place in the article's order of places. Named as `shown.name` says (a name set's, see
 * placeNameIn); with a date filter (`shown.when`) the count is of the facts it shows, and a place
 * with none of them is marked `outside`: both maps dim it.
 */
export function markerPlace(
  model: AtlasModel,
  place: Place,
  shown: { when?: DateFilter | null; name?: PlaceName } = {},
): MarkerPlace {
  const when = shown.when ?? null;
  // The article's names, as placeNameIn(place, null) gives them: its module stays off the first screen.
  const name = shown.name ?? { text: place.properties.name, otherNames: contestedNames(place) };
  const factCount = factsInWhen(model.factsOf(place.id), when).length;
  const outside = when !== null && factCount === 0;
  const names = name.otherNames;
  const [lng = 0, lat = 0] = anchorOf(place);
  const lngLat: [number, number] = [lng, lat];
  const common = {
    id: place.id,
    name: name.text,
    ...(name.lang ? { nameLang: name.lang } : {}),
    ...(name.latin ? { latinName: name.latin } : {}),
    caption: place.properties.caption,
    factCount,
    priority: markerPriority(place, factCount) + (outside ? MARKER_PRIORITY.outside : 0),
    order: model.orderedPlaces.indexOf(place),
    lngLat,
    ...(names.length ? { altLine: names.map((n) => ({ text: n.name, lang: n.lang })) } : {}),
    ...(place.properties.status?.disputed ? { badge: 'Disputed' } : {}),
    ...(outside ? { outside } : {}),
  };
  const area = model.area(place.id);
  const labels = regionLabelAnchors(place);
  if (area && labels) {
    const [w = 0, s = 0, e = 0, n = 0] = area.bbox;
    return { ...common, kind: 'region', north: labels.north, south: labels.south, bbox: [w, s, e, n] };
  }
  return { ...common, kind: 'point' };
}
