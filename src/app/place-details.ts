import type { AtlasModel } from '../domain/atlas-model';
import { factsInWhen, whenLabel, type DateFilter } from '../domain/date-filter';
import type { Place } from '../domain/types';
import { buildPlaceDetails } from '../ui/place-details';

/**
 * The full details of a place: all of its text, for its entry in the panel (level 3); with a date
 * filter, its facts of those dates only.
 */
export function placeDetails(
  m: AtlasModel,
  place: Place,
  headingId: string,
  level: 2 | 3,
  actions?: readonly HTMLElement[],
  when: DateFilter | null = null,
): HTMLElement {
  const all = m.factsOf(place.id);
  return buildPlaceDetails(
    {
      place,
      facts: factsInWhen(all, when),
      ...(when ? { filter: { label: whenLabel(when), total: all.length } } : {}),
      article: m.atlas.article,
      distances: m.distancesFrom(place.id),
      placeName: (id) => m.placeById.get(id)?.properties.name ?? id,
      area: m.area(place.id),
      within: m.regionsContaining(place.id),
    },
    { headingId, level, ...(actions ? { actions } : {}) },
  );
}
