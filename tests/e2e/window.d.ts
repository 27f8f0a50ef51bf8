import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The handle that src/main.ts exposes for debugging and browser tests. */
    articleAtlas: { map: MapLibreMap };
  }
}
