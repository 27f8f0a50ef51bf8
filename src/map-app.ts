import { AtlasView } from './atlas-view';
import type { AtlasModel } from './domain/atlas-model';
import { focusCountries, mapFeatures, storyFrame } from './domain/atlas-summary';
import type { ExportShape } from './domain/export-atlas';
import { parseUrlState } from './domain/url-state';
import { ImportedFiles } from './imported-files';
import { basemapFallbackMessage, chooseBasemap } from './map/choose-basemap';
import { planAtlasLayers, provideHatchImage, withAtlasLayers } from './map/atlas-layers';
import { watchRemoteBasemap } from './map/basemap-watchdog';
import { createMap } from './map/create-map';
import { routeMapClicks } from './map/map-clicks';
import { embeddedBasemapStyle } from './map/embedded-basemap';
import { fetchRemoteStyle } from './map/remote-style';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ArticlePanel } from './ui/article-panel';
import { enableFileDrop } from './ui/file-drop';
import type { Notices } from './ui/notices';

/** Resolves once the map's style has been read (its sources may still be loading). */
function styleLoaded(map: MapLibreMap): Promise<void> {
  // MapLibre reads even a style given as an object a frame later, so the event is still to come.
  return new Promise((done) => map.once('style.load', () => done()));
}

/** The embedded basemap's detailed region, shown when no atlas can be drawn. */
const FALLBACK_BOUNDS: [number, number, number, number] = [34, 34, 58, 47];

export interface MapAppOptions {
  container: HTMLElement;
  notices: Notices;
  model?: AtlasModel;
  /** The panel, built while the map loads. */
  panel: Promise<ArticlePanel | undefined>;
  deliver: (shape: ExportShape, how: 'download' | 'copy', placeId?: string) => void;
  /** Called once the map can open files, so that the panel's "Open GeoJSON" reaches it. */
  onImports: (imports: ImportedFiles) => void;
  /** Called once the map is ready for the panel to steer it. */
  onView: (view: AtlasView) => void;
}

/**
 * Everything that needs MapLibre, loaded as its own chunk in parallel with the atlas data, so
 * that the panel can show the article before the map's code has arrived.
 */
export async function startMap(options: MapAppOptions): Promise<boolean> {
  const { container, notices, model } = options;
  const atlas = model?.atlas;
  const embedded = () => embeddedBasemapStyle(atlas ? focusCountries(atlas) : []);
  const basemap = await chooseBasemap(import.meta.env.VITE_BASEMAP_STYLE_URL, embedded, fetchRemoteStyle);
  if (basemap.fallbackMessage) notices.show(basemap.fallbackMessage, 'warning', 'basemap');
  // A phone has room for the story's places only; a wide screen shows their neighbours too.
  const frame = atlas ? storyFrame(atlas, container.clientWidth < 600 ? 0.12 : 0.4) : FALLBACK_BOUNDS;
  const link = parseUrlState(window.location.hash);
  // The article's layers are part of the style the map starts with: they load with the basemap.
  const plan = model ? planAtlasLayers(mapFeatures(model)) : undefined;
  let map: ReturnType<typeof createMap>;
  try {
    map = createMap({
      container,
      style: plan ? withAtlasLayers(basemap.style, plan) : basemap.style,
      prevalidated: basemap.source === 'embedded',
      bounds: [frame[0], frame[1], frame[2], frame[3]],
      view: link.view && { center: [link.view.lng, link.view.lat], zoom: link.view.zoom },
      onFirstIdle: () => performance.mark('map-idle'),
    });
  } catch {
    // MapLibre throws when the browser gives it no WebGL 2 context; asking first costs a context.
    return false;
  }
  performance.mark('map-created');
  provideHatchImage(map);
  if (basemap.source === 'remote') {
    watchRemoteBasemap(map, {
      fallback: embedded,
      onFallback: (reason) => notices.show(basemapFallbackMessage(reason), 'warning', 'basemap'),
    });
  }
  // A read-only handle for debugging and for the browser tests.
  Object.assign(window, { articleAtlas: { map, atlas } });
  if (!model || !plan) return true;
  map.once('load', () => performance.mark('map-load'));
  // The article's markers, popup and links are set up as soon as the style is there and the panel
  // is built, while the basemap still loads: the map's first complete frame has them.
  void Promise.all([options.panel, styleLoaded(map)]).then(([panel]) => {
    if (!panel) return;
    const view = new AtlasView(
      map,
      model,
      panel,
      { exportPlace: (id, how) => options.deliver('places', how, id) },
      plan,
    );
    const imports = new ImportedFiles(map, view.popup, panel, notices);
    routeMapClicks(map, {
      fileLayers: () => imports.layerIds(),
      onArticle: (hit) => view.openFromClick(hit),
      onFile: (hit, at) => imports.openFromClick(hit, at),
    });
    options.onView(view);
    options.onImports(imports);
    enableFileDrop(container, (file) => void imports.open(file));
    view.applyUrl(link);
    map.once('idle', () => performance.mark('app-ready'));
    // Should the map have loaded before the panel was built, and the view changed nothing on it,
    // no idle would follow: one more frame brings it.
    if (map.loaded()) map.triggerRepaint();
  });
  return true;
}
