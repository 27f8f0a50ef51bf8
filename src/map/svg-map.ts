import './svg-map.css';
import { NO_INSET, type Bounds, type CameraMove, type Inset, type View } from '../domain/view';
import { lngLatOf, MAP_CAMERA, scaleAt, worldPoint } from '../domain/first-screen/web-mercator';
import { el } from '../dom/el';
import type { MapHit, MarkerOptions } from './map-adapter';
import type { MarkerPlace } from './place-markers';
import type { PopupContent } from './place-popup';
import { KEY_CLOSED_QUERY, KeyControl } from './key-control';
import { ANCHOR_SHIFT, boxWithin, chooseAnchor, popupOffsets, SYMBOL } from './popup-placement';

export interface SvgMapOptions {
  /** The map's region (index.html's #map), holding the first-screen SVG. */
  container: HTMLElement;
  svg: SVGSVGElement;
  /** What it shows first: MapLibre's first view, so that MapLibre takes over with no jump. */
  view: View;
}

const PLACE_LINK = 'a[data-place]';
/** How long the picture takes to fade out once MapLibre's map has taken over (svg-map.css). */
const RETIRE_MS = 200;

/**
 * The first-screen map as the page's map: the SVG the build drew (the atlas's default view, with
 * its basemap, places and names) made to answer what the page asks of a map, as MapAdapter answers
 * for MapLibre's, so that the article's view (AtlasView) works on it before MapLibre's code has
 * come, and where the browser cannot draw MapLibre at all (no WebGL). Its camera sets the SVG's
 * viewBox; its places are the SVG's place links; its popup is a labelled dialog over the map with
 * the same content as MapLibre's. `remove()` undoes all it added and leaves the SVG as it is.
 */
export class SvgMap {
  private center: [number, number];
  private zoom: number;
  private popup: { element: HTMLElement; request: PopupContent; placeId?: string } | null = null;
  private key: KeyControl | null = null;
  private readonly moved = new Set<(view: View) => void>();
  private readonly resized = new Set<(before: Bounds) => void>();
  private readonly clicks = new Set<(hit: MapHit) => void>();
  private activate: ((placeId: string) => void) | null = null;
  private readonly observer: ResizeObserver;
  private size: { width: number; height: number };
  /** Where the popup is a sheet along the map's bottom, as MapLibre's is: the page's phone layout. */
  private readonly sheet = window.matchMedia(KEY_CLOSED_QUERY);

  constructor(private readonly options: SvgMapOptions) {
    const { container, svg, view } = options;
    this.center = worldPoint([view.lng, view.lat]);
    this.zoom = view.zoom;
    this.size = this.measure();
    svg.classList.add('is-live');
    this.apply();
    svg.addEventListener('click', this.onSvgClick);
    document.addEventListener('keydown', this.onKeydown);
    this.observer = new ResizeObserver(() => {
      const before = this.visible().bounds;
      const size = this.measure();
      if (size.width === this.size.width && size.height === this.size.height) return;
      this.size = size;
      this.apply();
      this.placePopup();
      for (const listener of this.resized) listener(before);
    });
    this.observer.observe(container);
  }

  private measure(): { width: number; height: number } {
    const { width, height } = this.options.container.getBoundingClientRect();
    return { width, height };
  }

  /** px per unit of the SVG's viewBox (zoom-0 world pixels) at the zoom. */
  private get scale(): number {
    return scaleAt(this.zoom);
  }

  /** Sets the SVG's viewBox to the container's rectangle at the camera, and the text's scale. */
  private apply(): void {
    const { width, height } = this.size;
    const k = this.scale;
    const [x, y] = this.center;
    const box = [x - width / 2 / k, y - height / 2 / k, width / k, height / k];
    this.options.svg.setAttribute('viewBox', box.map((n) => n.toFixed(3)).join(' '));
    this.options.svg.style.setProperty('--fs-k', String(k));
  }

  /** A position in the container's pixels. */
  private toScreen(lngLat: [number, number]): { x: number; y: number } {
    const [px, py] = worldPoint(lngLat);
    const k = this.scale;
    return {
      x: (px - this.center[0]) * k + this.size.width / 2,
      y: (py - this.center[1]) * k + this.size.height / 2,
    };
  }

  private fromScreen(x: number, y: number): [number, number] {
    const k = this.scale;
    return lngLatOf([
      this.center[0] + (x - this.size.width / 2) / k,
      this.center[1] + (y - this.size.height / 2) / k,
    ]);
  }

  // ---- Places ----

  private links(): SVGAElement[] {
    return [...this.options.svg.querySelectorAll<SVGAElement>(PLACE_LINK)];
  }

  private link(placeId: string): SVGAElement | undefined {
    return this.links().find((a) => a.dataset.place === placeId);
  }

  /**
   * The SVG names its places itself: a press of one of their links chooses it; a place with no
   * fact in the chosen dates is dimmed.
   */
  showMarkers(places: readonly MarkerPlace[], options: MarkerOptions): void {
    this.activate = options.onActivate;
    const outside = new Set(places.filter((p) => p.outside).map((p) => p.id));
    for (const a of this.links()) a.classList.toggle('is-outside', outside.has(a.dataset.place ?? ''));
  }

