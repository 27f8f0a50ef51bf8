import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { ImportedLayer } from '../domain/import-geojson';
import { lowestArticleLayer } from './atlas-layers';

const COLOURS = ['#6b3fa0', '#0b7a75', '#a0522d', '#2f6f2f'];

export interface ImportedOnMap {
  sourceId: string;
  layerIds: string[];
}

/** The features of an imported file as a collection whose ids are their index in the file. */
function asCollection(layer: ImportedLayer): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: layer.features.map((f): Feature => ({
      type: 'Feature',
      id: f.index,
      geometry: f.geometry,
      properties: { index: f.index },
    })),
  };
}

/**
 * Draws an imported file above the basemap: its polygons under the article's region, its lines and
 * points over the region and under the article's places, the order in which a click opens them
 * (map/click-target.ts). Only geometry and the feature's index go to the map: properties stay in
 * the page, shown as text.
 */
export function addImportedLayer(map: MapLibreMap, layer: ImportedLayer, n: number): ImportedOnMap {
  const sourceId = `imported-${n}`;
  const colour = COLOURS[n % COLOURS.length]!;
  map.addSource(sourceId, { type: 'geojson', data: asCollection(layer) });
  const underRegion = lowestArticleLayer(map, 'region');
  const underPlaces = lowestArticleLayer(map, 'places');
  const layers: LayerSpecification[] = [
    {
      id: `${sourceId}-fill`,
      type: 'fill',
      source: sourceId,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': colour, 'fill-opacity': 0.18 },
    },
    {
      id: `${sourceId}-line`,
      type: 'line',
      source: sourceId,
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
      paint: { 'line-color': colour, 'line-width': 2 },
    },
    {
      id: `${sourceId}-circle`,
      type: 'circle',
      source: sourceId,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': colour,
        'circle-radius': 6,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
  for (const spec of layers) map.addLayer(spec, spec.type === 'fill' ? underRegion : underPlaces);
  return { sourceId, layerIds: layers.map((l) => l.id) };
}
