/**
 * The embedded basemap's vector tiles, as `npm run basemap` (scripts/build-basemap.mjs) cuts them
 * and the style reads them: stated once for both.
 */
export const BASEMAP_TILES = {
  /** The tiles' paths in the basemap folder. */
  path: 'tiles/{z}/{x}/{y}.pbf',
  /** The highest zoom cut; MapLibre overzooms these tiles above it. */
  maxzoom: 6,
} as const;

/** The basemap's label points (countries, disputed areas, seas, regions), a GeoJSON file. */
export const BASEMAP_LABELS_FILE = 'labels.geojson';
