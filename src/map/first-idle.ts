import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Calls `then` once, at the first idle with the style read and every tile loaded: the map fully
 * drawn. The atlas marks `map-idle` so, and the benchmark's bare page, which measures against it,
 * marks it the same way. Returns the function that stops waiting.
 */
export function onFirstCompleteIdle(map: MapLibreMap, then: () => void): () => void {
  const onIdle = () => {
    if (!map.isStyleLoaded() || !map.areTilesLoaded()) return;
    map.off('idle', onIdle);
    then();
  };
  map.on('idle', onIdle);
  // Stops waiting, when the map goes before it was ever complete.
  return () => map.off('idle', onIdle);
}
