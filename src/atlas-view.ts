import { contestedNames, regionLabelAnchors, storyFrame } from './domain/atlas-summary';
import type { AtlasModel } from './domain/atlas-model';
import { anchorOf } from './domain/geography';
import { formatUrlState, parseUrlState, type UrlState } from './domain/url-state';
import type { Place } from './domain/types';
import type { Point } from 'geojson';
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl';
import {
  ATLAS_SOURCE,
  CROWD_SOURCE,
  addAtlasLayers,
  clickableAtlasLayers,
  type AtlasLayerPlan,
  type AtlasLayersOnMap,
} from './map/atlas-layers';
import { BasemapLabelCover } from './map/basemap-label-cover';
import { syncFeatureFlag } from './map/feature-flag';
import { PlaceMarkers, type MarkerPlace } from './map/place-markers';
import { PlacePopup } from './map/place-popup';
import type { ArticlePanel } from './ui/article-panel';
import { el } from './ui/dom';
import { placeDetails } from './atlas-details';

const MAX_MARKERS = 12;

function markerPlace(model: AtlasModel, place: Place): MarkerPlace {
  const factCount = model.factsOf(place.id).length;
  const names = contestedNames(place);
  const common = {
    id: place.id,
    name: place.properties.name,
    caption: place.properties.caption,
    factCount,
    // Story places first. A region's label is placed before the points: it cannot cover their dots,
    // and a point can always fall back to its bare dot, so no two markers ever overlap.
    priority:
      (place.properties.group === 'story' ? 1000 : 0) + (place.geometry.type === 'Point' ? factCount : 900),
    ...(names.length ? { altLine: names.map((n) => ({ text: n.name, lang: n.lang })) } : {}),
    ...(place.properties.status?.disputed ? { badge: 'Disputed' } : {}),
  };
  const anchor = anchorOf(place) as [number, number];
  const area = model.area(place.id);
  const labels = regionLabelAnchors(place);
  if (area && labels) {
    const [w, s, e, n] = area.bbox as [number, number, number, number];
    return {
      ...common,
      kind: 'region',
      lngLat: anchor,
      north: labels.north,
      south: labels.south,
      bbox: [w, s, e, n],
    };
  }
  return { ...common, kind: 'point', lngLat: anchor };
}

export interface AtlasViewOptions {
  /** Exports one place, as a download or onto the clipboard. */
  exportPlace: (placeId: string, how: 'download' | 'copy') => void;
}

/**
 * Puts a validated atlas on the map and beside it, and keeps map, markers, popup, panel and URL
 * in step: one selection, changed from any of them.
 */
