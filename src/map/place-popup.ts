import { Popup, type LngLatLike, type Map as MapLibreMap } from 'maplibre-gl';

export interface PlacePopupOptions {
  /** Called when the reader closes the popup (button, Escape, click elsewhere), not when it is replaced. */
  onClose: (placeId: string) => void;
}

/**
 * One popup at a time, holding DOM content built by the caller (never an HTML string). It is a
 * labelled dialog: focus moves into it on open and Escape closes it.
 */
export class PlacePopup {
  private popup: Popup | null = null;
  private replacing = false;
  readonly elementId = 'place-popup';

  constructor(
    private readonly map: MapLibreMap,
    private readonly options: PlacePopupOptions,
  ) {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.popup) {
        event.preventDefault();
        this.popup.remove();
      }
    });
  }

  open(
    placeId: string,
    lngLat: LngLatLike,
    content: HTMLElement,
    labelledBy: string,
    options: { keepInView: boolean },
  ): void {
    if (this.popup) {
      this.replacing = true;
      this.popup.remove();
      this.replacing = false;
    }
    const popup = new Popup({
      closeButton: true,
      closeOnClick: true,
      closeOnMove: false,
      focusAfterOpen: false,
      maxWidth: '400px',
      className: 'place-popup',
      offset: 12,
    })
      .setLngLat(lngLat)
      .setDOMContent(content);
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = null;
      if (!this.replacing) this.options.onClose(placeId);
    });
    this.popup = popup;
    popup.addTo(this.map);
    const element = popup.getElement();
    element.id = this.elementId;
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-labelledby', labelledBy);
    const heading = element.querySelector<HTMLElement>(`#${CSS.escape(labelledBy)}`);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    if (options.keepInView) this.keepInView(popup, lngLat);
  }

  /**
   * Moves the map so that the whole popup is on screen; where the popup is a sheet along the
   * bottom (phones), so that the place stays visible above it.
   */
  private keepInView(popup: Popup, lngLat: LngLatLike): void {
    const margin = 8;
    const frame = this.map.getContainer().getBoundingClientRect();
    const box = popup.getElement().getBoundingClientRect();
    const isSheet = getComputedStyle(popup.getElement()).transform === 'none';
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

  close(): void {
    this.popup?.remove();
  }
}
