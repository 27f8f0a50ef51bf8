import { buildAtlasModel, type AtlasModel } from '../domain/atlas-model';
import { focusCountries, mapFeatures, partyCountries, storyFrame } from '../domain/atlas-summary';
import { loadAtlas } from '../domain/load-atlas';
import { isCrowded } from '../domain/crowd';
import { mapKey } from '../domain/map-key';
import type { Bounds } from '../domain/view';
import { fetchReader } from '../io/fetch-reader';
import type { MapAdapter } from '../map/map-adapter';
import { ArticlePanel } from '../ui/article-panel';
import type { AtlasLink } from '../ui/atlas-list';
import { buildExportControl } from '../ui/export-control';
import { enableFileDrop } from '../ui/file-drop';
import { buildMapKey, buildMapKeySection } from '../ui/map-key';
import { Notices } from '../ui/notices';
import { focusMap, SkipLinks } from '../ui/skip-links';
import type { ExportShape } from '../domain/export-shapes';
import { atlasMenu } from './atlas-links';
import { AtlasView } from './atlas-view';
import type { Delivery } from './export-delivery';
import type { ImportedFiles } from './imported-files';
import { parseLink } from './link';
import { LinkSync } from './link-sync';
import { initialState } from './page-state';
import { placeDetails } from './place-details';
import { PageStore } from './store';

/** The world (the inhabited latitudes), shown when no atlas can be drawn. */
const FALLBACK_BOUNDS: Bounds = [-180, -56, 180, 72];
/** Below this width (a phone) the first view has room for the story's places only. */
const NARROW_MAP_PX = 600;

/** When even the page that says why an atlas cannot be shown fails to load (the connection dropped). */
const LOAD_FAILED =
  'This atlas cannot be shown, and the page that says why could not be loaded: reload to try again.';

const NO_WEBGL =
  'The map cannot be drawn on this device (the browser offers no WebGL 2). Every place and fact is in the panel, and export works.';

/**
 * Starts the page: reads the atlas and the link into the page state, then builds the map and the
 * panel, which follow that state and send it commands. The atlas data and the map's code
 * (MapLibre, a chunk of its own) load in parallel; the panel shows the article as soon as the
 * data is valid, before the map is drawn.
 */
export async function startApp(elements: {
  app: HTMLElement;
  map: HTMLElement;
  panel: HTMLElement;
  skipToMap: HTMLAnchorElement;
  skipToPlaces: HTMLAnchorElement;
}): Promise<void> {
  const mapCode = import('../map/map-app');
  const notices = new Notices(elements.app);
  // The skip links work from the start; the places' one once the panel is built.
  const skipLinks = new SkipLinks([
    { link: elements.skipToMap, go: () => focusMap(elements.map) },
    { link: elements.skipToPlaces, go: () => false },
  ]);
  const { search } = window.location;
  const atlasId = new URLSearchParams(search).get('atlas');
  const load = await loadAtlas(
    fetchReader(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href),
    {
      id: atlasId,
      prefix: 'data/',
    },
  );
  performance.mark('atlas-data');
  if (!load.atlas) {
    elements.panel.hidden = true;
    void import('./load-failure').then(
      ({ showLoadFailure }) => showLoadFailure(elements.app, atlasId, load, search),
      () => notices.show(LOAD_FAILED, 'error', 'data'),
    );
  }
  const model = load.atlas && buildAtlasModel(load.atlas);
  const link = parseLink(window.location.hash);
  const isPlace = (id: string) => model?.placeById.has(id) ?? false;
  const store = new PageStore(initialState(atlasId, link, isPlace), isPlace);
  // The link follows the state from the start: a place chosen in the panel before the map is ready too.
  new LinkSync(store);
  const { startMap } = await mapCode;
  performance.mark('map-code');
  // The map first: its worker loads the basemap while the main thread builds the panel.
  const atlas = model?.atlas;
  const frame = atlas ? storyFrame(atlas, elements.map.clientWidth < NARROW_MAP_PX ? 0.12 : 0.4) : undefined;
  const adapter = startMap({
    container: elements.map,
    ...(model ? { places: mapFeatures(model) } : {}),
    focusCountries: atlas ? focusCountries(atlas) : [],
    partyCountries: atlas ? partyCountries(atlas) : [],
    bounds: frame ? [frame[0] ?? 0, frame[1] ?? 0, frame[2] ?? 0, frame[3] ?? 0] : FALLBACK_BOUNDS,
    view: link.view,
    warn: (message) => notices.show(message, 'warning', 'basemap'),
  });
  const ready = model
    ? startAtlas(
        model,
        store,
        adapter,
        elements,
        notices,
        skipLinks,
        link.view !== null,
        atlasMenu(load.index, load.entry?.id ?? null, search),
      )
    : adapter;
  if (!(await ready)) {
    elements.map.classList.add('map-unavailable');
    notices.show(NO_WEBGL, 'error', 'webgl');
  }
}

