import { AtlasView, placeDetails } from './atlas-view';
import { buildAtlasModel } from './domain/atlas-model';
import { focusCountries, storyFrame } from './domain/atlas-summary';
import { parseUrlState } from './domain/url-state';
import { loadAtlas } from './domain/load-atlas';
import {
  exportAtlas,
  exportFileName,
  GEOJSON_MEDIA_TYPE,
  serializeGeoJson,
  type ExportShape,
} from './domain/export-atlas';
import { ImportedFiles } from './imported-files';
import { copyText, downloadText } from './io/download';
import { fetchReader } from './io/fetch-reader';
import { buildExportControl } from './ui/export-control';
import { enableFileDrop } from './ui/file-drop';
import { chooseBasemap } from './map/choose-basemap';
import { createMap, webglAvailable } from './map/create-map';
import { embeddedBasemapStyle } from './map/embedded-basemap';
import { fetchRemoteStyle } from './map/remote-style';
import { renderDataErrors } from './ui/data-errors';
import { ArticlePanel } from './ui/article-panel';
import { Notices } from './ui/notices';
import './ui/styles.css';

/** The embedded basemap's detailed region, shown when no atlas can be drawn. */
const FALLBACK_BOUNDS: [number, number, number, number] = [34, 34, 58, 47];

async function start(): Promise<void> {
  const app = document.getElementById('app');
  const container = document.getElementById('map');
  if (!app || !container) throw new Error('index.html must have #app and #map');
  const notices = new Notices(app);
  const atlasId = new URLSearchParams(window.location.search).get('atlas');
  const loading = loadAtlas(fetchReader(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href), {
    id: atlasId,
    prefix: 'data/',
  });
  const load = await loading;
  if (!load.atlas) renderDataErrors(app, load.issues);
  const atlas = load.atlas;
  const model = atlas && buildAtlasModel(atlas);
  let view: AtlasView | undefined;
  let imports: ImportedFiles | undefined;
  const deliver = (shape: ExportShape, how: 'download' | 'copy', placeId?: string) => {
    if (!model) return;
    const text = serializeGeoJson(
      exportAtlas(model.atlas, shape, { model, ...(placeId ? { placeIds: [placeId] } : {}) }),
    );
    const fileName = exportFileName(model.atlas.article, shape, placeId);
    if (how === 'download') {
      downloadText(text, fileName, GEOJSON_MEDIA_TYPE);
      notices.show(
        `Downloading ${fileName} (${Math.round(text.length / 1024)} KB of GeoJSON).`,
        'info',
        'export',
      );
      return;
    }
    void copyText(text).then((copied) =>
      notices.show(
        copied
          ? `Copied ${fileName} to the clipboard.`
          : 'The browser did not allow copying; use Export GeoJSON instead.',
        copied ? 'info' : 'warning',
        'export',
      ),
    );
  };
  // The panel comes first and stands on its own: it is the text alternative when the map cannot draw.
  const panel =
    model &&
    new ArticlePanel(app, {
      article: model.atlas.article,
      places: model.orderedPlaces,
      factCount: (id) => model.factsOf(id).length,
      details: (place, headingId) => placeDetails(model, place, headingId, 3),
      onChoose: (id) => view?.choose(id),
      tools: [
        buildExportControl({
          onDownload: (shape) => deliver(shape, 'download'),
          onCopy: (shape) => deliver(shape, 'copy'),
          onOpenFile: (file) => {
            if (imports) void imports.open(file);
            else notices.show('Opening a file needs the map, which cannot be drawn here.', 'error', 'import');
          },
        }),
      ],
    });
  if (atlas) document.title = `${atlas.article.headline} · Article Atlas`;
  if (!webglAvailable()) {
    container.classList.add('map-unavailable');
    notices.show('The map cannot be drawn on this device: the browser offers no WebGL.', 'error', 'webgl');
    return;
  }
  const basemap = await chooseBasemap(
    import.meta.env.VITE_BASEMAP_STYLE_URL,
    () => embeddedBasemapStyle(atlas ? focusCountries(atlas) : []),
    fetchRemoteStyle,
  );
  if (basemap.fallbackMessage) notices.show(basemap.fallbackMessage, 'warning', 'basemap');
  // A phone has room for the story's places only; a wide screen shows their neighbours too.
  const frame = atlas ? storyFrame(atlas, container.clientWidth < 600 ? 0.12 : 0.4) : FALLBACK_BOUNDS;
  const map = createMap({
    container,
    style: basemap.style,
    bounds: [frame[0], frame[1], frame[2], frame[3]],
    onFirstIdle: () => performance.mark('map-idle'),
  });
  // A read-only handle for debugging and for the browser tests.
  Object.assign(window, { articleAtlas: { map, atlas } });
  if (!model || !panel) return;
  map.once('load', () => {
    view = new AtlasView(map, model, panel, { exportPlace: (id, how) => deliver('places', how, id) });
    imports = new ImportedFiles(map, view.popup, panel, notices);
    enableFileDrop(container, (file) => void imports?.open(file));
    view.applyUrl(parseUrlState(window.location.hash));
    map.once('idle', () => performance.mark('app-ready'));
  });
}

void start();
