import type { PlaceGroup } from './types';

/** More points than this outside the story are drawn clustered where they crowd (and keyed as clusters). */
export const CROWD_THRESHOLD = 200;

/** What the crowd rule reads of a place, an atlas's or a map feature made from it. */
interface Crowdable {
  geometry: { type: string };
  properties: { group: PlaceGroup };
}

/** Whether a place belongs to the crowd: a point outside the story. */
export const isCrowdPlace = (place: Crowdable): boolean =>
  place.geometry.type === 'Point' && place.properties.group !== 'story';

/** Whether an atlas's places outside the story are many enough to be clustered on the map. */
export const isCrowded = (places: readonly Crowdable[]): boolean =>
  places.filter(isCrowdPlace).length > CROWD_THRESHOLD;
