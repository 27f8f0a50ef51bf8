import type { Atlas, Place } from './types';

/** The symbols a key can explain, in the order it lists them. */
export const MAP_KEY_SYMBOLS = [
  'story-place',
  'reaction-place',
  'disputed-area',
  'area',
  'disputed-badge',
  'cluster',
] as const;
export type MapKeySymbol = (typeof MAP_KEY_SYMBOLS)[number];

/** One line of a map's key: the symbol it explains, its name and what it means. */
export interface MapKeyEntry {
  id: MapKeySymbol;
  label: string;
  explanation: string;
}

export interface MapKeyOptions {
  /**
   * Whether the map clusters the places outside the story (the map decides: more than its crowd
   * threshold of points outside the story), so that the key explains the cluster circles.
   */
  clustered: boolean;
}

/** The word a disputed place's marker shows beside its name. */
export const DISPUTED_BADGE = 'Disputed';

// The wording stays neutral: a symbol says what the article and the data say, never whose a place is.
const ENTRIES: Record<MapKeySymbol, Omit<MapKeyEntry, 'id'>> = {
  'story-place': {
    label: 'Place in the story',
    explanation: 'Red dot: where the reported events take place',
  },
  'reaction-place': {
    label: 'Reaction from elsewhere',
    explanation: 'Blue dot: where they were commented on from afar',
  },
  'disputed-area': {
    label: 'Disputed area',
    explanation: 'Hatched, with a dashed outline; the outline is approximate and not a legal boundary',
  },
  area: {
    label: 'Area',
    explanation: 'Tinted, with a dashed outline; the outline is approximate and not a legal boundary',
  },
  'disputed-badge': {
    label: `“${DISPUTED_BADGE}” tag`,
    explanation: 'Beside a name: the status of the place is disputed',
  },
  cluster: {
    label: 'Group of places',
    explanation: 'Blue circle with a number: that many places close together; zoom in to see them',
  },
};

const isArea = (place: Place) => place.geometry.type !== 'Point';
const isDisputed = (place: Place) => place.properties.status?.disputed === true;

/** Whether the atlas draws a symbol, read from its places as the map's layers and markers read them. */
const USES: Record<MapKeySymbol, (places: readonly Place[], options: MapKeyOptions) => boolean> = {
  'story-place': (places) => places.some((p) => !isArea(p) && p.properties.group === 'story'),
  'reaction-place': (places) => places.some((p) => !isArea(p) && p.properties.group !== 'story'),
  'disputed-area': (places) => places.some((p) => isArea(p) && isDisputed(p)),
  area: (places) => places.some((p) => isArea(p) && !isDisputed(p)),
  'disputed-badge': (places) => places.some(isDisputed),
  cluster: (_places, options) => options.clustered,
};

/**
 * The key to the symbols an atlas's map uses, in a fixed order: story places, reactions, disputed
 * areas, other areas, the disputed tag, clusters; a symbol the atlas does not draw is left out.
 */
export function mapKey(atlas: Atlas, options: MapKeyOptions): MapKeyEntry[] {
  return MAP_KEY_SYMBOLS.filter((id) => USES[id](atlas.places, options)).map((id) => ({
    id,
    ...ENTRIES[id],
  }));
}
