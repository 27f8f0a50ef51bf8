import type { Feature, FeatureCollection } from 'geojson';
import { regionLabelAnchors, type MapPlaceProperties } from '../atlas-summary';
import {
  ATLAS_THEME,
  BORDER_CASING_OPACITY,
  BORDER_CASING_WIDTH,
  BORDER_WIDTH,
  CIRCLE_RADIUS,
  CIRCLE_STROKE_WIDTH,
  COAST_WIDTH,
  COUNTRY_LABEL_OPACITY,
  DISPUTED_DASH,
  HATCH_OPACITY,
  HATCH_SIZE,
  LABEL_LOOKS,
  LABEL_ZOOMS,
  LOCATOR_THEME,
  PLACE_LABEL_ANCHORS,
  PLACE_LABEL_FONT,
  PLACE_LABEL_HALO,
  PLACE_LABEL_OFFSET,
  PLACE_LABEL_SIZE,
  REGION_FILL_OPACITY,
  REGION_OUTLINE_DASH,
  REGION_OUTLINE_WIDTH,
  valueAtZoom,
  type LabelFont,
  type LabelLook,
} from '../map-look';
import type { PlaceGeometry } from '../types';
import type { Bounds } from '../view';
import {
  breakLines,
  LABEL_PADDING_PX,
  LINE_HEIGHT_EM,
  placeLabels,
  textWidthEm,
  type Box,
  type LabelCandidate,
} from './label-placement';
import { svg, text, type SvgElement, type SvgNode } from './svg-tree';
import {
  cameraForBounds,
  frameRect,
  MAP_CAMERA,
  scaleAt,
  viewRect,
  worldPoint,
  type Size,
  type WorldPoint,
  type WorldRect,
} from './web-mercator';

/** A label point of the basemap (public/basemap/labels.geojson), with the zooms it shows at. */
export interface BasemapLabel {
  id: string;
  kind: 'country' | 'region' | 'sea';
  name: string;
  /** ISO 3166-1 alpha-2 code of the land it names. */
  country?: string;
  /** Its own first zoom; `from`: its anchor's first zoom (a party's label shows from it); `until`: its last. */
  minzoom: number;
  from: number;
  until: number;
  at: [number, number];
}

/** The basemap around a view, in zoom-0 world pixels, as MapLibre's tiles hold it (scripts/first-screen-basemap.ts). */
export interface BasemapExtract {
  /** The part of the world it covers (the view's frame, grown on every side). */
  area: WorldRect;
  /** Land by country (ISO alpha-2, or '' for land of unresolved status with no code): its rings. */
  land: { country: string; rings: WorldPoint[][] }[];
  coast: WorldPoint[][];
  border: WorldPoint[][];
  disputed: WorldPoint[][];
  labels: BasemapLabel[];
}

export interface FirstScreenInput {
  basemap: BasemapExtract;
  places: FeatureCollection<PlaceGeometry, MapPlaceProperties>;
  focusCountries: readonly string[];
  partyCountries: readonly string[];
  /**
   * The other names drawn under a contested place's name, as its marker shows them (by place id),
   * so that the first screen names every side's name: `Xankəndi · Ստեփանակերտ`.
   */
  otherNames?: ReadonlyMap<string, string>;
  /** The view's frame, [west, south, east, north], fitted as MapLibre fits it. */
  frame: Bounds;
  /** The map element the view is drawn for. */
  size: Size;
  /** What the view shows, for the map's accessible name: `Map of ${title}: places …`. */
  title: string;
}

/** The hatching's pattern id: one first-screen map per page. */
export const HATCH_PATTERN_ID = 'first-screen-hatch';
const BORDER_PATH_ID = 'first-screen-borders';

/** A number with at most `decimals` decimals and no trailing zeros. */
const num = (n: number, decimals = 4): string => String(Math.round(n * 10 ** decimals) / 10 ** decimals + 0);

/**
 * Path data of lines or rings in the geometry's units (integers: `unit` of them per zoom-0 world
 * pixel), each from an absolute start, then relative steps; steps that round to nothing are left out.
 */
function pathData(lines: readonly WorldPoint[][], unit: number, closed: boolean): string {
  let d = '';
  for (const line of lines) {
    const points = line.map(([x, y]) => [Math.round(x * unit), Math.round(y * unit)] as const);
    const first = points[0];
    if (!first || points.length < 2) continue;
    let steps = '';
    let [px, py] = first;
    for (const [x, y] of points.slice(1)) {
      if (x === px && y === py) continue;
      steps += `${x - px >= 0 && steps ? ' ' : ''}${x - px}${y - py >= 0 ? ' ' : ''}${y - py}`;
      [px, py] = [x, y];
    }
    if (steps) d += `M${first[0]} ${first[1]}l${steps}${closed ? 'z' : ''}`;
  }
  return d;
}

