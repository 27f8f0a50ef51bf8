import './place-popup.css';
import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import { NO_INSET, type Inset } from '../domain/view';
import { el } from '../dom/el';
import { boxWithin, chooseAnchor, OFFSET, popupOffsets, SYMBOL, type Box } from './popup-placement';

export { ANCHORS, chooseAnchor, popupOffsets, type AnchorOffsets } from './popup-placement';

/** What the popup shows and what happens when the reader closes it. */
export interface PopupContent {
  lngLat: [number, number];
  /** DOM content built by the caller (never an HTML string). */
  content: HTMLElement;
  /** The id of the content's heading, which names the dialog and takes focus. */
  labelledBy: string;
  /** Move the map so that the whole popup is on screen. */
  keepInView: boolean;
  /** Called when the reader closes it (button, Escape, click elsewhere), not when it is replaced or closed by code. */
  onClose: () => void;
  /**
   * The element the popup must never cover (the place's marker), asked for each time the popup is
   * placed, since markers come and go and change their layout; none: the place's symbol alone.
   */
  avoid?: () => Element | undefined;
}

/**
 * One popup at a time. It is a labelled dialog: focus moves into it on open and Escape closes it.
 * On a desktop it is at most 60% of the map's height (its body scrolls) and never covers the
 * element it is told to avoid (popupOffsets). On a phone (place-popup.css) it is a sheet along the
 * bottom of the map that starts small and grows with its "Full summary" button.
 */
export class PlacePopup {
  private popup: Popup | null = null;
  /** What the open popup was opened with. */
  private request: PopupContent | null = null;
  /** Undoes what the open popup added (its listeners on the map, its observer). */
  private undoOpen: (() => void)[] = [];
  /** How many times the popup was given new offsets (it moved against its place). */
  private moves = 0;
  private placement = '';
  /** Set while the popup is closed by code (replaced or closed): no onClose then. */
  private closingByCode = false;
  readonly elementId = 'place-popup';

