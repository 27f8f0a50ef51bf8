import type { Feature, FeatureCollection } from 'geojson';
import type { ImportedLayer } from './import-geojson';

/**
 * From this many Point features on, a file's points are drawn from a clustered source. Below it,
 * every point is one circle, as the atlas's own places are: the bench's SwiftShader map pans at
 * 60 fps with a few thousand circles, while a cluster costs the reader a click to see the points.
 */
export const CLUSTER_MIN_POINTS = 2000;

/**
 * An opened file's features as the map gets them: only the geometry and the feature's index (as
 * id and property; the properties stay in the page, shown as text). `main` is every feature, or,
 * when the points are `clustered`, every feature but the Point ones (which a clustered source can
 * hold: MultiPoints it cannot), and `points` those.
 */
export interface MapFeatures {
  clustered: boolean;
  main: FeatureCollection;
  points: FeatureCollection;
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** The map's features of an opened file, in one walk over them. */
export function mapFeaturesOf(layer: ImportedLayer): MapFeatures {
  const all: Feature[] = [];
  const points: Feature[] = [];
  const others: Feature[] = [];
  for (const f of layer.features) {
    const feature: Feature = {
      type: 'Feature',
      id: f.index,
      geometry: f.geometry,
      properties: { index: f.index },
    };
    all.push(feature);
    (f.geometry.type === 'Point' ? points : others).push(feature);
  }
  const clustered = points.length >= CLUSTER_MIN_POINTS;
  return {
    clustered,
    main: collection(clustered ? others : all),
    points: collection(clustered ? points : []),
  };
}

/** The GeoJSON text (UTF-8) of an opened file's map features, as the import worker makes it for the map. */
export interface MapTexts {
  clustered: boolean;
  main: ArrayBuffer;
  points: ArrayBuffer;
}