function ringsOf(geometry: PlaceGeometry): WorldPoint[][] {
  if (geometry.type === 'Point') return [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => polygon.map((ring) => ring.map(worldPoint)));
}

const inRect = ([x, y]: WorldPoint, [rx, ry, rw, rh]: WorldRect): boolean =>
  x >= rx && x <= rx + rw && y >= ry && y <= ry + rh;

/** A text's lines and box (centred on its anchor, in pixels), for a label look at a zoom. */
function labelText(name: string, look: LabelLook, zoom: number) {
  const size = valueAtZoom(look.size, zoom);
  const value = look.uppercase ? name.toUpperCase() : name;
  const lines = breakLines(value, look.font, look.maxWidth, look.letterSpacing);
  const width = Math.max(...lines.map((l) => textWidthEm(l, look.font, look.letterSpacing))) * size;
  const height = lines.length * LINE_HEIGHT_EM * size;
  return { size, lines, width, height };
}

const boxAround = ([x, y]: readonly [number, number], width: number, height: number): Box => ({
  x0: x - width / 2 - LABEL_PADDING_PX,
  y0: y - height / 2 - LABEL_PADDING_PX,
  x1: x + width / 2 + LABEL_PADDING_PX,
  y1: y + height / 2 + LABEL_PADDING_PX,
});

/** The weights and style of the map's one family, as SVG presentation attributes. */
const FONT_ATTRS: Record<LabelFont, Record<string, string>> = {
  regular: {},
  italic: { 'font-style': 'italic' },
  semibold: { 'font-weight': '600' },
};

type Anchor = (typeof PLACE_LABEL_ANCHORS)[number];

/** A contested place's other names, under its name: this share of the name's size (as its marker, place-markers.css). */
const OTHER_NAMES_SCALE = 0.85;

/** Where a name sits for a MapLibre text anchor: the middle of its box, from the point, in ems. */
const ANCHOR_OFFSET: Record<Anchor, (widthEm: number, offsetEm: number) => [number, number]> = {
  left: (w, o) => [o + w / 2, 0],
  right: (w, o) => [-o - w / 2, 0],
  top: (_w, o) => [0, o + LINE_HEIGHT_EM / 2],
  bottom: (_w, o) => [0, -o - LINE_HEIGHT_EM / 2],
};

/** One label's text, in pixels about its anchor (a group scaled from viewBox units to pixels). */
function labelNode(
  lines: readonly string[],
  attrs: Record<string, string | number>,
  [dx, dy]: [number, number],
): SvgElement {
  const lineStep = LINE_HEIGHT_EM;
  const firstDy = -((lines.length - 1) * lineStep) / 2;
  const children: SvgNode[] =
    lines.length === 1
      ? [text(lines[0] ?? '')]
      : lines.map((line, i) =>
          svg('tspan', { x: num(dx, 2), dy: `${num(i === 0 ? firstDy : lineStep, 2)}em` }, [text(line)]),
        );
  return svg(
    'text',
    {
      x: num(dx, 2),
      y: num(dy, 2),
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      'paint-order': 'stroke',
      'stroke-linejoin': 'round',
      ...attrs,
    },
    children,
  );
}

/** What a placed label is: a basemap label with its lines, or a place's name with the centres of its spots. */
type LabelKey =
  | { kind: 'basemap'; label: BasemapLabel; lines: string[]; size: number; look: LabelLook }
  | {
      kind: 'place';
      feature: Feature<PlaceGeometry, MapPlaceProperties>;
      anchors: [number, number][];
      /** Each spot's side of its place, as MapLibre's text-anchor names it. */
      sides: Anchor[];
      other?: string;
    };

/**
 * The places in the drawn area and the labels placed on it at a zoom, in MapLibre's order: the
 * parties' labels (always), the places' names (the story's always), then the other basemap labels
 * where there is room; boxes in pixels at that zoom.
 */
