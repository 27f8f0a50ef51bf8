import type { Geometry } from 'geojson';
import {
  LngLat,
  LngLatBounds,
  Point,
  type ControlPosition,
  type FeatureIdentifier,
  type IControl,
  type LayerSpecification,
  type LngLatLike,
  type Map as MapLibreMap,
  type StyleSpecification,
  type SourceSpecification,
} from 'maplibre-gl';

type Listener = (event: never) => void;

/** One listener the map holds: for a map event, or for a layer's (`on(type, layerId, fn)`). */
export interface Registration {
  type: string;
  layerId?: string;
  listener: Listener;
  once: boolean;
}

/** A feature as queryRenderedFeatures hands it back: the fields the app reads. */
export interface RenderedFeature {
  id?: string | number;
  source: string;
  layer: { id: string };
  geometry: Geometry;
  properties: Record<string, unknown>;
}

/** A change the map's style was asked for, in the order asked. */
export type StyleOp =
  | { op: 'addSource'; id: string }
  | { op: 'removeSource'; id: string }
  | { op: 'addLayer'; id: string; before?: string }
  | { op: 'removeLayer'; id: string };

export type CameraCall =
  | { method: 'jumpTo'; options: unknown }
  | { method: 'fitBounds'; bounds: unknown; options: unknown }
  | { method: 'easeTo'; options: unknown }
  | { method: 'panBy'; offset: unknown; options: unknown };

/** The map's DOM: its container holding the canvas container, holding the canvas. */
interface MapElements {
  container: HTMLDivElement;
  canvasContainer: HTMLDivElement;
  canvas: HTMLCanvasElement;
}

export interface FakeMapOptions {
  /** The container's size in CSS pixels. */
  width?: number;
  height?: number;
  /** What the map shows: [west, south, east, north]. project/unproject map it linearly onto the container. */
  bounds?: [number, number, number, number];
  zoom?: number;
  /** What `getClusterExpansionZoom` answers. */
  clusterExpansionZoom?: number;
  /** Whether the style and every tile have loaded (`loaded`, `isStyleLoaded`, `areTilesLoaded`); default true. */
  loaded?: boolean;
}

/**
 * A stand-in for maplibre-gl's Map, for unit tests of the code that holds one. It records listeners,
 * style changes, feature state and camera calls, answers queryRenderedFeatures from `rendered`, and
 * projects linearly over `bounds`. Like MapLibre it throws (MapLibre fires an error event) on a
 * duplicate source or layer, a missing `before` layer, a source still used by a layer, and feature
 * state on a missing source, so that a wrong order of calls fails a test.
 *
 * It also carries the few internals that maplibre's own Marker and Popup read (`_camera.transform`,
 * `_canvasContainer`, `_getUIString`, `terrain`, bearing and pitch), so that tests use the real ones
 * (maplibre-gl 6.17, src/ui/marker.ts and popup.ts).
 *
 * Its container is made, and appended to document.body, when first asked for: a test of code that
 * never touches the DOM (listeners, feature state, setStyle) runs without one.
 */
export class FakeMap {
  readonly registrations: Registration[] = [];
  readonly sources = new Map<string, SourceSpecification>();
  private layers: { spec: LayerSpecification }[] = [];
  /** Every style change asked for since the last `clearLog()`. */
  readonly log: StyleOp[] = [];
  /** Every setFeatureState call, in order. */
  readonly featureStateCalls: { target: FeatureIdentifier; state: Record<string, unknown> }[] = [];
  private readonly states = new Map<string, Record<string, unknown>>();
  readonly cameraCalls: CameraCall[] = [];
  /** What setRenderWorldCopies last set (MapLibre's option starts as the map was created). */
  renderWorldCopies: boolean | undefined;
  /** Every setStyle call, with its arguments. */
  readonly setStyleCalls: Parameters<MapLibreMap['setStyle']>[] = [];
  readonly queries: { geometry: unknown; options: unknown }[] = [];
  /** What queryRenderedFeatures finds (filtered by its `layers` option, as MapLibre does), topmost first. */
  rendered: RenderedFeature[] = [];
  readonly clusterRequests: number[] = [];
  clusterExpansionZoom: number;
  bounds: [number, number, number, number];
  zoom: number;
  isLoaded: boolean;
  styleLoaded: boolean;
  tilesLoaded: boolean;
  /** What `isMoving` answers. */
  moving = false;
  repaints = 0;
  width: number;
  height: number;

