import { buildAtlasModel, type AtlasModel } from '../domain/atlas-model';
import { focusCountries, mapFeatures, partyCountries } from '../domain/atlas-summary';
import { firstViewFrame, NARROW_MAP_PX } from '../domain/first-screen/first-view';
import { loadAtlas } from '../domain/load-atlas';
import { cameraForBounds, type Camera } from '../domain/first-screen/web-mercator';
import type { Bounds, View } from '../domain/view';
import { fetchReader } from '../io/fetch-reader';
import { VALIDATED_AT_BUILD } from '../io/validated-at-build';
import type { MapAdapter } from '../map/map-adapter';
import type { SvgMap } from '../map/svg-map';
import { ArticlePanel } from '../ui/article-panel';
import type { AtlasLink } from '../ui/atlas-list';
import { enableFileDrop } from '../ui/file-drop';
import { buildMapKey } from '../ui/map-key';
import { Notices } from '../ui/notices';
import { focusMap, SkipLinks } from '../ui/skip-links';
import type { ExportChoice } from '../domain/export-shapes';
import { articlePanelOptions, mapKeyEntries } from './article-panel-options';
import { atlasMenu } from './atlas-links';
import { AtlasView } from './atlas-view';
import type { Delivery } from './export-delivery';
import type { ImportedFiles } from './imported-files';
import { parseLink, sameView } from './link';
import { pageAtlasId } from './page-atlas';
import { LinkSync } from './link-sync';
import { initialState } from './page-state';
import { PageStore } from './store';

/** The world (the inhabited latitudes), shown when no atlas can be drawn. */
const FALLBACK_BOUNDS: Bounds = [-180, -56, 180, 72];

/** When even the page that says why an atlas cannot be shown fails to load (the connection dropped). */
const LOAD_FAILED =
  'This atlas cannot be shown, and the page that says why could not be loaded: reload to try again.';

const NO_WEBGL =
  'The map cannot be drawn on this device (the browser offers no WebGL 2). Every place and fact is in the panel, and export works.';

/** Where the build's picture of the first view stands in for the map that cannot be drawn. */
const STILL_MAP =
  'This browser offers no WebGL 2, so the map is a still picture of the story: it cannot be panned or zoomed, but every place on it opens, and every place and fact is in the panel.';

/** The longest the picture waits, once MapLibre's map has read its style, before handing over to it. */
const HAND_OVER_WAIT_MS = 6000;

/** The first view the build drew (scripts/first-screen-map.ts), in #map: the map until MapLibre's is drawn. */
const FIRST_SCREEN = 'svg.first-screen-map';

/**
 * Marks when the map first showed its basemap, places and names (`first-map`, read by the bench):
 * the first paint, where the picture the build drew is the view the page opens at (a desktop's
 * first view), else the frame after the picture was moved to the page's own view.
 */
function markFirstMap(drawnAsBuilt: boolean): void {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  if (drawnAsBuilt && paint) performance.mark('first-map', { startTime: paint.startTime });
  else requestAnimationFrame(() => performance.mark('first-map'));
}

