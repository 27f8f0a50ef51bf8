import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  ScaleControl,
  setWorkerUrl,
  type LngLatBoundsLike,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
// Kept in MapLibre's own chunk with its code (see vite.config.ts).
import 'maplibre-gl/dist/maplibre-gl.css';
import { MAP_CAMERA } from '../domain/first-screen/web-mercator';
import { onFirstCompleteIdle } from './first-idle';

setWorkerUrl(workerUrl);
// The worker starts loading its code as soon as this chunk runs, while the page still reads the
// atlas and builds the style, instead of when the map is created.
prewarm();

export interface CreateMapOptions {
  container: HTMLElement;
  style: StyleSpecification;
  /**
   * The style was checked before it got here (the embedded basemap with the article's layers is,
   * by a unit test with MapLibre's validator), so the map need not check it again while loading.
   */
  prevalidated?: boolean;
  bounds: LngLatBoundsLike;
  /** A view to start at instead of the bounds (from a link). */
  view?: { center: [number, number]; zoom: number } | null;
  /** Called once, the first time the map is idle with every source loaded and every layer drawn. */
  onFirstIdle?: () => void;
}

/**
 * The name MapLibre gives the canvas, a region of its own inside the page's map region ("Map",
 * index.html): no two landmarks of the page may share a name, and this one says how to use it.
 */
export const MAP_CANVAS_LABEL = 'Map view: arrow keys pan, plus and minus zoom';

/** Creates the MapLibre map with the controls every atlas has. */
export function createMap(options: CreateMapOptions): MapLibreMap {
  const map = new MapLibreMap({
    container: options.container,
    style: options.style,
    validateStyle: !options.prevalidated,
    ...(options.view ? { center: options.view.center, zoom: options.view.zoom } : { bounds: options.bounds }),
    // The first screen drawn without MapLibre frames its view by the same camera (web-mercator.ts).
    fitBoundsOptions: { padding: MAP_CAMERA.fitPadding },
    minZoom: MAP_CAMERA.minZoom,
    maxZoom: MAP_CAMERA.maxZoom,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    renderWorldCopies: false,
    locale: { 'Map.Title': MAP_CANVAS_LABEL },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  if (options.onFirstIdle) onFirstCompleteIdle(map, options.onFirstIdle);
  return map;
}
