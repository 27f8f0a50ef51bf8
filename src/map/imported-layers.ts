import type { FeatureCollection } from 'geojson';
import type {
  CircleLayerSpecification,
  FilterSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';
import type { ImportedLayer } from '../domain/import-geojson';
import { mapFeaturesOf, type MapTexts } from '../domain/map-features';
import { crowdLayers, lowestArticleLayer } from './atlas-layers';
import { FONT } from './font-names';

const COLOURS = ['#6b3fa0', '#0b7a75', '#a0522d', '#2f6f2f'];

export { CLUSTER_MIN_POINTS } from '../domain/map-features';

/**
 * The clusters' radius in pixels, as the atlas's crowd of places (atlas-layers.ts): the same look
 * for every cluster on the page.
 */
export const CLUSTER_RADIUS = 45;

/**
 * The last zoom at which points are clustered. Higher than the crowd's (9): an analyst's file may
 * hold 100,000 points in one city, which at zoom 10 would still be thousands of circles on the
 * screen. At zoom 14 a pixel is under 10 m: points that still share a 45-pixel cluster there are
 * at one address, and from zoom 15 every point is drawn by itself (MapLibre's own default).
 */
export const CLUSTER_MAX_ZOOM = 14;

export interface ImportedOnMap {
  /** The file's id on the map: its source of lines, polygons and (unclustered) points. */
  sourceId: string;
  /** Every source it added, `sourceId` first (with clustered points, their source after it). */
  sourceIds: string[];
  /** Every layer it added, bottom to top. */
  layerIds: string[];
  /** The layers a click may open a feature or a cluster from: all but the clusters' counts. */
  clickableLayerIds: string[];
  /** The layer of its clusters (a click zooms in there); null when its points are not clustered. */
  clusterLayerId: string | null;
}

/**
 * Where the map reads a file's features from: blob URLs of their GeoJSON text, made by the import
 * worker (MapLibre's own worker then fetches and parses them, so the page never copies a large
 * collection to it), or, where the file was read on the page, the collections themselves.
 */
export interface MapData {
  clustered: boolean;
  main: string | FeatureCollection;
  points: string | FeatureCollection;
}

/**
 * The map data of a file: blob URLs of the worker's text of its features where there is one, its
 * features as collections otherwise (a file read on the page).
 */
export function mapDataOf(layer: ImportedLayer, texts?: MapTexts): MapData {
  if (!texts) return mapFeaturesOf(layer);
  const url = (bytes: ArrayBuffer) =>
    URL.createObjectURL(new Blob([bytes], { type: 'application/geo+json' }));
  return { clustered: texts.clustered, main: url(texts.main), points: url(texts.points) };
}

/** An opened file as the map draws it: its features, the worker's text of them, its number, its data once drawn. */
export interface FileOnMap {
  layer: ImportedLayer;
  texts: MapTexts | undefined;
  n: number;
  data?: MapData;
}

/** Gives back the blob URLs of a file's map data, once the file is closed. */
export function releaseMapData(file: FileOnMap): void {
  const { main, points } = file.data ?? {};
  for (const source of [main, points]) if (typeof source === 'string') URL.revokeObjectURL(source);
}

/** The look of one point of a file, clustered or not. */
function pointPaint(colour: string): CircleLayerSpecification['paint'] {
  return {
    'circle-color': colour,
    'circle-radius': 6,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  };
}

/** The atlas's crowd clusters' paint (their size by count), in a file's colour. */
function clusterPaint(colour: string): CircleLayerSpecification['paint'] {
  const crowd = crowdLayers().find(
    (l): l is CircleLayerSpecification => l.id === 'atlas-crowd-cluster' && l.type === 'circle',
  );
  return { ...crowd?.paint, 'circle-color': colour };
}

/** A file's sources (its own first) and layers, bottom to top. */
export interface ImportedLayerPlan {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  clusterLayerId: string | null;
}

/**
 * The sources and layers of the n-th file opened: one source, or with CLUSTER_MIN_POINTS Point
 * features or more, those points in a clustered source of their own, drawn as clusters, their
 * counts and the single points.
 */
export function planImportedLayer(n: number, data: MapData): ImportedLayerPlan {
  const sourceId = `imported-${n}`;
  const colour = COLOURS[n % COLOURS.length]!;
  const { clustered, main, points } = data;
  const base: LayerSpecification[] = [
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
      // With clustered points, the MultiPoints that stay in this source.
      id: `${sourceId}-circle`,
      type: 'circle',
      source: sourceId,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: pointPaint(colour),
    },
  ];
  if (!clustered) {
    return {
      sources: { [sourceId]: { type: 'geojson', data: main } },
      layers: base,
      clusterLayerId: null,
    };
  }
  const pointsId = `${sourceId}-points`;
  const isCluster: FilterSpecification = ['has', 'point_count'];
  return {
    sources: {
      [sourceId]: { type: 'geojson', data: main },
      [pointsId]: {
        type: 'geojson',
        data: points,
        cluster: true,
        clusterRadius: CLUSTER_RADIUS,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
      },
    },
    layers: [
      ...base,
      {
        id: `${pointsId}-cluster`,
        type: 'circle',
        source: pointsId,
        filter: isCluster,
        paint: clusterPaint(colour),
      },
      {
        // The count drawn as the crowd's is: the basemap's self-hosted font, no glyph server.
        id: `${pointsId}-count`,
        type: 'symbol',
        source: pointsId,
        filter: isCluster,
        layout: {
          'text-field': ['get', 'point_count_abbreviated'],
          'text-font': [FONT.semibold],
          'text-size': 12,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': '#ffffff' },
      },
      {
        id: `${pointsId}-point`,
        type: 'circle',
        source: pointsId,
        filter: ['!', isCluster],
        paint: pointPaint(colour),
      },
    ],
    clusterLayerId: `${pointsId}-cluster`,
  };
}

/**
 * Draws an imported file above the basemap (MapAdapter loads this module when a file is first
 * opened, off the first screen): its polygons under the article's region, its lines and
 * points over the region and under the article's places, the order in which a click opens them
 * (map/click-target.ts). A file with many points draws them from a clustered source of their own
 * (GPU layers only: no DOM, so nothing for a screen reader to announce that the map does not show;
 * the panel lists every feature). Only geometry and the feature's index go to the map: properties
 * stay in the page, shown as text.
 */
export function addImportedLayer(map: MapLibreMap, file: FileOnMap): ImportedOnMap {
  const { n } = file;
  // Made at the first draw and kept: a new style (the basemap's swap) draws the file again from it.
  file.data ??= mapDataOf(file.layer, file.texts);
  const { sources, layers, clusterLayerId } = planImportedLayer(n, file.data);
  for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
  const underRegion = lowestArticleLayer(map, 'region');
  const underPlaces = lowestArticleLayer(map, 'places');
  for (const spec of layers) map.addLayer(spec, spec.type === 'fill' ? underRegion : underPlaces);
  return {
    sourceId: `imported-${n}`,
    sourceIds: Object.keys(sources),
    layerIds: layers.map((l) => l.id),
    clickableLayerIds: layers.filter((l) => l.type !== 'symbol').map((l) => l.id),
    clusterLayerId,
  };
}
