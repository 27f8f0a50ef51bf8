import type { BBox, Feature, FeatureCollection } from 'geojson';
import type { AtlasModel } from './atlas-model';
import { boundsOf } from './geography';
import type { Atlas, Fact, Place, PlaceGeometry, PlaceGroup } from './types';

/** The facts of each place, in the article's order; a fact with several places is listed under each. */
export function factsByPlace(atlas: Atlas): Map<string, Fact[]> {
  const byPlace = new Map<string, Fact[]>(atlas.places.map((p) => [p.id, []]));
  for (const fact of atlas.facts) {
    for (const id of fact.placeIds) byPlace.get(id)?.push(fact);
  }
  return byPlace;
}

/**
 * The countries (ISO 3166-1 alpha-2 codes) the story's places belong to, once each in the order
 * of the places, for the basemap's focus colour.
 */
export function focusCountries(atlas: Atlas): string[] {
  return [
    ...new Set(
      atlas.places.filter((p) => p.properties.group === 'story').map((p) => p.properties.country.code),
    ),
  ];
}

/**
 * The parties to the story: the countries (ISO 3166-1 alpha-2 codes) its places lie in or are
 * internationally recognised as part of, in the order of the places, each once.
 */
export function partyCountries(atlas: Atlas): string[] {
  const story = atlas.places.filter((p) => p.properties.group === 'story');
  return [
    ...new Set(
      story.flatMap((p) => [
        p.properties.country.code,
        ...(p.properties.status ? [p.properties.status.recognisedAs] : []),
      ]),
    ),
  ];
}

/**
 * The view that frames the story places, widened on each side by `margin` times its larger side so that
 * the neighbouring countries show; [west, south, east, north].
 */
export function storyFrame(atlas: Atlas, margin = 0.4): BBox {
  const story = atlas.places.filter((p) => p.properties.group === 'story');
  const [w, s, e, n] = boundsOf(story.length ? story : atlas.places) as [number, number, number, number];
  const pad = Math.max(e - w, n - s, 1) * margin;
  return [w - pad, Math.max(s - pad, -85), e + pad, Math.min(n + pad, 85)];
}

function positionsOf(place: Pick<Place, 'geometry'>): number[][] {
  const g = place.geometry;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates[0] ?? [];
  return g.coordinates.flatMap((poly) => poly[0] ?? []);
}

export interface MapPlaceProperties {
  id: string;
  name: string;
  group: PlaceGroup;
  disputed: boolean;
}

/**
 * The atlas's places as one FeatureCollection with the few properties the map's layers read (name,
 * group, disputed) and the id that clicks and feature state go by; the rest is in the model.
 */
export function mapFeatures(model: AtlasModel): FeatureCollection<PlaceGeometry, MapPlaceProperties> {
  const features: Feature<PlaceGeometry, MapPlaceProperties>[] = model.atlas.places.map((place) => ({
    type: 'Feature',
    id: place.id,
    geometry: place.geometry,
    properties: {
      id: place.id,
      name: place.properties.name,
      group: place.properties.group,
      disputed: place.properties.status?.disputed ?? false,
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
  place: Pick<Place, 'geometry'>,
): { north: [number, number]; south: [number, number] } | undefined {
  if (place.geometry.type === 'Point') return undefined;
  const ring = positionsOf(place);
  const byLat = [...ring].sort((a, b) => b[1]! - a[1]! || a[0]! - b[0]!);
  const north = byLat[0]!;
  const south = byLat[byLat.length - 1]!;
  return { north: [north[0]!, north[1]!], south: [south[0]!, south[1]!] };
}
