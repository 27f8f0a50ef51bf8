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

/** The basemap's label layers; article markers may fade these where they must sit on them. */
export const BASEMAP_LABEL_LAYERS = ['basemap-label-sea', 'basemap-label-country', 'basemap-label-region'];

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

function labelLayers(theme: BasemapTheme): LayerSpecification[] {
  const source = BASEMAP_SOURCE.region;
  return [
    {
      id: 'basemap-label-sea',
      type: 'symbol',
      source,
      filter: ['all', byLayer('label'), ['==', ['get', 'kind'], 'sea']],
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
    {
      id: 'basemap-label-country',
      type: 'symbol',
      source,
      filter: ['all', byLayer('label'), ['==', ['get', 'kind'], 'country']],
      minzoom: 3,
      maxzoom: 10,
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
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 8, uncovered(1), 10, uncovered(0.6)],
        'text-opacity-transition': { duration: 0 },
      },
    },
    {
      id: 'basemap-label-region',
      type: 'symbol',
      source,
      filter: ['all', byLayer('label'), ['==', ['get', 'kind'], 'region']],
      minzoom: 5,
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
        'text-opacity': uncovered(1),
        'text-opacity-transition': { duration: 0 },
      },
    },
  ];
}

/**
 * The embedded basemap as a complete MapLibre style: the coarse world first, then the detailed
 * region on a water box of its own (so the coarse coastline never shows through), then labels.
 */
export function buildBasemapStyle(options: BasemapStyleOptions): StyleSpecification {
  const theme = options.theme ?? LOCATOR_THEME;
  const focus = options.focusCountries ?? [];
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
      ...labelLayers(theme),
    ],
  };
}
