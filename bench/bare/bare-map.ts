// The benchmark's baseline map: MapLibre alone, with no app code, drawing a given style at the
// atlas's first view (the view in the link), and marking `map-created`, `map-load` and `map-idle`
// as the app does.
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { parseLink } from '../../src/app/link';
import { buildBasemapStyle } from '../../src/map/basemap-style';
import { BASEMAP_LABELS_FILE, BASEMAP_TILES } from '../../src/map/basemap-tiles';
import { onFirstCompleteIdle } from '../../src/map/first-idle';
import { requestFontFaces } from '../../src/map/fonts';

setWorkerUrl(workerUrl);

/**
 * The embedded basemap as the atlas page builds it for an atlas, with the same font list: the
 * bench gives the atlas's focus countries and parties (ISO alpha-2 codes) as
 * `?focus=AZ,AM&parties=AZ,AM`; the Karabakh atlas's without them.
 */
export async function bareBasemapStyle(): Promise<StyleSpecification> {
  const fontFaces = await requestFontFaces().ready;
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  const params = new URLSearchParams(window.location.search);
  const codes = (name: string) => (params.get(name) ?? 'AZ,AM').split(',').filter(Boolean);
  return buildBasemapStyle({
    tilesUrl: `${base}basemap/${BASEMAP_TILES.path}`,
    labelsUrl: `${base}basemap/${BASEMAP_LABELS_FILE}`,
    fontFaces,
    focusCountries: codes('focus'),
    partyCountries: codes('parties'),
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
