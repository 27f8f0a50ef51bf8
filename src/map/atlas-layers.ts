import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { MapPlaceProperties } from '../domain/atlas-summary';
import type { PlaceGeometry } from '../domain/types';
import { isCrowded, isCrowdPlace } from '../domain/crowd';
import {
  ATLAS_THEME,
  CIRCLE_RADIUS,
  CIRCLE_RADIUS_SELECTED,
  CIRCLE_STROKE_WIDTH,
  CIRCLE_STROKE_WIDTH_SELECTED,
  HATCH_OPACITY,
  HATCH_SIZE,
  PLACE_LABEL_ANCHORS,
  PLACE_LABEL_HALO,
  PLACE_LABEL_OFFSET,
  PLACE_LABEL_SIZE,
  REGION_FILL_OPACITY,
  REGION_OUTLINE_DASH,
  REGION_OUTLINE_WIDTH,
  REGION_OUTLINE_WIDTH_SELECTED,
} from '../domain/map-look';
import { hexToRgb } from '../domain/place-colours';
import { PARTY_LABEL_LAYERS } from './basemap-style';
import { FONT } from './font-names';
import { byZoomIf } from './zoom-expression';

export const ATLAS_SOURCE = 'atlas-places';
/** Where an atlas has many places, those outside the story are drawn from this clustered source. */
export const CROWD_SOURCE = 'atlas-crowd';

/** Colours of the article layers, apart from their structure (in the map's look, src/domain/map-look.ts). */
export { ATLAS_THEME };

export function atlasSource(data: FeatureCollection<PlaceGeometry, MapPlaceProperties>): SourceSpecification {
  return { type: 'geojson', data, promoteId: 'id', attribution: 'GeoNames (CC BY 4.0)' };
}

export const HATCH_IMAGE = 'atlas-hatch';
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** An 8x8 RGBA tile of one diagonal line, for the disputed region's hatching. */
export function hatchImage(
  rgb: readonly [number, number, number],
  size: number = HATCH_SIZE,
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
      // Constant paint and no antialiased edge (the outline layer draws the edge): the layer then
      // shares the basemap's fill shader, and the map compiles no extra program for it. A selected
      // region is marked by its thicker outline.
      paint: {
        'fill-color': theme.region,
        'fill-opacity': REGION_FILL_OPACITY,
        'fill-antialias': false,
      },
    },
    {
      // Hatching says "disputed" at a glance, also to readers who cannot tell the colours apart.
      id: 'atlas-region-hatch',
      type: 'fill',
      source: ATLAS_SOURCE,
      filter: ['all', isRegion, ['==', ['get', 'disputed'], true]],
      paint: {
        'fill-pattern': HATCH_IMAGE,
        'fill-opacity': HATCH_OPACITY,
        'fill-antialias': false,
      },
    },
    {
      id: 'atlas-region-outline',
      type: 'line',
      source: ATLAS_SOURCE,
      filter: isRegion,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.region,
        'line-width': byZoomIf(selected, REGION_OUTLINE_WIDTH_SELECTED, REGION_OUTLINE_WIDTH),
        'line-dasharray': [...REGION_OUTLINE_DASH],
      },
    },
    {
      id: 'atlas-place-circle',
      type: 'circle',
      source: ATLAS_SOURCE,
      filter: isPoint,
      paint: {
        'circle-color': ['match', ['get', 'group'], 'story', theme.story, theme.reaction],
        'circle-radius': byZoomIf(selected, CIRCLE_RADIUS_SELECTED, CIRCLE_RADIUS),
        'circle-stroke-color': ['case', selected, theme.label, theme.halo],
        'circle-stroke-width': ['case', selected, CIRCLE_STROKE_WIDTH_SELECTED, CIRCLE_STROKE_WIDTH],
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
        'text-size': PLACE_LABEL_SIZE,
        'text-variable-anchor': [...PLACE_LABEL_ANCHORS],
        'text-radial-offset': PLACE_LABEL_OFFSET,
        'text-justify': 'auto',
        // The story's places are placed before reactions: lower keys go first.
        'symbol-sort-key': ['match', ['get', 'group'], 'story', 0, 1],
      },
      paint: {
        'text-color': theme.label,
        'text-halo-color': theme.halo,
        'text-halo-width': PLACE_LABEL_HALO,
        // A place with a DOM marker is named by its marker (feature state `marked`). Feature state
        // changes paint only: no new layout of the labels, as a changed filter would cause.
        'text-opacity': ['case', ['boolean', ['feature-state', 'marked'], false], 0, 1],
        'text-opacity-transition': { duration: 0 },
      },
    },
  ];
}

/** The layers that name the article's points (their own and the crowd's). */
export const PLACE_LABEL_LAYERS = ['atlas-place-label', 'atlas-crowd-label'] as const;

/**
 * The text of the places' labels: their article names, or where a name set renames a place (by
 * its id in `names`), that name.
 */
export function placeLabelField(names: Readonly<Record<string, string>> | null): ExpressionSpecification {
  return names ? ['coalesce', ['get', ['get', 'id'], ['literal', names]], ['get', 'name']] : ['get', 'name'];
}