  constructor(private readonly map: MapLibreMap) {
    document.addEventListener('keydown', this.onKeydown);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.popup) {
      event.preventDefault();
      this.popup.remove();
    }
  };

  get isOpen(): boolean {
    return this.popup !== null;
  }

  open(request: PopupContent): void {
    this.close();
    const bodyId = `${this.elementId}-body`;
    const body = el('div', { className: 'place-popup-body', attrs: { id: bodyId } }, [request.content]);
    const expand = el('button', {
      className: 'place-popup-expand',
      text: 'Full summary',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': bodyId },
    });
    const popup = new Popup({
      closeButton: true,
      closeOnClick: true,
      closeOnMove: false,
      focusAfterOpen: false,
      maxWidth: '360px',
      className: 'place-popup',
      offset: OFFSET,
    })
      .setLngLat(request.lngLat)
      .setDOMContent(el('div', { className: 'place-popup-frame' }, [body, expand]));
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = null;
      this.request = null;
      for (const undo of this.undoOpen.splice(0)) undo();
      if (!this.closingByCode) request.onClose();
    });
    this.popup = popup;
    this.request = request;
    popup.addTo(this.map);
    const element = popup.getElement();
    element.id = this.elementId;
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-labelledby', request.labelledBy);
    const place = () => this.place(popup, request, body, expand);
    place();
    const heading = element.querySelector<HTMLElement>(`#${CSS.escape(request.labelledBy)}`);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    expand.addEventListener('click', () => {
      const expanded = expand.getAttribute('aria-expanded') !== 'true';
      expand.setAttribute('aria-expanded', String(expanded));
      element.classList.toggle('is-expanded', expanded);
      // A taller sheet: the place stays visible above it.
      if (expanded) this.keepInView(popup, request);
    });
    // Placed again when the map has moved (a region's marker moves against its centre as the map
    // zooms) or resized, and when a marker changes its layout, comes or goes.
    this.map.on('moveend', place);
    this.map.on('resize', place);
    const markers = new MutationObserver(place);
    markers.observe(this.map.getCanvasContainer(), {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
    this.undoOpen.push(
      () => this.map.off('moveend', place),
      () => this.map.off('resize', place),
      () => markers.disconnect(),
    );
    if (request.keepInView) this.keepInView(popup, request);
  }

  /** The box `avoid` gives, in the map container's pixels; none when it is not on the page. */
  private avoidBox(request: PopupContent): Box | null {
    const target = request.avoid?.();
    return target?.isConnected ? this.boxOf(target) : null;
  }

  /** An element's box in the map container's pixels. */
  private boxOf(element: Element): Box {
    return boxWithin(element, this.map.getContainer());
  }

  /** The buttons of the map's other markers (MapLibre's), which the popup covers only when it must. */
  private otherMarkers(request: PopupContent): Box[] {
    const own = request.avoid?.();
    return [...this.map.getCanvasContainer().querySelectorAll('.maplibregl-marker button')]
      .filter((button) => button !== own)
      .map((button) => this.boxOf(button));
  }

  /**
   * Sizes the popup to the map (the map's height, which place-popup.css takes shares of), sets its
   * offsets so that it clears what it avoids (or the place's symbol), takes the first anchor at
   * which it fits in the map, and shows the sheet's "Full summary" button only when the sheet
   * hides something.
   */
  private place(popup: Popup, request: PopupContent, body: HTMLElement, expand: HTMLElement): void {
    const element = popup.getElement();
    element.style.setProperty('--map-height', `${this.map.getContainer().getBoundingClientRect().height}px`);
    const at = this.map.project(request.lngLat);
    const box = this.avoidBox(request);
    const offsets = popupOffsets(
      box
        ? { left: box.left - at.x, top: box.top - at.y, right: box.right - at.x, bottom: box.bottom - at.y }
        : { left: -SYMBOL, top: -SYMBOL, right: SYMBOL, bottom: SYMBOL },
    );
    const frame = this.map.getContainer().getBoundingClientRect();
    const size = { width: element.offsetWidth, height: element.offsetHeight };
    const anchor = chooseAnchor(at, size, frame, offsets, this.otherMarkers(request));
    const placement = `${anchor} ${offsets[anchor].join(' ')}`;
    if (placement !== this.placement) {
      this.placement = placement;
      this.moves += 1;
    }
    // MapLibre's Popup takes its anchor from its options at each update (there is no setter).
    popup.options.anchor = anchor;
    popup.setOffset(offsets);
    expand.hidden = expand.getAttribute('aria-expanded') !== 'true' && body.scrollHeight <= body.clientHeight;
  }

  /** Moves the map so that the open popup is on screen (see keepInView), if one is open. */
  keepOpenInView(): void {
    if (this.popup && this.request) this.keepInView(this.popup, this.request);
  }

  /**
   * What the open popup covers of the map, in pixels from each side: on phones the sheet along the
   * bottom, which the place must stay above; nothing where the popup floats beside its place.
   */
  coveredInset(): Inset {
    if (!this.popup || !this.isSheet(this.popup)) return NO_INSET;
    const frame = this.map.getContainer().getBoundingClientRect();
    const box = this.popup.getElement().getBoundingClientRect();
    return { ...NO_INSET, bottom: Math.max(0, frame.bottom - box.top) };
  }

  private isSheet(popup: Popup): boolean {
    return getComputedStyle(popup.getElement()).transform === 'none';
  }

  /**
   * Moves the map so that the whole popup is on screen; where the popup is a sheet along the
   * bottom (phones), so that the place and what the popup avoids (its marker) stay visible above it.
   */
  private keepInView(popup: Popup, request: PopupContent): void {
    // A pan lays the markers out again, and the popup is placed again clear of its marker, which
    // may move it against the map: a few passes (each pan is at once, with duration 0) settle it.
    for (let pass = 0; pass < 3; pass += 1) {
      const [dx, dy] = this.outOfView(popup, request);
      if (dx === 0 && dy === 0) return;
      const moves = this.moves;
      this.map.panBy([dx, dy], { duration: 0 });
      // Not placed anew during the pan: it moved with the map, by exactly what was needed.
      if (this.moves === moves) return;
    }
  }

  /** How far to pan the map so that the popup is on screen (see keepInView). */
  private outOfView(popup: Popup, request: PopupContent): [number, number] {
    const margin = 8;
    const frame = this.map.getContainer().getBoundingClientRect();
    const box = popup.getElement().getBoundingClientRect();
    const isSheet = this.isSheet(popup);
    let dx = 0;
    let dy = 0;
    if (isSheet) {
      const point = this.map.project(request.lngLat);
      const marker = this.avoidBox(request);
      const top = Math.min(point.y, marker?.top ?? point.y);
      const bottom = Math.max(point.y, marker?.bottom ?? point.y);
      const visibleBottom = box.top - frame.top - margin;
      if (bottom > visibleBottom || top < margin) dy = (top + bottom) / 2 - visibleBottom / 2;
    } else {
      if (box.bottom > frame.bottom - margin) dy = box.bottom - frame.bottom + margin;
      if (box.top + dy < frame.top + margin) dy = box.top - frame.top - margin;
      if (box.right > frame.right - margin) dx = box.right - frame.right + margin;
      if (box.left + dx < frame.left + margin) dx = box.left - frame.left - margin;
    }
    return [dx, dy];
  }

  /** Closes the popup without calling its onClose: the page state closed it. */
  close(): void {
    if (!this.popup) return;
    this.closingByCode = true;
    try {
      this.popup.remove();
    } finally {
      this.closingByCode = false;
    }
  }

  /** Closes the popup and stops listening to the keyboard. */
  remove(): void {
    this.close();
    document.removeEventListener('keydown', this.onKeydown);
  }
}
