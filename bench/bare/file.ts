// The baseline for opening a file: the bare page's basemap, and `window.benchOpenFile(file)`,
// which does what MapLibre alone needs to show a GeoJSON file of points: reads and parses it, adds
// it as one GeoJSON source, clustered as the atlas clusters a big file's points (the same radius
// and last zoom; clusters, their counts and the single points), and frames it by its bbox. No
// validation, no panel, no list: set beside the atlas, it tells what the app adds to opening a file.
import type { FeatureCollection } from 'geojson';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS } from '../../src/map/imported-layers';
import { FONT } from '../../src/map/font-names';
import { bareBasemapStyle, showBareMap } from './bare-map';

const map = showBareMap(await bareBasemapStyle());

async function openFile(file: File): Promise<void> {
  const data = JSON.parse(await file.text()) as FeatureCollection;
  map.addSource('file', {
    type: 'geojson',
    data,
    cluster: true,
    clusterRadius: CLUSTER_RADIUS,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
  });
  map.addLayer({
    id: 'file-cluster',
    type: 'circle',
    source: 'file',
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#6b3fa0',
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 12, 20, 16, 100, 21, 500, 27],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'file-count',
    type: 'symbol',
    source: 'file',
    filter: ['has', 'point_count'],
    layout: {
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': [FONT.semibold],
      'text-size': 12,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#ffffff' },
  });
  map.addLayer({
    id: 'file-point',
    type: 'circle',
    source: 'file',
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': '#6b3fa0',
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  const [w = -180, s = -85, e = 180, n = 85] = data.bbox ?? [];
  map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 9, duration: 0 });
}

Object.assign(window, { benchOpenFile: (file: File) => void openFile(file) });
