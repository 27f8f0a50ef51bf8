import './place-popup.css';
import { Popup, type LngLatLike, type Map as MapLibreMap } from 'maplibre-gl';
import { NO_INSET, type Inset } from '../domain/view';

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
}

/**
 * One popup at a time. It is a labelled dialog: focus moves into it on open and Escape closes it.
 */
export class PlacePopup {
  private popup: Popup | null = null;
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
    const popup = new Popup({
      closeButton: true,
      closeOnClick: true,
      closeOnMove: false,
      focusAfterOpen: false,
      maxWidth: '400px',
      className: 'place-popup',
      offset: 12,
    })
      .setLngLat(request.lngLat)
      .setDOMContent(request.content);
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = null;
      if (!this.closingByCode) request.onClose();
    });
    this.popup = popup;
    popup.addTo(this.map);
    const element = popup.getElement();
    element.id = this.elementId;
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-labelledby', request.labelledBy);
    const heading = element.querySelector<HTMLElement>(`#${CSS.escape(request.labelledBy)}`);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    if (request.keepInView) this.keepInView(popup, request.lngLat);
  }

  /** Moves the map so that the open popup is on screen (see keepInView), if one is open. */
  keepOpenInView(): void {
    const lngLat = this.popup?.getLngLat();
    if (this.popup && lngLat) this.keepInView(this.popup, lngLat);
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
   * bottom (phones), so that the place stays visible above it.
   */
  private keepInView(popup: Popup, lngLat: LngLatLike): void {
    const margin = 8;
    const frame = this.map.getContainer().getBoundingClientRect();
    const box = popup.getElement().getBoundingClientRect();
    const isSheet = this.isSheet(popup);
    let dx = 0;
    let dy = 0;
    if (isSheet) {
      const point = this.map.project(lngLat);
      const visibleBottom = box.top - frame.top - margin;
      if (point.y > visibleBottom) dy = point.y - visibleBottom / 2;
    } else {
      if (box.bottom > frame.bottom - margin) dy = box.bottom - frame.bottom + margin;
      if (box.top + dy < frame.top + margin) dy = box.top - frame.top - margin;
      if (box.right > frame.right - margin) dx = box.right - frame.right + margin;
      if (box.left + dx < frame.left + margin) dx = box.left - frame.left - margin;
    }
    if (dx !== 0 || dy !== 0) this.map.panBy([dx, dy], { duration: 0 });
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
