// The benchmark's baseline map: MapLibre alone, with no app code, drawing a given style at the
// atlas's first view (or the view in the link), and marking `map-created`, `map-load` and
// `map-idle` as the app does.
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { parseLink } from '../../src/app/link';
import { buildBasemapStyle } from '../../src/map/basemap-style';
import { onFirstCompleteIdle } from '../../src/map/first-idle';
import { requestFontFaces } from '../../src/map/fonts';

setWorkerUrl(workerUrl);

/** The embedded basemap, as the atlas page builds it for the Karabakh atlas, with the same font list. */
export async function bareBasemapStyle(): Promise<StyleSpecification> {
  const fontFaces = await requestFontFaces().ready;
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  return buildBasemapStyle({
    regionUrl: `${base}basemap/region-10m.geojson`,
    worldUrl: `${base}basemap/world-110m.geojson`,
    fontFaces,
    focusCountries: ['Azerbaijan', 'Armenia'],
  });
}

export function showBareMap(style: StyleSpecification, options: { fadeDuration?: number } = {}): MapLibreMap {
  const { view } = parseLink(window.location.hash);
  const map = new MapLibreMap({
    container: 'map',
    style,
    ...options,
    // The atlas's own first view, or the view in the link, as the benchmark gives both pages.
    ...(view ? { center: [view.lng, view.lat], zoom: view.zoom } : { bounds: [42.36, 37.23, 52.04, 42.57] }),
    fitBoundsOptions: { padding: 24 },
  });
  performance.mark('map-created');
  map.once('load', () => performance.mark('map-load'));
  onFirstCompleteIdle(map, () => performance.mark('map-idle'));
  Object.assign(window, { articleAtlas: { map } });
  return map;
}