  setSelectedPlace(placeId: string | null): void {
    for (const a of this.links()) a.classList.toggle('is-selected', a.dataset.place === placeId);
  }

  setExpandedPlace(placeId: string | null): void {
    for (const a of this.links()) a.setAttribute('aria-expanded', String(a.dataset.place === placeId));
  }

  /** The place's link, where focus goes back when its popup closes. */
  markerButton(placeId: string): SVGAElement | undefined {
    return this.link(placeId);
  }

  /** The place whose link has the focus, if one has. */
  focusedPlace(): string | null {
    const active = document.activeElement;
    return active instanceof SVGAElement && this.options.svg.contains(active)
      ? (active.dataset.place ?? null)
      : null;
  }

  private readonly onSvgClick = (event: MouseEvent): void => {
    const link = event.target instanceof Element ? event.target.closest<SVGAElement>(PLACE_LINK) : null;
    const placeId = link?.dataset.place;
    if (placeId) {
      // The page state makes the link (#place=…); the browser's own navigation would add a step.
      event.preventDefault();
      this.activate?.(placeId);
      for (const handler of this.clicks) handler({ kind: 'place', placeId });
    } else if (this.popup) {
      this.dismiss();
    }
  };

  onClick(handler: (hit: MapHit) => void): () => void {
    this.clicks.add(handler);
    return () => this.clicks.delete(handler);
  }

  // ---- The popup ----

  preparePopup(): Promise<void> {
    return Promise.resolve();
  }

  openPopup(request: PopupContent, placeId?: string): void {
    this.closePopup();
    const close = el('button', {
      className: 'svg-popup-close',
      text: '×',
      attrs: { type: 'button', 'aria-label': 'Close popup' },
    });
    const element = el(
      'div',
      {
        className: 'svg-popup',
        attrs: { id: 'place-popup', role: 'dialog', 'aria-labelledby': request.labelledBy },
      },
      [close, el('div', { className: 'svg-popup-body' }, [request.content])],
    );
    close.addEventListener('click', () => this.dismiss());
    this.options.container.append(element);
    this.popup = { element, request, ...(placeId ? { placeId } : {}) };
    this.placePopup();
    const heading = element.querySelector<HTMLElement>(`#${CSS.escape(request.labelledBy)}`);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  }

