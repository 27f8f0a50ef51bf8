// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeMap, trackListeners, type FakeMap } from '../../tests/helpers/fake-map';
import { el } from '../dom/el';
import { ANCHORS, PlacePopup, chooseAnchor, popupOffsets, type PopupContent } from './place-popup';

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

describe('popupOffsets', () => {
  it('puts the popup beyond the box it avoids for every anchor, and at least 12 px from the place', () => {
    // A callout right of the dot: 11 px left of the place, 200 px right, 20 px above and below.
    expect(popupOffsets({ left: -11, top: -20, right: 200, bottom: 20 })).toEqual({
      center: [0, -26],
      bottom: [0, -26],
      'bottom-left': [0, -26],
      'bottom-right': [0, -26],
      top: [0, 26],
      'top-left': [0, 26],
      'top-right': [0, 26],
      left: [206, 0],
      right: [-17, 0],
    });
    // A region's marker far above its centre: the popup goes above the marker, or below the centre.
    expect(popupOffsets({ left: -50, top: -150, right: 50, bottom: -110 })).toMatchObject({
      bottom: [0, -156],
      top: [0, 12],
      left: [56, 0],
      right: [-56, 0],
    });
    // A box smaller than the least distance.
    expect(popupOffsets({ left: -2, top: -2, right: 2, bottom: 2 })).toMatchObject({
      bottom: [0, -12],
      top: [0, 12],
      left: [12, 0],
      right: [-12, 0],
    });
  });
});

describe('chooseAnchor', () => {
  // A callout right of the dot, as above; a popup of 360 x 300 on a map of 900 x 800.
  const offsets = popupOffsets({ left: -11, top: -20, right: 200, bottom: 20 });
  const frame = { width: 900, height: 800 };
  const at = (x: number, y: number, height = 300) =>
    chooseAnchor({ x, y }, { width: 360, height }, frame, offsets);

  it('takes the first anchor of the list at which the popup fits in the map, less 8 px', () => {
    expect(ANCHORS).toEqual([
      'bottom',
      'top',
      'bottom-left',
      'bottom-right',
      'top-left',
      'top-right',
      'right',
      'left',
    ]);
    // Room above: 400 - 26 - 300 = 74 px above the top.
    expect(at(450, 400)).toBe('bottom');
    // Exactly 8 px left above (334 - 26 - 300 = 8), then 1 px less: below.
    expect(at(450, 334)).toBe('bottom');
    expect(at(450, 333)).toBe('top');
    // Near the sides: above, running right or left from the place.
    expect(at(100, 400)).toBe('bottom-left');
    expect(at(850, 400)).toBe('bottom-right');
    // Room neither above nor below: left of the place (17 px left of its dot), centred on it.
    expect(at(450, 400, 400)).toBe('right');
    // Near the left edge too: right of the callout (206 px right of the place).
    expect(at(100, 400, 400)).toBe('left');
  });

  it('takes the first anchor at which the popup covers no other marker, if there is one', () => {
    // A marker right above the place: the popup goes below it.
    const above = { left: 400, top: 100, right: 500, bottom: 150 };
    expect(chooseAnchor({ x: 450, y: 400 }, { width: 360, height: 300 }, frame, offsets, [above])).toBe(
      'top',
    );
    // Markers above and below: beside the place.
    const below = { left: 400, top: 700, right: 500, bottom: 750 };
    expect(
      chooseAnchor({ x: 450, y: 400 }, { width: 360, height: 300 }, frame, offsets, [above, below]),
    ).toBe('right');
    // Markers everywhere: the first anchor that fits.
    const all = [{ left: 0, top: 0, right: 900, bottom: 800 }];
    expect(chooseAnchor({ x: 450, y: 400 }, { width: 360, height: 300 }, frame, offsets, all)).toBe('bottom');
  });

  it('takes the anchor that sticks out least when none fits', () => {
    // 790 px tall on an 800 px map: beside the place it sticks out 3 px at the top and the bottom.
    expect(at(450, 400, 790)).toBe('right');
    // Near the top: 124 px out below it, 303 beside it, 724 above it.
    expect(at(450, 100, 790)).toBe('top');
  });
});

