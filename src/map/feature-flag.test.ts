import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { syncFeatureFlag } from './feature-flag';

/** The one method of a MapLibre map that syncFeatureFlag calls, recording each call. */
class FakeMap {
  readonly calls: [{ source: string; id: string }, Record<string, boolean>][] = [];

  setFeatureState(feature: { source: string; id: string }, state: Record<string, boolean>): void {
    this.calls.push([feature, state]);
  }
}

// syncFeatureFlag takes a whole MapLibre map; the fake has only the method it calls (tests only).
const asMap = (fake: FakeMap) => fake as unknown as MapLibreMap;

const target = (id: string) => ({ source: 'atlas', id });

describe('syncFeatureFlag', () => {
  it('sets the flag false on the features that lose it and true on those that gain it, and leaves the rest alone', () => {
    const map = new FakeMap();
    const before = new Set(['baku', 'yerevan', 'moscow']);
    const after = syncFeatureFlag(asMap(map), target, 'selected', before, [
      'yerevan',
      'ankara',
      'stepanakert',
    ]);
    expect(map.calls).toEqual([
      [{ source: 'atlas', id: 'baku' }, { selected: false }],
      [{ source: 'atlas', id: 'moscow' }, { selected: false }],
      [{ source: 'atlas', id: 'ankara' }, { selected: true }],
      [{ source: 'atlas', id: 'stepanakert' }, { selected: true }],
    ]);
    expect(after).toEqual(new Set(['yerevan', 'ankara', 'stepanakert']));
    expect(before).toEqual(new Set(['baku', 'yerevan', 'moscow']));
  });

  it('sets nothing when the set is unchanged, and returns a new set to pass as `before` next time', () => {
    const map = new FakeMap();
    const before = new Set(['baku']);
    const after = syncFeatureFlag(asMap(map), target, 'hover', before, ['baku']);
    expect(map.calls).toEqual([]);
    expect(after).toEqual(new Set(['baku']));
    expect(after).not.toBe(before);
  });

  it('reads any iterable once, and sets a feature named twice only once', () => {
    const map = new FakeMap();
    function* ids() {
      yield 'baku';
      yield 'baku';
    }
    const after = syncFeatureFlag(asMap(map), target, 'hover', new Set(), ids());
    expect(map.calls).toEqual([[{ source: 'atlas', id: 'baku' }, { hover: true }]]);
    expect(after).toEqual(new Set(['baku']));
  });

  it('goes from the returned set on the next call, through the given target', () => {
    const map = new FakeMap();
    const crowd = (id: string) => ({ source: 'crowd', id: `crowd-${id}` });
    const first = syncFeatureFlag(asMap(map), crowd, 'hover', new Set(), ['a']);
    syncFeatureFlag(asMap(map), crowd, 'hover', first, []);
    expect(map.calls).toEqual([
      [{ source: 'crowd', id: 'crowd-a' }, { hover: true }],
      [{ source: 'crowd', id: 'crowd-a' }, { hover: false }],
    ]);
  });
});
