import type { AtlasModel } from '../domain/atlas-model';
import { isCrowdPlace } from '../domain/crowd';
import { anchorOf } from '../domain/geography';
import type { Place } from '../domain/types';
import type { MapAdapter } from '../map/map-adapter';
import type { ArticlePanel } from '../ui/article-panel';
import { el } from '../dom/el';
import { framePlace, keepInSight, placeFrame, selectionFraming, showsPlace } from './camera';
import { sameView } from './link';
import { markerPlace } from './marker-places';
import { selectedPlace, type Command, type PageState, type SelectionOrigin } from './page-state';
import { placeSummary } from './place-summary';
import type { PageStore } from './store';

/** At most this many DOM markers at once; the other places are named by GPU labels. */
export const MAX_MARKERS = 12;

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
 * The popup's code loads at the map's first idle (see MapAdapter), or at the first selection.
 */
export class AtlasView {
  private readonly unsubscribe: () => void;
  private readonly stopKeeping: () => void;
  /**
   * Counts the places shown and hidden: a popup whose code arrives after the selection changed
   * (another place, or none) is not opened.
   */
  private shown = 0;

  constructor(
    private readonly store: PageStore,
    private readonly map: MapAdapter,
    private readonly model: AtlasModel,
    private readonly panel: ArticlePanel,
    private readonly options: AtlasViewOptions,
  ) {
    const crowd = new Set(model.atlas.places.filter(isCrowdPlace).map((p) => p.id));
    map.showMarkers(
      model.atlas.places.map((p) => markerPlace(model, p)),
      {
        maxMarkers: MAX_MARKERS,
        onActivate: (placeId) => store.dispatch({ type: 'select-place', placeId, origin: 'map' }),
      },
      (id) => crowd.has(id),
    );
    this.unsubscribe = store.subscribe((state, before, command) => this.follow(state, before, command));
    // A map that changes size keeps the story in sight (and the selected place): opening the
    // phone's sheet after a popup had panned the map must not leave a strip of empty map.
    const story = model.atlas.places.filter((p) => p.properties.group === 'story');
    this.stopKeeping = map.onResize((before) => {
      const selected = selectedPlace(this.store.state);
      const places = [...story, ...(selected ? [this.model.placeById.get(selected)] : [])];
      const points = places.flatMap((p): [number, number][] => {
        if (!p) return [];
        const [lng = 0, lat = 0] = anchorOf(p);
        return [[lng, lat]];
      });
      const move = keepInSight(points, before, this.map.visible());
      if (move) this.map.move(move);
    });
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
   * it. The popup and the framing wait for the popup's code, and are left out when the selection
   * has changed by then.
   */
  private show(placeId: string, origin: SelectionOrigin, linkHasView: boolean): void {
    const place = this.model.placeById.get(placeId);
    if (!place) return;
    this.map.setSelectedPlace(placeId);
    this.panel.highlight(placeId);
    const token = ++this.shown;
    void this.map.preparePopup().then(
      () => {
        if (token !== this.shown) return;
        this.openPopup(place);
        this.frame(place, origin, linkHasView);
      },
      // The popup's code did not load (the connection dropped): the place is still framed, and
      // the next selection tries the popup again.
      () => {
        if (token === this.shown) this.frame(place, origin, linkHasView);
      },
    );
  }

  private openPopup(place: Place): void {
    const placeId = place.id;
    const [lng = 0, lat = 0] = anchorOf(place);
    const headingId = `popup-${placeId}-title`;
    this.map.openPopup(
      {
        lngLat: [lng, lat],
        content: placeSummary(this.model, place, headingId, {
          onAllFacts: () => this.options.showAllFacts(placeId),
          actions: this.placeActions(place),
        }),
        labelledBy: headingId,
        keepInView: false,
        onClose: () => this.store.dispatch({ type: 'deselect' }),
      },
      placeId,
    );
    this.map.setExpandedPlace(placeId);
  }

  /** Frames the place as the camera policy says, clear of what the popup covers (if it is open). */
  private frame(place: Place, origin: SelectionOrigin, linkHasView: boolean): void {
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
    this.unsubscribe();
    this.stopKeeping();
  }
}
