import type { SourceSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { createFakeMap } from '../../tests/helpers/fake-map';
import { syncFeatureFlag } from './feature-flag';

const target = (id: string) => ({ source: 'atlas', id });

/** A map whose style has the sources the flags are set in (the fake, like MapLibre, refuses others). */
function start() {
  const { fake, map } = createFakeMap();
  const empty: SourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  fake.replaceStyle({ sources: { atlas: empty, crowd: empty } });
  return { fake, map };
}

describe('syncFeatureFlag', () => {
  it('sets the flag false on the features that lose it and true on those that gain it, and leaves the rest alone', () => {
    const { fake, map } = start();
    const before = new Set(['baku', 'yerevan', 'moscow']);
    const after = syncFeatureFlag(map, target, 'selected', before, ['yerevan', 'ankara', 'stepanakert']);
    expect(fake.featureStateCalls).toEqual([
      { target: { source: 'atlas', id: 'baku' }, state: { selected: false } },
      { target: { source: 'atlas', id: 'moscow' }, state: { selected: false } },
      { target: { source: 'atlas', id: 'ankara' }, state: { selected: true } },
      { target: { source: 'atlas', id: 'stepanakert' }, state: { selected: true } },
    ]);
    expect(after).toEqual(new Set(['yerevan', 'ankara', 'stepanakert']));
    expect(before).toEqual(new Set(['baku', 'yerevan', 'moscow']));
  });

  it('sets nothing when the set is unchanged, and returns a new set to pass as `before` next time', () => {
    const { fake, map } = start();
    const before = new Set(['baku']);
    const after = syncFeatureFlag(map, target, 'hover', before, ['baku']);
    expect(fake.featureStateCalls).toEqual([]);
    expect(after).toEqual(new Set(['baku']));
    expect(after).not.toBe(before);
  });

  it('reads any iterable once, and sets a feature named twice only once', () => {
    const { fake, map } = start();
    function* ids() {
      yield 'baku';
      yield 'baku';
    }
    const after = syncFeatureFlag(map, target, 'hover', new Set(), ids());
    expect(fake.featureStateCalls).toEqual([
      { target: { source: 'atlas', id: 'baku' }, state: { hover: true } },
    ]);
    expect(after).toEqual(new Set(['baku']));
  });

  it('goes from the returned set on the next call, through the given target', () => {
    const { fake, map } = start();
    const crowd = (id: string) => ({ source: 'crowd', id: `crowd-${id}` });
    const first = syncFeatureFlag(map, crowd, 'hover', new Set(), ['a']);
    syncFeatureFlag(map, crowd, 'hover', first, []);
    expect(fake.featureStateCalls).toEqual([
      { target: { source: 'crowd', id: 'crowd-a' }, state: { hover: true } },
      { target: { source: 'crowd', id: 'crowd-a' }, state: { hover: false } },
    ]);
  });
});
