import './key-control.css';
import type { ControlPosition, IControl } from 'maplibre-gl';
import { el } from '../dom/el';

/** Where a phone starts with the key closed: the same width at which the page's layout turns to a phone's. */
export const KEY_CLOSED_QUERY = '(max-width: 760px)';

export interface KeyControlOptions {
  /** Open at first; by default open on a desktop and closed on a phone (KEY_CLOSED_QUERY). */
  open?: boolean;
  /** Called when the key opens or closes (not when it is first shown). */
  onToggle?: (open: boolean) => void;
}

let controls = 0;

/**
 * The map's key as a MapLibre control: a button named "Key" that shows and hides the content it is
 * given (aria-expanded, aria-controls). Escape inside it closes it and gives the focus back to the
 * button. `onRemove` takes out its element and its listeners.
 */
export class KeyControl implements IControl {
  private container: HTMLElement | null = null;
  private button: HTMLButtonElement | null = null;
  private body: HTMLElement | null = null;
  private readonly bodyId: string;

  constructor(
    private readonly content: HTMLElement,
    private readonly options: KeyControlOptions = {},
  ) {
    controls += 1;
    this.bodyId = `map-key-${controls}`;
  }

  getDefaultPosition(): ControlPosition {
    return 'bottom-left';
  }

  onAdd(): HTMLElement {
    const open = this.options.open ?? !window.matchMedia(KEY_CLOSED_QUERY).matches;
    this.button = el('button', {
      className: 'key-control-button',
      text: 'Key',
      attrs: { type: 'button', 'aria-controls': this.bodyId },
    });
    this.body = el('div', { className: 'key-control-body', attrs: { id: this.bodyId } }, [this.content]);
    this.container = el('div', { className: 'maplibregl-ctrl key-control' }, [this.button, this.body]);
    this.button.addEventListener('click', this.onClick);
    this.container.addEventListener('keydown', this.onKeydown);
    this.setOpen(open);
    return this.container;
  }

  onRemove(): void {
    this.button?.removeEventListener('click', this.onClick);
    this.container?.removeEventListener('keydown', this.onKeydown);
    this.container?.remove();
    this.container = null;
    this.button = null;
    this.body = null;
  }

  /** Whether the key is shown now. */
  get isOpen(): boolean {
    return this.button?.getAttribute('aria-expanded') === 'true';
  }

  setOpen(open: boolean): void {
    if (!this.button || !this.body) return;
    const changed = this.isOpen !== open;
    this.button.setAttribute('aria-expanded', String(open));
    this.body.hidden = !open;
    this.container?.classList.toggle('is-open', open);
    if (changed) this.options.onToggle?.(open);
  }

  /** The open key's box on the page, which the article's markers keep clear of; null while it is closed. */
  openBox(): DOMRect | null {
    return this.isOpen && this.container ? this.container.getBoundingClientRect() : null;
  }

  private readonly onClick = () => this.setOpen(!this.isOpen);

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.isOpen) return;
    // The key's Escape closes the key only, not a popup open beside it (which listens on document).
    event.stopPropagation();
    event.preventDefault();
    this.setOpen(false);
    this.button?.focus();
  };
}