export class AtlasView {
  private readonly markers: PlaceMarkers;
  readonly popup: PlacePopup;
  private readonly cover: BasemapLabelCover;
  private selected: string | null = null;
  private restoring = false;
  private marked = new Set<string>();
  private layers: AtlasLayersOnMap;
  /** Where focus goes back to when the popup closes. */
  private opener: HTMLElement | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly model: AtlasModel,
    private readonly panel: ArticlePanel,
    private readonly options: AtlasViewOptions,
    plan: AtlasLayerPlan,
  ) {
    // The article's layers came with the map's style (see map-app.ts); put them back if a new
    // basemap style (the fallback from a failing remote one) dropped them, with the selection.
    this.layers = plan.onMap;
    addAtlasLayers(map, plan);
    map.on('style.load', () => {
      if (map.getSource(ATLAS_SOURCE)) return;
      addAtlasLayers(map, plan);
      this.marked = new Set();
      if (this.selected) map.setFeatureState(this.state(this.selected), { selected: true });
      this.markers.update();
    });
    this.cover = new BasemapLabelCover(map);
    this.popup = new PlacePopup(map, { onClose: (id) => this.onPopupClosed(id) });
    this.markers = new PlaceMarkers(
      map,
      // With a clustered crowd, DOM markers are for the story's places only: the crowd is on the GPU.
      model.atlas.places
        .filter((p) => !this.layers.clustered || p.properties.group === 'story')
        .map((p) => markerPlace(model, p)),
      {
        maxMarkers: MAX_MARKERS,
        onActivate: (id, button) => {
          this.opener = button;
          this.select(id, { move: false, push: true });
        },
        coveredBy: (box) => this.cover.labelsUnder(box),
        onLayout: (covered, marked) => {
          this.cover.setCovered(covered);
          this.hideGpuLabels(marked);
        },
      },
    );
    this.cover.onLabelsPlaced(() => this.markers.update());
    for (const layer of clickableAtlasLayers(this.map)) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    map.on('moveend', () => this.writeUrl(false));
    window.addEventListener('popstate', () => this.applyUrl(parseUrlState(window.location.hash)));
    this.markers.update();
  }

  /** Shows a place chosen outside the map (in the panel): moves the map to it and opens it. */
  choose(placeId: string): void {
    this.opener = null;
    this.select(placeId, { move: true, push: true });
  }

  /** Applies the state of a link: its view, then its place. */
  applyUrl(state: UrlState): void {
    // The URL already says where we are: nothing done while applying it may rewrite it.
    this.restoring = true;
    try {
      this.applyState(state);
    } finally {
      this.restoring = false;
    }
  }

  private applyState(state: UrlState): void {
    // A link's view is where the map started: jumping there again would only draw it again.
    if (state.view && !this.shows(state.view))
      this.map.jumpTo({ center: [state.view.lng, state.view.lat], zoom: state.view.zoom });
    if (state.placeId && this.model.placeById.has(state.placeId)) {
      this.opener = null;
      this.select(state.placeId, { move: !state.view, push: false });
    } else if (this.selected) {
      this.selected = null;
      this.popup.close();
    }
  }

  /** The map's view, as a link holds it. */
  private currentView(): NonNullable<UrlState['view']> {
    const center = this.map.getCenter();
    return { lng: center.lng, lat: center.lat, zoom: this.map.getZoom() };
  }

  /** Whether the map shows this view already, to the precision of a link. */
  private shows(view: NonNullable<UrlState['view']>): boolean {
    const now = formatUrlState({ placeId: null, view: this.currentView() });
    return now === formatUrlState({ placeId: null, view });
  }

  private details(place: Place, headingId: string, level: 2 | 3): HTMLElement {
    return placeDetails(
      this.model,
      place,
      headingId,
      level,
      level === 2 ? this.placeActions(place) : undefined,
    );
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

  private select(placeId: string, how: { move: boolean; push: boolean }): void {
    const place = this.model.placeById.get(placeId);
    if (!place) return;
    this.setSelectedState(placeId);
    // The history entry first: moving the map then updates this entry's view, not the previous one's.
    if (how.push) this.writeUrl(true);
    if (how.move) this.moveTo(place);
    const headingId = `popup-${placeId}-title`;
    this.popup.open(
      placeId,
      anchorOf(place) as [number, number],
      this.details(place, headingId, 2),
      headingId,
      {
        // A link with a view restores it exactly; elsewhere (a click, the panel, a link naming
        // only a place) the map moves to show the whole popup.
        keepInView: how.push || how.move,
      },
    );
    this.markers.setExpanded(placeId, this.popup.elementId);
  }

  private setSelectedState(placeId: string | null): void {
    if (this.selected) this.map.setFeatureState(this.state(this.selected), { selected: false });
    this.selected = placeId;
    if (placeId) this.map.setFeatureState(this.state(placeId), { selected: true });
    this.markers.setSelected(placeId);
    this.panel.highlight(placeId);
  }

  private moveTo(place: Place): void {
    const area = this.model.area(place.id);
    if (area) {
      const [w, s, e, n] = area.bbox as [number, number, number, number];
      this.map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 8, duration: 0 });
      return;
    }
    const [lng, lat] = anchorOf(place) as [number, number];
    if (place.properties.group === 'reaction') {
      // A reaction from afar is shown together with the story, so the reader sees where it stands.
      const [w, s, e, n] = storyFrame(this.model.atlas, 0);
      const bounds: [number, number, number, number] = [
        Math.min(w, lng),
        Math.min(s, lat),
        Math.max(e, lng),
        Math.max(n, lat),
      ];
      this.map.fitBounds(bounds, { padding: 80, maxZoom: 6, duration: 0 });
      return;
    }
    if (!this.map.getBounds().contains([lng, lat])) {
      this.map.jumpTo({ center: [lng, lat], zoom: Math.max(this.map.getZoom(), 5) });
    }
  }

  private onPopupClosed(placeId: string): void {
    this.setSelectedState(null);
    this.markers.setExpanded(null);
    this.writeUrl(true);
    const target = this.opener ?? this.markers.button(placeId);
    this.opener = null;
    if (target?.isConnected) target.focus();
    else this.panel.focusPlace(placeId);
  }

  /**
   * Opens the article's hit that a click on the map chose (map/click-target.ts decides which): a
   * cluster opens up, a place's point or the region opens its popup.
   */
  openFromClick(hit: MapGeoJSONFeature): void {
    if (hit.layer.id === 'atlas-crowd-cluster') {
      // A cluster opens up: the map zooms in until its places separate.
      const source = this.map.getSource<GeoJSONSource>(CROWD_SOURCE);
      const center = (hit.geometry as Point).coordinates as [number, number];
      void source
        ?.getClusterExpansionZoom(Number(hit.properties.cluster_id))
        .then((zoom) => this.map.easeTo({ center, zoom }));
      return;
    }
    const id = String(hit.properties.id);
    this.opener = this.markers.button(id) ?? null;
    this.select(id, { move: false, push: true });
  }

  /** The feature-state target of a place, in whichever source draws it. */
  private state(placeId: string): { source: string; id: string } {
    return { source: this.layers.sourceOf(placeId), id: placeId };
  }

  /** GPU labels name the places that have no DOM marker; marked places are named by their marker. */
  private hideGpuLabels(marked: readonly string[]): void {
    this.marked = syncFeatureFlag(this.map, (id) => this.state(id), 'marked', this.marked, marked);
  }

  private writeUrl(push: boolean): void {
    if (this.restoring) return;
    const hash = formatUrlState({ placeId: this.selected, view: this.currentView() });
    if (hash === window.location.hash) return;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
}