  // Internals that maplibre's Marker and Popup read.
  readonly terrain = null;
  readonly _camera: { transform: unknown };

  private dom: MapElements | null = null;

  constructor(options: FakeMapOptions = {}) {
    this.width = options.width ?? 800;
    this.height = options.height ?? 600;
    this.canvasSize = { width: this.width, height: this.height };
    this.bounds = options.bounds ?? [44, 38, 52, 44];
    this.zoom = options.zoom ?? 6;
    this.clusterExpansionZoom = options.clusterExpansionZoom ?? 8;
    const loaded = options.loaded ?? true;
    this.isLoaded = loaded;
    this.styleLoaded = loaded;
    this.tilesLoaded = loaded;
    const center = () => this.getCenter();
    const project = (lngLat: LngLatLike) => this.project(lngLat);
    this._camera = {
      transform: {
        width: this.width,
        height: this.height,
        get center() {
          return center();
        },
        getCoveringTilesDetailsProvider: () => ({ allowWorldCopies: () => false }),
        isLocationOccluded: () => false,
        locationToScreenPoint: project,
      },
    };
  }

  get container(): HTMLDivElement {
    return this.elements().container;
  }

  get canvasContainer(): HTMLDivElement {
    return this.elements().canvasContainer;
  }

  get canvas(): HTMLCanvasElement {
    return this.elements().canvas;
  }

  /** The internal name that Marker and Popup read. */
  get _canvasContainer(): HTMLDivElement {
    return this.canvasContainer;
  }

  private elements(): MapElements {
    if (!this.dom) {
      const container = document.createElement('div');
      const canvasContainer = document.createElement('div');
      const canvas = document.createElement('canvas');
      canvasContainer.append(canvas);
      container.append(canvasContainer);
      // happy-dom lays nothing out: the container has the size the map would have.
      container.getBoundingClientRect = () => new DOMRect(0, 0, this.width, this.height);
      // The canvas has the size the map last resized to (see resize()).
      canvas.getBoundingClientRect = () => new DOMRect(0, 0, this.canvasSize.width, this.canvasSize.height);
      document.body.append(container);
      this.dom = { container, canvasContainer, canvas };
    }
    return this.dom;
  }

  // ---- Events ----

  on(
    type: string,
    layerOrListener: string | Listener,
    maybeListener?: Listener,
  ): { unsubscribe: () => void } {
    this.registrations.push({ ...this.registration(type, layerOrListener, maybeListener), once: false });
    return { unsubscribe: () => this.off(type, layerOrListener, maybeListener) };
  }

  once(type: string, listener: Listener): this {
    this.registrations.push({ type, listener, once: true });
    return this;
  }

  off(type: string, layerOrListener: string | Listener, maybeListener?: Listener): this {
    const { layerId, listener } = this.registration(type, layerOrListener, maybeListener);
    const i = this.registrations.findIndex(
      (r) => r.type === type && r.layerId === layerId && r.listener === listener,
    );
    if (i >= 0) this.registrations.splice(i, 1);
    return this;
  }

  private registration(
    type: string,
    layerOrListener: string | Listener,
    maybeListener: Listener | undefined,
  ): Omit<Registration, 'once'> {
    if (typeof layerOrListener === 'string') {
      if (!maybeListener) throw new Error(`on('${type}', '${layerOrListener}') without a listener`);
      return { type, layerId: layerOrListener, listener: maybeListener };
    }
    return { type, listener: layerOrListener };
  }

  /** Calls the listeners of `type` (of a layer's, with `layerId`), as MapLibre does: on a copy of the list. */
  fire(type: string, event: Record<string, unknown> = {}, layerId?: string): void {
    const matching = this.registrations.filter((r) => r.type === type && r.layerId === layerId);
    for (const r of matching) {
      if (r.once) this.registrations.splice(this.registrations.indexOf(r), 1);
      (r.listener as (event: unknown) => void)({ type, target: this, ...event });
    }
  }

