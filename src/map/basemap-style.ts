import type {
  ExpressionSpecification,
  FontFacesSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { FONT } from './font-names';
import { LOCATOR_THEME, type BasemapTheme } from './basemap-theme';

/** Source ids of the embedded basemap. */
export const BASEMAP_SOURCE = { region: 'basemap-region', world: 'basemap-world' } as const;

export const BASEMAP_ATTRIBUTION = 'Natural Earth';

/**
 * The labels of the land of the story's parties (its countries, and their regions such as an
 * exclave): always drawn where they are in range (MapLibre may not drop one for another label),
 * and never faded by a marker (markers move off them instead).
 */
export const PARTY_LABEL_LAYERS = ['basemap-label-party-country', 'basemap-label-party-region'];

/** The basemap's label layers; article markers fade the others where they must sit on them. */
export const BASEMAP_LABEL_LAYERS = [
  'basemap-label-sea',
  'basemap-label-country',
  'basemap-label-region',
  ...PARTY_LABEL_LAYERS,
];

/** Labels covered by an article marker (feature state `covered`) are faded out, keeping their place. */
const uncovered = (opacity: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'covered'], false],
  0,
  opacity,
];

export interface BasemapStyleOptions {
  /** URL of `region-10m.geojson` (Natural Earth 1:10m, clipped to the region). */
  regionUrl: string;
  /** URL of `world-110m.geojson` (Natural Earth 1:110m, the rest of the world). */
  worldUrl: string;
  /** Self-hosted font files; the style has no `glyphs` URL. */
  fontFaces: FontFacesSpecification;
  /** Natural Earth English country names drawn in the lighter "focus" land colour. */
  focusCountries?: readonly string[];
  /** ISO 3166-1 alpha-2 codes of the story's parties, whose labels are drawn together, always. */
  partyCountries?: readonly string[];
  theme?: BasemapTheme;
}

const byLayer = (name: string): ExpressionSpecification => ['==', ['get', 'layer'], name];

function landColor(theme: BasemapTheme, focus: readonly string[]): ExpressionSpecification | string {
  if (focus.length === 0) return theme.land;
  return ['match', ['get', 'name'], [...focus], theme.landFocus, theme.land];
}

/** The land, border and coast layers of one basemap source, bottom to top. */
export function landLayers(
  source: string,
  idPrefix: string,
  theme: BasemapTheme,
  focus: readonly string[],
): LayerSpecification[] {
  return [
    {
      id: `${idPrefix}-land`,
      type: 'fill',
      source,
      filter: byLayer('land'),
      paint: { 'fill-color': landColor(theme, focus), 'fill-antialias': false },
    },
    {
      id: `${idPrefix}-coast`,
      type: 'line',
      source,
      filter: byLayer('coast'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.coast,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 0.8, 12, 1.6],
      },
    },
    {
      id: `${idPrefix}-border-casing`,
      type: 'line',
      source,
      filter: byLayer('border'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': theme.borderCasing,
        'line-opacity': 0.9,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.5, 6, 3, 12, 6],
      },
    },
    {
      id: `${idPrefix}-border`,
      type: 'line',
      source,
      filter: byLayer('border'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': theme.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1, 12, 2.2],
      },
    },
  ];
}

type LabelKind = 'country' | 'region';

/** A label's layout and paint by kind; a party's label looks like any other of its kind. */
function labelLook(
  kind: LabelKind,
  theme: BasemapTheme,
  opacity: (o: number) => ExpressionSpecification | number,
): Pick<Extract<LayerSpecification, { type: 'symbol' }>, 'layout' | 'paint'> {
  if (kind === 'country') {
    return {
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT.semibold],
        'text-transform': 'uppercase',
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10, 6, 13, 9, 16],
        'text-letter-spacing': 0.16,
        'text-max-width': 8,
      },
      paint: {
        'text-color': theme.countryLabel,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.2,
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 8, opacity(1), 10, opacity(0.6)],
        'text-opacity-transition': { duration: 0 },
      },
    };
  }
  return {
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT.regular],
      'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10, 9, 13],
      'text-max-width': 7,
    },
    paint: {
      'text-color': theme.countryLabel,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1,
      'text-opacity': opacity(1),
      'text-opacity-transition': { duration: 0 },
    },
  };
}

