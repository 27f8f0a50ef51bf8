import type { FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import { buildBasemapStyle } from './basemap-style';

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
    regionUrl: basemapUrl('region-10m.geojson'),
    worldUrl: basemapUrl('world-110m.geojson'),
    fontFaces,
    focusCountries,
    partyCountries,
  });
}
