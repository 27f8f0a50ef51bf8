import type { AtlasModel } from '../domain/atlas-model';
import { isCrowdPlace } from '../domain/crowd';
import { anchorOf } from '../domain/geography';
import type { Place } from '../domain/types';
import type { Bounds } from '../domain/view';
import type { MapAdapter } from '../map/map-adapter';
import type { ArticlePanel } from '../ui/article-panel';
import { el } from '../dom/el';
import { sameWhen } from '../domain/date-filter';
import { sameView } from './link';
import { markerPlace } from './marker-places';
import type { NamedPlaces } from './place-names';
import { selectedPlace, type Command, type PageState, type SelectionOrigin } from './page-state';
import type * as Selection from './selection';
import type { PageStore } from './store';

/**
 * What the view asks of the map: MapLibre's (MapAdapter), or the first-screen SVG map (SvgMap)
 * that stands for it until MapLibre is drawn, and where it cannot be.
 */
export type PlaceMap = Pick<
  MapAdapter,
  | 'showMarkers'
  | 'onResize'
  | 'visible'
  | 'move'
  | 'jumpTo'
  | 'view'
  | 'setSelectedPlace'
  | 'setExpandedPlace'
  | 'preparePopup'
  | 'openPopup'
  | 'popupInset'
  | 'keepPopupInView'
  | 'closePopup'
> & {
  /** The place's marker (or name link), where focus goes back when its popup closes. */
  markerButton(placeId: string): (Element & HTMLOrSVGElement) | undefined;
  /** Names the places' map labels under a name set (MapLibre's map; the picture is retired for one). */
  setPlaceLabels?(names: Readonly<Record<string, string>> | null): void;
};

/** At most this many DOM markers at once; the other places are named by GPU labels. */
export const MAX_MARKERS = 12;

type SelectionCode = typeof Selection;

/** The code only a selected place needs, loaded once the map is there; a failed load is tried again. */
let selectionCode: Promise<SelectionCode> | undefined;
const loadSelectionCode = (): Promise<SelectionCode> =>
  (selectionCode ??= import('./selection').catch((error: unknown) => {
    selectionCode = undefined;
    throw error;
  }));

export interface AtlasViewOptions {
  /** Exports one place, as a download or onto the clipboard. */
  exportPlace: (placeId: string, how: 'download' | 'copy') => void;
  /** Takes the reader to all of a place's facts, in the panel ("All N facts" in its popup). */
  showAllFacts: (placeId: string) => void;
}

/**
 * The article's places on the map and in the panel, following the page state: the selected place
 * is marked on the map and in the panel, framed by the camera policy and shown in the popup. What
 * the reader does (a marker pressed, the popup closed) goes back to the state as a command.
 * The popup's code loads at the map's first idle (see MapAdapter), or at the first selection; the
 * popup's summary and the camera's framing of a place (./selection) load once the map is there.
 */
export class AtlasView {
  private readonly unsubscribe: () => void;
  private readonly stopKeeping: () => void;
  /**
   * Counts the places shown and hidden: a popup whose code arrives after the selection changed
   * (another place, or none) is not opened.
   */
  private shown = 0;
  /** The popup's summary and the camera's framing, once loaded. */
  private code: SelectionCode | undefined;
  /** The places under the name set chosen (./place-names), once loaded; the popup shown. */
  private named: NamedPlaces | undefined;
  private naming = 0;
  private popupContent: HTMLElement | undefined;
  /** The place whose popup is open. */
  private popupPlace: Place | null = null;
  private readonly crowd: Set<string>;

  constructor(
    private readonly store: PageStore,
    private readonly map: PlaceMap,
    private readonly model: AtlasModel,
    private readonly panel: ArticlePanel,
    private readonly options: AtlasViewOptions,
  ) {
    this.crowd = new Set(model.atlas.places.filter(isCrowdPlace).map((p) => p.id));
    this.showMarkers();
    if (store.state.names) this.followNames();
    void this.loadCode().catch(() => {});
    this.unsubscribe = store.subscribe((state, before, command) => this.follow(state, before, command));
    // A map that changes size keeps the story in sight (and the selected place): opening the
    // phone's sheet after a popup had panned the map must not leave a strip of empty map.
    this.stopKeeping = map.onResize((before) => {
      if (this.code) this.keepInSight(before, this.code);
      else
        void this.loadCode().then(
          (code) => this.keepInSight(before, code),
          () => {},
        );
    });
  }

