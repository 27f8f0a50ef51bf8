import type { FeatureCollection } from 'geojson';
import type { FontFacesSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { MapPlaceProperties } from '../domain/atlas-summary';
import type { PlaceGeometry } from '../domain/types';
import type { Bounds, View } from '../domain/view';
import { planAtlasLayers, provideHatchImage, withAtlasLayers } from './atlas-layers';
import { watchRemoteBasemap } from './basemap-watchdog';
import { basemapFallbackMessage, chooseBasemap, type BasemapChoice } from './choose-basemap';
import { createMap } from './create-map';
import { embeddedBasemapStyle } from './embedded-basemap';
import { requestFontFaces } from './fonts';
import { MapAdapter } from './map-adapter';
import { fetchRemoteStyle } from './remote-style';

export interface StartMapOptions {
  container: HTMLElement;
  /** The article's places, drawn in the map's first style; none: the basemap alone. */
  places?: FeatureCollection<PlaceGeometry, MapPlaceProperties>;
  /** ISO alpha-2 codes of the countries the basemap shows in its focus colour. */
  focusCountries: readonly string[];
  /** ISO alpha-2 codes of the story's parties, whose basemap labels are shown together. */
  partyCountries: readonly string[];
  /** What the map shows first, unless a link gives a view. */
  bounds: Bounds;
  view: View | null;
  /** Tells the reader something about the basemap (a remote one that gave way to the embedded one). */
  warn: (message: string) => void;
}

// Fetched as soon as the map's code has loaded, while the page still reads the atlas data.
const fontFaces = requestFontFaces();
// A remote basemap's style, where one is configured, is asked for then too: its answer (or its
// time-out) does not wait for the atlas data and the first screen.
const remoteStyleUrl = import.meta.env.VITE_BASEMAP_STYLE_URL;
const remoteStyle = remoteStyleUrl ? fetchRemoteStyle(remoteStyleUrl) : undefined;

/**
 * Creates the map (its code is a chunk of its own, loaded in parallel with the atlas data) and
 * resolves with its adapter once the style has been read, while the basemap may still be loading;
 * null when the browser cannot draw it (no WebGL 2). With the embedded basemap and the font list
 * (preloaded with the page) at hand, the map is created before this function returns, so that its
 * worker loads the basemap while the caller builds the panel; a remote style is fetched first.
 */
export function startMap(options: StartMapOptions): Promise<MapAdapter | null> {
  // The font list has usually come with the atlas data: the map is then created at once.
  return fontFaces.value
    ? startWithFonts(options, fontFaces.value)
    : fontFaces.ready.then((faces) => startWithFonts(options, faces));
}

function startWithFonts(options: StartMapOptions, faces: FontFacesSpecification): Promise<MapAdapter | null> {
  const remoteUrl = import.meta.env.VITE_BASEMAP_STYLE_URL;
  const embedded = () => embeddedBasemapStyle(faces, options.focusCountries, options.partyCountries);
  if (!remoteUrl) return create(options, { style: embedded(), source: 'embedded' }, embedded);
  const load = (url: string) => (url === remoteStyleUrl && remoteStyle ? remoteStyle : fetchRemoteStyle(url));
  return chooseBasemap(remoteUrl, embedded, load).then((basemap) => {
    if (basemap.fallbackMessage) options.warn(basemap.fallbackMessage);
    return create(options, basemap, embedded);
  });
}

function create(
  options: StartMapOptions,
  basemap: BasemapChoice,
  embedded: () => StyleSpecification,
): Promise<MapAdapter | null> {
  // The article's layers are part of the style the map starts with: they load with the basemap.
  const plan = options.places ? planAtlasLayers(options.places) : undefined;
  let map: MapLibreMap;
  try {
    map = createMap({
      container: options.container,
      style: plan ? withAtlasLayers(basemap.style, plan) : basemap.style,
      prevalidated: basemap.source === 'embedded',
      bounds: options.bounds,
      view: options.view && { center: [options.view.lng, options.view.lat], zoom: options.view.zoom },
      onFirstIdle: () => performance.mark('map-idle'),
    });
  } catch {
    // MapLibre throws when the browser gives it no WebGL 2 context; asking first costs a context.
    return Promise.resolve(null);
  }
  performance.mark('map-created');
  map.once('load', () => performance.mark('map-load'));
  provideHatchImage(map);
  const stopWatching =
    basemap.source === 'remote'
      ? watchRemoteBasemap(map, {
          fallback: embedded,
          onFallback: (reason) => options.warn(basemapFallbackMessage(reason)),
        })
      : () => {};
  // A read-only handle for debugging and for the browser tests.
  Object.assign(window, { articleAtlas: { map } });
  // MapLibre reads even a style given as an object a frame later: the article's markers, popup
  // and links are set up as soon as it has, while the basemap still loads, so that the map's
  // first complete frame has them.
  return new Promise((done) =>
    map.once('style.load', () => {
      const adapter = new MapAdapter(map, plan);
      adapter.onRemove(stopWatching);
      done(adapter);
    }),
  );
}
