import { KEBAB_ID } from './json-reader';

/** What a link to the atlas holds: the selected place and the view. */
export interface UrlState {
  placeId: string | null;
  view: { lng: number; lat: number; zoom: number } | null;
}

/**
 * Reads `#place=ID&map=ZOOM/LAT/LNG` (the map part as on openstreetmap.org). Anything malformed
 * is ignored rather than trusted: a link is user input.
 */
export function parseUrlState(hash: string): UrlState {
  const params = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) params.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const place = params.get('place');
  const placeId = place !== undefined && KEBAB_ID.test(place) ? place : null;
  const parts = (params.get('map') ?? '').split('/');
  let view: UrlState['view'] = null;
  if (parts.length === 3 && parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) {
    const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
    if (zoom >= 0 && zoom <= 24 && Math.abs(lat) <= 85.06 && Math.abs(lng) <= 180) view = { lng, lat, zoom };
  }
  return { placeId, view };
}

/** Writes the state as a hash; zoom to 2 decimals and positions to 4 (about 10 m). */
export function formatUrlState(state: UrlState): string {
  const params: string[] = [];
  if (state.placeId) params.push(`place=${state.placeId}`);
  if (state.view) {
    const { zoom, lat, lng } = state.view;
    params.push(`map=${+zoom.toFixed(2)}/${+lat.toFixed(4)}/${+lng.toFixed(4)}`);
  }
  return params.length ? `#${params.join('&')}` : '';
}
