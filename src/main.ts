import { placeDetails } from './atlas-details';
import { buildAtlasModel } from './domain/atlas-model';
import {
  exportAtlas,
  exportFileName,
  GEOJSON_MEDIA_TYPE,
  serializeGeoJson,
  type ExportShape,
} from './domain/export-atlas';
import { loadAtlas } from './domain/load-atlas';
import { copyText, downloadText } from './io/download';
import { fetchReader } from './io/fetch-reader';
import { ArticlePanel } from './ui/article-panel';
import { renderDataErrors } from './ui/data-errors';
import { buildExportControl } from './ui/export-control';
import { Notices } from './ui/notices';
import './ui/styles.css';

/**
 * Wiring only. The atlas data and the map's code (MapLibre, a chunk of its own) load in parallel;
 * the panel shows the article as soon as the data is valid, before the map is drawn.
 */
async function start(): Promise<void> {
  const app = document.getElementById('app');
  const container = document.getElementById('map');
  const panelElement = document.getElementById('panel');
  if (!app || !container || !panelElement) throw new Error('index.html must have #app, #panel and #map');
  const mapCode = import('./map-app');
  const notices = new Notices(app);
  const atlasId = new URLSearchParams(window.location.search).get('atlas');
  const load = await loadAtlas(
    fetchReader(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href),
    {
      id: atlasId,
      prefix: 'data/',
    },
  );
  performance.mark('atlas-data');
  if (!load.atlas) {
    panelElement.hidden = true;
    renderDataErrors(app, load.issues);
  }
  const model = load.atlas && buildAtlasModel(load.atlas);
  let choose: ((placeId: string) => void) | undefined;
  let openFile: ((file: File) => void) | undefined;
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
  const { startMap } = await mapCode;
  performance.mark('map-code');
  // The map first: its worker loads the basemap while the main thread builds the panel.
  let panelBuilt: (panel: ArticlePanel | undefined) => void = () => {};
  const drawn = startMap({
    container,
    notices,
    ...(model ? { model } : {}),
    panel: new Promise((done) => (panelBuilt = done)),
    deliver,
    onView: (view) => (choose = (id) => view.choose(id)),
    onImports: (imports) => (openFile = (file) => void imports.open(file)),
  });
  // startMap creates the map within its first microtasks (it waits longer only for a remote style):
  // one task later the map is loading, and the panel is built meanwhile.
  await new Promise((done) => setTimeout(done, 0));
  // The panel stands on its own: it is the text alternative, also where the map cannot be drawn.
  const panel =
    model &&
    new ArticlePanel(panelElement, {
      article: model.atlas.article,
      places: model.orderedPlaces,
      factCount: (id) => model.factsOf(id).length,
      details: (place, headingId) => placeDetails(model, place, headingId, 3),
      onChoose: (id) => choose?.(id),
      tools: [
        buildExportControl({
          onDownload: (shape) => deliver(shape, 'download'),
          onCopy: (shape) => deliver(shape, 'copy'),
          onOpenFile: (file) => {
            if (openFile) openFile(file);
            else notices.show('Opening a file needs the map, which cannot be drawn here.', 'error', 'import');
          },
        }),
      ],
    });
  panelBuilt(panel || undefined);
  if (model) document.title = `${model.atlas.article.headline} · Article Atlas`;
  performance.mark('panel');
  if (!(await drawn)) {
    container.classList.add('map-unavailable');
    notices.show(
      'The map cannot be drawn on this device (the browser offers no WebGL 2). Every place and fact is in the panel, and export works.',
      'error',
      'webgl',
    );
  }
}

void start();