function layoutFirstScreen(input: FirstScreenInput, zoom: number) {
  const { basemap } = input;
  const k = scaleAt(zoom);
  const px = ([x, y]: WorldPoint): [number, number] => [x * k, y * k];
  // The places in the drawn area.
  const area = basemap.area;
  const places = input.places.features.filter((f) => {
    if (f.geometry.type === 'Point') return inRect(worldPoint(f.geometry.coordinates), area);
    return ringsOf(f.geometry).some((ring) => ring.some((p) => inRect(p, area)));
  });
  const radius = valueAtZoom(CIRCLE_RADIUS, zoom);
  const ring = CIRCLE_STROKE_WIDTH;
  const symbolBoxes = places.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const [x, y] = px(worldPoint(f.geometry.coordinates));
    const r = radius + ring;
    return [{ x0: x - r, y0: y - r, x1: x + r, y1: y + r }];
  });

  const parties = new Set(input.partyCountries);
  const isParty = (l: BasemapLabel) => l.kind !== 'sea' && l.country !== undefined && parties.has(l.country);
  const shows = (l: BasemapLabel) => {
    const layer: { minzoom?: number; maxzoom?: number } = LABEL_ZOOMS[l.kind];
    return (
      zoom >= (layer.minzoom ?? 0) &&
      zoom < (layer.maxzoom ?? 24) &&
      zoom >= (isParty(l) ? l.from : l.minzoom) &&
      (l.kind === 'sea' || zoom < l.until) &&
      inRect(worldPoint(l.at), area)
    );
  };
  const basemapCandidate = (label: BasemapLabel, required: boolean): LabelCandidate<LabelKey> => {
    const look: LabelLook = LABEL_LOOKS[label.kind];
    const t = labelText(label.name, look, zoom);
    return {
      key: { kind: 'basemap', label, lines: t.lines, size: t.size, look },
      boxes: [boxAround(px(worldPoint(label.at)), t.width, t.height)],
      required,
    };
  };
  const shown = basemap.labels.filter(shows);
  const ofKinds = (kinds: BasemapLabel['kind'][], party: boolean) =>
    kinds.flatMap((kind) => shown.filter((l) => l.kind === kind && isParty(l) === party));
  const placeCandidate = (feature: Feature<PlaceGeometry, MapPlaceProperties>): LabelCandidate<LabelKey> => {
    const size = PLACE_LABEL_SIZE;
    const other = input.otherNames?.get(feature.properties.id);
    const widthEm = Math.max(
      textWidthEm(feature.properties.name, PLACE_LABEL_FONT),
      other ? textWidthEm(other, PLACE_LABEL_FONT) * OTHER_NAMES_SCALE : 0,
    );
    const lines = other ? 1 + OTHER_NAMES_SCALE : 1;
    const o = PLACE_LABEL_OFFSET;
    let spots: [WorldPoint, Anchor][];
    if (feature.geometry.type === 'Point') {
      const at = worldPoint(feature.geometry.coordinates);
      spots = PLACE_LABEL_ANCHORS.map((a) => [at, a]);
    } else {
      const anchors = regionLabelAnchors(feature);
      spots = anchors
        ? [
            [worldPoint(anchors.north), 'bottom'],
            [worldPoint(anchors.south), 'top'],
          ]
        : [];
    }
    // A second line below the name moves the box's centre away from the place by half its height.
    const extra = ((lines - 1) * LINE_HEIGHT_EM) / 2;
    const centres = spots.map(([at, anchor]): [number, number] => {
      const [ox, oy] = ANCHOR_OFFSET[anchor](widthEm, o);
      const [x, y] = px(at);
      const shift = anchor === 'top' ? extra : anchor === 'bottom' ? -extra : 0;
      return [x + ox * size, y + (oy + shift) * size];
    });
    return {
      key: {
        kind: 'place',
        feature,
        anchors: centres,
        sides: spots.map(([, a]) => a),
        ...(other ? { other } : {}),
      },
      boxes: centres.map((c) => boxAround(c, widthEm * size, lines * LINE_HEIGHT_EM * size)),
      required: feature.properties.group === 'story',
    };
  };
  const byGroup = (group: string) => places.filter((f) => f.properties.group === group).map(placeCandidate);
  const placed = placeLabels<LabelKey>(
    [
      ...ofKinds(['country', 'region'], true).map((l) => basemapCandidate(l, true)),
      ...byGroup('story'),
      ...byGroup('reaction'),
      ...ofKinds(['region', 'country', 'sea'], false).map((l) => basemapCandidate(l, false)),
    ],
    symbolBoxes,
  );

  return { places, placed, radius, ring };
}

