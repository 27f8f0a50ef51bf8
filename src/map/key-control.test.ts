// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeMap, stubDocumentFonts, trackListeners, type FakeMap } from '../../tests/helpers/fake-map';
import { el } from '../dom/el';
import { KeyControl } from './key-control';
import { MapAdapter } from './map-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';

const content = () => el('ul', { className: 'map-key' }, [el('li', { text: 'Place in the story' })]);

const keydown = (target: Element, key: string) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

/** The control's state as the reader meets it: the button's name and aria, and whether the body shows. */
function stateOf(root: ParentNode) {
  const button = root.querySelector<HTMLButtonElement>('.key-control-button')!;
  const body = root.querySelector<HTMLElement>('.key-control-body')!;
  return {
    name: button.textContent,
    expanded: button.getAttribute('aria-expanded'),
    controlsBody: button.getAttribute('aria-controls') === body.id && body.id !== '',
    hidden: body.hidden,
  };
}

describe('KeyControl', () => {
  let fake: FakeMap;
  let map: MapLibreMap;
  let documentListeners: ReturnType<typeof trackListeners>;

  beforeEach(() => {
    documentListeners = trackListeners(document);
    ({ fake, map } = createFakeMap());
  });

  afterEach(() => {
    vi.restoreAllMocks();
    documentListeners.restore();
    document.body.replaceChildren();
  });

  it('sits at the bottom left above the scale, holding the content it is given', () => {
    const scale = el('div', { className: 'maplibregl-ctrl maplibregl-ctrl-scale' });
    fake.corner('bottom-left').append(scale);
    const list = content();
    map.addControl(new KeyControl(list, { open: true }));
    const corner = fake.corner('bottom-left');
    expect([...corner.children].map((c) => c.className)).toEqual([
      'maplibregl-ctrl key-control is-open',
      'maplibregl-ctrl maplibregl-ctrl-scale',
    ]);
    expect(corner.querySelector('.key-control-body')?.firstElementChild).toBe(list);
  });

  it('opens and closes with its button, saying so in aria-expanded', () => {
    const control = new KeyControl(content(), { open: false });
    map.addControl(control);
    const button = fake.container.querySelector<HTMLButtonElement>('.key-control-button')!;
    expect(stateOf(fake.container)).toEqual({
      name: 'Key',
      expanded: 'false',
      controlsBody: true,
      hidden: true,
    });
    button.click();
    expect(stateOf(fake.container)).toEqual({
      name: 'Key',
      expanded: 'true',
      controlsBody: true,
      hidden: false,
    });
    expect(control.isOpen).toBe(true);
    button.click();
    expect(stateOf(fake.container)).toEqual({
      name: 'Key',
      expanded: 'false',
      controlsBody: true,
      hidden: true,
    });
    expect(fake.container.querySelector('.key-control')?.classList.contains('is-open')).toBe(false);
  });

  it('closes on Escape from inside, gives the focus back to the button and keeps the Escape to itself', () => {
    const list = el('ul', {}, [el('li', {}, [el('a', { text: 'a link', attrs: { href: '#x' } })])]);
    map.addControl(new KeyControl(list, { open: true }));
    const button = fake.container.querySelector<HTMLButtonElement>('.key-control-button')!;
    const link = list.querySelector('a')!;
    link.focus();
    let reachedDocument = 0;
    const onDocument = () => (reachedDocument += 1);
    document.addEventListener('keydown', onDocument);
    const escape = keydown(link, 'Escape');
    expect(stateOf(fake.container).expanded).toBe('false');
    expect(document.activeElement).toBe(button);
    expect(escape.defaultPrevented).toBe(true);
    expect(reachedDocument).toBe(0);
    // Closed, it lets Escape through (to a popup, say); other keys never stop.
    keydown(button, 'Escape');
    keydown(button, 'Enter');
    expect(reachedDocument).toBe(2);
    document.removeEventListener('keydown', onDocument);
  });

  it('starts open on a desktop and closed on a phone (max-width: 760px), unless told', () => {
    let phone = false;
    const media = vi
      .spyOn(window, 'matchMedia')
      .mockImplementation((query) => ({ matches: phone, media: query }) as unknown as MediaQueryList);
    const desktop = new KeyControl(content());
    map.addControl(desktop);
    phone = true;
    const onPhone = new KeyControl(content());
    map.addControl(onPhone);
    const told = new KeyControl(content(), { open: true });
    map.addControl(told);
    expect([desktop.isOpen, onPhone.isOpen, told.isOpen]).toEqual([true, false, true]);
    expect(media.mock.calls).toEqual([['(max-width: 760px)'], ['(max-width: 760px)']]);
  });

  it('gives each control its own body id', () => {
    map.addControl(new KeyControl(content()));
    map.addControl(new KeyControl(content()));
    const ids = [...fake.container.querySelectorAll('.key-control-body')].map((b) => b.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('onRemove takes out its element and its listeners', () => {
    // Every listener added to an element is removed again: the same element, type and function.
    const added = vi.spyOn(HTMLElement.prototype, 'addEventListener');
    const removed = vi.spyOn(HTMLElement.prototype, 'removeEventListener');
    const calls = (spy: typeof added) =>
      spy.mock.calls.map((call, i) => [spy.mock.contexts[i], call[0], call[1]]);
    const control = new KeyControl(content(), { open: true });
    map.addControl(control);
    expect(calls(added).map(([, type]) => type)).toEqual(['click', 'keydown']);
    const root = fake.container.querySelector<HTMLElement>('.key-control')!;
    const button = root.querySelector<HTMLButtonElement>('.key-control-button')!;
    map.removeControl(control);
    expect(calls(removed)).toEqual(calls(added));
    expect(fake.container.querySelectorAll('.key-control').length).toBe(0);
    expect(fake.controls).toEqual([]);
    // Its listeners are gone: the detached button and an Escape inside change nothing.
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const escape = keydown(button, 'Escape');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(escape.defaultPrevented).toBe(false);
    expect(documentListeners.active()).toEqual([]);
  });
});

describe('MapAdapter.showKey', () => {
  let fake: FakeMap;
  let map: MapLibreMap;
  let fonts: ReturnType<typeof stubDocumentFonts>;

  beforeEach(() => {
    fonts = stubDocumentFonts();
    ({ fake, map } = createFakeMap());
  });

  afterEach(() => {
    fonts.restore();
    document.body.replaceChildren();
  });

  const keys = () => [...fake.container.querySelectorAll('.key-control')];

  it('adds the key at the bottom left, replaces it with a second one and takes it away on remove()', () => {
    const adapter = new MapAdapter(map, undefined);
    const first = content();
    adapter.showKey(first);
    expect(fake.controls.map((c) => c.position)).toEqual(['bottom-left']);
    expect(keys().map((k) => k.parentElement?.className)).toEqual(['maplibregl-ctrl-bottom-left']);
    expect(keys()[0]?.contains(first)).toBe(true);
    const second = content();
    adapter.showKey(second);
    expect(fake.controls.length).toBe(1);
    expect(keys().length).toBe(1);
    expect(keys()[0]?.contains(second)).toBe(true);
    adapter.remove();
    expect(fake.controls).toEqual([]);
    expect(keys()).toEqual([]);
    // Removing twice removes nothing more.
    adapter.remove();
    expect(fake.controls).toEqual([]);
  });
});
