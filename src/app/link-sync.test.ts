import { describe, expect, it } from 'vitest';
import { parseLink } from './link';
import { LinkSync, type LinkHost } from './link-sync';
import { initialState } from './page-state';
import { PageStore } from './store';

/** A browser's address bar and history, as far as LinkSync uses them. */
function fakeHost(hash: string) {
  const entries = [hash];
  let at = 0;
  const listeners = new Set<() => void>();
  const host: LinkHost = {
    location: { pathname: '/', search: '?atlas=karabakh-peace-talks', hash },
    history: {
      pushState: (_data, _unused, url) => {
        entries.splice(at + 1, entries.length, url.replace(/^[^#]*/, ''));
        at += 1;
        host.location.hash = entries[at]!;
      },
      replaceState: (_data, _unused, url) => {
        entries[at] = url.replace(/^[^#]*/, '');
        host.location.hash = entries[at]!;
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  const back = () => {
    at -= 1;
    host.location.hash = entries[at]!;
    for (const listener of listeners) listener();
  };
  return { host, entries, listeners, back, urls: () => entries.slice(0, at + 1) };
}

const isPlace = (id: string) => ['baku', 'yerevan'].includes(id);
const VIEW = { lng: 47, lat: 40, zoom: 6 };

function setUp(hash = '#map=6/40/47') {
  const browser = fakeHost(hash);
  const store = new PageStore(initialState(null, parseLink(hash), isPlace), isPlace);
  const sync = new LinkSync(store, browser.host);
  return { ...browser, store, sync };
}

describe('LinkSync', () => {
  it('makes each new selection one history entry, and a move rewrites the current one', () => {
    const { store, entries } = setUp();
    store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'map' });
    store.dispatch({ type: 'view', view: { lng: 49.9, lat: 40.4, zoom: 7 } });
    store.dispatch({ type: 'select-place', placeId: 'yerevan', origin: 'panel' });
    expect(entries).toEqual([
      '#map=6/40/47',
      '#place=baku&map=7/40.4/49.9',
      '#place=yerevan&map=7/40.4/49.9',
    ]);
  });

  it('writes nothing when the link stays the same: a file’s feature after nothing, and its popup closed', () => {
    const { store, entries } = setUp();
    store.dispatch({ type: 'select-feature', fileId: 'imported-1', index: 0, origin: 'panel' });
    store.dispatch({ type: 'deselect' });
    expect(entries).toEqual(['#map=6/40/47']);
  });

  it('ends a place’s link when a file’s feature is chosen after it, with one entry; closing it adds none', () => {
    const { store, entries } = setUp();
    store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'panel' });
    store.dispatch({ type: 'select-feature', fileId: 'imported-1', index: 0, origin: 'panel' });
    expect(entries).toEqual(['#map=6/40/47', '#place=baku&map=6/40/47', '#map=6/40/47']);
    store.dispatch({ type: 'deselect' });
    expect(entries).toEqual(['#map=6/40/47', '#place=baku&map=6/40/47', '#map=6/40/47']);
  });

  it('closing the popup of a place opened from a link is a new entry: Back goes to the place, not off the page', () => {
    const { store, entries, back } = setUp('#place=baku&map=6/40/47');
    expect(store.state.selection).toEqual({ kind: 'place', placeId: 'baku' });
    store.dispatch({ type: 'deselect' });
    expect(entries).toEqual(['#place=baku&map=6/40/47', '#map=6/40/47']);
    back();
    expect(store.state.selection).toEqual({ kind: 'place', placeId: 'baku' });
    expect(entries).toEqual(['#place=baku&map=6/40/47', '#map=6/40/47']);
  });

  it('follows Back to exactly the state before, writing nothing', () => {
    const { store, back, urls } = setUp();
    store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'map' });
    const withBaku = store.state;
    store.dispatch({ type: 'select-place', placeId: 'yerevan', origin: 'map' });
    back();
    expect(store.state).toEqual({ ...withBaku, origin: 'link' });
    expect(urls()).toEqual(['#map=6/40/47', '#place=baku&map=6/40/47']);
    back();
    expect(store.state.selection).toEqual({ kind: 'none' });
    expect(store.state.view).toEqual(VIEW);
  });

  it('keeps the filters in the link', () => {
    const { store, entries } = setUp('#map=6/40/47&when=2023-09-21&names=az');
    store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'map' });
    expect(entries).toEqual([
      '#map=6/40/47&when=2023-09-21&names=az',
      '#place=baku&map=6/40/47&when=2023-09-21&names=az',
    ]);
  });

  it('stops writing and following once removed', () => {
    const { store, entries, listeners, sync } = setUp();
    expect(listeners.size).toBe(1);
    sync.remove();
    expect(listeners.size).toBe(0);
    store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'map' });
    expect(entries).toEqual(['#map=6/40/47']);
  });
});
