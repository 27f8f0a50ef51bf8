import type { AtlasModel } from '../domain/atlas-model';
import type { Place } from '../domain/types';
import { buildPlaceDetails } from '../ui/place-details';

/** The full details of a place: all of its text, for its entry in the panel (level 3). */
export function placeDetails(
  m: AtlasModel,
  place: Place,
  headingId: string,
  level: 2 | 3,
  actions?: readonly HTMLElement[],
): HTMLElement {
  return buildPlaceDetails(
    {
      place,
      facts: m.factsOf(place.id),
      article: m.atlas.article,
      distances: m.distancesFrom(place.id),
      placeName: (id) => m.placeById.get(id)?.properties.name ?? id,
      area: m.area(place.id),
      within: m.regionsContaining(place.id),
    },
    { headingId, level, ...(actions ? { actions } : {}) },
  );
}