/** Gives `element` a screen box (happy-dom lays nothing out). */
const boxOf = (element: Element, box: DOMRect) => (element.getBoundingClientRect = () => box);

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
      'moveend',
      'projectiontransition',
      'remove',
      'resize',
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

  describe('placement', () => {
    // The place is at (275, 418) on the fake map (800 x 600 over [44, 38, 52, 44]).
    let marker: HTMLElement;
    const transform = () => document.getElementById('place-popup')!.style.transform;

    beforeEach(() => {
      marker = el('div', { className: 'place-marker mode-full side-right' }, [el('button')]);
      fake.canvasContainer.append(marker);
      boxOf(marker.firstElementChild!, new DOMRect(264, 398, 200, 40));
    });

    it('opens above the marker it avoids, and sizes itself to the map’s height', () => {
      popup.open({ ...request('popup-baku-title', 'Baku'), avoid: () => marker.firstElementChild! });
      // 20 px above the place, then the 6 px gap.
      expect(transform()).toBe('translate(-50%,-100%) translate(275px,392px)');
      expect(document.getElementById('place-popup')!.style.getPropertyValue('--map-height')).toBe('600px');
    });

    it('is placed again when the marker changes its layout, and when the map has moved', async () => {
      popup.open({ ...request('popup-baku-title', 'Baku'), avoid: () => marker.firstElementChild! });
      // The marker's callout moves above its dot: 80 px above the place.
      boxOf(marker.firstElementChild!, new DOMRect(225, 338, 100, 91));
      marker.className = 'place-marker mode-full side-above';
      await Promise.resolve();
      expect(transform()).toBe('translate(-50%,-100%) translate(275px,332px)');
      boxOf(marker.firstElementChild!, new DOMRect(225, 318, 100, 91));
      fake.fire('moveend');
      expect(transform()).toBe('translate(-50%,-100%) translate(275px,312px)');
    });

    it('clears the place’s symbol when what it avoids is not on the page', () => {
      marker.remove();
      popup.open({ ...request('popup-baku-title', 'Baku'), avoid: () => marker.firstElementChild! });
      expect(transform()).toBe('translate(-50%,-100%) translate(275px,399px)');
    });

    it('stops following the map and the markers once closed', async () => {
      popup.open({ ...request('popup-baku-title', 'Baku'), avoid: () => marker.firstElementChild! });
      const avoid = vi.fn(() => marker.firstElementChild!);
      popup.open({ ...request('popup-yerevan-title', 'Yerevan'), avoid });
      popup.close();
      avoid.mockClear();
      marker.className = 'place-marker mode-dot';
      await Promise.resolve();
      fake.fire('moveend');
      expect(avoid).toHaveBeenCalledTimes(0);
      expect(fake.listenerKeys()).toEqual([]);
    });

    it('as a sheet, pans the map so that the place and its marker are above it, and again when expanded', () => {
      // The sheet along the bottom: no transform, its top at 350 px.
      const style = window.getComputedStyle;
      const computed = vi
        .spyOn(window, 'getComputedStyle')
        .mockImplementation((element: Element) =>
          element.id === 'place-popup'
            ? ({ transform: 'none' } as CSSStyleDeclaration)
            : style.call(window, element),
        );
      const box = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
        this: HTMLElement,
      ) {
        return this.id === 'place-popup' ? new DOMRect(8, 350, 784, 212) : new DOMRect();
      });
      // A callout below the dot: from 11 px above the place to 69 px below it.
      boxOf(marker.firstElementChild!, new DOMRect(225, 407, 100, 80));
      try {
        popup.open({
          ...request('popup-baku-title', 'Baku'),
          keepInView: true,
          avoid: () => marker.firstElementChild!,
        });
        // The middle of the place and its callout (447) to the middle of the 342 px above the sheet.
        expect(fake.cameraCalls).toEqual([{ method: 'panBy', offset: [0, 276], options: { duration: 0 } }]);
        const expand = document.querySelector<HTMLButtonElement>('#place-popup .place-popup-expand')!;
        expect([expand.textContent, expand.getAttribute('aria-expanded')]).toEqual(['Full summary', 'false']);
        expect(expand.getAttribute('aria-controls')).toBe('place-popup-body');
        expect(
          document.getElementById('place-popup-body')?.contains(document.getElementById('popup-baku-title')),
        ).toBe(true);
        expand.click();
        expect(expand.getAttribute('aria-expanded')).toBe('true');
        expect(document.getElementById('place-popup')!.classList.contains('is-expanded')).toBe(true);
        expect(fake.cameraCalls.length).toBe(2);
        expand.click();
        expect(expand.getAttribute('aria-expanded')).toBe('false');
        expect(document.getElementById('place-popup')!.classList.contains('is-expanded')).toBe(false);
        // Collapsing moves nothing.
        expect(fake.cameraCalls.length).toBe(2);
      } finally {
        box.mockRestore();
        computed.mockRestore();
      }
    });

    it('pans again when a pan made the marker change its layout and the popup move with it', () => {
      let popupBox = new DOMRect(100, 500, 300, 200);
      const box = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
        this: HTMLElement,
      ) {
        return this.id === 'place-popup' ? popupBox : new DOMRect();
      });
      const panBy = fake.panBy.bind(fake);
      let pans = 0;
      fake.panBy = (offset: unknown, options: unknown) => {
        panBy(offset, options);
        pans += 1;
        if (pans === 1) {
          // The first pan lays the marker out anew, taller: the popup is placed again, lower.
          boxOf(marker.firstElementChild!, new DOMRect(225, 338, 100, 91));
          popupBox = new DOMRect(100, 450, 300, 200);
          fake.fire('moveend');
        } else {
          popupBox = new DOMRect(100, 392, 300, 200);
        }
        return fake;
      };
      try {
        popup.open({
          ...request('popup-baku-title', 'Baku'),
          keepInView: true,
          avoid: () => marker.firstElementChild!,
        });
      } finally {
        box.mockRestore();
      }
      // 700 - 592, then 650 - 592; the second pan moved nothing against the map: no third.
      expect(fake.cameraCalls.map((c) => (c.method === 'panBy' ? c.offset : c.method))).toEqual([
        [0, 108],
        [0, 58],
      ]);
    });

    it('hides the sheet’s button when the sheet hides nothing', () => {
      popup.open(request('popup-baku-title', 'Baku'));
      // happy-dom: no overflow, so nothing hidden.
      expect(document.querySelector<HTMLButtonElement>('.place-popup-expand')!.hidden).toBe(true);
    });
  });
});