/** The labels the first screen draws: each one's text (its lines joined by spaces) and box in pixels at the view's zoom. */
export function firstScreenLabels(input: FirstScreenInput): { text: string; box: Box }[] {
  const { placed } = layoutFirstScreen(input, cameraForBounds(input.frame, input.size).zoom);
  return placed.map(({ key, box }) => ({
    text: key.kind === 'basemap' ? key.lines.join(' ') : key.feature.properties.name,
    box,
  }));
}

/**
 * The first screen's map as an SVG tree: the basemap (water, land with the story's countries in
 * the focus colour, coast, borders, disputed lines, the labels MapLibre shows at the view's zoom)
 * and the article's places (regions filled, disputed ones hatched, outlines dashed; points as
 * round symbols) with every story place's name, each place a `#place=ID` link.
 *
 * Scale-independent: the viewBox is the frame in zoom-0 world pixels (to be set inset by the fit
 * padding, `preserveAspectRatio` meet, overflow visible: MapLibre's fitBounds at any size); lines
 * keep their pixel width (`non-scaling-stroke`), and symbols and text sit in groups of class `fs`
 * scaled from viewBox units to pixels (`1 / 2^zoom` at the build; the page's stylesheet rescales
 * them from `--fs-k` once a script fits the map to its real size).
 */
