// The benchmark's baseline: MapLibre alone drawing the same embedded basemap as the atlas, with
// no app code (no data, no panel, no markers). Built by `npm run bench` from the same files.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { parseUrlState } from '../../src/domain/url-state';
import { buildBasemapStyle } from '../../src/map/basemap-style';
import { selfHostedFontFaces } from '../../src/map/fonts';

setWorkerUrl(workerUrl);
const { view } = parseUrlState(window.location.hash);
const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
const map = new MapLibreMap({
  container: 'map',
  style: buildBasemapStyle({
    regionUrl: `${base}basemap/region-10m.geojson`,
    worldUrl: `${base}basemap/world-110m.geojson`,
    fontFaces: selfHostedFontFaces(),
    focusCountries: ['Azerbaijan', 'Armenia'],
  }),
  // The atlas's own first view, or the view in the link, as the benchmark gives both pages.
  ...(view ? { center: [view.lng, view.lat], zoom: view.zoom } : { bounds: [42.36, 37.23, 52.04, 42.57] }),
  fitBoundsOptions: { padding: 24 },
});
performance.mark('map-created');
map.once('load', () => performance.mark('map-load'));
const onIdle = () => {
  if (!map.isStyleLoaded() || !map.areTilesLoaded()) return;
  map.off('idle', onIdle);
  performance.mark('map-idle');
};
map.on('idle', onIdle);
Object.assign(window, { articleAtlas: { map } });