  /** A click at a container point, with the event fields MapLibre's click has. */
  click(point: [number, number]): void {
    const lngLat = this.unproject(point);
    this.fire('click', {
      point: new Point(point[0], point[1]),
      lngLat,
      originalEvent: new MouseEvent('click'),
    });
  }

  /** The listeners held now, as `type` or `type@layer`, sorted. */
  listenerKeys(): string[] {
    return this.registrations.map((r) => (r.layerId ? `${r.type}@${r.layerId}` : r.type)).sort();
  }

  // ---- The style ----

  /** Replaces the style, as setStyle does (listeners stay); no log entries. Fire 'style.load' after it. */
  replaceStyle(style: Partial<Pick<StyleSpecification, 'sources' | 'layers'>> = {}): void {
    this.sources.clear();
    this.states.clear();
    for (const [id, source] of Object.entries(style.sources ?? {})) this.sources.set(id, source);
    this.layers = (style.layers ?? []).map((spec) => ({ spec }));
  }

  /** Records the call; a style object replaces the style as `replaceStyle` does. Fire 'style.load' after it. */
  setStyle(...args: Parameters<MapLibreMap['setStyle']>): this {
    this.setStyleCalls.push(args);
    const [style] = args;
    if (style && typeof style === 'object') this.replaceStyle(style);
    return this;
  }

  clearLog(): void {
    this.log.splice(0);
    this.featureStateCalls.splice(0);
    this.cameraCalls.splice(0);
    this.setStyleCalls.splice(0);
    this.queries.splice(0);
  }

  addSource(id: string, source: SourceSpecification): this {
    if (this.sources.has(id)) throw new Error(`There is already a source with ID "${id}".`);
    this.sources.set(id, source);
    this.log.push({ op: 'addSource', id });
    return this;
  }

  removeSource(id: string): this {
    if (!this.sources.has(id)) throw new Error(`There is no source with ID "${id}".`);
    const user = this.layers.find((l) => 'source' in l.spec && l.spec.source === id);
    if (user) throw new Error(`Source "${id}" cannot be removed while layer "${user.spec.id}" is using it.`);
    this.sources.delete(id);
    for (const key of [...this.states.keys()]) if (key.startsWith(`${id}\u0000`)) this.states.delete(key);
    this.log.push({ op: 'removeSource', id });
    return this;
  }

  getSource(
    id: string,
  ): { type: string; getClusterExpansionZoom: (clusterId: number) => Promise<number> } | undefined {
    const source = this.sources.get(id);
    if (!source) return undefined;
    return {
      type: source.type,
      getClusterExpansionZoom: (clusterId: number) => {
        this.clusterRequests.push(clusterId);
        return Promise.resolve(this.clusterExpansionZoom);
      },
    };
  }

  addLayer(spec: LayerSpecification, before?: string): this {
    if (this.getLayer(spec.id)) throw new Error(`Layer "${spec.id}" already exists on this map.`);
    if ('source' in spec && typeof spec.source === 'string' && !this.sources.has(spec.source)) {
      throw new Error(`Source "${spec.source}" not found for layer "${spec.id}".`);
    }
    const at = before === undefined ? this.layers.length : this.layers.findIndex((l) => l.spec.id === before);
    if (at < 0) throw new Error(`Cannot add layer "${spec.id}" before non-existing layer "${before}".`);
    this.layers.splice(at, 0, { spec });
    this.log.push(
      before === undefined ? { op: 'addLayer', id: spec.id } : { op: 'addLayer', id: spec.id, before },
    );
    return this;
  }

  removeLayer(id: string): this {
    const at = this.layers.findIndex((l) => l.spec.id === id);
    if (at < 0) throw new Error(`Cannot remove non-existing layer "${id}".`);
    this.layers.splice(at, 1);
    this.log.push({ op: 'removeLayer', id });
    return this;
  }