export function renderFirstScreen(input: FirstScreenInput): SvgElement {
  const { basemap, size } = input;
  const camera = cameraForBounds(input.frame, size);
  const zoom = camera.zoom;
  const k = scaleAt(zoom);
  const frame = frameRect(input.frame);
  const fitted = viewRect(camera, size, MAP_CAMERA.fitPadding);
  // The frame itself, unless the zoom was clamped (the frame is then not what the map fits).
  const clamped = Math.abs(Math.min(fitted[2] / frame[2], fitted[3] / frame[3]) - 1) > 1e-9;
  const viewBox = clamped ? fitted : frame;
  const px = ([x, y]: WorldPoint): [number, number] => [x * k, y * k];
  /** Geometry units: a tenth of a pixel at the build's zoom. */
  const unit = 10 * k;
  const geometry = (attrs: Record<string, string | number>, children: SvgNode[]) =>
    svg('g', { transform: `scale(${(1 / unit).toPrecision(8)})`, ...attrs }, children);
  const line = (lines: WorldPoint[][], attrs: Record<string, string | number>): SvgNode[] => {
    const d = pathData(lines, unit, false);
    return d ? [svg('path', { d, fill: 'none', 'vector-effect': 'non-scaling-stroke', ...attrs })] : [];
  };
  const inPixels = (at: WorldPoint, children: SvgNode[]): SvgElement =>
    svg('g', { transform: `translate(${num(at[0])} ${num(at[1])})` }, [
      svg('g', { class: 'fs', transform: `scale(${(1 / k).toPrecision(6)})` }, children),
    ]);

  // The basemap's lines and land.
  const focus = new Set(input.focusCountries);
  const landOf = (isFocus: boolean) =>
    pathData(
      basemap.land.filter((l) => focus.has(l.country) === isFocus).flatMap((l) => l.rings),
      unit,
      true,
    );
  const borderWidth = valueAtZoom(BORDER_WIDTH, zoom);
  const [dash, gap] = DISPUTED_DASH;
  const [ax, ay, aw, ah] = basemap.area;
  const borders = line(basemap.border, {
    id: BORDER_PATH_ID,
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
  });
  const base: SvgNode[] = [
    svg('rect', { x: num(ax), y: num(ay), width: num(aw), height: num(ah), fill: LOCATOR_THEME.water }),
    geometry({}, [
      svg('path', { d: landOf(false), fill: LOCATOR_THEME.land, 'fill-rule': 'evenodd' }),
      svg('path', { d: landOf(true), fill: LOCATOR_THEME.landFocus, 'fill-rule': 'evenodd' }),
      ...line(basemap.coast, {
        stroke: LOCATOR_THEME.coast,
        'stroke-width': num(valueAtZoom(COAST_WIDTH, zoom), 2),
      }),
      // The borders twice, casing and line: one path (in defs), drawn by reference.
      ...(borders.length
        ? [
            svg('use', {
              href: `#${BORDER_PATH_ID}`,
              stroke: LOCATOR_THEME.borderCasing,
              'stroke-opacity': BORDER_CASING_OPACITY,
              'stroke-width': num(valueAtZoom(BORDER_CASING_WIDTH, zoom), 2),
            }),
            svg('use', {
              href: `#${BORDER_PATH_ID}`,
              stroke: LOCATOR_THEME.border,
              'stroke-width': num(borderWidth, 2),
            }),
          ]
        : []),
      ...line(basemap.disputed, {
        stroke: LOCATOR_THEME.border,
        'stroke-width': num(borderWidth, 2),
        'stroke-dasharray': `${num(dash * borderWidth, 2)} ${num(gap * borderWidth, 2)}`,
      }),
    ]),
  ];

  const { places, placed, radius, ring } = layoutFirstScreen(input, zoom);

  const basemapLabels = placed.flatMap(({ key }) => {
    if (key.kind !== 'basemap') return [];
    const { label, lines, size, look } = key;
    const colour = label.kind === 'sea' ? LOCATOR_THEME.seaLabel : LOCATOR_THEME.countryLabel;
    const halo = label.kind === 'sea' ? LOCATOR_THEME.water : LOCATOR_THEME.labelHalo;
    const opacity = label.kind === 'country' ? valueAtZoom(COUNTRY_LABEL_OPACITY, zoom) : 1;
    return [
      inPixels(worldPoint(label.at), [
        labelNode(
          lines,
          {
            ...FONT_ATTRS[look.font],
            'font-size': num(size, 2),
            ...(look.letterSpacing ? { 'letter-spacing': `${look.letterSpacing}em` } : {}),
            fill: colour,
            ...(opacity < 1 ? { 'fill-opacity': num(opacity, 2) } : {}),
            stroke: halo,
            'stroke-width': num(2 * look.haloWidth, 2),
          },
          [0, 0],
        ),
      ]),
    ];
  });
  const nameAt = new Map(
    placed.flatMap(({ key, choice }) =>
      key.kind === 'place'
        ? [
            [
              key.feature.properties.id,
              { at: key.anchors[choice]!, side: key.sides[choice]!, other: key.other },
            ] as const,
          ]
        : [],
    ),
  );

  // The places: regions under points, reactions under the story's places.
  const order = (f: Feature<PlaceGeometry, MapPlaceProperties>) =>
    (f.geometry.type === 'Point' ? 2 : 0) + (f.properties.group === 'story' ? 1 : 0);
  const placeNodes = [...places]
    .sort((a, b) => order(a) - order(b))
    .map((feature) => {
      const { id, name, group, disputed } = feature.properties;
      const link = (nodes: SvgNode[]) =>
        svg('a', { href: `#place=${id}`, 'data-place': id, 'aria-label': name }, nodes);
      const nameNodes = (origin: WorldPoint): SvgNode[] => {
        const spot = nameAt.get(id);
        if (!spot) return [];
        const [ox, oy] = px(origin);
        return [placeName(name, spot.other, [spot.at[0] - ox, spot.at[1] - oy], spot.side)];
      };
      if (feature.geometry.type === 'Point') {
        const origin = worldPoint(feature.geometry.coordinates);
        const colour = group === 'story' ? ATLAS_THEME.story : ATLAS_THEME.reaction;
        const symbol = svg('circle', {
          r: num(radius + ring / 2, 2),
          fill: colour,
          stroke: ATLAS_THEME.halo,
          'stroke-width': ring,
        });
        return link([inPixels(origin, [symbol, ...nameNodes(origin)])]);
      }
      const d = pathData(ringsOf(feature.geometry), unit, true);
      const width = valueAtZoom(REGION_OUTLINE_WIDTH, zoom);
      const [on, off] = REGION_OUTLINE_DASH;
      const region = geometry({}, [
        svg('path', { d, fill: ATLAS_THEME.region, 'fill-opacity': REGION_FILL_OPACITY }),
        ...(disputed ? [svg('path', { d, fill: `url(#${HATCH_PATTERN_ID})`, opacity: HATCH_OPACITY })] : []),
        svg('path', {
          d,
          fill: 'none',
          stroke: ATLAS_THEME.region,
          'stroke-width': num(width, 2),
          'stroke-dasharray': `${num(on * width, 2)} ${num(off * width, 2)}`,
          'stroke-linejoin': 'round',
          'vector-effect': 'non-scaling-stroke',
        }),
      ]);
      const north = regionLabelAnchors(feature)?.north;
      const origin = north ? worldPoint(north) : undefined;
      const names = origin ? nameNodes(origin) : [];
      return link(origin && names.length ? [region, inPixels(origin, names)] : [region]);
    });

  const named = places.map((f) => f.properties.name);
  return svg(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'first-screen-map',
      viewBox: viewBox.map((n) => num(n)).join(' '),
      preserveAspectRatio: 'xMidYMid meet',
      'aria-label': `Map of ${input.title}: places ${named.join(', ')}`,
      'data-zoom': num(zoom, 6),
      // Hidden before the first paint where the link asks for another atlas (src/ui/styles.css).
      'data-prerendered': '',
      // The part of the world drawn: the picture's camera stays within it (src/map/svg-map.ts).
      'data-area': basemap.area.map((n) => num(n)).join(' '),
    },
    [
      svg('defs', {}, [
        // MapLibre draws a fill pattern at its size in the tiles of the zoom's whole part, so it
        // grows with the fraction (8 px at zoom 5, 15.5 px at 5.95, measured 15 in its screenshot).
        hatchPattern((unit / k) * 2 ** (zoom - Math.floor(zoom))),
        ...borders,
      ]),
      svg('g', { 'aria-hidden': 'true' }, [...base, ...basemapLabels]),
      svg('g', { class: 'first-screen-places' }, placeNodes),
    ],
  );
}