  /** Places the popup beside its place, clear of the place's name, within the map. */
  private placePopup(): void {
    if (!this.popup) return;
    const { element, request, placeId } = this.popup;
    element.style.setProperty('--map-height', `${this.size.height}px`);
    if (this.sheet.matches) {
      element.classList.add('is-sheet');
      element.style.removeProperty('left');
      element.style.removeProperty('top');
      return;
    }
    element.classList.remove('is-sheet');
    const at = this.toScreen(request.lngLat);
    const name = placeId ? this.link(placeId) : undefined;
    const avoid = name ? boxWithin(name, this.options.container) : null;
    const offsets = popupOffsets(
      avoid
        ? {
            left: avoid.left - at.x,
            top: avoid.top - at.y,
            right: avoid.right - at.x,
            bottom: avoid.bottom - at.y,
          }
        : { left: -SYMBOL, top: -SYMBOL, right: SYMBOL, bottom: SYMBOL },
    );
    const size = { width: element.offsetWidth, height: element.offsetHeight };
    const anchor = chooseAnchor(at, size, this.size, offsets);
    const [ox, oy] = offsets[anchor];
    const [fx, fy] = ANCHOR_SHIFT[anchor];
    const left = Math.round(at.x + ox + fx * size.width);
    const top = Math.round(at.y + oy + fy * size.height);
    element.style.left = `${Math.max(0, Math.min(left, this.size.width - size.width))}px`;
    element.style.top = `${Math.max(0, Math.min(top, this.size.height - size.height))}px`;
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.popup) {
      event.preventDefault();
      this.dismiss();
    }
  };

  /** The reader closed the popup. */
  private dismiss(): void {
    const request = this.popup?.request;
    this.closePopup();
    request?.onClose();
  }

  keepPopupInView(): void {
    // The popup is placed within the map (placePopup); the sheet never hides its place (framing keeps it above).
  }

  popupInset(): Inset {
    if (!this.popup || !this.popup.element.classList.contains('is-sheet')) return NO_INSET;
    return { ...NO_INSET, bottom: this.popup.element.offsetHeight };
  }

  closePopup(): void {
    this.popup?.element.remove();
    this.popup = null;
  }

  // ---- The camera ----

  view(): View {
    const [lng, lat] = lngLatOf(this.center);
    return { lng, lat, zoom: this.zoom };
  }

  visible(inset: Inset = NO_INSET): {
    bounds: Bounds;
    zoom: number;
    size: { width: number; height: number };
  } {
    const [w, s] = this.fromScreen(inset.left, this.size.height - inset.bottom);
    const [e, n] = this.fromScreen(this.size.width - inset.right, inset.top);
    return { bounds: [w, s, e, n], zoom: this.zoom, size: { ...this.size } };
  }

  jumpTo(view: View): void {
    this.setCamera(worldPoint([view.lng, view.lat]), view.zoom);
  }

  move(camera: CameraMove): void {
    if (camera.kind === 'jump') {
      const [dx, dy] = camera.offset ?? [0, 0];
      const zoom = this.clampZoom(camera.zoom);
      const [x, y] = worldPoint(camera.center);
      // The centre goes `offset` pixels from the map's centre.
      this.setCamera([x - dx / scaleAt(zoom), y - dy / scaleAt(zoom)], zoom);
      return;
    }
    const [west, south, east, north] = camera.bounds;
    const [x0, y0] = worldPoint([west, north]);
    const [x1, y1] = worldPoint([east, south]);
    const { top, right, bottom, left } = camera.padding;
    const room = { width: this.size.width - left - right, height: this.size.height - top - bottom };
    if (room.width <= 0 || room.height <= 0) return;
    const fit = Math.log2(
      Math.min(room.width / Math.max(x1 - x0, 1e-9), room.height / Math.max(y1 - y0, 1e-9)),
    );
    const zoom = this.clampZoom(Math.min(fit, camera.maxZoom));
    const k = scaleAt(zoom);
    // The bounds' centre goes to the middle of the room the padding leaves.
    this.setCamera([(x0 + x1) / 2 - (left - right) / 2 / k, (y0 + y1) / 2 - (top - bottom) / 2 / k], zoom);
  }

  private clampZoom(zoom: number): number {
    return Math.min(MAP_CAMERA.maxZoom, Math.max(MAP_CAMERA.minZoom, zoom));
  }

  /** The part of the world the picture draws ([x, y, width, height] in zoom-0 world pixels), if it says. */
  private area(): [number, number, number, number] | null {
    const values = (this.options.svg.dataset.area ?? '').split(' ').map(Number);
    const [x = NaN, y = NaN, w = NaN, h = NaN] = values;
    return values.length === 4 && [x, y, w, h].every(Number.isFinite) && w > 0 && h > 0 ? [x, y, w, h] : null;
  }

  /**
   * Sets the camera, kept within what the picture draws: beyond it there is nothing to show, so
   * the picture zooms in until it fills the map and stops at its edges (a place beyond them opens
   * its popup at the nearest edge).
   */
  private setCamera(center: [number, number], zoom: number): void {
    const area = this.area();
    if (area) {
      const [ax, ay, aw, ah] = area;
      const { width, height } = this.size;
      zoom = Math.max(zoom, Math.log2(Math.max(width / aw, height / ah)));
      const k = scaleAt(zoom);
      const [hw, hh] = [width / 2 / k, height / 2 / k];
      center = [
        Math.min(Math.max(center[0], ax + hw), ax + aw - hw),
        Math.min(Math.max(center[1], ay + hh), ay + ah - hh),
      ];
    }
    this.center = center;
    this.zoom = zoom;
    this.apply();
    this.placePopup();
    const view = this.view();
    for (const listener of this.moved) listener(view);
  }

  onViewChange(listener: (view: View) => void): () => void {
    this.moved.add(listener);
    return () => this.moved.delete(listener);
  }

  onResize(listener: (before: Bounds) => void): () => void {
    this.resized.add(listener);
    return () => this.resized.delete(listener);
  }

  /** The SVG is drawn with the page: `then` runs after the next frame. */
  afterNextIdle(then: () => void): void {
    requestAnimationFrame(() => then());
  }

  // ---- The key ----

  showKey(content: HTMLElement): void {
    this.key?.onRemove();
    this.key = new KeyControl(content);
    const corner = el('div', { className: 'svg-map-key' }, [this.key.onAdd()]);
    this.options.container.append(corner);
  }

  /**
   * The map drawn by MapLibre has taken over: the picture fades out (svg-map.css) and then leaves
   * the screen, staying in the page (for print). From the start of the fade its places take no
   * click and no focus, so that nothing reaches a picture on its way out. Call after remove();
   * resolves once the picture is off the screen.
   */
  retire(): Promise<void> {
    const { svg } = this.options;
    for (const link of svg.querySelectorAll('a[data-place]')) link.setAttribute('tabindex', '-1');
    svg.classList.add('is-leaving');
    return new Promise((resolve) => {
      const done = () => {
        svg.classList.add('is-retired');
        resolve();
      };
      svg.addEventListener('transitionend', done, { once: true });
      // No transition runs where the reader asked for reduced motion: at once then.
      setTimeout(done, RETIRE_MS + 50);
    });
  }

  /** Undoes what it added (listeners, popup, key); the SVG stays as it is. */
  remove(): void {
    this.closePopup();
    this.key?.onRemove();
    this.options.container.querySelector('.svg-map-key')?.remove();
    this.observer.disconnect();
    this.options.svg.removeEventListener('click', this.onSvgClick);
    document.removeEventListener('keydown', this.onKeydown);
    this.moved.clear();
    this.resized.clear();
    this.clicks.clear();
  }
}