  /** The markers: named as the name set chosen, their counts those of the date filter chosen. */
  private showMarkers(): void {
    const { model, store } = this;
    this.map.showMarkers(
      this.named?.markers(store.state.when) ??
        model.atlas.places.map((p) => markerPlace(model, p, { when: store.state.when })),
      {
        maxMarkers: MAX_MARKERS,
        onActivate: (placeId) => store.dispatch({ type: 'select-place', placeId, origin: 'map' }),
      },
      (id) => this.crowd.has(id),
    );
  }

  /** Names the places on the map, in the panel and in the popup under the state's name set. */
  private followNames(): void {
    const token = ++this.naming;
    void import('./place-names').then(
      ({ namedPlaces }) => {
        if (token !== this.naming) return;
        const named = (this.named = namedPlaces(this.model, this.store.state.names));
        this.showMarkers();
        this.map.setPlaceLabels?.(named.labels);
        this.panel.renamePlaces(named.rename);
        const open = this.popupContent?.isConnected ? this.popupContent : undefined;
        if (open) named.rename(open);
        const selected = selectedPlace(this.store.state);
        if (open && selected) this.map.setExpandedPlace(selected);
        // A name set the atlas does not have (a link's) is dropped: the article's names stay.
        if (named.lang !== this.store.state.names) this.store.dispatch({ type: 'names', names: named.lang });
      },
      () => {},
    );
  }

  /**
   * A new date filter: the markers, the panel's places and the open popup show the facts it
   * shows; the reader stays where they are (on the timeline).
   */
  private followWhen(): void {
    this.showMarkers();
    this.panel.redrawPlaces();
    if (!this.popupPlace || !this.code) return;
    const focused = document.activeElement;
    this.openPopup(this.popupPlace, this.code);
    if (focused instanceof HTMLElement && focused.isConnected) focused.focus({ preventScroll: true });
  }

  private loadCode(): Promise<SelectionCode> {
    return loadSelectionCode().then((code) => (this.code = code));
  }

  /** Keeps the story (and the selected place) in sight after the map changed size. */
  private keepInSight(before: Bounds, { keepInSight }: SelectionCode): void {
    const story = this.model.atlas.places.filter((p) => p.properties.group === 'story');
    const selected = selectedPlace(this.store.state);
    const places = [...story, ...(selected ? [this.model.placeById.get(selected)] : [])];
    const points = places.flatMap((p): [number, number][] => {
      if (!p) return [];
      const [lng = 0, lat = 0] = anchorOf(p);
      return [[lng, lat]];
    });
    const move = keepInSight(points, before, this.map.visible());
    if (move) this.map.move(move);
  }

  /**
   * Shows the state as it is when the map is ready: the link's place (the map starts at the link's
   * view), or a place chosen in the panel while the map was loading.
   */
  showCurrent(linkHasView: boolean): void {
    const { origin } = this.store.state;
    const placeId = selectedPlace(this.store.state);
    if (placeId && origin) this.show(placeId, origin, linkHasView);
  }

  private follow(state: PageState, before: PageState, command: Command): void {
    if (state.names !== before.names) this.followNames();
    if (!sameWhen(state.when, before.when)) this.followWhen();
    // A followed link's view first, then its place, framed only when the link gives no view.
    if (
      command.type === 'follow-link' &&
      command.link.view &&
      !sameView(this.map.view(), command.link.view)
    ) {
      this.map.jumpTo(command.link.view);
    }
    const now = selectedPlace(state);
    const was = selectedPlace(before);
    if (now && state.origin && (now !== was || command.type === 'select-place')) {
      const linkHasView = command.type === 'follow-link' && command.link.view !== null;
      this.show(now, state.origin, linkHasView);
      return;
    }
    if (was && !now) this.hide(was, state.selection.kind === 'none');
  }

