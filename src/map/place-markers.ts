import './place-markers.css';
import { Marker, type LngLatLike, type Map as MapLibreMap } from 'maplibre-gl';
import { el } from '../dom/el';
import { layoutMarkers, type Box, type LayoutCandidate, type Obstacle } from './marker-layout';

/** What a marker shows about a place: computed by the caller from the atlas. */
export interface MarkerPlace {
  id: string;
  kind: 'point' | 'region';
  name: string;
  /** The language of `name` when it is not the article's (a name set's), and its Latin letters. */
  nameLang?: string;
  latinName?: string;
  /** Other names shown small under the name (for contested places), e.g. `Xankəndi · Ստեփանակերտ`. */
  altLine?: { text: string; lang?: string }[];
  caption?: string;
  factCount: number;
  /** The place has no fact among those a date filter shows: its marker is dimmed. */
  outside?: boolean;
  /** Status words shown for disputed places, e.g. `Disputed`. */
  badge?: string;
  /** Ranking among places in view: higher first. */
  priority: number;
  /** The place's position in the article's order of places: the markers' order for Tab and screen readers. */
  order: number;
  /** Point position, or for a region its [west, south, east, north] and label anchors. */
  lngLat: [number, number];
  north?: [number, number];
  south?: [number, number];
  bbox?: [number, number, number, number];
}

type Size = 'full' | 'compact' | 'name';
type Side = 'right' | 'left' | 'above' | 'below';
type Mode = `${Size}-${Side}` | 'dot';

/** A mode and how far the annotation is moved from its usual spot (a leader line then joins them). */
interface Placement {
  mode: Mode;
  dx: number;
  dy: number;
}

const SIZES: Size[] = ['full', 'compact', 'name'];
const POINT_SIDES: Side[] = ['right', 'left', 'below', 'above'];
const REGION_SIDES: Side[] = ['above', 'below'];
const POINT_MODES: Mode[] = [
  ...SIZES.flatMap((size) => POINT_SIDES.map((side) => `${size}-${side}` as const)),
  'dot',
];
const REGION_MODES: Mode[] = SIZES.flatMap((size) => REGION_SIDES.map((side) => `${size}-${side}` as const));
const ALL_MODES: Mode[] = [...new Set([...POINT_MODES, ...REGION_MODES])];
const TIER: Record<Size | 'dot', number> = { full: 0, compact: 1, name: 2, dot: 3 };
const MODE_CLASSES = [
  'mode-full',
  'mode-compact',
  'mode-name',
  'mode-dot',
  'side-right',
  'side-left',
  'side-above',
  'side-below',
  'has-leader',
];

/**
 * Where a point's annotation may move when its own spot is taken, joined to its dot by a leader
 * line: away from the dot on its side, straight or at 45°, in steps of this many pixels.
 */
const LEADER_STEPS = [20, 40, 60];
const LEADER_DIRECTIONS: Record<Side, [number, number][]> = {
  right: [
    [1, 0],
    [1, -1],
    [1, 1],
  ],
  left: [
    [-1, 0],
    [-1, -1],
    [-1, 1],
  ],
  above: [
    [0, -1],
    [1, -1],
    [-1, -1],
  ],
  below: [
    [0, 1],
    [1, 1],
    [-1, 1],
  ],
};
/** A leader line starts this far from the point (the dot's radius) and is drawn when longer than this. */
const DOT_RADIUS = 7;

const modesOf = (place: MarkerPlace): Mode[] => (place.kind === 'region' ? REGION_MODES : POINT_MODES);

function setModeClasses(entry: Entry, mode: Mode): void {
  const root = entry.marker.getElement();
  root.classList.remove(...MODE_CLASSES);
  const [size, side] = mode.split('-') as [string, string | undefined];
  root.classList.add(`mode-${size}`);
  if (side) root.classList.add(`side-${side}`);
}

/** The nearest point of a box to the origin. */
const nearestTo0 = (b: Box): [number, number] => [
  Math.min(Math.max(0, b.left), b.right),
  Math.min(Math.max(0, b.top), b.bottom),
];

export interface PlaceMarkersOptions {
  /** At most this many DOM markers at once; the rest of the places are GPU layers only. */
  maxMarkers: number;
  onActivate: (placeId: string, button: HTMLButtonElement) => void;
  /**
   * Other labels (the basemap's) under a screen box, which markers avoid where they can; a fixed
   * one they never cover.
   */
  obstaclesUnder?: (box: Box) => Obstacle[];
  /**
   * Called after each layout with the obstacles that markers had to cover and the places whose
   * markers show their name (a place shown by a bare dot is not among them).
   */
  onLayout?: (covered: Set<string>, named: string[]) => void;
}