/** The clustered points: cluster circles with their counts, then the single points and their labels. */
export function crowdLayers(theme = ATLAS_THEME): LayerSpecification[] {
  const clustered: FilterSpecification = ['has', 'point_count'];
  const single: FilterSpecification = ['!', ['has', 'point_count']];
  // The single points look like the story's places: the same circle and label, found by id.
  const story = atlasLayers(theme);
  const circle = story.find((l) => l.id === 'atlas-place-circle')!;
  const label = story.find((l) => l.id === 'atlas-place-label')!;
  return [
    {
      id: 'atlas-crowd-cluster',
      type: 'circle',
      source: CROWD_SOURCE,
      filter: clustered,
      paint: {
        'circle-color': theme.reaction,
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 12, 20, 16, 100, 21, 500, 27],
        'circle-stroke-color': theme.halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'atlas-crowd-count',
      type: 'symbol',
      source: CROWD_SOURCE,
      filter: clustered,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': [FONT.semibold],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      ...(circle as object),
      id: 'atlas-crowd-circle',
      source: CROWD_SOURCE,
      filter: single,
    } as LayerSpecification,
    {
      ...(label as object),
      id: 'atlas-crowd-label',
      source: CROWD_SOURCE,
      filter: single,
    } as LayerSpecification,
  ];
}

export interface AtlasLayersOnMap {
  /** The source a place's feature lives in, for feature state. */
  sourceOf: (placeId: string) => string;
  /** Whether the atlas's crowd of places is clustered (and so not given DOM markers). */
  clustered: boolean;
}

export interface AtlasLayerPlan {
  sources: Record<string, SourceSpecification>;
  /** Bottom to top; the crowd's layers sit under the story's places. */
  layers: LayerSpecification[];
  onMap: AtlasLayersOnMap;
}

/**
 * The article's sources and layers for a set of places. An atlas with many places outside the
 * story draws those from a clustered source of their own, so that the map stays smooth with
 * thousands of them.
 */
export function planAtlasLayers(data: FeatureCollection<PlaceGeometry, MapPlaceProperties>): AtlasLayerPlan {
  const crowd = data.features.filter(isCrowdPlace);
  const clustered = isCrowded(data.features);
  const main = clustered ? { ...data, features: data.features.filter((f) => !isCrowdPlace(f)) } : data;
  const layers = atlasLayers();
  if (!clustered) {
    return {
      sources: { [ATLAS_SOURCE]: atlasSource(main) },
      layers,
      onMap: { sourceOf: () => ATLAS_SOURCE, clustered },
    };
  }
  const crowdIds = new Set(crowd.map((f) => f.properties.id));
  const firstPoint = layers.findIndex((l) => l.id === 'atlas-place-circle');
  return {
    sources: {
      [ATLAS_SOURCE]: atlasSource(main),
      [CROWD_SOURCE]: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: crowd },
        promoteId: 'id',
        cluster: true,
        clusterRadius: 45,
        clusterMaxZoom: 9,
      },
    },
    layers: [...layers.slice(0, firstPoint), ...crowdLayers(), ...layers.slice(firstPoint)],
    onMap: { sourceOf: (id) => (crowdIds.has(id) ? CROWD_SOURCE : ATLAS_SOURCE), clustered },
  };
}

/**
 * A style with the article's layers on top, under the parties' labels only (MapLibre places the
 * top layer's labels first: the article's labels then give way to the parties', which are always
 * drawn): given to the map at creation, so that they load in the same pass as the basemap instead
 * of after it.
 */
export function withAtlasLayers(style: StyleSpecification, plan: AtlasLayerPlan): StyleSpecification {
  const party = style.layers.findIndex((l) => PARTY_LABEL_LAYERS.includes(l.id));
  const at = party < 0 ? style.layers.length : party;
  return {
    ...style,
    sources: { ...style.sources, ...plan.sources },
    layers: [...style.layers.slice(0, at), ...plan.layers, ...style.layers.slice(at)],
  };
}

/** The article's layers a click opens a place from, topmost first in meaning: points, clusters, regions. */
export const CLICKABLE_LAYERS = [
  'atlas-place-circle',
  'atlas-crowd-circle',
  'atlas-crowd-cluster',
  'atlas-region-fill',
];

/** Those of the clickable article layers that the map has (an atlas without a crowd has no crowd layers). */
export function clickableAtlasLayers(map: MapLibreMap): string[] {
  return CLICKABLE_LAYERS.filter((id) => map.getLayer(id));
}

/**
 * The article's lowest layer of a kind in the map's order (its region, or its places), for a layer
 * that must be drawn under it; undefined when the map has none.
 */
export function lowestArticleLayer(map: MapLibreMap, kind: 'region' | 'places'): string | undefined {
  return map
    .getLayersOrder()
    .find((id) => id.startsWith('atlas-') && id.startsWith('atlas-region-') === (kind === 'region'));
}

/**
 * Gives the map the hatching the disputed region's fill draws with: at once, before the map has
 * read its style, and again whenever a new style lacks it (after a style swap).
 *
 * At once, because a pattern the map asks for only when a tile needs it holds the article's tiles
 * back until the page answers, and changes the style once more while the basemap loads. On a
 * software GPU (SwiftShader, 2 cores), the bench's bare page with the article's layers drew 8, 8
 * and 9 frames before it was idle with the image given at once, against 9, 11 and 12 without.
 */
export function provideHatchImage(map: MapLibreMap): void {
  const add = () => {
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage(hexToRgb(ATLAS_THEME.region)));
  };
  add();
  // MapLibre v6 resolves a missing image through this resolver (an event listener is too late).
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE) add();
  });
}

/**
 * Adds the article's sources and layers to the map when its style lacks them (after a style swap),
 * under the parties' labels as in withAtlasLayers.
 */
export function addAtlasLayers(map: MapLibreMap, plan: AtlasLayerPlan): void {
  if (map.getSource(ATLAS_SOURCE)) return;
  for (const [id, source] of Object.entries(plan.sources)) map.addSource(id, source);
  const before = PARTY_LABEL_LAYERS.find((id) => map.getLayer(id));
  for (const layer of plan.layers) map.addLayer(layer, before);
}
