import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';

export interface WatchdogOptions {
  /** The style to fall back to: the embedded, offline basemap. */
  fallback: () => StyleSpecification;
  /** Called once when the fallback happens, with the reason for the reader. */
  onFallback: (reason: string) => void;
  /** The remote basemap must be drawn within this time. */
  timeoutMs?: number;
  /** Tile or source errors tolerated before giving up on the remote basemap. */
  maxErrors?: number;
}

/**
 * Watches a remote basemap while it loads: if its tiles or sources keep failing, or the map is not
 * drawn in time, it swaps in the embedded basemap, so that the map never hangs blank. Returns the
 * function that stops watching.
 */
export function watchRemoteBasemap(map: MapLibreMap, options: WatchdogOptions): () => void {
  const timeoutMs = options.timeoutMs ?? 8000;
  const maxErrors = options.maxErrors ?? 3;
  let settled = false;
  let errors = 0;
  const give = (reason: string) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    map.off('error', onError);
    map.off('idle', onIdle);
    map.setStyle(options.fallback(), { diff: false });
    options.onFallback(reason);
  };
  const onError = () => {
    if (settled) return;
    errors += 1;
    if (errors >= maxErrors) give('its tiles failed to load');
  };
  const timer = setTimeout(() => give(`it was not drawn within ${timeoutMs / 1000} s`), timeoutMs);
  map.on('error', onError);
  const onIdle = () => {
    if (settled || !map.loaded() || !map.areTilesLoaded()) return;
    // Everything answered; a basemap with failed tiles would show holes, so it is replaced.
    if (errors > 0) {
      give('some of its tiles failed to load');
      return;
    }
    settled = true;
    clearTimeout(timer);
    map.off('idle', onIdle);
    map.off('error', onError);
  };
  map.on('idle', onIdle);
  // Stops watching: the basemap stays as it is.
  return () => {
    settled = true;
    clearTimeout(timer);
    map.off('idle', onIdle);
    map.off('error', onError);
  };
}
