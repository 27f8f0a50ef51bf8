import type { BBox, Feature, FeatureCollection } from 'geojson';
import { placesInside } from './geography';
import type { Atlas, Fact, Place, PlaceGeometry } from './types';

/** The facts of each place, in the article's order; a fact with several places is listed under each. */
export function factsByPlace(atlas: Atlas): Map<string, Fact[]> {
  const byPlace = new Map<string, Fact[]>(atlas.places.map((p) => [p.id, []]));
  for (const fact of atlas.facts) {
    for (const id of fact.placeIds) byPlace.get(id)?.push(fact);
  }
  return byPlace;
}

/** English names of the countries the story's places belong to, for the basemap's focus colour. */
export function focusCountries(atlas: Atlas): string[] {
  return [
    ...new Set(
      atlas.places.filter((p) => p.properties.group === 'story').map((p) => p.properties.country.name),
    ),
  ];
}

/**
 * The view that frames the story places, widened on each side by `margin` times its larger side so that
 * the neighbouring countries show; [west, south, east, north].
 */
export function storyFrame(atlas: Atlas, margin = 0.4): BBox {
  const story = atlas.places.filter((p) => p.properties.group === 'story');
  const points = (story.length ? story : atlas.places).flatMap((p) => positionsOf(p));
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const pad = Math.max(e - w, n - s, 1) * margin;
  return [w - pad, Math.max(s - pad, -85), e + pad, Math.min(n + pad, 85)];
}

function positionsOf(place: Place): number[][] {
  const g = place.geometry;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates[0] ?? [];
  return g.coordinates.flatMap((poly) => poly[0] ?? []);
}

export interface MapPlaceProperties {
  id: string;
  name: string;
  group: 'story' | 'reaction';
  placeType: 'city' | 'region';
  factCount: number;
  disputed: boolean;
  /** Ids of the regions this point lies in. */
  within: string;
}

/** The atlas's places as one FeatureCollection with the few properties the map draws by. */
export function mapFeatures(atlas: Atlas): FeatureCollection<PlaceGeometry, MapPlaceProperties> {
  const facts = factsByPlace(atlas);
  const regions = atlas.places.filter((p) => p.geometry.type !== 'Point');
  const features: Feature<PlaceGeometry, MapPlaceProperties>[] = atlas.places.map((place) => ({
    type: 'Feature',
    id: place.id,
    geometry: place.geometry,
    properties: {
      id: place.id,
      name: place.properties.name,
      group: place.properties.group,
      placeType: place.properties.placeType,
      factCount: facts.get(place.id)?.length ?? 0,
      disputed: place.properties.status?.disputed ?? false,
      within: regions
        .filter((r) => placesInside(r, [place]).length > 0)
        .map((r) => r.id)
        .join(' '),
    },
  }));
  return { type: 'FeatureCollection', features };
}

/**
 * The names a disputed place has in the languages of the parties to the dispute (all alternate
 * names not in English), so that a label can give them side by side; none for other places.
 */
export function contestedNames(place: Place): { name: string; lang: string }[] {
  if (!place.properties.status?.disputed) return [];
  return place.properties.altNames
    .filter((n) => n.lang !== 'en')
    .map((n) => ({ name: n.name, lang: n.lang }));
}

/** A region's northernmost and southernmost vertices, where a label can sit outside it. */
export function regionLabelAnchors(
  place: Place,
): { north: [number, number]; south: [number, number] } | undefined {
  if (place.geometry.type === 'Point') return undefined;
  const ring = positionsOf(place);
  const byLat = [...ring].sort((a, b) => b[1]! - a[1]! || a[0]! - b[0]!);
  const north = byLat[0]!;
  const south = byLat[byLat.length - 1]!;
  return { north: [north[0]!, north[1]!], south: [south[0]!, south[1]!] };
}