  getLayer(id: string): LayerSpecification | undefined {
    return this.layers.find((l) => l.spec.id === id)?.spec;
  }

  setLayoutProperty(id: string, name: string, value: unknown): this {
    const layer = this.layers.find((l) => l.spec.id === id);
    if (!layer) throw new Error(`Cannot style non-existing layer "${id}".`);
    layer.spec = { ...layer.spec, layout: { ...layer.spec.layout, [name]: value } } as LayerSpecification;
    return this;
  }

  getLayersOrder(): string[] {
    return this.layers.map((l) => l.spec.id);
  }

  setFeatureState(target: FeatureIdentifier, state: Record<string, unknown>): void {
    if (!this.sources.has(target.source)) {
      throw new Error(`The source '${target.source}' does not exist in the map's style.`);
    }
    this.featureStateCalls.push({ target, state });
    const key = `${target.source}\u0000${String(target.id)}`;
    this.states.set(key, { ...this.states.get(key), ...state });
  }

  /** The merged feature state of a feature, as getFeatureState answers. */
  getFeatureState(target: FeatureIdentifier): Record<string, unknown> {
    return this.states.get(`${target.source}\u0000${String(target.id)}`) ?? {};
  }

  queryRenderedFeatures(geometry: unknown, options?: { layers?: string[] }): RenderedFeature[] {
    this.queries.push({ geometry, options });
    const layers = options?.layers;
    return this.rendered.filter((f) => !layers || layers.includes(f.layer.id));
  }

  // ---- The camera and the screen ----

  jumpTo(options: unknown): this {
    this.cameraCalls.push({ method: 'jumpTo', options });
    return this;
  }

  fitBounds(bounds: unknown, options: unknown): this {
    this.cameraCalls.push({ method: 'fitBounds', bounds, options });
    return this;
  }

  easeTo(options: unknown): this {
    this.cameraCalls.push({ method: 'easeTo', options });
    return this;
  }

  setRenderWorldCopies(renderWorldCopies: boolean): void {
    this.renderWorldCopies = renderWorldCopies;
  }

  panBy(offset: unknown, options: unknown): this {
    this.cameraCalls.push({ method: 'panBy', offset, options });
    return this;
  }

  getBounds(): LngLatBounds {
    const [w, s, e, n] = this.bounds;
    return new LngLatBounds([w, s], [e, n]);
  }

  getCenter(): LngLat {
    const [w, s, e, n] = this.bounds;
    return new LngLat((w + e) / 2, (s + n) / 2);
  }

  getZoom(): number {
    return this.zoom;
  }

  getBearing(): number {
    return 0;
  }

  getPitch(): number {
    return 0;
  }

  /** Linear over `bounds`: the west edge at x 0, the north edge at y 0. */
  project(lngLat: LngLatLike): Point {
    const { lng, lat } = LngLat.convert(lngLat);
    const [w, s, e, n] = this.bounds;
    return new Point(((lng - w) / (e - w)) * this.width, ((n - lat) / (n - s)) * this.height);
  }

  unproject(point: [number, number] | Point): LngLat {
    const [x, y] = Array.isArray(point) ? point : [point.x, point.y];
    const [w, s, e, n] = this.bounds;
    return new LngLat(w + (x / this.width) * (e - w), n - (y / this.height) * (n - s));
  }

  getCanvas(): HTMLCanvasElement {
    return this.canvas;
  }

  // ---- Controls ----

  /** The controls on the map, in the order added, with their corners. */
  readonly controls: { control: IControl; position: ControlPosition }[] = [];

  /**
   * As MapLibre does: onAdd, then the control's element into its corner (a bottom corner's new
   * control goes first, above the others), the corner made on demand in the container.
   */
  addControl(control: IControl, position?: ControlPosition): this {
    const at = position ?? control.getDefaultPosition?.() ?? 'top-right';
    const element = control.onAdd(this as unknown as MapLibreMap);
    this.controls.push({ control, position: at });
    const corner = this.corner(at);
    if (at.includes('bottom')) corner.insertBefore(element, corner.firstChild);
    else corner.append(element);
    return this;
  }

