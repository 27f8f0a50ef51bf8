import type { StyleSpecification } from 'maplibre-gl';
import { buildBasemapStyle } from './basemap-style';
import { BASEMAP_LABELS_FILE, BASEMAP_TILES } from './basemap-tiles';
import { selfHostedFontFaces } from './fonts';

/** Where the basemap files live: `public/basemap`, served under Vite's base URL. */
export function basemapUrl(file: string): string {
  return new URL(`${import.meta.env.BASE_URL}basemap/${file}`, document.baseURI).href;
}

/**
 * The embedded, offline basemap style with self-hosted fonts; the focus countries' land in a
 * lighter colour and the parties' labels drawn together (both by ISO alpha-2 code).
 */
export function embeddedBasemapStyle(
  focusCountries: readonly string[] = [],
  partyCountries: readonly string[] = [],
): StyleSpecification {
  return buildBasemapStyle({
    // Appended to the folder's URL: URL would percent-encode the template's braces.
    tilesUrl: basemapUrl('') + BASEMAP_TILES.path,
    labelsUrl: basemapUrl(BASEMAP_LABELS_FILE),
    fontFaces: selfHostedFontFaces(),
    focusCountries,
    partyCountries,
  });
}
