import type { FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import { buildBasemapStyle } from './basemap-style';
import { BASEMAP_LABELS_FILE, BASEMAP_TILES } from './basemap-tiles';

/** Where the basemap files live: `public/basemap`, served under Vite's base URL. */
export function basemapUrl(file: string): string {
  return new URL(`${import.meta.env.BASE_URL}basemap/${file}`, document.baseURI).href;
}

/**
 * The embedded, offline basemap style with self-hosted fonts (`fontFaces`, from `requestFontFaces`);
 * the focus countries' land in a lighter colour, the parties' labels (ISO alpha-2 codes) always
 * drawn together.
 */
export function embeddedBasemapStyle(
  fontFaces: FontFacesSpecification,
  focusCountries: readonly string[] = [],
  partyCountries: readonly string[] = [],
): StyleSpecification {
  return buildBasemapStyle({
    // Appended to the folder's URL: URL would percent-encode the template's braces.
    tilesUrl: basemapUrl('') + BASEMAP_TILES.path,
    labelsUrl: basemapUrl(BASEMAP_LABELS_FILE),
    fontFaces,
    focusCountries,
    partyCountries,
  });
}
