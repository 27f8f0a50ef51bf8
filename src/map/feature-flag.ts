import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Sets a boolean feature state on exactly the features in `now`: true on those that gain it, false
 * on those that lose it, nothing on the rest (each change makes the map draw again). Returns `now`
 * as the set to pass as `before` next time.
 */
export function syncFeatureFlag(
  map: MapLibreMap,
  target: (id: string) => { source: string; id: string },
  key: string,
  before: ReadonlySet<string>,
  now: Iterable<string>,
): Set<string> {
  const after = new Set(now);
  for (const id of before) if (!after.has(id)) map.setFeatureState(target(id), { [key]: false });
  for (const id of after) if (!before.has(id)) map.setFeatureState(target(id), { [key]: true });
  return after;
}
