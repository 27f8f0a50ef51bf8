import type {
  ExpressionSpecification,
  FontFacesSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import {
  BORDER_CASING_OPACITY,
  BORDER_CASING_WIDTH,
  BORDER_WIDTH,
  COAST_WIDTH,
  COUNTRY_LABEL_OPACITY,
  DISPUTED_DASH,
  LABEL_LOOKS,
  LABEL_ZOOMS,
  type LabelLook,
} from '../domain/map-look';
import { FONT } from './font-names';
import { LOCATOR_THEME, type BasemapTheme } from './basemap-theme';
import { BASEMAP_TILES } from './basemap-tiles';
import { byZoom } from './zoom-expression';

/** Source ids of the embedded basemap: the world's vector tiles, and the label points. */
export const BASEMAP_SOURCE = { tiles: 'basemap', labels: 'basemap-labels' } as const;

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
  /** URL template of the vector tiles, with `{z}`, `{x}` and `{y}` (Natural Earth 1:10m). */
  tilesUrl: string;
  /** URL of `labels.geojson`: the label points of countries, disputed areas, seas and regions. */
  labelsUrl: string;
  /** Self-hosted font files; the style has no `glyphs` URL. */
  fontFaces: FontFacesSpecification;
  /** ISO 3166-1 alpha-2 codes of the countries whose land is drawn in the lighter "focus" colour. */
  focusCountries?: readonly string[];
  /** ISO 3166-1 alpha-2 codes of the story's parties, whose labels are drawn together, always. */
  partyCountries?: readonly string[];
  theme?: BasemapTheme;
}

function landColor(theme: BasemapTheme, focus: readonly string[]): ExpressionSpecification | string {
  if (focus.length === 0) return theme.land;
  return ['match', ['get', 'country'], [...focus], theme.landFocus, theme.land];
}

/** The land, its coast, borders and disputed lines, bottom to top. */
export function landLayers(theme: BasemapTheme, focus: readonly string[]): LayerSpecification[] {
  const source = BASEMAP_SOURCE.tiles;
  const borderWidth = byZoom(BORDER_WIDTH);
  return [
    {
      id: 'basemap-land',
      type: 'fill',
      source,
      'source-layer': 'land',
      paint: { 'fill-color': landColor(theme, focus), 'fill-antialias': false },
    },
    {
      id: 'basemap-coast',
      type: 'line',
      source,
      'source-layer': 'coast',
      paint: {
        'line-color': theme.coast,
        'line-width': byZoom(COAST_WIDTH),
      },
    },
    {
      id: 'basemap-border-casing',
      type: 'line',
      source,
      'source-layer': 'border',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': theme.borderCasing,
        'line-opacity': BORDER_CASING_OPACITY,
        'line-width': byZoom(BORDER_CASING_WIDTH),
      },
    },
    {
      id: 'basemap-border',
      type: 'line',
      source,
      'source-layer': 'border',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.border, 'line-width': borderWidth },
    },
    // Lines that are no agreed border (the edge of land under dispute): dashed, with no casing.
    {
      id: 'basemap-disputed',
      type: 'line',
      source,
      'source-layer': 'disputed',
      paint: {
        'line-color': theme.border,
        'line-width': borderWidth,
        'line-dasharray': [...DISPUTED_DASH],
      },
    },
  ];
}

type LabelKind = 'country' | 'region';

/** A label's text: its field, font, size, spacing and line width, from the map's look. */
function textLayout(rules: LabelLook) {
  return {
    'text-field': ['get', 'name'],
    'text-font': [FONT[rules.font]],
    'text-size': byZoom(rules.size),
    ...(rules.letterSpacing ? { 'text-letter-spacing': rules.letterSpacing } : {}),
    'text-max-width': rules.maxWidth,
  } satisfies Extract<LayerSpecification, { type: 'symbol' }>['layout'];
}

/** A label's layout and paint by kind; a party's label looks like any other of its kind. */
function labelLook(
  kind: LabelKind,
  theme: BasemapTheme,
  opacity: (o: number) => ExpressionSpecification | number,
): Pick<Extract<LayerSpecification, { type: 'symbol' }>, 'layout' | 'paint'> {
  const rules: LabelLook = LABEL_LOOKS[kind];
  return {
    layout: { ...textLayout(rules), ...(rules.uppercase ? { 'text-transform': 'uppercase' as const } : {}) },
    paint: {
      'text-color': theme.countryLabel,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': rules.haloWidth,
      'text-opacity': kind === 'country' ? byZoom(COUNTRY_LABEL_OPACITY, opacity) : opacity(1),
      'text-opacity-transition': { duration: 0 },
    },
  };
}

const ZOOMS: Record<LabelKind, { minzoom: number; maxzoom?: number }> = LABEL_ZOOMS;

/**
 * A label shows up to its anchor's last zoom (`until`: a wide country has one label at low zooms
 * and one in each band of longitude further in), from its own first zoom (`minzoom`, also from
 * the country's area: small countries appear later), and a party's label from its anchor's first
 * zoom (`from`). The labels file lists larger countries first: MapLibre places them first.
 */
const untilLastZoom: ExpressionSpecification = ['<', ['zoom'], ['get', 'until']];
const fromZoom = (first: string): ExpressionSpecification => ['>=', ['zoom'], ['get', first]];
const fromOwnZoom = fromZoom('minzoom');

function labelLayers(theme: BasemapTheme, parties: readonly string[]): LayerSpecification[] {
  const source = BASEMAP_SOURCE.labels;
  const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
  const isParty: ExpressionSpecification = ['in', ['get', 'country'], ['literal', [...parties]]];
  const other = (kind: LabelKind): LayerSpecification => {
    const look = labelLook(kind, theme, uncovered);
    return {
      id: `basemap-label-${kind}`,
      type: 'symbol',
      source,
      filter: ['all', ofKind(kind), ['!', isParty], fromOwnZoom, untilLastZoom],
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
      filter: ['all', ofKind(kind), isParty, fromZoom('from'), untilLastZoom],
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
      filter: ['all', ofKind('sea'), fromOwnZoom],
      layout: textLayout(LABEL_LOOKS.sea),
      paint: {
        'text-color': theme.seaLabel,
        'text-halo-color': theme.water,
        'text-halo-width': LABEL_LOOKS.sea.haloWidth,
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
 * The embedded basemap as a complete MapLibre style: Natural Earth 1:10m for the whole world as
 * vector tiles (overzoomed past their last zoom), then the labels from their GeoJSON file.
 */
export function buildBasemapStyle(options: BasemapStyleOptions): StyleSpecification {
  const theme = options.theme ?? LOCATOR_THEME;
  const focus = options.focusCountries ?? [];
  const parties = options.partyCountries ?? [];
  return {
    version: 8,
    'font-faces': options.fontFaces,
    sources: {
      [BASEMAP_SOURCE.tiles]: {
        type: 'vector',
        tiles: [options.tilesUrl],
        maxzoom: BASEMAP_TILES.maxzoom,
        attribution: BASEMAP_ATTRIBUTION,
      },
      // GeoJSON (small), so that a label's feature state can fade it under a marker. Its
      // attribution is the tiles' (MapLibre shows each once).
      [BASEMAP_SOURCE.labels]: {
        type: 'geojson',
        data: options.labelsUrl,
        maxzoom: 12,
        promoteId: 'id',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.water } },
      ...landLayers(theme, focus),
      ...labelLayers(theme, parties),
    ],
  };
}
