import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';
import type { MapPlaceProperties } from '../domain/atlas-summary';
import type { PlaceGeometry } from '../domain/types';
import { FONT } from './font-names';

export const ATLAS_SOURCE = 'atlas-places';

/** Colours of the article layers, apart from their structure. */
export const ATLAS_THEME = {
  story: '#b3261e',
  reaction: '#1a5fb4',
  region: '#b3261e',
  halo: '#ffffff',
  label: '#22201b',
} as const;

export function atlasSource(data: FeatureCollection<PlaceGeometry, MapPlaceProperties>): SourceSpecification {
  return { type: 'geojson', data, promoteId: 'id', attribution: 'GeoNames (CC BY 4.0)' };
}

export const HATCH_IMAGE = 'atlas-hatch';
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** An 8x8 RGBA tile of one diagonal line, for the disputed region's hatching. */
export function hatchImage(
  rgb: readonly [number, number, number],
  size = 8,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const onLine = (x + y) % size === 0 || (x + y) % size === size - 1;
      const i = (y * size + x) * 4;
      data.set(onLine ? [rgb[0], rgb[1], rgb[2], 255] : [0, 0, 0, 0], i);
    }
  }
  return { width: size, height: size, data };
}

/** The article's layers, bottom to top: region fill, hatching and outline, place circles, labels. */
export function atlasLayers(theme = ATLAS_THEME): LayerSpecification[] {
  const isRegion: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
  const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
  return [
    {
      id: 'atlas-region-fill',
      type: 'fill',
      source: ATLAS_SOURCE,
      filter: isRegion,
      paint: { 'fill-color': theme.region, 'fill-opacity': ['case', selected, 0.16, 0.08] },
    },
    {
      // Hatching says "disputed" at a glance, also to readers who cannot tell the colours apart.
      id: 'atlas-region-hatch',
      type: 'fill',
      source: ATLAS_SOURCE,
      filter: ['all', isRegion, ['==', ['get', 'disputed'], true]],
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.55 },
    },
    {
      id: 'atlas-region-outline',
      type: 'line',
      source: ATLAS_SOURCE,
      filter: isRegion,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.region,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          ['case', selected, 2.2, 1.3],
          10,
          ['case', selected, 4, 2.5],
        ],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'atlas-place-circle',
      type: 'circle',
      source: ATLAS_SOURCE,
      filter: isPoint,
      paint: {
        'circle-color': ['match', ['get', 'group'], 'story', theme.story, theme.reaction],
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          3,
          ['case', selected, 7, 4],
          8,
          ['case', selected, 10, 7],
        ],
        'circle-stroke-color': ['case', selected, theme.label, theme.halo],
        'circle-stroke-width': ['case', selected, 3, 2],
      },
    },
    {
      id: 'atlas-place-label',
      type: 'symbol',
      source: ATLAS_SOURCE,
      filter: isPoint,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT.semibold],
        'text-size': 13,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8,
        'text-justify': 'auto',
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/** Adds the article's source and layers on top of whatever basemap the map shows. */
export function addAtlasLayers(
  map: MapLibreMap,
  data: FeatureCollection<PlaceGeometry, MapPlaceProperties>,
): void {
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage([179, 38, 30]));
  map.addSource(ATLAS_SOURCE, atlasSource(data));
  for (const layer of atlasLayers()) map.addLayer(layer);
}
