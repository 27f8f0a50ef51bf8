import type { Geometry } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createFakeMap } from '../../tests/helpers/fake-map';
import type { ImportedFeature, ImportedLayer } from '../domain/import-geojson';
import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_MIN_POINTS,
  CLUSTER_RADIUS,
  addImportedLayer,
  mapDataOf,
  planImportedLayer,
  releaseMapData,
  type FileOnMap,
} from './imported-layers';
import { mapFeaturesOf } from '../domain/map-features';

const feature = (index: number, geometry: Geometry): ImportedFeature => ({
  index,
  id: null,
  title: `Feature ${index}`,
  geometry,
  properties: { name: `secret ${index}` },
});

const AREA: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [45, 39],
      [46, 39],
      [46, 40],
      [45, 39],
    ],
  ],
};
const PAIR: Geometry = {
  type: 'MultiPoint',
  coordinates: [
    [45, 39],
    [46, 40],
  ],
};

const ROAD: Geometry = {
  type: 'LineString',
  coordinates: [
    [45, 39],
    [46, 40],
  ],
};

/** A file of `points` Point features, then a polygon, a MultiPoint and a line. */
function fileOf(points: number): ImportedLayer {
  return {
    fileName: 'points.geojson',
    bbox: [44, 38, 52, 44],
    features: [
      ...Array.from({ length: points }, (_, i) =>
        feature(i, { type: 'Point', coordinates: [44 + (i % 80) * 0.1, 38 + Math.floor(i / 80) * 0.01] }),
      ),
      feature(points, AREA),
      feature(points + 1, PAIR),
      feature(points + 2, ROAD),
    ],
  };
}

const UNCLUSTERED = ['imported-3-fill', 'imported-3-line', 'imported-3-circle'];
const CLUSTERED = [
  ...UNCLUSTERED,
  'imported-3-points-cluster',
  'imported-3-points-count',
  'imported-3-points-point',
];

const featuresOf = (source: unknown) =>
  (source as { data: { features: { id: number; geometry: Geometry; properties: unknown }[] } }).data.features;

describe('the threshold of clustering', () => {
  it('is 2,000 Point features, in clusters of 45 px up to zoom 14', () => {
    expect([CLUSTER_MIN_POINTS, CLUSTER_RADIUS, CLUSTER_MAX_ZOOM]).toEqual([2000, 45, 14]);
  });

  it('draws 1,999 points from the file’s one source, unclustered', () => {
    const plan = planImportedLayer(3, mapDataOf(fileOf(CLUSTER_MIN_POINTS - 1)));
    expect(Object.keys(plan.sources)).toEqual(['imported-3']);
    expect(plan.layers.map((l) => l.id)).toEqual(UNCLUSTERED);
    expect(plan.clusterLayerId).toBe(null);
    const source = plan.sources['imported-3']!;
    expect({ ...source, data: undefined }).toEqual({ type: 'geojson', data: undefined });
    expect(featuresOf(source).length).toBe(2002);
  });

  it('draws 2,000 points from a clustered source of their own; the rest stay in the file’s source', () => {
    const plan = planImportedLayer(3, mapDataOf(fileOf(CLUSTER_MIN_POINTS)));
    expect(Object.keys(plan.sources)).toEqual(['imported-3', 'imported-3-points']);
    expect(plan.layers.map((l) => l.id)).toEqual(CLUSTERED);
    expect(plan.clusterLayerId).toBe('imported-3-points-cluster');
    const points = plan.sources['imported-3-points']!;
    expect({ ...points, data: undefined }).toEqual({
      type: 'geojson',
      data: undefined,
      cluster: true,
      clusterRadius: 45,
      clusterMaxZoom: 14,
    });
    expect(featuresOf(points).length).toBe(2000);
    expect(featuresOf(points).every((f) => f.geometry.type === 'Point')).toBe(true);
    // The polygon, the MultiPoint (a clustered source cannot hold one) and the line.
    expect(featuresOf(plan.sources['imported-3'])).toEqual([
      { type: 'Feature', id: 2000, geometry: AREA, properties: { index: 2000 } },
      { type: 'Feature', id: 2001, geometry: PAIR, properties: { index: 2001 } },
      { type: 'Feature', id: 2002, geometry: ROAD, properties: { index: 2002 } },
    ]);
  });

  it('counts Point features only: 1,999 points and MultiPoints are not clustered', () => {
    const layer = fileOf(CLUSTER_MIN_POINTS - 1);
    const more = { ...layer, features: [...layer.features, feature(5000, PAIR), feature(5001, PAIR)] };
    expect(planImportedLayer(3, mapDataOf(more)).clusterLayerId).toBe(null);
  });
});

