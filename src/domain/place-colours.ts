/**
 * The colours of the article's places, one set for the map and for the export's simplestyle
 * properties, so that an exported atlas looks in geojson.io as it does on the map.
 */
export const PLACE_COLOURS = {
  story: '#b3261e',
  reaction: '#1a5fb4',
  region: '#b3261e',
} as const;

/** `#b3261e` -> `[179, 38, 30]`: a colour as the red, green and blue of an image's pixels. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
