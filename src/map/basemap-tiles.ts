/**
 * The embedded basemap's vector tiles, as `npm run basemap` (scripts/build-basemap.mjs) cuts them
 * and the style reads them: stated once for both.
 */
export const BASEMAP_TILES = {
  /** The tiles' folder in the basemap folder, and their paths in it. */
  folder: 'tiles',
  template: '{z}/{x}/{y}.pbf',
  /** The highest zoom cut; MapLibre overzooms these tiles above it. */
  maxzoom: 6,
  extent: 4096,
  /** The tiles' layers: land (one polygon per country, `country` = ISO alpha-2), and its lines. */
  layers: { land: 'land', coast: 'coast', border: 'border', disputed: 'disputed' },
} as const;

/** The basemap's label points (countries, disputed areas, seas, regions), a GeoJSON file. */
export const BASEMAP_LABELS_FILE = 'labels.geojson';
