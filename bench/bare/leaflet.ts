// The bench's Leaflet peer: what a newsroom developer would hand-build for the same story without
// Article Atlas. Leaflet 1.9 with the canvas renderer, the land and borders of the same Natural
// Earth data as GeoJSON (Leaflet draws no vector tiles: the bench converts world-atlas's
// countries-10m and clips it to the region, bench/.cache/data/leaflet/), the basemap's country
// names, and the atlas's places as circle markers named by permanent tooltips, at the view in the
// link. The places the atlas names (the story's, and regions) have their names always shown, the
// others on hover, as the atlas gathers those into clusters: each permanent tooltip measures its
// size once added (a forced layout of the page with all the others), so 5,000 of them took Leaflet
// 161 s on this machine. Marks `map-created`, `map-load`, and `first-map` and `map-idle` once all of it
// is drawn (after the frame that draws it), and hands its map out as window.articleAtlas.
//
//   /bare/leaflet.html?atlas=<id>#map=<zoom>/<lat>/<lng>   (a MapLibre zoom: Leaflet's is one more)
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { circleMarker, geoJSON, map as leafletMap, tooltip, type PathOptions } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { parseLink } from '../../src/app/link';
import { PLACE_COLOURS } from '../../src/domain/place-colours';
import { LOCATOR_THEME } from '../../src/map/basemap-theme';
import { el } from '../../src/dom/el';

/** MapLibre's tiles are 512 px, Leaflet's 256: the same scale is one zoom level more. */
const TILE_SIZE_ZOOM = 1;

const { view } = parseLink(window.location.hash);
const atlas = new URLSearchParams(window.location.search).get('atlas') ?? 'karabakh-peace-talks';
const center = view ? ([view.lat, view.lng] as [number, number]) : ([39.9, 47.2] as [number, number]);
const zoom = (view?.zoom ?? 5.6) + TILE_SIZE_ZOOM;

const map = leafletMap('map', { preferCanvas: true, zoomSnap: 0, center, zoom });
performance.mark('map-created');
map.whenReady(() => performance.mark('map-load'));
Object.assign(window, { articleAtlas: { map } });

const json = async <T>(url: string) => (await fetch(url)).json() as Promise<T>;

interface LabelProperties {
  kind: string;
  name: string;
  minzoom: number;
}

interface PlaceProps {
  name: string;
  group: 'story' | 'reaction';
  placeType: string;
}

const [countries, borders, labels, places] = await Promise.all([
  json<FeatureCollection>('/data/leaflet/countries.geojson'),
  json<FeatureCollection>('/data/leaflet/borders.geojson'),
  json<FeatureCollection<Point, LabelProperties>>('/basemap/labels.geojson'),
  json<FeatureCollection<Geometry, PlaceProps>>(`/data/atlases/${atlas}/places.geojson`),
]);

const theme = LOCATOR_THEME;
geoJSON(countries, { style: { stroke: false, fillColor: theme.land, fillOpacity: 1 } }).addTo(map);
geoJSON(borders, { style: { color: theme.border, weight: 1, opacity: 1 } }).addTo(map);
// The country names the basemap shows at this zoom, as text alone.
for (const label of labels.features) {
  const { kind, name, minzoom } = label.properties;
  if (kind !== 'country' || minzoom > zoom - TILE_SIZE_ZOOM) continue;
  const [lng, lat] = label.geometry.coordinates;
  tooltip([lat!, lng!], { permanent: true, direction: 'center', className: 'country' })
    .setContent(el('span', { text: name }))
    .addTo(map);
}

const colour = (f: Feature<Geometry, PlaceProps> | undefined) =>
  f?.properties.placeType === 'region' ? PLACE_COLOURS.region : PLACE_COLOURS[f?.properties.group ?? 'story'];
geoJSON(places, {
  style: (f): PathOptions => ({ color: colour(f), weight: 2, dashArray: '4 3', fillOpacity: 0.15 }),
  pointToLayer: (f: Feature<Point, PlaceProps>, latlng) =>
    circleMarker(latlng, { radius: 5, color: '#ffffff', weight: 1.5, fillColor: colour(f), fillOpacity: 1 }),
  onEachFeature: (f, layer) =>
    layer.bindTooltip(el('span', { text: f.properties.name }), {
      permanent: f.properties.group === 'story' || f.properties.placeType === 'region',
      direction: 'right',
    }),
}).addTo(map);

// Leaflet's canvas draws in the next animation frame; the marks come after that frame.
requestAnimationFrame(() =>
  setTimeout(() => {
    performance.mark('first-map');
    performance.mark('map-idle');
  }, 0),
);