interface Entry {
  place: MarkerPlace;
  marker: Marker;
  button: HTMLButtonElement;
  annotation: HTMLElement;
  leader: HTMLElement;
  /**
   * What a mode shows (the annotation's box, or a bare dot's), relative to the mode's anchor point:
   * measured once, so that a layout is arithmetic and does not make the browser lay out the page
   * again and again.
   */
  offsets: Map<Mode, Box>;
}

/**
 * DOM markers for the few annotated places in view: real buttons with an accessible name, laid out
 * so that they do not collide with each other (falling back from full annotation to name only to a
 * bare dot) and, where possible, with the basemap's labels.
 */
export class PlaceMarkers {
  private readonly entries = new Map<string, Entry>();
  private selected: string | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly places: readonly MarkerPlace[],
    private readonly options: PlaceMarkersOptions,
  ) {
    map.on('moveend', this.onMapChange);
    map.on('resize', this.onMapChange);
    // Sizes measured before the web fonts arrived are off: measure again once they have.
    document.fonts.addEventListener('loadingdone', this.onFontsLoaded);
  }

  private readonly onMapChange = (): void => this.update();

  /** Removes every marker and stops following the map and the fonts. */
  remove(): void {
    this.map.off('moveend', this.onMapChange);
    this.map.off('resize', this.onMapChange);
    document.fonts.removeEventListener('loadingdone', this.onFontsLoaded);
    for (const entry of this.entries.values()) entry.marker.remove();
    this.entries.clear();
  }

  private readonly onFontsLoaded = (event: FontFaceSetLoadEvent) => {
    // The map's own label fonts load through document.fonts too; only the markers' fonts matter.
    const first = this.entries.values().next().value;
    if (!first) return;
    const unquote = (family: string) => family.replace(/["']/g, '');
    const families = unquote(getComputedStyle(first.button).fontFamily)
      .split(',')
      .map((f) => f.trim());
    if (!event.fontfaces.some((face) => families.includes(unquote(face.family)))) return;
    this.measure([...this.entries.values()]);
    this.update();
  };

  /** The marker button of a place, when it has one now. */
  button(placeId: string): HTMLButtonElement | undefined {
    return this.entries.get(placeId)?.button;
  }

  setSelected(placeId: string | null): void {
    this.selected = placeId;
    for (const [id, entry] of this.entries) entry.button.classList.toggle('is-selected', id === placeId);
  }

  setExpanded(placeId: string | null, popupId?: string): void {
    for (const [id, entry] of this.entries) {
      entry.button.setAttribute('aria-expanded', String(id === placeId));
      if (id === placeId && popupId) entry.button.setAttribute('aria-controls', popupId);
      else entry.button.removeAttribute('aria-controls');
    }
  }

  /** Chooses the places in view, creates or removes their markers, and lays them out. */
  update(): void {
    const bounds = this.map.getBounds();
    const inView = this.places
      .filter((p) =>
        p.bbox
          ? bounds.getWest() < p.bbox[2] &&
            bounds.getEast() > p.bbox[0] &&
            bounds.getSouth() < p.bbox[3] &&
            bounds.getNorth() > p.bbox[1]
          : bounds.contains(p.lngLat),
      )
      .sort((a, b) => b.priority - a.priority)
      .slice(0, this.options.maxMarkers);
    const keep = new Set(inView.map((p) => p.id));
    for (const [id, entry] of this.entries) {
      if (!keep.has(id) && document.activeElement !== entry.button) {
        entry.marker.remove();
        this.entries.delete(id);
      }
    }
    const created = inView.filter((p) => !this.entries.has(p.id)).map((p) => this.create(p));
    for (const entry of created) this.entries.set(entry.place.id, entry);
    this.measure(created);
    this.layout(inView);
    this.putInReadingOrder();
  }

  /**
   * Puts the marker elements in the article's order of places, so that Tab and a screen reader go
   * through them in reading order, whatever their layout priority. The focused marker stays where
   * it is in the document (moving it would drop the focus); the others are put around it.
   */
  private putInReadingOrder(): void {
    const entries = [...this.entries.values()].sort((a, b) => a.place.order - b.place.order);
    const roots = entries.map((e) => e.marker.getElement());
    const parent = roots[0]?.parentElement;
    if (!parent) return;
    const now = [...parent.children].filter((c) => roots.includes(c as HTMLElement));
    if (now.every((c, i) => c === roots[i])) return;
    const focused = roots.findIndex((r) => r.contains(document.activeElement));
    if (focused < 0) {
      parent.append(...roots);
      return;
    }
    roots[focused]!.before(...roots.slice(0, focused));
    roots[focused]!.after(...roots.slice(focused + 1));
  }

  private create(place: MarkerPlace): Entry {
    const facts = `${place.factCount} ${place.factCount === 1 ? 'fact' : 'facts'}`;
    // The button's accessible name is its text, so that what is read is what is shown (WCAG 2.5.3);
    // parts a layout hides from sight stay in the name, visually hidden, with spoken separators.
    const part = (className: string, text: string, lang?: string) =>
      el('span', { className, text, attrs: lang ? { lang } : {} });
    const pause = () => part('visually-hidden', '. ');
    const name = part('marker-name', place.name, place.nameLang);
    if (place.latinName) name.title = place.latinName;
    if (place.badge) name.append(' ', part('marker-badge', place.badge));
    const alt = place.altLine?.length
      ? el(
          'span',
          { className: 'marker-alt' },
          place.altLine.flatMap((p, i) => [i > 0 ? ' · ' : null, part('', p.text, p.lang)]),
        )
      : null;
    const annotation = el('span', { className: 'marker-annotation' }, [
      name,
      ...(alt ? [pause(), alt] : []),
      ...(place.caption ? [pause(), part('marker-caption', place.caption)] : []),
      pause(),
      part('marker-count', facts),
    ]);
    const button = el(
      'button',
      {
        className: 'place-marker-button',
        attrs: { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
      },
      [place.kind === 'point' ? el('span', { className: 'marker-hit' }) : null, annotation],
    );
    const leader = el('span', { className: 'marker-leader' });
    button.classList.toggle('is-selected', place.id === this.selected);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      this.options.onActivate(place.id, button);
    });
    const root = el(
      'div',
      {
        className: `place-marker kind-${place.kind}${place.outside ? ' is-outside' : ''}`,
        attrs: { 'data-place-id': place.id },
      },
      [leader, button],
    );
    const marker = new Marker({ element: root, anchor: 'center' }).setLngLat(place.lngLat).addTo(this.map);
    return { place, marker, button, annotation, leader, offsets: new Map() };
  }

  private anchorOf(place: MarkerPlace, mode: Mode): LngLatLike {
    if (place.kind !== 'region') return place.lngLat;
    if (mode.endsWith('above')) return place.north ?? place.lngLat;
    if (mode.endsWith('below')) return place.south ?? place.lngLat;
    return place.lngLat;
  }

  private apply(entry: Entry, placement: Placement): void {
    const { mode, dx, dy } = placement;
    setModeClasses(entry, mode);
    entry.marker.setLngLat(this.anchorOf(entry.place, mode));
    const root = entry.marker.getElement();
    root.style.setProperty('--dx', `${dx}px`);
    root.style.setProperty('--dy', `${dy}px`);
    const line = this.leaderOf(entry, placement);
    if (!line) return;
    root.classList.add('has-leader');
    root.style.setProperty('--leader-x', `${line.x0}px`);
    root.style.setProperty('--leader-y', `${line.y0}px`);
    root.style.setProperty('--leader-length', `${Math.hypot(line.x1 - line.x0, line.y1 - line.y0)}px`);
    root.style.setProperty('--leader-angle', `${Math.atan2(line.y1 - line.y0, line.x1 - line.x0)}rad`);
  }

  /**
   * The line that joins a moved annotation to its place, relative to the place: from the dot's
   * edge (a region's anchor point) to the annotation's nearest point; none when they nearly touch.
   */
  private leaderOf(
    entry: Entry,
    { mode, dx, dy }: Placement,
  ): { x0: number; y0: number; x1: number; y1: number } | undefined {
    const o = entry.offsets.get(mode);
    if (!o || (dx === 0 && dy === 0)) return undefined;
    const [x, y] = nearestTo0({
      left: o.left + dx,
      top: o.top + dy,
      right: o.right + dx,
      bottom: o.bottom + dy,
    });
    const length = Math.hypot(x, y);
    const start = entry.place.kind === 'point' ? DOT_RADIUS : 0;
    if (length < start + 6) return undefined;
    return { x0: (x / length) * start, y0: (y / length) * start, x1: x, y1: y };
  }

  /**
   * Measures what each mode shows (the annotation, or a bare dot's hit area), relative to the
   * marker's origin. All the markers are put in one mode before any is read, so that the browser
   * lays the page out once a mode, not once a marker and mode.
   */
  private measure(entries: readonly Entry[]): void {
    for (const entry of entries) {
      const root = entry.marker.getElement();
      root.style.setProperty('--dx', '0px');
      root.style.setProperty('--dy', '0px');
    }
    for (const mode of ALL_MODES) {
      const here = entries.filter((e) => modesOf(e.place).includes(mode));
      for (const entry of here) setModeClasses(entry, mode);
      for (const entry of here) {
        const origin = entry.marker.getElement().getBoundingClientRect();
        const shown = mode === 'dot' ? entry.button : entry.annotation;
        const r = shown.getBoundingClientRect();
        entry.offsets.set(mode, {
          left: r.left - origin.left,
          top: r.top - origin.top,
          right: r.right - origin.left,
          bottom: r.bottom - origin.top,
        });
      }
    }
  }

  /**
   * Every placement of a place, best first within each tier: each mode where it belongs, then the
   * same moved away step by step (points along a leader line, a region's label also sideways).
   */
  private candidates(entry: Entry): LayoutCandidate<Placement>[] {
    const { place } = entry;
    const found: (LayoutCandidate<Placement> & { distance: number })[] = [];
    for (const mode of modesOf(place)) {
      const at = this.map.project(this.anchorOf(place, mode));
      const o = entry.offsets.get(mode)!;
      const [size, side] = mode.split('-') as [Size | 'dot', Side | undefined];
      // [dx, dy, distance in steps]
      const shifts: [number, number, number][] = [[0, 0, 0]];
      if (side && place.kind === 'point') {
        LEADER_STEPS.forEach((d, i) =>
          LEADER_DIRECTIONS[side].forEach(([x, y]) => shifts.push([x * d, y * d, i + 1])),
        );
      } else if (side) {
        const half = (o.right - o.left) / 2;
        const away = side === 'above' ? -1 : 1;
        [0, ...LEADER_STEPS].forEach((d, i) =>
          [0, -half, half].forEach((x) => (i || x) && shifts.push([x, away * d, i])),
        );
      }
      for (const [dx, dy, distance] of shifts) {
        const placement = { mode, dx, dy };
        const line = this.leaderOf(entry, placement);
        found.push({
          placement,
          box: {
            left: at.x + o.left + dx,
            top: at.y + o.top + dy,
            right: at.x + o.right + dx,
            bottom: at.y + o.bottom + dy,
          },
          tier: TIER[size],
          distance,
          ...(line
            ? {
                leader: {
                  left: at.x + Math.min(line.x0, line.x1),
                  top: at.y + Math.min(line.y0, line.y1),
                  right: at.x + Math.max(line.x0, line.x1),
                  bottom: at.y + Math.max(line.y0, line.y1),
                },
              }
            : {}),
          ...(mode === 'dot' ? { bare: true } : {}),
        });
      }
    }
    return found.sort((a, b) => a.tier - b.tier || a.distance - b.distance);
  }

  private layout(inView: readonly MarkerPlace[]): void {
    // Boxes are in the map container's pixels, as map.project and queryRenderedFeatures use.
    const container = this.map.getContainer().getBoundingClientRect();
    const frame: Box = { left: 0, top: 0, right: container.width, bottom: container.height };
    const items = inView.flatMap((place) => {
      const entry = this.entries.get(place.id);
      if (!entry) return [];
      const candidates = this.candidates(entry);
      const dot = candidates.find((c) => c.bare)?.box;
      return [{ id: place.id, candidates, ...(dot ? { anchor: dot } : {}) }];
    });
    const result = layoutMarkers(items, frame, this.options.obstaclesUnder);
    const covered = new Set<string>();
    for (const [id, placement] of result) {
      const entry = this.entries.get(id);
      if (entry) this.apply(entry, placement.placement);
      placement.covers.forEach((c) => covered.add(c));
    }
    const named = [...result].filter(([, r]) => r.named).map(([id]) => id);
    this.options.onLayout?.(covered, named);
  }
}