/**
 * The panel at once, as the text alternative that stands also where the map cannot be drawn;
 * then, once the map has read its style, the views that follow the page state on it.
 */
async function startAtlas(
  model: AtlasModel,
  store: PageStore,
  adapter: Promise<MapAdapter | null>,
  elements: { map: HTMLElement; panel: HTMLElement; skipToPlaces: HTMLAnchorElement },
  notices: Notices,
  skipLinks: SkipLinks,
  linkHasView: boolean,
  atlases: readonly AtlasLink[],
): Promise<MapAdapter | null> {
  const exportAs = (shape: ExportShape, how: Delivery, placeId?: string) =>
    void import('./export-delivery').then(({ deliverExport }) =>
      deliverExport(model, notices, shape, how, placeId),
    );
  // The key explains the symbols the map draws (clusters only where it clusters the crowd), on the
  // map and in the panel's text.
  const keyEntries = mapKey(model.atlas, { clustered: isCrowded(model.atlas.places) });
  const panel = new ArticlePanel(elements.panel, {
    article: model.atlas.article,
    key: buildMapKeySection(keyEntries),
    places: model.orderedPlaces,
    factCount: (id) => model.factsOf(id).length,
    details: (place, headingId) => placeDetails(model, place, headingId, 3),
    onChoose: (placeId) => store.dispatch({ type: 'select-place', placeId, origin: 'panel' }),
    atlases,
    tools: [
      buildExportControl({
        onDownload: (shape) => exportAs(shape, 'download'),
        onCopy: (shape) => exportAs(shape, 'copy'),
        onOpenFile: (file) => void openFile(file),
      }),
    ],
  });
  skipLinks.set({ link: elements.skipToPlaces, go: () => panel.showPlaces() });
  document.title = `${model.atlas.article.headline} · Article Atlas`;
  performance.mark('panel');
  // Opened files are handled by code loaded with the first file: the first screen does not wait for
  // it. Their features are shown in the popup, which is loaded by then.
  let files: Promise<ImportedFiles> | undefined;
  const filesOn = (map: MapAdapter) =>
    (files ??= Promise.all([import('./imported-files'), map.preparePopup()]).then(
      ([{ ImportedFiles }]) => new ImportedFiles(store, map, panel, notices),
      (error: unknown) => {
        // A failed load (the connection dropped) is tried again with the next file.
        files = undefined;
        throw error;
      },
    ));
  const openFile = async (file: File) => {
    const map = await adapter;
    if (map) await (await filesOn(map)).open(file);
    else notices.show('Opening a file needs the map, which cannot be drawn here.', 'error', 'import');
  };
  const map = await adapter;
  if (!map) return null;
  const view = new AtlasView(store, map, model, panel, {
    exportPlace: (placeId, how) => exportAs('places', how, placeId),
    // Opens the panel (a sheet on phones) at the place's entry, its heading focused.
    showAllFacts: (placeId) => void panel.revealPlace(placeId),
  });
  map.onClick((hit) => {
    if (hit.kind === 'place') store.dispatch({ type: 'select-place', placeId: hit.placeId, origin: 'map' });
    else void filesOn(map).then((opened) => opened.selectFromMap(hit.fileId, hit.index, hit.at));
  });
  map.onViewChange((view) => store.dispatch({ type: 'view', view }));
  map.showKey(buildMapKey(keyEntries));
  enableFileDrop(elements.map, (file) => void openFile(file));
  view.showCurrent(linkHasView);
  map.afterNextIdle(() => performance.mark('app-ready'));
  return map;
}
