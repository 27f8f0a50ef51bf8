import { PLACE_COLOURS } from './place-colours';

/**
 * The look of the map, kept apart from the layer structure: colours, widths, sizes and dashes, read
 * by the MapLibre style (src/map) and by the first screen drawn without it (src/domain/first-screen),
 * so that the two draw alike.
 */

/**
 * A value that changes with the zoom: linear between stops, constant outside them, written as
 * MapLibre's `interpolate` expression lists them: zoom, value, zoom, value, …
 */
export type ZoomStops = readonly number[];

/** The value of zoom stops at a zoom, as MapLibre's `['interpolate', ['linear'], ['zoom'], …]` gives it. */
export function valueAtZoom(stops: ZoomStops, zoom: number): number {
  const at = (i: number) => {
    const value = stops[i];
    if (value === undefined) throw new Error(`zoom stops: no value at ${i} of ${stops.length}`);
    return value;
  };
  if (zoom <= at(0)) return at(1);
  for (let i = 2; i < stops.length; i += 2) {
    const [z0, v0, z1, v1] = [at(i - 2), at(i - 1), at(i), at(i + 1)];
    if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
  }
  return at(stops.length - 1);
}

/** Colours and type of the embedded basemap. */
export interface BasemapTheme {
  water: string;
  land: string;
  landFocus: string;
  border: string;
  borderCasing: string;
  coast: string;
  countryLabel: string;
  seaLabel: string;
  labelHalo: string;
}

/** A calm newspaper-locator palette: muted land, clear water, borders that read at every zoom. */
export const LOCATOR_THEME: BasemapTheme = {
  water: '#c9dde8',
  land: '#ebe8df',
  landFocus: '#f8f6f0',
  border: '#857f72',
  borderCasing: '#ffffff',
  coast: '#8eaabb',
  countryLabel: '#5c5649',
  seaLabel: '#4f7189',
  labelHalo: '#ffffff',
};

/** The three weights of the one family (Noto Sans) the map's labels are set in. */
export type LabelFont = 'regular' | 'italic' | 'semibold';

export interface LabelLook {
  font: LabelFont;
  /** Text size in pixels. */
  size: ZoomStops;
  /** Extra space between letters, in ems. */
  letterSpacing: number;
  /** Lines are broken at this width, in ems. */
  maxWidth: number;
  /** Halo width in pixels, outside the glyphs. */
  haloWidth: number;
  uppercase: boolean;
}

// Each value is a constant of its own (not a property of one object), so that the bundle's
// minifier can shorten its name where the map's code reads it.

/** The basemap's coast, in pixels. */
export const COAST_WIDTH: ZoomStops = [2, 0.5, 6, 0.8, 12, 1.6];
export const BORDER_WIDTH: ZoomStops = [2, 0.5, 6, 1, 12, 2.2];
/** The white casing under each border. */
export const BORDER_CASING_WIDTH: ZoomStops = [2, 1.5, 6, 3, 12, 6];
export const BORDER_CASING_OPACITY = 0.9;
/** Lines that are no agreed border (the edge of land under dispute): dashed (in line widths), with no casing. */
export const DISPUTED_DASH: readonly [number, number] = [3, 2];

export type BasemapLabelKind = 'country' | 'region' | 'sea';

/** The basemap's labels by kind. */
export const LABEL_LOOKS: Record<BasemapLabelKind, LabelLook> = {
  country: {
    font: 'semibold',
    size: [3, 10, 6, 13, 9, 16],
    letterSpacing: 0.16,
    maxWidth: 8,
    haloWidth: 1.2,
    uppercase: true,
  },
  region: {
    font: 'regular',
    size: [5, 10, 9, 13],
    letterSpacing: 0,
    maxWidth: 7,
    haloWidth: 1,
    uppercase: false,
  },
  sea: {
    font: 'italic',
    size: [3, 11, 8, 16],
    letterSpacing: 0.08,
    maxWidth: 6,
    haloWidth: 1,
    uppercase: false,
  },
};

/** The zooms each kind of label layer shows at (MapLibre's `minzoom`, `maxzoom`). */
export const LABEL_ZOOMS = {
  country: { minzoom: 3, maxzoom: 10 },
  region: { minzoom: 5 },
  sea: {},
} as const satisfies Record<BasemapLabelKind, { minzoom?: number; maxzoom?: number }>;

/** Country labels fade as the map zooms in to a town's streets. */
export const COUNTRY_LABEL_OPACITY: ZoomStops = [8, 1, 10, 0.6];

/** Colours of the article's layers. */
export const ATLAS_THEME = {
  ...PLACE_COLOURS,
  halo: '#ffffff',
  label: '#22201b',
} as const;

/** The article's region: a light fill, hatching where disputed, a dashed outline (in line widths). */
export const REGION_FILL_OPACITY = 0.1;
export const HATCH_OPACITY = 0.55;
/** The hatching's tile, in pixels: one diagonal line across it. */
export const HATCH_SIZE = 8;
export const REGION_OUTLINE_WIDTH: ZoomStops = [4, 1.3, 10, 2.5];
export const REGION_OUTLINE_WIDTH_SELECTED: ZoomStops = [4, 2.2, 10, 4];
export const REGION_OUTLINE_DASH: readonly [number, number] = [3, 2];

/** The places' round symbols: radius and white ring, in pixels. */
export const CIRCLE_RADIUS: ZoomStops = [3, 4, 8, 7];
export const CIRCLE_RADIUS_SELECTED: ZoomStops = [3, 7, 8, 10];
export const CIRCLE_STROKE_WIDTH = 2;
export const CIRCLE_STROKE_WIDTH_SELECTED = 3;

/** The places' names: semibold, this size (px), beside the symbol. */
export const PLACE_LABEL_FONT: LabelFont = 'semibold';
export const PLACE_LABEL_SIZE = 13;
/** Where a name may sit, in order of preference (MapLibre's `text-variable-anchor`). */
export const PLACE_LABEL_ANCHORS = ['left', 'right', 'top', 'bottom'] as const;
/** From the point to the name, in ems (`text-radial-offset`). */
export const PLACE_LABEL_OFFSET = 0.8;
export const PLACE_LABEL_HALO = 1.5;
