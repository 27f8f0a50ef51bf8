import './place-markers.css';
import { Marker, type LngLatLike, type Map as MapLibreMap } from 'maplibre-gl';
import { el } from '../dom/el';
import { layoutMarkers, type Box, type LayoutCandidate } from './marker-layout';

/** What a marker shows about a place: computed by the caller from the atlas. */
export interface MarkerPlace {
  id: string;
  kind: 'point' | 'region';
  name: string;
  /** Other names shown small under the name (for contested places), e.g. `Xankəndi · Ստեփանակերտ`. */
  altLine?: { text: string; lang?: string }[];
  caption?: string;
  factCount: number;
  /** Status words shown for disputed places, e.g. `Disputed`. */
  badge?: string;
  /** Ranking among places in view: higher first. */
  priority: number;
  /** Point position, or for a region its [west, south, east, north] and label anchors. */
  lngLat: [number, number];
  north?: [number, number];
  south?: [number, number];
  bbox?: [number, number, number, number];
}

type Mode =
  | 'full-right'
  | 'full-left'
  | 'compact-right'
  | 'compact-left'
  | 'dot'
  | 'full-above'
  | 'full-below'
  | 'compact-above'
  | 'compact-below';

const POINT_MODES: Mode[] = [
  'full-right',
  'full-left',
  'full-below',
  'full-above',
  'compact-right',
  'compact-left',
  'compact-below',
  'compact-above',
  'dot',
];
const REGION_MODES: Mode[] = ['full-above', 'full-below', 'compact-above', 'compact-below'];
const ALL_MODES: Mode[] = [...new Set([...POINT_MODES, ...REGION_MODES])];
const MODE_CLASSES = [
  'mode-full',
  'mode-compact',
  'mode-dot',
  'side-right',
  'side-left',
  'side-above',
  'side-below',
];

const modesOf = (place: MarkerPlace): Mode[] => (place.kind === 'region' ? REGION_MODES : POINT_MODES);

function setModeClasses(entry: Entry, mode: Mode): void {
  const root = entry.marker.getElement();
  root.classList.remove(...MODE_CLASSES);
  const [size, side] = mode.split('-') as [string, string | undefined];
  root.classList.add(`mode-${size}`);
  if (side) root.classList.add(`side-${side}`);
}

export interface PlaceMarkersOptions {
  /** At most this many DOM markers at once; the rest of the places are GPU layers only. */
  maxMarkers: number;
  onActivate: (placeId: string, button: HTMLButtonElement) => void;
  /** Ids of other labels (the basemap's) under a screen box, which markers avoid where they can. */
  coveredBy?: (box: Box) => string[];
  /** Called after each layout with the obstacles that markers had to cover and the places with markers. */
  onLayout?: (covered: Set<string>, marked: string[]) => void;
}

interface Entry {
  place: MarkerPlace;
  marker: Marker;
  button: HTMLButtonElement;
  /**
   * The button's box in each mode, relative to the mode's anchor point: measured once, so that a
   * layout is arithmetic and does not make the browser lay out the page again and again.
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
  }

  private create(place: MarkerPlace): Entry {
    const facts = `${place.factCount} ${place.factCount === 1 ? 'fact' : 'facts'}`;
    // The button's accessible name is its text, so that what is read is what is shown (WCAG 2.5.3);
    // parts a layout hides from sight stay in the name, visually hidden, with spoken separators.
    const part = (className: string, text: string, lang?: string) =>
      el('span', { className, text, attrs: lang ? { lang } : {} });
    const pause = () => part('visually-hidden', '. ');
    const name = part('marker-name', place.name);
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
    button.classList.toggle('is-selected', place.id === this.selected);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      this.options.onActivate(place.id, button);
    });
    const root = el(
      'div',
      { className: `place-marker kind-${place.kind}`, attrs: { 'data-place-id': place.id } },
      [button],
    );
    const marker = new Marker({ element: root, anchor: 'center' }).setLngLat(place.lngLat).addTo(this.map);
    return { place, marker, button, offsets: new Map() };
  }

  private anchorOf(place: MarkerPlace, mode: Mode): LngLatLike {
    if (place.kind !== 'region') return place.lngLat;
    if (mode.endsWith('above')) return place.north ?? place.lngLat;
    if (mode.endsWith('below')) return place.south ?? place.lngLat;
    return place.lngLat;
  }

  private apply(entry: Entry, mode: Mode): void {
    setModeClasses(entry, mode);
    entry.marker.setLngLat(this.anchorOf(entry.place, mode));
  }

  /**
   * Measures the buttons in every mode, relative to their marker's origin. All the markers are put
   * in one mode before any is read, so that the browser lays the page out once a mode, not once a
   * marker and mode.
   */
  private measure(entries: readonly Entry[]): void {
    for (const mode of ALL_MODES) {
      const here = entries.filter((e) => modesOf(e.place).includes(mode));
      for (const entry of here) setModeClasses(entry, mode);
      for (const entry of here) {
        const origin = entry.marker.getElement().getBoundingClientRect();
        const r = entry.button.getBoundingClientRect();
        entry.offsets.set(mode, {
          left: r.left - origin.left,
          top: r.top - origin.top,
          right: r.right - origin.left,
          bottom: r.bottom - origin.top,
        });
      }
    }
  }

  private layout(inView: readonly MarkerPlace[]): void {
    // Boxes are in the map container's pixels, as map.project and queryRenderedFeatures use.
    const container = this.map.getContainer().getBoundingClientRect();
    const frame: Box = { left: 0, top: 0, right: container.width, bottom: container.height };
    const items = inView.flatMap((place) => {
      const entry = this.entries.get(place.id);
      if (!entry) return [];
      const modes = modesOf(place);
      const candidates: LayoutCandidate<Mode>[] = modes.map((mode) => {
        const at = this.map.project(this.anchorOf(place, mode));
        const o = entry.offsets.get(mode)!;
        const box = {
          left: at.x + o.left,
          top: at.y + o.top,
          right: at.x + o.right,
          bottom: at.y + o.bottom,
        };
        const tier = mode.startsWith('full') ? 0 : mode.startsWith('compact') ? 1 : 2;
        return { mode, box, tier };
      });
      const dot = candidates.find((c) => c.mode === 'dot')?.box;
      return [{ id: place.id, candidates, ...(dot ? { anchor: dot } : {}) }];
    });
    const result = layoutMarkers(items, frame, this.options.coveredBy);
    const covered = new Set<string>();
    for (const [id, placement] of result) {
      const entry = this.entries.get(id);
      if (entry) this.apply(entry, placement.mode);
      placement.covers.forEach((c) => covered.add(c));
    }
    this.options.onLayout?.(covered, [...result.keys()]);
  }
}
