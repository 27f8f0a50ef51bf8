import type { GeoJSONSource, LngLatBoundsLike, MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl';
import type { ImportedLayer } from '../domain/import-geojson';
import { NO_INSET, type Bounds, type CameraMove, type Inset, type View } from '../domain/view';
import {
  ATLAS_SOURCE,
  CROWD_SOURCE,
  PLACE_LABEL_LAYERS,
  addAtlasLayers,
  placeLabelField,
  clickableAtlasLayers,
  type AtlasLayerPlan,
} from './atlas-layers';
import { BasemapLabelCover } from './basemap-label-cover';
import { clickTarget } from './click-target';
import { onFirstCompleteIdle } from './first-idle';
import { syncFeatureFlag } from './feature-flag';
import type * as ImportedLayersCode from './imported-layers';
import type { FileOnMap, ImportedOnMap } from './imported-layers';
import type { MapTexts } from '../domain/map-features';
import { KeyControl } from './key-control';
import { overlaps, type Box, type Obstacle } from './marker-layout';
import { PlaceMarkers, type MarkerPlace } from './place-markers';
import type { MapPictures } from './map-picture';
import type { PlacePopup, PopupContent } from './place-popup';

/** What a click on the map chose (a cluster is opened by the map itself and reaches no one). */
export type MapHit =
  | { kind: 'place'; placeId: string }
  | { kind: 'file-feature'; fileId: string; index: number; at: [number, number] };

export interface MarkerOptions {
  maxMarkers: number;
  /** The reader pressed a place's marker. */
  onActivate: (placeId: string) => void;
}

/** The id of a click's hit in the article's layers, read from what the map hands back. */
function placeIdOf(hit: MapGeoJSONFeature): string {
  return String(hit.properties.id);
}

/** An opened file on the map, and what it added there. */
interface FileEntry extends FileOnMap {
  onMap: ImportedOnMap | null;
}

/**
 * The only holder of the MapLibre map in the app: sources and layers (the article's and the opened
 * files'), feature state, markers, the popup, the camera and hit-testing all go through it, in the
 * way placemark keeps every map call behind one class. What it shows is decided by the page
 * state; it reports what the reader does to the map (a click, a move) to the handlers it is given.
 * `remove()` undoes everything it added. The popup's code is not on the first screen: it loads
 * with `preparePopup()`, which the adapter calls itself once the map is first idle.
 */
export class MapAdapter {
  /** None until preparePopup() has loaded it: until then no popup is open. */
  private popup: PlacePopup | null = null;
  private popupLoad: Promise<void> | null = null;
  private removed = false;
  private readonly cover: BasemapLabelCover;
  private markers: PlaceMarkers | null = null;
  private selected: string | null = null;
  private marked = new Set<string>();
  /** The places' label texts under the name set chosen (null: their article names). */
  private labels: Readonly<Record<string, string>> | null = null;
  /** The files open now, by id; `onMap` is null until the code that draws files has loaded. */
  private readonly files = new Map<string, FileEntry>();
  private fileCount = 0;
  /** The code that draws opened files (./imported-layers), off the first screen: none until prepareFiles(). */
  private filesCode: typeof ImportedLayersCode | null = null;
  private filesLoad: Promise<void> | null = null;
  private readonly undo: (() => void)[] = [];
  private readonly complete: Promise<void>;

  constructor(
    private readonly map: MapLibreMap,
    private readonly plan: AtlasLayerPlan | undefined,
  ) {
    this.cover = new BasemapLabelCover(map);
    this.complete = new Promise((done) => this.undo.push(onFirstCompleteIdle(map, done)));
    if (plan) {
      // The article's layers came with the map's first style (see map-app.ts).
      addAtlasLayers(map, plan);
      for (const layer of clickableAtlasLayers(map)) {
        this.listen('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
        this.listen('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
      }
      // The popup loads once the map is drawn, off the first screen's path, so that a reader's
      // first click finds it ready. A failed load is tried again by the next preparePopup().
      const prefetch = () => void this.preparePopup().catch(() => {});
      map.once('idle', prefetch);
      this.undo.push(() => map.off('idle', prefetch));
    }
    // A new basemap style (the fallback from a failing remote one) drops the article's and the
    // files' layers: put them back, with the selection.
    const onStyleLoad = () => this.restoreLayers();
    map.on('style.load', onStyleLoad);
    this.undo.push(() => map.off('style.load', onStyleLoad));
  }

  private listen(type: 'mouseenter' | 'mouseleave', layer: string, listener: () => void): void {
    this.map.on(type, layer, listener);
    this.undo.push(() => this.map.off(type, layer, listener));
  }

  private restoreLayers(): void {
    if (this.plan && !this.map.getSource(ATLAS_SOURCE)) {
      addAtlasLayers(this.map, this.plan);
      if (this.labels) this.setPlaceLabels(this.labels);
      this.marked = new Set();
      if (this.selected) this.map.setFeatureState(this.stateTarget(this.selected), { selected: true });
    }
    for (const [sourceId, entry] of this.files) {
      if (this.filesCode && !this.map.getSource(sourceId))
        entry.onMap = this.filesCode.addImportedLayer(this.map, entry);
    }
    // The new style has no feature state: the labels under markers are faded again.
    this.cover.forgetCovered();
    this.markers?.update();
  }

  /** The feature-state target of a place, in whichever source draws it. */
  private stateTarget(placeId: string): { source: string; id: string } {
    return { source: this.plan?.onMap.sourceOf(placeId) ?? ATLAS_SOURCE, id: placeId };
  }

  // ---- The article's places ----

  /**
   * DOM markers for the article's annotated places; with a clustered crowd, for the story's places
   * only (the crowd is drawn on the GPU). A place whose marker shows its name is named by it, not by
   * a GPU label (a place its marker shows as a bare dot keeps its GPU label), and its marker hides
   * the basemap labels it must sit on, never a party's.
   */
  showMarkers(
    places: readonly MarkerPlace[],
    options: MarkerOptions,
    isCrowd: (id: string) => boolean,
  ): void {
    this.markers?.remove();
    const clustered = this.plan?.onMap.clustered ?? false;
    this.markers = new PlaceMarkers(
      this.map,
      places.filter((p) => !clustered || !isCrowd(p.id)),
      {
        maxMarkers: options.maxMarkers,
        onActivate: (id) => options.onActivate(id),
        obstaclesUnder: (box) => [...this.cover.labelsUnder(box), ...this.keyUnder(box)],
        onLayout: (covered, named) => {
          this.cover.setCovered(covered);
          this.marked = syncFeatureFlag(this.map, (id) => this.stateTarget(id), 'marked', this.marked, named);
        },
      },
    );
    this.cover.onLabelsPlaced(() => this.markers?.update());
    this.markers.setSelected(this.selected);
    this.markers.update();
  }

  /** Names the places' map labels by `names` (place id to text), or by the article (null). */
  setPlaceLabels(names: Readonly<Record<string, string>> | null): void {
    this.labels = names;
    for (const id of PLACE_LABEL_LAYERS) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', placeLabelField(names));
    }
  }

  /** Marks a place as selected on the map (its circle or outline, its marker), or none. */
  setSelectedPlace(placeId: string | null): void {
    if (placeId === this.selected) return;
    if (this.selected) this.map.setFeatureState(this.stateTarget(this.selected), { selected: false });
    this.selected = placeId;
    if (placeId) this.map.setFeatureState(this.stateTarget(placeId), { selected: true });
    this.markers?.setSelected(placeId);
  }

  /** Says which marker's popup is open (aria-expanded, aria-controls), or none. */
  setExpandedPlace(placeId: string | null): void {
    this.markers?.setExpanded(placeId, placeId ? this.popup?.elementId : undefined);
  }

  /** The marker button of a place, when it has one now. */
  markerButton(placeId: string): HTMLButtonElement | undefined {
    return this.markers?.button(placeId);
  }

  // ---- The popup ----

  /**
   * Loads the popup's code (a chunk of its own, with its CSS) and makes the popup; the same
   * promise on every call, a new try after a failed load. openPopup needs it resolved.
   */
  preparePopup(): Promise<void> {
    this.popupLoad ??= import('./place-popup').then(
      ({ PlacePopup }) => {
        if (!this.removed) this.popup ??= new PlacePopup(this.map);
      },
      (error: unknown) => {
        this.popupLoad = null;
        throw error;
      },
    );
    return this.popupLoad;
  }

  /**
   * Opens the popup; for a place, it never covers the place's marker (whichever it has at the time).
   * Only once preparePopup() has resolved.
   */
  openPopup(request: PopupContent, placeId?: string): void {
    if (!this.popup) throw new Error('MapAdapter.openPopup: the popup is not loaded (await preparePopup())');
    this.popup.open(placeId ? { ...request, avoid: () => this.markerButton(placeId) } : request);
  }

  /** Moves the map so that the open popup is on screen (on a phone: its place above the sheet). */
  keepPopupInView(): void {
    this.popup?.keepOpenInView();
  }

  /** What the open popup covers of the map (a phone's sheet along the bottom), in pixels. */
  popupInset(): Inset {
    return this.popup?.coveredInset() ?? NO_INSET;
  }

  /** Closes the popup, if one is open, without calling its onClose. */
  closePopup(): void {
    this.popup?.close();
  }

  // ---- The camera ----

  view(): View {
    const center = this.map.getCenter();
    return { lng: center.lng, lat: center.lat, zoom: this.map.getZoom() };
  }

  /** What the map shows: its bounds, less `inset` pixels on each side (what covers the map there), and its zoom. */
  visible(inset: Inset = NO_INSET): {
    bounds: Bounds;
    zoom: number;
    size: { width: number; height: number };
  } {
    this.fitContainer();
    const { width, height } = this.map.getContainer().getBoundingClientRect();
    const sw = this.map.unproject([inset.left, height - inset.bottom]);
    const ne = this.map.unproject([width - inset.right, inset.top]);
    return { bounds: [sw.lng, sw.lat, ne.lng, ne.lat], zoom: this.map.getZoom(), size: { width, height } };
  }

  /**
   * Resizes the map to its container at once when the container has just changed size (the phone's
   * sheet closed as a place was chosen in it): MapLibre would follow only at its next resize
   * observation, after the camera had framed the place for the old size.
   */
  private fitContainer(): void {
    const container = this.map.getContainer().getBoundingClientRect();
    const canvas = this.map.getCanvas().getBoundingClientRect();
    if (Math.abs(container.width - canvas.width) > 0.5 || Math.abs(container.height - canvas.height) > 0.5) {
      this.map.resize();
    }
  }

  jumpTo(view: View): void {
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
  }

  move(camera: CameraMove): void {
    if (camera.kind === 'jump') {
      // jumpTo has no offset; an ease of no duration is the same jump, to a point off the centre.
      if (camera.offset)
        this.map.easeTo({ center: camera.center, zoom: camera.zoom, offset: camera.offset, duration: 0 });
      else this.map.jumpTo({ center: camera.center, zoom: camera.zoom });
      return;
    }
    const [w, s, e, n] = camera.bounds;
    const bounds: LngLatBoundsLike = [w, s, e, n];
    // A box across the antimeridian (its east past 180, camera.ts frameFile) can be framed only on a
    // map that draws the world beyond ±180; the map is created without world copies otherwise.
    if (e > 180) this.map.setRenderWorldCopies(true);
    this.map.fitBounds(bounds, { padding: camera.padding, maxZoom: camera.maxZoom, duration: 0 });
  }

  /** Calls `listener` with the view each time the map stops moving; returns the function that stops it. */
  onViewChange(listener: (view: View) => void): () => void {
    const onMoveEnd = () => listener(this.view());
    this.map.on('moveend', onMoveEnd);
    const off = () => this.map.off('moveend', onMoveEnd);
    this.undo.push(off);
    return off;
  }

  /**
   * Calls `listener` each time the map changes size (its container did: the phone's sheet opened
   * or closed, the window resized), with the bounds it showed before; returns the function that stops it.
   */
  onResize(listener: (before: Bounds) => void): () => void {
    let shown = this.visible().bounds;
    const onMoveEnd = () => (shown = this.visible().bounds);
    const onResize = () => listener(shown);
    this.map.on('moveend', onMoveEnd);
    this.map.on('resize', onResize);
    const off = () => {
      this.map.off('moveend', onMoveEnd);
      this.map.off('resize', onResize);
    };
    this.undo.push(off);
    return off;
  }

  /** Resolves once the map has first drawn everything: its style, every source and every layer. */
  drawn(): Promise<void> {
    return this.complete;
  }

  /** Calls `then` at the map's next idle (drawing one more frame if the map is idle already). */
  afterNextIdle(then: () => void): void {
    this.map.once('idle', then);
    this.undo.push(() => this.map.off('idle', then));
    if (this.map.loaded()) this.map.triggerRepaint();
  }

  // ---- Pictures ----

  /** Takes pictures of the view (./map-picture, loaded when first asked for). */
  pictures(): Promise<MapPictures> {
    return import('./map-picture').then((code) => code.mapPictures(this.map));
  }

  // ---- Clicks ----

  /**
   * One answer to each click on the map: the map is asked once what is under the pointer, in the
   * article's layers and the files', and clickTarget decides which hit the click opens. A cluster
   * opens up by itself: the map zooms in until its places separate.
   */
  onClick(handler: (hit: MapHit) => void): () => void {
    const onMapClick = (event: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => {
      const article = clickableAtlasLayers(this.map);
      const hits = this.map.queryRenderedFeatures([event.point.x, event.point.y], {
        layers: [...article, ...this.fileLayerIds()],
      });
      const target = clickTarget(
        hits.map((f) => ({ layerId: f.layer.id, geometryType: f.geometry.type })),
        (id) => article.includes(id),
      );
      const hit = target && hits[target.index];
      if (!target || !hit) return;
      if (target.owner === 'imported') {
        const file = this.fileOfSource(hit.source);
        if (!file) return;
        if (hit.layer.id === file.onMap.clusterLayerId) {
          this.openCluster(hit, hit.source);
          return;
        }
        handler({
          kind: 'file-feature',
          fileId: file.onMap.sourceId,
          index: Number(hit.id),
          at: [event.lngLat.lng, event.lngLat.lat],
        });
      } else if (hit.layer.id === 'atlas-crowd-cluster') {
        this.openCluster(hit, CROWD_SOURCE);
      } else {
        handler({ kind: 'place', placeId: placeIdOf(hit) });
      }
    };
    this.map.on('click', onMapClick);
    const off = () => this.map.off('click', onMapClick);
    this.undo.push(off);
    return off;
  }

  /** Zooms in on a cluster of a clustered source (the crowd's or a file's) to where it splits. */
  private openCluster(hit: MapGeoJSONFeature, sourceId: string): void {
    if (hit.geometry.type !== 'Point') return;
    const [lng = 0, lat = 0] = hit.geometry.coordinates;
    void this.map
      .getSource<GeoJSONSource>(sourceId)
      ?.getClusterExpansionZoom(Number(hit.properties.cluster_id))
      .then((zoom) => this.map.easeTo({ center: [lng, lat], zoom }));
  }

  // ---- Opened files ----

  /**
   * Loads the code that draws opened files (./imported-layers: clustering and the layers' specs,
   * which the first screen does not need), and draws the files added before it came. The page
   * loads it with the code that opens files; addFile() loads it too. A failed load is tried again
   * by the next call.
   */
  prepareFiles(): Promise<void> {
    this.filesLoad ??= import('./imported-layers').then(
      (code) => {
        this.filesCode = code;
        if (this.removed) return;
        for (const entry of this.files.values()) entry.onMap ??= code.addImportedLayer(this.map, entry);
      },
      (error: unknown) => {
        this.filesLoad = null;
        throw error;
      },
    );
    return this.filesLoad;
  }

  /**
   * Draws an opened file as a layer of its own (once its code has loaded: see prepareFiles); returns
   * its id. `texts`, the GeoJSON text of its map features made by the import worker, is what the map
   * then reads (in MapLibre's worker), so that the page copies no large collection.
   */
  addFile(layer: ImportedLayer, texts?: MapTexts): string {
    this.fileCount += 1;
    const entry: FileEntry = { layer, texts, onMap: null, n: this.fileCount };
    const fileId = `imported-${entry.n}`;
    this.files.set(fileId, entry);
    if (this.filesCode) entry.onMap = this.filesCode.addImportedLayer(this.map, entry);
    else void this.prepareFiles().catch(() => {});
    return fileId;
  }

  removeFile(fileId: string): void {
    const entry = this.files.get(fileId);
    if (!entry) return;
    const { layerIds = [], sourceIds = [] } = entry.onMap ?? {};
    for (const id of layerIds) if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const id of sourceIds) if (this.map.getSource(id)) this.map.removeSource(id);
    this.filesCode?.releaseMapData(entry);
    this.files.delete(fileId);
  }

  /** The open file a source of the map draws (a file's clustered points have a source of their own). */
  private fileOfSource(sourceId: string): { onMap: ImportedOnMap } | undefined {
    for (const entry of this.files.values()) {
      if (entry.onMap?.sourceIds.includes(sourceId)) return { onMap: entry.onMap };
    }
    return undefined;
  }

  /** The map layers of the files open now that a click may hit (not the clusters' counts). */
  private fileLayerIds(): string[] {
    return [...this.files.values()]
      .flatMap((f) => f.onMap?.clickableLayerIds ?? [])
      .filter((id) => this.map.getLayer(id));
  }

  // ---- The key ----

  /**
   * The key to the map's symbols as a control at the bottom left, above the scale, where the
   * story's places (framed in the middle) leave room; a second key replaces the first.
   */
  showKey(content: HTMLElement): void {
    this.key?.();
    // The open key is a fixed obstacle to the markers: opened or closed, they are laid out again.
    const control = new KeyControl(content, { onToggle: () => this.markers?.update() });
    this.map.addControl(control, 'bottom-left');
    this.keyControl = control;
    this.key = () => {
      this.map.removeControl(control);
      this.key = null;
      this.keyControl = null;
    };
  }

  private key: (() => void) | null = null;
  private keyControl: KeyControl | null = null;

  /** The open key, when a screen box (in the map's pixels) lies over it: no marker may sit there. */
  private keyUnder(box: Box): Obstacle[] {
    const frame = this.map.getContainer().getBoundingClientRect();
    const inFrame = (r: { left: number; top: number; right: number; bottom: number }): Box => ({
      left: r.left - frame.left,
      top: r.top - frame.top,
      right: r.right - frame.left,
      bottom: r.bottom - frame.top,
    });
    // The open key, and the page's own controls over the map (the names control, the timeline):
    // a marker under one could not be read or clicked.
    const open = this.keyControl?.openBox();
    const controls = [...this.map.getContainer().querySelectorAll('[data-map-obstacle]')].map((c, i) => ({
      id: `map-control-${i}`,
      box: inFrame(c.getBoundingClientRect()),
    }));
    return [...(open ? [{ id: 'map-key', box: inFrame(open) }] : []), ...controls]
      .filter((c) => overlaps(c.box, box, 0))
      .map((c) => ({ id: c.id, fixed: true }));
  }

  // ---- Lifecycle ----

  /** Something else to undo when the adapter is removed (a watcher started with the map). */
  onRemove(undo: () => void): void {
    this.undo.push(undo);
  }

  /** Removes the markers, the popup, the key, the files' layers and every listener it added. */
  remove(): void {
    this.removed = true;
    for (const off of this.undo.splice(0)) off();
    // The article's labels and selection show as they would without the adapter.
    if (this.map.getSource(ATLAS_SOURCE)) {
      this.setSelectedPlace(null);
      this.marked = syncFeatureFlag(this.map, (id) => this.stateTarget(id), 'marked', this.marked, []);
    }
    this.markers?.remove();
    this.markers = null;
    this.cover.remove();
    this.popup?.remove();
    this.popup = null;
    for (const fileId of [...this.files.keys()]) this.removeFile(fileId);
    this.key?.();
  }
}
