import { describe, expect, it, vi } from 'vitest';
import { createFakeMap } from '../../tests/helpers/fake-map';
import { onFirstCompleteIdle } from './first-idle';

describe('onFirstCompleteIdle', () => {
  it('waits for an idle with the style read and every tile loaded, calls back once and stops listening', () => {
    const { fake, map } = createFakeMap({ loaded: false });
    const then = vi.fn();
    onFirstCompleteIdle(map, then);
    expect(fake.listenerKeys()).toEqual(['idle']);

    fake.styleLoaded = true;
    fake.fire('idle'); // tiles still loading
    fake.styleLoaded = false;
    fake.tilesLoaded = true;
    fake.fire('idle'); // style not read yet
    expect(then).toHaveBeenCalledTimes(0);
    expect(fake.listenerKeys()).toEqual(['idle']);

    fake.styleLoaded = true;
    fake.fire('idle');
    expect(then).toHaveBeenCalledTimes(1);
    expect(fake.listenerKeys()).toEqual([]);

    fake.fire('idle');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('has stopped listening by the time it calls back, so that a callback that makes the map idle again is not called twice', () => {
    const { fake, map } = createFakeMap();
    const seen: string[][] = [];
    onFirstCompleteIdle(map, () => {
      seen.push(fake.listenerKeys());
      fake.fire('idle');
    });
    fake.fire('idle');
    expect(seen).toEqual([[]]);
  });

  it('stops waiting when told to', () => {
    const { fake, map } = createFakeMap();
    const then = vi.fn();
    const stop = onFirstCompleteIdle(map, then);
    stop();
    expect(fake.listenerKeys()).toEqual([]);
    fake.fire('idle');
    expect(then).toHaveBeenCalledTimes(0);
  });
});