/**
 * A place's name at its spot (the middle of its box, in pixels from the place's anchor), with its
 * other names under it, smaller and lighter, where it is contested.
 */
function placeName(name: string, other: string | undefined, at: [number, number], side: Anchor): SvgElement {
  const attrs = {
    ...FONT_ATTRS[PLACE_LABEL_FONT],
    'font-size': PLACE_LABEL_SIZE,
    fill: ATLAS_THEME.label,
    stroke: ATLAS_THEME.halo,
    'stroke-width': 2 * PLACE_LABEL_HALO,
  };
  if (!other) return labelNode([name], attrs, at);
  // Beside its place, the lines start (or end) at the box's edge next to it, so that a longer
  // line than its estimate never runs over the place's symbol.
  const width = Math.max(
    textWidthEm(name, PLACE_LABEL_FONT),
    textWidthEm(other, PLACE_LABEL_FONT) * OTHER_NAMES_SCALE,
  );
  const edge = (width * PLACE_LABEL_SIZE) / 2;
  const anchor = side === 'left' ? 'start' : side === 'right' ? 'end' : 'middle';
  const dx = at[0] + (side === 'left' ? -edge : side === 'right' ? edge : 0);
  const dy = at[1];
  // The two lines' middles, in ems of the name: the box is 1 + OTHER_NAMES_SCALE lines high.
  const up = (OTHER_NAMES_SCALE * LINE_HEIGHT_EM) / 2;
  return svg(
    'text',
    {
      x: num(dx, 2),
      y: num(dy, 2),
      'text-anchor': anchor,
      'dominant-baseline': 'central',
      'paint-order': 'stroke',
      'stroke-linejoin': 'round',
      ...attrs,
    },
    [
      svg('tspan', { x: num(dx, 2), dy: `${num(-up, 3)}em` }, [text(name)]),
      svg(
        'tspan',
        {
          x: num(dx, 2),
          dy: `${num((LINE_HEIGHT_EM * (1 + OTHER_NAMES_SCALE)) / 2 / OTHER_NAMES_SCALE, 3)}em`,
          'font-size': num(PLACE_LABEL_SIZE * OTHER_NAMES_SCALE, 2),
          'font-weight': '400',
          fill: LOCATOR_THEME.countryLabel,
        },
        [text(other)],
      ),
    ],
  );
}

/**
 * The disputed region's hatching, as MapLibre draws its 8-pixel image (atlas-layers.ts, hatchImage):
 * one diagonal band two pixels wide per tile; `unitsPerPixel`: geometry units per pixel of the image.
 */
function hatchPattern(unitsPerPixel: number): SvgElement {
  const tile = HATCH_SIZE;
  const side = num(tile * unitsPerPixel, 3);
  // The image's pixels where (x + y) mod 8 is 0 or 7: bands centred on x + y = 8.5 (and 0.5, 16.5), √2 wide.
  const bands = [0.5, tile + 0.5, 2 * tile + 0.5]
    .map((c) => `M${c - tile - 1} ${tile + 1}L${c + 1} ${-1}`)
    .join('');
  return svg(
    'pattern',
    {
      id: HATCH_PATTERN_ID,
      patternUnits: 'userSpaceOnUse',
      width: side,
      height: side,
      viewBox: `0 0 ${tile} ${tile}`,
    },
    [svg('path', { d: bands, stroke: ATLAS_THEME.region, 'stroke-width': num(Math.SQRT2, 3), fill: 'none' })],
  );
}
