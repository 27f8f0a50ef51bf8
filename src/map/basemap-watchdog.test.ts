import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchRemoteBasemap } from './basemap-watchdog';

type Listener = () => void;

/** The few methods of a MapLibre map that the watchdog calls, with its listeners kept countable. */
class FakeMap {
  readonly listeners: { type: string; listener: Listener }[] = [];
  readonly setStyleCalls: unknown[][] = [];
  isLoaded = false;
  tilesLoaded = false;

  on(type: string, listener: Listener): this {
    this.listeners.push({ type, listener });
    return this;
  }

  off(type: string, listener: Listener): this {
    const i = this.listeners.findIndex((l) => l.type === type && l.listener === listener);
    if (i >= 0) this.listeners.splice(i, 1);
    return this;
  }

  fire(type: string): void {
    for (const l of this.listeners.filter((l) => l.type === type)) l.listener();
  }

  /** The event types listened to, one entry per listener. */
  listening(): string[] {
    return this.listeners.map((l) => l.type).sort();
  }

  setStyle(...args: unknown[]): this {
    this.setStyleCalls.push(args);
    return this;
  }

  loaded(): boolean {
    return this.isLoaded;
  }

  areTilesLoaded(): boolean {
    return this.tilesLoaded;
  }

  /** The map has read its style and every tile, and goes idle. */
  drawn(): void {
    this.isLoaded = true;
    this.tilesLoaded = true;
    this.fire('idle');
  }
}

// The watchdog takes a whole MapLibre map; the fake has only the methods it calls (tests only).
const asMap = (fake: FakeMap) => fake as unknown as MapLibreMap;

const EMBEDDED: StyleSpecification = { version: 8, name: 'embedded', sources: {}, layers: [] };

function watch(options: { timeoutMs?: number; maxErrors?: number } = {}) {
  const map = new FakeMap();
  const fallback = vi.fn(() => EMBEDDED);
  const onFallback = vi.fn<(reason: string) => void>();
  const stop = watchRemoteBasemap(asMap(map), { fallback, onFallback, ...options });
  return { map, fallback, onFallback, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchRemoteBasemap', () => {
  it('listens to errors and idles, and waits 8 s for the map to be drawn', () => {
    const { map, fallback, onFallback } = watch();
    expect(map.listening()).toEqual(['error', 'idle']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(7999);
    expect([fallback.mock.calls.length, onFallback.mock.calls, map.setStyleCalls]).toEqual([0, [], []]);
  });

  it('swaps in the embedded basemap when the map is not drawn within 8 s, and stops listening', () => {
    const { map, fallback, onFallback } = watch();
    vi.advanceTimersByTime(8000);
    expect(map.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
    expect(map.setStyleCalls[0]?.[0]).toBe(EMBEDDED);
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(onFallback.mock.calls).toEqual([['it was not drawn within 8 s']]);
    expect(map.listening()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('names the time it was given in the reason', () => {
    const { map, onFallback } = watch({ timeoutMs: 2500 });
    vi.advanceTimersByTime(2499);
    expect(onFallback.mock.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(onFallback.mock.calls).toEqual([['it was not drawn within 2.5 s']]);
    expect(map.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
  });

  it('gives up on the third error, once, and no time-out follows', () => {
    const { map, onFallback } = watch();
    map.fire('error');
    map.fire('error');
    expect([onFallback.mock.calls, map.setStyleCalls, map.listening()]).toEqual([[], [], ['error', 'idle']]);
    map.fire('error');
    expect(onFallback.mock.calls).toEqual([['its tiles failed to load']]);
    expect(map.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
    expect(map.listening()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  it('gives up after as many errors as maxErrors', () => {
    const { map, onFallback } = watch({ maxErrors: 1 });
    map.fire('error');
    expect(onFallback.mock.calls).toEqual([['its tiles failed to load']]);
    expect(map.listening()).toEqual([]);
  });

  it('keeps the remote basemap once it is drawn without an error, and stops watching', () => {
    const { map, fallback, onFallback } = watch();
    vi.advanceTimersByTime(3000);
    map.drawn();
    expect(map.listening()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect([fallback.mock.calls.length, onFallback.mock.calls, map.setStyleCalls]).toEqual([0, [], []]);
  });

  it('goes on waiting at an idle before the style or every tile is loaded', () => {
    const { map, onFallback } = watch();
    map.isLoaded = true;
    map.fire('idle'); // tiles still loading
    map.isLoaded = false;
    map.tilesLoaded = true;
    map.fire('idle'); // style not read yet
    expect(map.listening()).toEqual(['error', 'idle']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(8000);
    expect(onFallback.mock.calls).toEqual([['it was not drawn within 8 s']]);
  });

  it('replaces a basemap drawn with holes: some tiles failed, fewer than maxErrors', () => {
    const { map, onFallback } = watch();
    map.fire('error');
    map.drawn();
    expect(onFallback.mock.calls).toEqual([['some of its tiles failed to load']]);
    expect(map.setStyleCalls).toEqual([[EMBEDDED, { diff: false }]]);
    expect(map.listening()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops watching when told to: no listener or timer left, and the basemap stays', () => {
    const { map, fallback, onFallback, stop } = watch();
    stop();
    expect(map.listening()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect([fallback.mock.calls.length, onFallback.mock.calls, map.setStyleCalls]).toEqual([0, [], []]);
  });
});
