import { factsByPlace } from './atlas-summary';
import { areaFigures, distancesFrom, placesInside, type AreaFigures, type PlaceDistance } from './geography';
import type { Atlas, Fact, Place } from './types';

/** A validated atlas with the lookups and derived figures the views need, computed once or on demand. */
export interface AtlasModel {
  atlas: Atlas;
  placeById: ReadonlyMap<string, Place>;
  factsOf(placeId: string): readonly Fact[];
  /**
   * Great-circle distances to the other places, nearest first: to every place in an atlas of up
   * to DISTANCES_TO_ALL places, to the story's places in a larger one (a list of thousands helps
   * no one and would grow the export with the square of the places).
   */
  distancesFrom(placeId: string): PlaceDistance[];
  area(placeId: string): AreaFigures | undefined;
  /** The regions a point place lies in. */
  regionsContaining(placeId: string): Place[];
  /** Places in reading order: story places first, then reactions, each in data order. */
  orderedPlaces: readonly Place[];
}

export const DISTANCES_TO_ALL = 50;

export function buildAtlasModel(atlas: Atlas): AtlasModel {
  const placeById = new Map(atlas.places.map((p) => [p.id, p]));
  const facts = factsByPlace(atlas);
  const regions = atlas.places.filter((p) => p.geometry.type !== 'Point');
  const areas = new Map<string, AreaFigures | undefined>();
  const distanceTargets =
    atlas.places.length <= DISTANCES_TO_ALL
      ? atlas.places
      : atlas.places.filter((p) => p.properties.group === 'story');
  const ordered = [
    ...atlas.places.filter((p) => p.properties.group === 'story'),
    ...atlas.places.filter((p) => p.properties.group === 'reaction'),
  ];
  return {
    atlas,
    placeById,
    orderedPlaces: ordered,
    factsOf: (id) => facts.get(id) ?? [],
    distancesFrom(id) {
      const place = placeById.get(id);
      if (!place) return [];
      return distancesFrom(place, distanceTargets).sort((a, b) => a.km - b.km);
    },
    area(id) {
      if (!areas.has(id)) {
        const place = placeById.get(id);
        areas.set(id, place && areaFigures(place));
      }
      return areas.get(id);
    },
    regionsContaining(id) {
      const place = placeById.get(id);
      if (!place || place.geometry.type !== 'Point') return [];
      return regions.filter((r) => placesInside(r, [place]).length > 0);
    },
  };
}
