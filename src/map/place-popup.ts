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
  private placeId: string | null = null;
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

  get openPlaceId(): string | null {
    return this.placeId;
  }

  open(placeId: string, lngLat: LngLatLike, content: HTMLElement, labelledBy: string): void {
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
      this.placeId = null;
      if (!this.replacing) this.options.onClose(placeId);
    });
    this.popup = popup;
    this.placeId = placeId;
    popup.addTo(this.map);
    const element = popup.getElement();
    element.id = this.elementId;
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-labelledby', labelledBy);
    const heading = element.querySelector<HTMLElement>(`#${CSS.escape(labelledBy)}`);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  }

  close(): void {
    this.popup?.remove();
  }

  /** Whether a DOM node is inside the open popup. */
  contains(node: Node | null): boolean {
    return Boolean(node && this.popup?.getElement().contains(node));
  }
}
