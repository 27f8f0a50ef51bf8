import type { FontFacesSpecification } from 'maplibre-gl';
import { fontListPath } from 'virtual:atlas-fonts';
import { isFontList } from './font-list';

/** Font faces being fetched: `value` once they have come. */
export interface PendingFontFaces {
  ready: Promise<FontFacesSpecification>;
  value?: FontFacesSpecification;
}

/**
 * Fetches the map's font list (index.html preloads it; the build names it for the scripts the
 * atlases use), the style's `font-faces`: self-hosted files, each fetched by MapLibre only when a
 * label has one of its characters, and no glyph server. A list that cannot be fetched or read
 * gives no faces: the labels are then drawn in the reader's system font.
 */
export function requestFontFaces(
  url = new URL(fontListPath, document.baseURI).href,
  fetchList: typeof fetch = fetch,
): PendingFontFaces {
  const pending: PendingFontFaces = {
    ready: fetchList(url)
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined)
      .then((list: unknown) => (pending.value = isFontList(list) ? list : {})),
  };
  return pending;
}