const ZOOMS: Record<LabelKind, { minzoom: number; maxzoom?: number }> = {
  country: { minzoom: 3, maxzoom: 10 },
  region: { minzoom: 5 },
};

function labelLayers(theme: BasemapTheme, parties: readonly string[]): LayerSpecification[] {
  const source = BASEMAP_SOURCE.region;
  const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
  const isParty: ExpressionSpecification = ['in', ['get', 'country'], ['literal', [...parties]]];
  const other = (kind: LabelKind): LayerSpecification => {
    const look = labelLook(kind, theme, uncovered);
    return {
      id: `basemap-label-${kind}`,
      type: 'symbol',
      source,
      filter: ['all', byLayer('label'), ofKind(kind), ['!', isParty]],
      ...ZOOMS[kind],
      ...look,
    } as LayerSpecification;
  };
  // The parties' labels are placed first (MapLibre places the top layer first) and always
  // (text-allow-overlap): other labels give way to them, so that one party is never labelled
  // without the other. Not faded by markers: the feature state `covered` is not read.
  const party = (kind: LabelKind): LayerSpecification => {
    const look = labelLook(kind, theme, (o) => o);
    return {
      id: `basemap-label-party-${kind}`,
      type: 'symbol',
      source,
      filter: ['all', byLayer('label'), ofKind(kind), isParty],
      ...ZOOMS[kind],
      layout: { ...look.layout, 'text-allow-overlap': true },
      paint: look.paint,
    } as LayerSpecification;
  };
  return [
    {
      id: 'basemap-label-sea',
      type: 'symbol',
      source,
      filter: ['all', byLayer('label'), ofKind('sea')],
      minzoom: 3,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT.italic],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 8, 16],
        'text-letter-spacing': 0.08,
        'text-max-width': 6,
      },
      paint: {
        'text-color': theme.seaLabel,
        'text-halo-color': theme.water,
        'text-halo-width': 1,
        'text-opacity': uncovered(1),
        'text-opacity-transition': { duration: 0 },
      },
    },
    other('country'),
    other('region'),
    party('region'),
    party('country'),
  ];
}

/**
 * The embedded basemap as a complete MapLibre style: the coarse world first, then the detailed
 * region on a water box of its own (so the coarse coastline never shows through), then labels.
 */
export function buildBasemapStyle(options: BasemapStyleOptions): StyleSpecification {
  const theme = options.theme ?? LOCATOR_THEME;
  const focus = options.focusCountries ?? [];
  const parties = options.partyCountries ?? [];
  return {
    version: 8,
    name: 'Article Atlas embedded basemap',
    'font-faces': options.fontFaces,
    sources: {
      [BASEMAP_SOURCE.world]: {
        type: 'geojson',
        data: options.worldUrl,
        attribution: BASEMAP_ATTRIBUTION,
        tolerance: 0.5,
      },
      [BASEMAP_SOURCE.region]: {
        type: 'geojson',
        data: options.regionUrl,
        attribution: BASEMAP_ATTRIBUTION,
        tolerance: 0.3,
        maxzoom: 12,
        promoteId: 'name',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.water } },
      ...landLayers(BASEMAP_SOURCE.world, 'world', theme, focus),
      {
        id: 'region-sea',
        type: 'fill',
        source: BASEMAP_SOURCE.region,
        filter: byLayer('sea'),
        paint: { 'fill-color': theme.water, 'fill-antialias': false },
      },
      ...landLayers(BASEMAP_SOURCE.region, 'region', theme, focus),
      ...labelLayers(theme, parties),
    ],
  };
}