describe('mapFeaturesOf', () => {
  it('gives the map only geometry and the index (as id and property), in the file’s order', () => {
    const layer = fileOf(2);
    const { clustered, main, points } = mapFeaturesOf(layer);
    expect(clustered).toBe(false);
    expect(main.features).toEqual([
      {
        type: 'Feature',
        id: 0,
        geometry: { type: 'Point', coordinates: [44, 38] },
        properties: { index: 0 },
      },
      {
        type: 'Feature',
        id: 1,
        geometry: { type: 'Point', coordinates: [44.1, 38] },
        properties: { index: 1 },
      },
      { type: 'Feature', id: 2, geometry: AREA, properties: { index: 2 } },
      { type: 'Feature', id: 3, geometry: PAIR, properties: { index: 3 } },
      { type: 'Feature', id: 4, geometry: ROAD, properties: { index: 4 } },
    ]);
    expect(points.features).toEqual([]);
  });

  it('puts the Point features apart from CLUSTER_MIN_POINTS of them on, the rest in file order', () => {
    const { clustered, main, points } = mapFeaturesOf(fileOf(CLUSTER_MIN_POINTS));
    expect(clustered).toBe(true);
    expect(points.features.map((f) => f.id)).toEqual(Array.from({ length: CLUSTER_MIN_POINTS }, (_, i) => i));
    expect(main.features.map((f) => f.id)).toEqual([2000, 2001, 2002]);
    expect(mapFeaturesOf(fileOf(CLUSTER_MIN_POINTS - 1)).clustered).toBe(false);
  });
});

