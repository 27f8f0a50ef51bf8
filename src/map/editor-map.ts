// The atlas editor's map: the draft's places over the embedded offline basemap, points draggable.
// The editor (src/editor) drives it; it is given what it shows and reports clicks and drags.
import { Marker, type GeoJSONSource, type LngLatBoundsLike, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { el } from '../dom/el';
import type { PlaceGeometry } from '../domain/types';
import { createMap } from './create-map';
import { embeddedBasemapStyle } from './embedded-basemap';
import { requestFontFaces } from './fonts';
import './editor-map.css';

/** A place as the editor's map shows it. */
export interface EditorMapPlace {
  id: string;
  name: string;
  geometry: PlaceGeometry;
}

export interface EditorMapOptions {
  container: HTMLElement;
  places: readonly EditorMapPlace[];
  /** A click on a place (or Enter on its marker). */
  onSelect: (placeId: string) => void;
  /** A point dropped at [longitude, latitude]. */
  onMove: (placeId: string, lngLat: [number, number]) => void;
}

const AREAS = 'editor-areas';
/** The marker's dot, 18 px wide at its left edge (editor-map.css), centred on its point. */
const DOT_CENTRE: [number, number] = [-9, 0];

const positions = (g: PlaceGeometry): number[][] =>
  g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);

/** The box around every place, or the whole world when there is none. */
export function placesBounds(places: readonly EditorMapPlace[]): LngLatBoundsLike {
  const all = places.flatMap((p) => positions(p.geometry));
  if (all.length === 0) return [-170, -60, 170, 75];
  const xs = all.map((p) => p[0] ?? 0);
  const ys = all.map((p) => p[1] ?? 0);
  const [west, east] = [Math.min(...xs), Math.max(...xs)];
  const [south, north] = [Math.min(...ys), Math.max(...ys)];
  // Room for the names, which are written to the right of their points.
  const padX = Math.max(1, (east - west) * 0.08);
  const padY = Math.max(1, (north - south) * 0.08);
  return [west - padX, south - padY, east + padX + Math.max(2, (east - west) * 0.2), north + padY];
}

const areaCollection = (places: readonly EditorMapPlace[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: places
    .filter((p) => p.geometry.type !== 'Point')
    .map((p) => ({ type: 'Feature', id: p.id, properties: { id: p.id }, geometry: p.geometry })),
});

/** The editor's MapLibre map; `remove()` undoes everything it added. */
export class EditorMap {
  private map: MapLibreMap | undefined;
  private readonly markers = new Map<string, Marker>();
  private places: readonly EditorMapPlace[];
  private selected: string | undefined;
  private removed = false;
  private readonly onAreaClick = (e: { features?: { properties: Record<string, unknown> }[] }) => {
    const id = e.features?.[0]?.properties.id;
    if (typeof id === 'string') this.options.onSelect(id);
  };

  constructor(private readonly options: EditorMapOptions) {
    this.places = options.places;
    void requestFontFaces().ready.then((faces) => {
      if (this.removed) return;
      const map = createMap({
        container: options.container,
        style: embeddedBasemapStyle(faces),
        bounds: placesBounds(this.places),
      });
      this.map = map;
      map.on('load', () => {
        map.addSource(AREAS, { type: 'geojson', data: areaCollection(this.places) });
        map.addLayer({
          id: `${AREAS}-fill`,
          type: 'fill',
          source: AREAS,
          paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.2 },
        });
        map.addLayer({
          id: `${AREAS}-line`,
          type: 'line',
          source: AREAS,
          paint: { 'line-color': '#c0392b', 'line-width': 1.5 },
        });
        map.on('click', `${AREAS}-fill`, this.onAreaClick);
      });
      this.drawMarkers();
    });
  }

  /** Shows these places (after an edit). */
  setPlaces(places: readonly EditorMapPlace[]): void {
    this.places = places;
    const source = this.map?.getSource<GeoJSONSource>(AREAS);
    source?.setData(areaCollection(places));
    this.drawMarkers();
  }

  /** Marks the place the editor has chosen in its list. */
  select(placeId: string | undefined): void {
    this.selected = placeId;
    this.markSelected();
    const place = this.places.find((p) => p.id === placeId);
    if (this.map && place?.geometry.type === 'Point') {
      const [lng = 0, lat = 0] = place.geometry.coordinates;
      this.map.easeTo({ center: [lng, lat], duration: 0 });
    }
  }

  private drawMarkers(): void {
    const map = this.map;
    if (!map) return;
    const points = this.places.filter((p) => p.geometry.type === 'Point');
    for (const [id, marker] of this.markers) {
      if (!points.some((p) => p.id === id)) {
        marker.remove();
        this.markers.delete(id);
      }
    }
    for (const place of points) {
      if (place.geometry.type !== 'Point') continue;
      const [lng = 0, lat = 0] = place.geometry.coordinates;
      const existing = this.markers.get(place.id);
      if (existing) {
        existing.setLngLat([lng, lat]);
        const label = existing.getElement().querySelector('.editor-marker__name');
        if (label) label.textContent = place.name;
        existing.getElement().setAttribute('aria-label', `Select ${place.name}`);
        continue;
      }
      const element = el(
        'button',
        {
          className: 'editor-marker',
          attrs: { type: 'button', 'aria-label': `Select ${place.name}`, 'data-place-id': place.id },
        },
        [
          el('span', { className: 'editor-marker__dot' }),
          el('span', { className: 'editor-marker__name', text: place.name }),
        ],
      );
      const id = place.id;
      element.addEventListener('click', () => this.options.onSelect(id));
      const marker = new Marker({ element, draggable: true, anchor: 'left', offset: DOT_CENTRE })
        .setLngLat([lng, lat])
        .addTo(map);
      marker.on('dragend', () => {
        const at = marker.getLngLat();
        this.options.onMove(id, [at.lng, at.lat]);
      });
      this.markers.set(id, marker);
    }
    this.markSelected();
  }

  private markSelected(): void {
    for (const [id, marker] of this.markers) {
      marker.getElement().classList.toggle('editor-marker--selected', id === this.selected);
    }
  }

  remove(): void {
    this.removed = true;
    for (const marker of this.markers.values()) marker.remove();
    this.markers.clear();
    this.map?.off('click', `${AREAS}-fill`, this.onAreaClick);
    this.map?.remove();
    this.map = undefined;
  }
}