  /**
   * Selects a place on the map and opens its popup, then frames it as the camera policy says. The
   * popup opens first: what it covers (a phone's sheet) is kept clear, so the place is never under
   * it. The popup and the framing wait for their code, and are left out when the selection has
   * changed by then.
   */
  private show(placeId: string, origin: SelectionOrigin, linkHasView: boolean): void {
    const place = this.model.placeById.get(placeId);
    if (!place) return;
    this.map.setSelectedPlace(placeId);
    this.panel.highlight(placeId);
    const token = ++this.shown;
    // Both loaded (after the first selection), the popup opens in the same turn of the event loop.
    const ready = this.code
      ? this.map.preparePopup()
      : Promise.all([this.map.preparePopup(), this.loadCode()]);
    void ready.then(
      () => {
        if (token !== this.shown || !this.code) return;
        this.openPopup(place, this.code);
        this.frame(place, origin, linkHasView, this.code);
      },
      // The popup's code did not load (the connection dropped): the place is still framed, and
      // the next selection tries the popup again.
      () =>
        void this.loadCode().then(
          (code) => token === this.shown && this.frame(place, origin, linkHasView, code),
          () => {},
        ),
    );
  }

  private openPopup(place: Place, { placeSummary }: SelectionCode): void {
    const placeId = place.id;
    const [lng = 0, lat = 0] = anchorOf(place);
    const headingId = `popup-${placeId}-title`;
    const content = placeSummary(
      this.model,
      place,
      headingId,
      {
        onAllFacts: () => this.options.showAllFacts(placeId),
        actions: this.placeActions(place),
      },
      this.store.state.when,
    );
    this.named?.rename(content);
    this.popupContent = content;
    this.map.openPopup(
      {
        lngLat: [lng, lat],
        content,
        labelledBy: headingId,
        keepInView: false,
        onClose: () => this.store.dispatch({ type: 'deselect' }),
      },
      placeId,
    );
    this.popupPlace = place;
    this.map.setExpandedPlace(placeId);
  }

  /** Frames the place as the camera policy says, clear of what the popup covers (if it is open). */
  private frame(
    place: Place,
    origin: SelectionOrigin,
    linkHasView: boolean,
    { framePlace, placeFrame, selectionFraming, showsPlace }: SelectionCode,
  ): void {
    const frame = placeFrame(this.model, place);
    const inset = this.map.popupInset();
    const visible = this.map.visible(inset);
    const framing = selectionFraming(origin, {
      hasView: linkHasView,
      showsPlace: showsPlace(frame, visible.bounds),
    });
    const move = framing.move ? framePlace(frame, visible, inset) : null;
    if (move) this.map.move(move);
    if (framing.keepPopupInView) this.map.keepPopupInView();
  }

  /**
   * The place is no longer selected. When nothing is (the popup closed), focus goes back to the
   * place's marker, or to its link in the panel when it has no marker now.
   */
  private hide(placeId: string, nothingSelected: boolean): void {
    this.shown += 1;
    this.popupPlace = null;
    this.map.setSelectedPlace(null);
    this.map.setExpandedPlace(null);
    this.panel.highlight(null);
    if (!nothingSelected) return;
    this.map.closePopup();
    const marker = this.map.markerButton(placeId);
    if (marker?.isConnected) marker.focus();
    else this.panel.focusPlace(placeId);
  }

  /** The popup's own export buttons: this place alone, as a file or on the clipboard. */
  private placeActions(place: Place): HTMLElement[] {
    const download = el('button', {
      className: 'button',
      text: 'Export this place',
      attrs: { type: 'button' },
    });
    download.addEventListener('click', () => this.options.exportPlace(place.id, 'download'));
    const copy = el('button', { className: 'button', text: 'Copy GeoJSON', attrs: { type: 'button' } });
    copy.addEventListener('click', () => this.options.exportPlace(place.id, 'copy'));
    return [download, copy];
  }

  /** Stops following the page state. */
  remove(): void {
    this.shown += 1;
    this.naming += 1;
    this.unsubscribe();
    this.stopKeeping();
  }
}
