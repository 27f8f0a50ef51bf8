/**
 * The colours of the article's places, one set for the map and for the export's simplestyle
 * properties, so that an exported atlas looks in geojson.io as it does on the map.
 */
export const PLACE_COLOURS = {
  story: '#b3261e',
  reaction: '#1a5fb4',
  region: '#b3261e',
} as const;