  /** As MapLibre does: the control leaves the list and its onRemove takes out its element. */
  removeControl(control: IControl): this {
    const i = this.controls.findIndex((c) => c.control === control);
    if (i >= 0) this.controls.splice(i, 1);
    control.onRemove(this as unknown as MapLibreMap);
    return this;
  }

  hasControl(control: IControl): boolean {
    return this.controls.some((c) => c.control === control);
  }

  /** A corner's control container, `.maplibregl-ctrl-<position>`. */
  corner(position: ControlPosition): HTMLElement {
    const className = `maplibregl-ctrl-${position}`;
    const found = this.container.querySelector<HTMLElement>(`.${className}`);
    if (found) return found;
    const corner = document.createElement('div');
    corner.className = className;
    this.container.append(corner);
    return corner;
  }

  getCanvasContainer(): HTMLDivElement {
    return this.canvasContainer;
  }

  getContainer(): HTMLDivElement {
    return this.container;
  }

  loaded(): boolean {
    return this.isLoaded;
  }

  isStyleLoaded(): boolean {
    return this.styleLoaded;
  }

  areTilesLoaded(): boolean {
    return this.tilesLoaded;
  }

  isMoving(): boolean {
    return this.moving;
  }

  triggerRepaint(): void {
    this.repaints += 1;
  }

  /** The size the canvas was drawn at: the container's, until the container changes size. */
  canvasSize = { width: 0, height: 0 };
  resizes = 0;

  /** Makes the container `width` x `height` pixels, as a layout change would, without telling the map. */
  setContainerSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  resize(): this {
    this.resizes += 1;
    this.canvasSize = { width: this.width, height: this.height };
    return this;
  }

  _getUIString(key: string): string {
    return key === 'Popup.Close' ? 'Close popup' : key;
  }
}

/** A fake map and the same object typed as MapLibre's Map. */
export function createFakeMap(options?: FakeMapOptions): { fake: FakeMap; map: MapLibreMap } {
  const fake = new FakeMap(options);
  // The one cast: FakeMap has the part of Map that the app, Marker and Popup call, not the rest.
  return { fake, map: fake as unknown as MapLibreMap };
}

/**
 * Counts the listeners added to an EventTarget (document, say) and not removed since, by wrapping
 * its addEventListener and removeEventListener; `restore()` unwraps them.
 */
export function trackListeners(target: EventTarget): { active: () => string[]; restore: () => void } {
  const held: { type: string; listener: unknown; capture: boolean }[] = [];
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  const captureOf = (options?: boolean | EventListenerOptions) =>
    typeof options === 'boolean' ? options : (options?.capture ?? false);
  const wrapper = target as { addEventListener: typeof add; removeEventListener: typeof remove };
  wrapper.addEventListener = function (type, listener, options) {
    const capture = captureOf(options);
    if (listener && !held.some((h) => h.type === type && h.listener === listener && h.capture === capture)) {
      held.push({ type, listener, capture });
    }
    add.call(target, type, listener, options);
  };
  wrapper.removeEventListener = function (type, listener, options) {
    const capture = captureOf(options);
    const i = held.findIndex((h) => h.type === type && h.listener === listener && h.capture === capture);
    if (i >= 0) held.splice(i, 1);
    remove.call(target, type, listener, options);
  };
  return {
    active: () => held.map((h) => h.type).sort(),
    restore: () => {
      // Deleting the own properties brings back the prototype's methods.
      delete (target as Partial<typeof wrapper>).addEventListener;
      delete (target as Partial<typeof wrapper>).removeEventListener;
    },
  };
}

/**
 * Gives document a `fonts` (happy-dom has none): an EventTarget whose listeners are tracked.
 * `restore()` takes it away again.
 */
export function stubDocumentFonts(): { fonts: EventTarget; active: () => string[]; restore: () => void } {
  const fonts = new EventTarget();
  const tracked = trackListeners(fonts);
  Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
  return {
    fonts,
    active: tracked.active,
    restore: () => {
      tracked.restore();
      delete (document as { fonts?: unknown }).fonts;
    },
  };
}