const viewOf = ({ center: [lng, lat], zoom }: Camera): View => ({ lng, lat, zoom });

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
  // The build's picture of the first view works as the map at once: its code comes with the data.
  // Not where the link asks for another atlas than the page's (`/?atlas=ID`): that picture goes.
  const drawn = elements.map.querySelector<SVGSVGElement>(FIRST_SCREEN);
  const elsewhere = document.documentElement.hasAttribute('data-atlas-elsewhere');
  if (elsewhere) drawn?.remove();
  const firstScreen = elsewhere ? null : drawn;
  const svgCode = firstScreen ? import('../map/svg-map') : null;
  const notices = new Notices(elements.app);
  // The skip links work from the start; the places' one once the panel is built.
  const skipLinks = new SkipLinks([
    { link: elements.skipToMap, go: () => focusMap(elements.map) },
    { link: elements.skipToPlaces, go: () => false },
  ]);
  const { search } = window.location;
  const atlasId = pageAtlasId(search, document.documentElement);
  const load = await loadAtlas(
    fetchReader(new URL(`${import.meta.env.BASE_URL}data/`, document.baseURI).href),
    {
      id: atlasId,
      prefix: 'data/',
      validated: VALIDATED_AT_BUILD,
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
  // The picture is of the data the build saw: where the page's files differ from those (a data
  // folder edited after the build), it goes, and MapLibre's map, drawn from the files, is the map.
  // (The dev server validates every file: it lists no digests, and draws the picture from the files.)
  const checked = Object.keys(VALIDATED_AT_BUILD.files.digests).length > 0;
  const link = parseLink(window.location.hash);
  if (firstScreen && (!model || (checked && !load.asBuilt))) firstScreen.remove();
  const picture = firstScreen?.isConnected ? firstScreen : null;
  const isPlace = (id: string) => model?.placeById.has(id) ?? false;
  const store = new PageStore(initialState(atlasId, link, isPlace), isPlace);
  // The link follows the state from the start: a place chosen in the panel before the map is ready too.
  new LinkSync(store);
  const atlas = model?.atlas;
  const bounds: Bounds = atlas ? firstViewFrame(atlas, elements.map.clientWidth) : FALLBACK_BOUNDS;
  // The build's picture first: it is the map (its places open) while MapLibre's code still loads.
  const stillMap =
    model && picture && svgCode
      ? svgCode.then(
          ({ SvgMap }) => {
            const still = new SvgMap({
              container: elements.map,
              svg: picture,
              view: link.view ?? viewOf(cameraForBounds(bounds, elements.map.getBoundingClientRect())),
            });
            markFirstMap(link.view === null && elements.map.clientWidth >= NARROW_MAP_PX);
            return still;
          },
          // Its code did not load (the connection dropped): the picture stays, MapLibre's map comes.
          () => null,
        )
      : Promise.resolve(null);
  // MapLibre's map as soon as its code is there: its worker loads the basemap while the page
  // works on the panel and the picture.
  const adapter = mapCode.then(({ startMap }) => {
    performance.mark('map-code');
    return startMap({
      container: elements.map,
      ...(model ? { places: mapFeatures(model) } : {}),
      focusCountries: atlas ? focusCountries(atlas) : [],
      partyCountries: atlas ? partyCountries(atlas) : [],
      bounds,
      view: link.view,
      warn: (message) => notices.show(message, 'warning', 'basemap'),
    });
  });
  const ready = model
    ? startAtlas(
        model,
        store,
        adapter,
        stillMap,
        elements,
        notices,
        skipLinks,
        link.view !== null,
        atlasMenu(load.index, load.entry?.id ?? null, search),
      )
    : adapter;
  if (await ready) return;
  if (model && (await stillMap)) {
    notices.show(STILL_MAP, 'warning', 'webgl');
    return;
  }
  elements.map.classList.add('map-unavailable');
  notices.show(NO_WEBGL, 'error', 'webgl');
}

/**
 * The panel at once, as the text alternative that stands also where the map cannot be drawn;
 * then, once the map has read its style, the views that follow the page state on it.
 */
async function startAtlas(
  model: AtlasModel,
  store: PageStore,
  adapter: Promise<MapAdapter | null>,
  stillMap: Promise<SvgMap | null>,
  elements: { map: HTMLElement; panel: HTMLElement; skipToPlaces: HTMLAnchorElement },
  notices: Notices,
  skipLinks: SkipLinks,
  linkHasView: boolean,
  atlases: readonly AtlasLink[],
): Promise<MapAdapter | null> {
  const exportAs = (choice: ExportChoice, how: Delivery, placeId?: string) =>
    void import('./export-delivery').then(({ deliverExport }) =>
      deliverExport(model, notices, choice, how, placeId),
    );
  // The key explains the symbols the map draws, on the map and in the panel's text. The panel
  // takes over the one the build prerendered into the page (scripts/prerender-page.ts).
  const keyEntries = mapKeyEntries(model);
  const panel = new ArticlePanel(
    elements.panel,
    articlePanelOptions(model, keyEntries, atlases, {
      onChoose: (placeId) => store.dispatch({ type: 'select-place', placeId, origin: 'panel' }),
      onDownload: (choice) => exportAs(choice, 'download'),
      onCopy: (choice) => exportAs(choice, 'copy'),
      onOpenFile: (file) => void openFile(file),
      when: () => store.state.when,
    }),
  );
  skipLinks.set({ link: elements.skipToPlaces, go: () => panel.showPlaces() });
  document.title = `${model.atlas.article.headline} · Article Atlas`;
  performance.mark('panel');
  // The timeline once a map is there, with the code a selected place needs (./selection), off the first screen.
  void Promise.race([stillMap, adapter])
    .then(() => import('./selection'))
    .then(
      ({ startTimeline, pictureTools }) => {
        startTimeline(store, model, panel, elements.map);
        // "Download image" and "Print", and the page's preparation for print.
        pictureTools(model, adapter, notices, panel);
      },
      () => {},
    );
  // Opened files are handled by code loaded with the first file: the first screen does not wait for
  // it. Their features are shown in the popup, which is loaded by then, and drawn by the map's code
  // for files (clustering and their layers), loaded with it.
  let files: Promise<ImportedFiles> | undefined;
  const filesOn = (map: MapAdapter) =>
    (files ??= Promise.all([import('./imported-files'), map.preparePopup(), map.prepareFiles()]).then(
      ([{ ImportedFiles }]) => new ImportedFiles(store, map, panel, notices),
      (error: unknown) => {
        // A failed load (the connection dropped) is tried again with the next file.
        files = undefined;
        throw error;
      },
    ));
  // A file opened while the picture is the map hands over to MapLibre's at once: only that draws files.
  let wantMap: () => void = () => {};
  const mapWanted = new Promise<void>((done) => (wantMap = done));
  const openFile = async (file: File) => {
    wantMap();
    const map = await adapter;
    if (map) await (await filesOn(map)).open(file);
    else notices.show('Opening a file needs the map, which cannot be drawn here.', 'error', 'import');
  };
  const viewOptions = {
    exportPlace: (placeId: string, how: Delivery) => exportAs({ shape: 'places' }, how, placeId),
    // Opens the panel (a sheet on phones) at the place's entry, its heading focused.
    showAllFacts: (placeId: string) => void panel.revealPlace(placeId),
  };
  const keyEntriesShown = () => buildMapKey(keyEntries);
  // The names control, after the first paint; a name set chosen hands the picture over at once.
  requestAnimationFrame(() =>
    setTimeout(
      () =>
        void import('./names-control-view').then(
          (c) => c.showNamesControl(store, model, elements.map),
          () => {},
        ),
    ),
  );
  store.subscribe((state, before) => state.names !== before.names && wantMap());
  // The picture is drawn with the article's names: under a link's name set it hands over as soon
  // as MapLibre's map is there; where the browser cannot draw that, it stays the map.
  if (store.state.names) wantMap();
  // The build's picture of the first view is the map until MapLibre's is drawn: its places open
  // from the start, and where the browser cannot draw MapLibre it stays the map.
  const still = await stillMap;
  const stillView = still && new AtlasView(store, still, model, panel, viewOptions);
  if (still && stillView) {
    still.showKey(keyEntriesShown());
    still.onViewChange((view) => store.dispatch({ type: 'view', view }));
    stillView.showCurrent(linkHasView);
    performance.mark('first-screen-live');
  }
  const map = await adapter;
  if (!map) return null;
  // Where the reader is when MapLibre takes over: kept there, or on the same place's marker.
  let focusedPlace: string | null = null;
  let focused: Element | null = null;
  if (still && stillView) {
    // MapLibre takes over once it has drawn everything, at the view the reader has now; or, where
    // its basemap's files never all come (a failing remote basemap), once it has had its time.
    await Promise.race([map.drawn(), mapWanted, new Promise((done) => setTimeout(done, HAND_OVER_WAIT_MS))]);
    focusedPlace = still.focusedPlace();
    focused = document.activeElement;
    stillView.remove();
    const view = still.view();
    still.remove();
    if (!sameView(map.view(), view)) map.jumpTo(view);
  }
  const view = new AtlasView(store, map, model, panel, viewOptions);
  map.onClick((hit) => {
    if (hit.kind === 'place') store.dispatch({ type: 'select-place', placeId: hit.placeId, origin: 'map' });
    else void filesOn(map).then((opened) => opened.selectFromMap(hit.fileId, hit.index, hit.at));
  });
  map.onViewChange((view) => store.dispatch({ type: 'view', view }));
  map.showKey(keyEntriesShown());
  enableFileDrop(elements.map, (file) => void openFile(file));
  // After a hand-over the map is at the reader's view already: the place is not framed again.
  view.showCurrent(linkHasView || still !== null);
  if (still) {
    if (focusedPlace) map.markerButton(focusedPlace)?.focus({ preventScroll: true });
    else if (focused instanceof HTMLElement && focused.isConnected && !elements.map.contains(focused))
      focused.focus({ preventScroll: true });
  }
  // Ready once the picture is off the screen (where there was one) and the map has drawn.
  const retired = still?.retire();
  map.afterNextIdle(() => void Promise.resolve(retired).then(() => performance.mark('app-ready')));
  return map;
}
