import type { StyleSpecification } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeMap, type FakeMap } from '../../tests/helpers/fake-map';
import { watchRemoteBasemap } from './basemap-watchdog';

/** The map has read its style and every tile, and goes idle. */
function drawn(fake: FakeMap): void {
  fake.isLoaded = true;
  fake.tilesLoaded = true;
  fake.fire('idle');
}

const EMBEDDED: StyleSpecification = { version: 8, name: 'embedded', sources: {}, layers: [] };

function watch(options: { timeoutMs?: number; maxErrors?: number } = {}) {
  // A remote basemap still loading.
  const { fake, map } = createFakeMap({ loaded: false });
  const fallback = vi.fn(() => EMBEDDED);
  const onFallback = vi.fn<(reason: string) => void>();
  const stop = watchRemoteBasemap(map, { fallback, onFallback, ...options });
  return { fake, fallback, onFallback, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchRemoteBasemap', () => {
  it('listens to errors and idles, and waits 8 s for the map to be drawn', () => {
    const { fake, fallback, onFallback } = watch();
    expect(fake.listenerKeys()).toEqual(['error', 'idle']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(7999);
    expect([fallback.mock.calls.length, onFallback.mock.calls, fake.setStyleCalls]).toEqual([0, [], []]);
  });

  it('swaps in the embedded basemap when the map is not drawn within 8 s, and stops listening', () => {
    const { fake, fallback, onFallback } = watch();
    vi.advanceTimersByTime(8000);
    expect(fake.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
    expect(fake.setStyleCalls[0]?.[0]).toBe(EMBEDDED);
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(onFallback.mock.calls).toEqual([['it was not drawn within 8 s']]);
    expect(fake.listenerKeys()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('names the time it was given in the reason', () => {
    const { fake, onFallback } = watch({ timeoutMs: 2500 });
    vi.advanceTimersByTime(2499);
    expect(onFallback.mock.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(onFallback.mock.calls).toEqual([['it was not drawn within 2.5 s']]);
    expect(fake.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
  });

  it('gives up on the third error, once, and no time-out follows', () => {
    const { fake, onFallback } = watch();
    fake.fire('error');
    fake.fire('error');
    expect([onFallback.mock.calls, fake.setStyleCalls, fake.listenerKeys()]).toEqual([
      [],
      [],
      ['error', 'idle'],
    ]);
    fake.fire('error');
    expect(onFallback.mock.calls).toEqual([['its tiles failed to load']]);
    expect(fake.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
    expect(fake.listenerKeys()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  it('gives up after as many errors as maxErrors', () => {
    const { fake, onFallback } = watch({ maxErrors: 1 });
    fake.fire('error');
    expect(onFallback.mock.calls).toEqual([['its tiles failed to load']]);
    expect(fake.listenerKeys()).toEqual([]);
  });

  it('keeps the remote basemap once it is drawn without an error, and stops watching', () => {
    const { fake, fallback, onFallback } = watch();
    vi.advanceTimersByTime(3000);
    drawn(fake);
    expect(fake.listenerKeys()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect([fallback.mock.calls.length, onFallback.mock.calls, fake.setStyleCalls]).toEqual([0, [], []]);
  });

  it('goes on waiting at an idle before the style or every tile is loaded', () => {
    const { fake, onFallback } = watch();
    fake.isLoaded = true;
    fake.fire('idle'); // tiles still loading
    fake.isLoaded = false;
    fake.tilesLoaded = true;
    fake.fire('idle'); // style not read yet
    expect(fake.listenerKeys()).toEqual(['error', 'idle']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(8000);
    expect(onFallback.mock.calls).toEqual([['it was not drawn within 8 s']]);
  });

  it('replaces a basemap drawn with holes: some tiles failed, fewer than maxErrors', () => {
    const { fake, onFallback } = watch();
    fake.fire('error');
    drawn(fake);
    expect(onFallback.mock.calls).toEqual([['some of its tiles failed to load']]);
    expect(fake.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
    expect(fake.listenerKeys()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops watching when told to: no listener or timer left, and the basemap stays', () => {
    const { fake, fallback, onFallback, stop } = watch();
    stop();
    expect(fake.listenerKeys()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect([fallback.mock.calls.length, onFallback.mock.calls, fake.setStyleCalls]).toEqual([0, [], []]);
  });
});
