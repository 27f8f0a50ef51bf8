import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import { onFirstCompleteIdle } from './first-idle';

type Listener = () => void;

/** The few methods of a MapLibre map that onFirstCompleteIdle calls, with its listeners kept countable. */
class FakeMap {
  readonly listeners: { type: string; listener: Listener }[] = [];
  styleLoaded = false;
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

  isStyleLoaded(): boolean {
    return this.styleLoaded;
  }

  areTilesLoaded(): boolean {
    return this.tilesLoaded;
  }
}

// onFirstCompleteIdle takes a whole MapLibre map; the fake has only the methods it calls (tests only).
const asMap = (fake: FakeMap) => fake as unknown as MapLibreMap;

describe('onFirstCompleteIdle', () => {
  it('waits for an idle with the style read and every tile loaded, calls back once and stops listening', () => {
    const map = new FakeMap();
    const then = vi.fn();
    onFirstCompleteIdle(asMap(map), then);
    expect(map.listening()).toEqual(['idle']);

    map.styleLoaded = true;
    map.fire('idle'); // tiles still loading
    map.styleLoaded = false;
    map.tilesLoaded = true;
    map.fire('idle'); // style not read yet
    expect(then).toHaveBeenCalledTimes(0);
    expect(map.listening()).toEqual(['idle']);

    map.styleLoaded = true;
    map.fire('idle');
    expect(then).toHaveBeenCalledTimes(1);
    expect(map.listening()).toEqual([]);

    map.fire('idle');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('has stopped listening by the time it calls back, so that a callback that makes the map idle again is not called twice', () => {
    const map = new FakeMap();
    map.styleLoaded = true;
    map.tilesLoaded = true;
    const seen: string[][] = [];
    onFirstCompleteIdle(asMap(map), () => {
      seen.push(map.listening());
      map.fire('idle');
    });
    map.fire('idle');
    expect(seen).toEqual([[]]);
  });
});