describe('the layers of a clustered file', () => {
  const plan = planImportedLayer(1, mapDataOf(fileOf(CLUSTER_MIN_POINTS)));
  const layer = (id: string) => plan.layers.find((l) => l.id === id);

  it('sizes the clusters by their count as the atlas’s crowd is, in the file’s colour', () => {
    expect(layer('imported-1-points-cluster')).toEqual({
      id: 'imported-1-points-cluster',
      type: 'circle',
      source: 'imported-1-points',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#0b7a75',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 12, 20, 16, 100, 21, 500, 27],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
  });

  it('writes the count in the basemap’s own font, and draws single points as unclustered ones', () => {
    expect(layer('imported-1-points-count')).toEqual({
      id: 'imported-1-points-count',
      type: 'symbol',
      source: 'imported-1-points',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['Noto Sans SemiBold'],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    });
    const paint = {
      'circle-color': '#0b7a75',
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    };
    expect(layer('imported-1-points-point')).toEqual({
      id: 'imported-1-points-point',
      type: 'circle',
      source: 'imported-1-points',
      filter: ['!', ['has', 'point_count']],
      paint,
    });
    expect(layer('imported-1-circle')).toEqual({
      id: 'imported-1-circle',
      type: 'circle',
      source: 'imported-1',
      filter: ['==', ['geometry-type'], 'Point'],
      paint,
    });
  });

  it('is a valid style by the style spec', () => {
    const style = {
      version: 8 as const,
      glyphs: 'https://example.test/{fontstack}/{range}.pbf',
      sources: plan.sources,
      layers: plan.layers,
    };
    expect(validateStyleMin(style)).toEqual([]);
  });
});

describe('addImportedLayer', () => {
  /** A map with the article's region and places, as the atlas draws them. */
  function articleMap() {
    const made = createFakeMap();
    made.fake.addSource('atlas-places', {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
    });
    for (const id of ['atlas-region-fill', 'atlas-region-outline', 'atlas-place-circle']) {
      made.fake.addLayer({ id, type: 'circle', source: 'atlas-places' });
    }
    made.fake.clearLog();
    return made;
  }

  it('adds the clustered points’ source after the file’s, every layer but the fill under the article’s places', () => {
    const { fake, map } = articleMap();
    const onMap = addImportedLayer(map, { layer: fileOf(CLUSTER_MIN_POINTS), texts: undefined, n: 2 });
    expect(onMap).toEqual({
      sourceId: 'imported-2',
      sourceIds: ['imported-2', 'imported-2-points'],
      layerIds: [
        'imported-2-fill',
        'imported-2-line',
        'imported-2-circle',
        'imported-2-points-cluster',
        'imported-2-points-count',
        'imported-2-points-point',
      ],
      clickableLayerIds: [
        'imported-2-fill',
        'imported-2-line',
        'imported-2-circle',
        'imported-2-points-cluster',
        'imported-2-points-point',
      ],
      clusterLayerId: 'imported-2-points-cluster',
    });
    expect(fake.log).toEqual([
      { op: 'addSource', id: 'imported-2' },
      { op: 'addSource', id: 'imported-2-points' },
      { op: 'addLayer', id: 'imported-2-fill', before: 'atlas-region-fill' },
      { op: 'addLayer', id: 'imported-2-line', before: 'atlas-place-circle' },
      { op: 'addLayer', id: 'imported-2-circle', before: 'atlas-place-circle' },
      { op: 'addLayer', id: 'imported-2-points-cluster', before: 'atlas-place-circle' },
      { op: 'addLayer', id: 'imported-2-points-count', before: 'atlas-place-circle' },
      { op: 'addLayer', id: 'imported-2-points-point', before: 'atlas-place-circle' },
    ]);
  });

  it('adds one source and three layers for a file under the threshold, all clickable', () => {
    const { fake, map } = articleMap();
    const onMap = addImportedLayer(map, { layer: fileOf(CLUSTER_MIN_POINTS - 1), texts: undefined, n: 2 });
    expect(onMap).toEqual({
      sourceId: 'imported-2',
      sourceIds: ['imported-2'],
      layerIds: ['imported-2-fill', 'imported-2-line', 'imported-2-circle'],
      clickableLayerIds: ['imported-2-fill', 'imported-2-line', 'imported-2-circle'],
      clusterLayerId: null,
    });
    expect(fake.log.map((o) => o.op)).toEqual(['addSource', 'addLayer', 'addLayer', 'addLayer']);
  });
});

describe('the map data of a file read in the worker', () => {
  it('is blob URLs of the worker’s text, kept for a new style and given back when the file closes', async () => {
    const layer = fileOf(CLUSTER_MIN_POINTS);
    const { clustered, main, points } = mapFeaturesOf(layer);
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;
    const file: FileOnMap = { layer, texts: { clustered, main: encode(main), points: encode(points) }, n: 2 };
    addImportedLayer(createFakeMap().map, file);
    const data = file.data;
    if (!data || typeof data.main !== 'string' || typeof data.points !== 'string') throw new Error('no URLs');
    expect(data.clustered).toBe(true);
    expect(JSON.parse(await resolveObjectURL(data.main)!.text())).toEqual(main);
    expect(JSON.parse(await resolveObjectURL(data.points)!.text())).toEqual(points);
    // Drawn again (a new style), it reads the same URLs.
    addImportedLayer(createFakeMap().map, file);
    expect(file.data).toBe(data);
    releaseMapData(file);
    expect(resolveObjectURL(data.main)).toBeUndefined();
    expect(resolveObjectURL(data.points)).toBeUndefined();
  });
});
