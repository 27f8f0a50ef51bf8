import { readDateFilter, type DateFilter } from '../domain/date-filter';
import { KEBAB_ID } from '../domain/json-text';
import type { View } from '../domain/view';

export type { DateFilter } from '../domain/date-filter';

/** What a link to the atlas holds. Each key is read and written by the one pair in LINK_KEYS. */
export interface LinkState {
  placeId: string | null;
  view: View | null;
  when: DateFilter | null;
  /** The name set: a BCP 47 language code whose names lead (null: the article's names). */
  names: string | null;
}

export const EMPTY_LINK: LinkState = { placeId: null, view: null, when: null, names: null };

/** The bounds a link's view must keep: Web Mercator's latitudes, the map's zoom range. */
export const VIEW_LIMITS = { maxLat: 85.06, maxLng: 180, minZoom: 0, maxZoom: 24 } as const;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

interface LinkKey<K extends keyof LinkState> {
  /** The key's name in the hash. */
  name: string;
  /** The value, or null when the text is malformed: a link is user input, never trusted. */
  parse: (text: string) => LinkState[K];
  format: (value: NonNullable<LinkState[K]>) => string;
}

function parseView(text: string): View | null {
  const parts = text.split('/');
  if (parts.length !== 3 || !parts.every((p) => DECIMAL.test(p))) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  const { maxLat, maxLng, minZoom, maxZoom } = VIEW_LIMITS;
  if (zoom < minZoom || zoom > maxZoom || Math.abs(lat) > maxLat || Math.abs(lng) > maxLng) return null;
  return { lng, lat, zoom };
}

/** `2023-09-21` or `START..END`, read by the rule of a fact's date (date-filter.ts). */
function parseWhen(text: string): DateFilter | null {
  const [start, end, ...rest] = text.split('..');
  return start === undefined || rest.length > 0 ? null : readDateFilter(start, end);
}

/** The keys of a link, in the order they are written: `#place=ID&map=ZOOM/LAT/LNG&when=…&names=…`. */
const LINK_KEYS: { [K in keyof LinkState]: LinkKey<K> } = {
  placeId: {
    name: 'place',
    parse: (text) => (KEBAB_ID.test(text) ? text : null),
    format: (id) => id,
  },
  // The map part as on openstreetmap.org: zoom to 2 decimals, positions to 4 (about 10 m).
  view: {
    name: 'map',
    parse: parseView,
    format: ({ zoom, lat, lng }) => `${+zoom.toFixed(2)}/${+lat.toFixed(4)}/${+lng.toFixed(4)}`,
  },
  when: {
    name: 'when',
    parse: parseWhen,
    format: (when) => (when.kind === 'date' ? when.date : `${when.start}..${when.end}`),
  },
  names: {
    name: 'names',
    parse: (text) => (LANGUAGE.test(text) ? text : null),
    format: (lang) => lang,
  },
};

const KEY_ORDER = ['placeId', 'view', 'when', 'names'] as const satisfies readonly (keyof LinkState)[];

/** Reads a link's hash; a malformed or unknown part is ignored. */
export function parseLink(hash: string): LinkState {
  const params = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) params.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const read = <K extends keyof LinkState>(key: K): LinkState[K] | null => {
    const text = params.get(LINK_KEYS[key].name);
    return text === undefined ? null : LINK_KEYS[key].parse(text);
  };
  return { placeId: read('placeId'), view: read('view'), when: read('when'), names: read('names') };
}

/** Writes the state as a hash (empty when it holds nothing). */
export function formatLink(state: LinkState): string {
  const params: string[] = [];
  const write = <K extends keyof LinkState>(key: K): void => {
    const value = state[key];
    if (value !== null) params.push(`${LINK_KEYS[key].name}=${LINK_KEYS[key].format(value)}`);
  };
  for (const key of KEY_ORDER) write(key);
  return params.length ? `#${params.join('&')}` : '';
}

/** Whether two views are the same to the precision of a link. */
export function sameView(a: View, b: View): boolean {
  return LINK_KEYS.view.format(a) === LINK_KEYS.view.format(b);
}
