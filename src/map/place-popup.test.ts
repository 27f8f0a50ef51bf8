// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeMap, trackListeners, type FakeMap } from '../../tests/helpers/fake-map';
import { el } from '../dom/el';
import { PlacePopup, type PopupContent } from './place-popup';

const PAYLOAD = '<img src=x onerror=alert(1)>';

/** Popup content as the app builds it: DOM nodes with a heading that names the dialog. */
function request(
  headingId: string,
  title: string,
  onClose = vi.fn(),
): PopupContent & { onClose: typeof onClose } {
  const content = el('div', { className: 'details' }, [
    el('h2', { text: title, attrs: { id: headingId } }),
    el('p', { text: 'A paragraph.' }),
  ]);
  return { lngLat: [46.75, 39.82], content, labelledBy: headingId, keepInView: false, onClose };
}

const escape = () => {
  const event = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
  document.dispatchEvent(event);
  return event;
};

describe('PlacePopup', () => {
  let fake: FakeMap;
  let popup: PlacePopup;
  let documentListeners: ReturnType<typeof trackListeners>;

  beforeEach(() => {
    documentListeners = trackListeners(document);
    const created = createFakeMap();
    fake = created.fake;
    popup = new PlacePopup(created.map);
  });

  afterEach(() => {
    popup.remove();
    documentListeners.restore();
    document.body.replaceChildren();
  });

  it('opens as a labelled dialog with the given id, and moves focus to its heading', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.open(r);
    const element = document.getElementById('place-popup');
    expect(element?.parentElement).toBe(fake.container);
    expect(element?.getAttribute('role')).toBe('dialog');
    expect(element?.getAttribute('aria-labelledby')).toBe('popup-baku-title');
    expect(element?.classList.contains('place-popup')).toBe(true);
    const heading = document.getElementById('popup-baku-title');
    expect(heading?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(heading);
    expect(popup.isOpen).toBe(true);
    expect(popup.elementId).toBe('place-popup');
    // keepInView false: the map is not moved.
    expect(fake.cameraCalls).toEqual([]);
  });

  it('keepInView pans the map by what the popup sticks out of the map, plus an 8 px margin', () => {
    // happy-dom lays nothing out: the popup is given a box that runs 100 px off the map's right edge.
    const box = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.classList.contains('maplibregl-popup') ? new DOMRect(700, 100, 200, 200) : new DOMRect();
    });
    try {
      popup.open({ ...request('popup-baku-title', 'Baku'), keepInView: true });
    } finally {
      box.mockRestore();
    }
    expect(fake.cameraCalls).toEqual([{ method: 'panBy', offset: [108, 0], options: { duration: 0 } }]);
  });

  it('shows its content as DOM nodes: markup in a heading is text, not an element', () => {
    popup.open(request('popup-x-title', PAYLOAD));
    const element = document.getElementById('place-popup')!;
    expect(element.querySelector('img')).toBeNull();
    expect(document.getElementById('popup-x-title')?.textContent).toBe(PAYLOAD);
    expect(element.querySelector('.details')?.textContent).toBe(`${PAYLOAD}A paragraph.`);
  });

  it('closes on Escape and calls onClose once', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.open(r);
    const event = escape();
    expect(event.defaultPrevented).toBe(true);
    expect(r.onClose).toHaveBeenCalledTimes(1);
    expect(document.getElementById('place-popup')).toBeNull();
    expect(popup.isOpen).toBe(false);
    // A second Escape finds no popup: nothing more happens, and the key is left to others.
    expect(escape().defaultPrevented).toBe(false);
    expect(r.onClose).toHaveBeenCalledTimes(1);
  });

  it('leaves other keys alone', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.open(r);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(r.onClose).toHaveBeenCalledTimes(0);
    expect(popup.isOpen).toBe(true);
  });

  it('calls onClose once when the reader presses its close button', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.open(r);
    const button = document.querySelector<HTMLButtonElement>('#place-popup .maplibregl-popup-close-button')!;
    expect(button.getAttribute('aria-label')).toBe('Close popup');
    button.click();
    expect(r.onClose).toHaveBeenCalledTimes(1);
    expect(document.getElementById('place-popup')).toBeNull();
  });

  it('calls onClose once when the reader clicks elsewhere on the map', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.open(r);
    fake.click([10, 10]);
    expect(r.onClose).toHaveBeenCalledTimes(1);
    expect(popup.isOpen).toBe(false);
  });

  it('replaces an open popup without calling the first one’s onClose', () => {
    const first = request('popup-baku-title', 'Baku');
    const second = request('popup-yerevan-title', 'Yerevan');
    popup.open(first);
    popup.open(second);
    expect(first.onClose).toHaveBeenCalledTimes(0);
    expect([...document.querySelectorAll('.maplibregl-popup')].map((p) => p.id)).toEqual(['place-popup']);
    expect(document.getElementById('popup-baku-title')).toBeNull();
    expect(document.activeElement).toBe(document.getElementById('popup-yerevan-title'));
    escape();
    expect(first.onClose).toHaveBeenCalledTimes(0);
    expect(second.onClose).toHaveBeenCalledTimes(1);
  });

  it('close() closes it without calling onClose, and does nothing when none is open', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.close();
    popup.open(r);
    popup.close();
    expect(r.onClose).toHaveBeenCalledTimes(0);
    expect(document.getElementById('place-popup')).toBeNull();
    expect(popup.isOpen).toBe(false);
    // The reader's next close of a new popup is reported again (the by-code flag was reset).
    const next = request('popup-yerevan-title', 'Yerevan');
    popup.open(next);
    escape();
    expect(next.onClose).toHaveBeenCalledTimes(1);
  });

  it('remove() closes it without onClose and leaves no listener on the map or on document', () => {
    const r = request('popup-baku-title', 'Baku');
    popup.open(r);
    expect(documentListeners.active()).toEqual(['keydown']);
    expect(fake.listenerKeys()).toEqual([
      'click',
      'idle',
      'move',
      'projectiontransition',
      'remove',
      'terrain',
    ]);
    popup.remove();
    expect(r.onClose).toHaveBeenCalledTimes(0);
    expect(document.getElementById('place-popup')).toBeNull();
    expect(documentListeners.active()).toEqual([]);
    expect(fake.listenerKeys()).toEqual([]);
    // Escape no longer reaches it: a popup opened after remove() (which no one should do) stays open.
    const late = request('popup-yerevan-title', 'Yerevan');
    popup.open(late);
    expect(escape().defaultPrevented).toBe(false);
    expect(popup.isOpen).toBe(true);
    expect(late.onClose).toHaveBeenCalledTimes(0);
  });
});
