// @vitest-environment happy-dom
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeMap,
  stubDocumentFonts,
  trackListeners,
  type FakeMap,
  type RenderedFeature,
} from '../../tests/helpers/fake-map';
import type { MapPlaceProperties } from '../domain/atlas-summary';
import type { ImportedLayer } from '../domain/import-geojson';
import type { PlaceGeometry } from '../domain/types';
import { el } from '../dom/el';
import { ATLAS_SOURCE, CROWD_SOURCE, planAtlasLayers, type AtlasLayerPlan } from './atlas-layers';
import { BASEMAP_SOURCE, buildBasemapStyle } from './basemap-style';
import { MapAdapter, type MapHit } from './map-adapter';
import type { MarkerPlace } from './place-markers';

// ---- Fixtures: the fake map shows [44, 38, 52, 44] (west, south, east, north) on 800 x 600 px ----

type Places = FeatureCollection<PlaceGeometry, MapPlaceProperties>;

const pointPlace = (
  id: string,
  coordinates: [number, number],
  group: MapPlaceProperties['group'] = 'story',
): Feature<PlaceGeometry, MapPlaceProperties> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates },
  properties: { id, name: id, group, disputed: false },
});

const KARABAKH: Feature<PlaceGeometry, MapPlaceProperties> = {
  type: 'Feature',
  id: 'karabakh',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [46, 39.3],
        [47.3, 39.3],
        [47.3, 40.3],
        [46, 40.3],
        [46, 39.3],
      ],
    ],
  },
  properties: { id: 'karabakh', name: 'Karabakh', group: 'story', disputed: true },
};

const ARTICLE: Places = {
  type: 'FeatureCollection',
  features: [
    pointPlace('baku', [49.87, 40.41]),
    pointPlace('stepanakert', [46.75, 39.82]),
    pointPlace('yerevan', [44.51, 40.18], 'reaction'),
    KARABAKH,
  ],
};

/** More reaction points than CROWD_THRESHOLD: they are drawn from the clustered crowd source. */
const CROWD_IDS = Array.from({ length: 201 }, (_, i) => `crowd-${i}`);
const CROWDED: Places = {
  type: 'FeatureCollection',
  features: [
    ...ARTICLE.features,
    ...CROWD_IDS.map((id, i) =>
      pointPlace(id, [44.5 + (i % 20) * 0.35, 38.5 + Math.floor(i / 20) * 0.5], 'reaction'),
    ),
  ],
};

const ARTICLE_LAYERS = [
  'atlas-region-fill',
  'atlas-region-hatch',
  'atlas-region-outline',
  'atlas-place-circle',
  'atlas-place-label',
];

const markerPlace = (id: string, lngLat: [number, number], priority: number): MarkerPlace => ({
  id,
  kind: 'point',
  name: id,
  factCount: 1,
  priority,
  order: 0,
  lngLat,
});
const MARKER_PLACES = [
  markerPlace('stepanakert', [46.75, 39.82], 3),
  markerPlace('baku', [49.87, 40.41], 2),
  markerPlace('yerevan', [44.51, 40.18], 1),
];

const FILE: ImportedLayer = {
  fileName: 'roads.geojson',
  bbox: [45, 39, 48, 41],
  features: [
    { index: 0, id: null, title: 'Area', geometry: { type: 'Polygon', coordinates: [] }, properties: {} },
    {
      index: 1,
      id: 'x',
      title: 'Checkpoint',
      geometry: { type: 'Point', coordinates: [46.5, 39.9] },
      properties: {},
    },
  ],
};

/** A file with as many points as CLUSTER_MIN_POINTS: they are drawn from a clustered source of their own. */
const BIG_FILE: ImportedLayer = {
  fileName: 'points.geojson',
  bbox: [44, 38, 52, 44],
  features: Array.from({ length: 2000 }, (_, index) => ({
    index,
    id: null,
    title: `Point ${index}`,
    geometry: { type: 'Point' as const, coordinates: [44 + (index % 80) * 0.1, 38 + (index / 80) * 0.2] },
    properties: {},
  })),
};
const BIG_FILE_LAYERS = (n: number) => [
  `imported-${n}-fill`,
  `imported-${n}-line`,
  `imported-${n}-circle`,
  `imported-${n}-points-cluster`,
  `imported-${n}-points-count`,
  `imported-${n}-points-point`,
];

/** What addFile asks of the map for its n-th file. */
const FILE_OPS = (n: number, underRegion: string, underPlaces: string) => [
  { op: 'addSource', id: `imported-${n}` },
  { op: 'addLayer', id: `imported-${n}-fill`, before: underRegion },
  { op: 'addLayer', id: `imported-${n}-line`, before: underPlaces },
  { op: 'addLayer', id: `imported-${n}-circle`, before: underPlaces },
];

const rendered = (
  layerId: string,
  source: string,
  geometry: Geometry,
  properties: Record<string, unknown> = {},
  id?: string | number,
): RenderedFeature => ({
  layer: { id: layerId },
  source,
  geometry,
  properties,
  ...(id === undefined ? {} : { id }),
});
const POINT: Geometry = { type: 'Point', coordinates: [46.5, 39.9] };
const AREA: Geometry = { type: 'Polygon', coordinates: [] };

const popupRequest = (onClose = vi.fn()) => ({
  lngLat: [46.75, 39.82] as [number, number],
  content: el('div', {}, [el('h2', { text: 'Stepanakert', attrs: { id: 'popup-stepanakert-title' } })]),
  labelledBy: 'popup-stepanakert-title',
  keepInView: false,
  onClose,
});

describe('MapAdapter', () => {
  let fake: FakeMap;
  let map: MapLibreMap;
  let adapter: MapAdapter | undefined;
  let fonts: ReturnType<typeof stubDocumentFonts>;
  let documentListeners: ReturnType<typeof trackListeners>;

  beforeEach(() => {
    fonts = stubDocumentFonts();
    documentListeners = trackListeners(document);
    ({ fake, map } = createFakeMap());
  });

  afterEach(() => {
    adapter?.remove();
    adapter = undefined;
    documentListeners.restore();
    fonts.restore();
    document.body.replaceChildren();
  });

  /** The adapter as map-app.ts creates it: on a map whose first style already has the article's layers. */
  function start(places: Places | null = ARTICLE): { adapter: MapAdapter; plan: AtlasLayerPlan | undefined } {
    const plan = places ? planAtlasLayers(places) : undefined;
    if (plan) fake.replaceStyle({ sources: plan.sources, layers: plan.layers });
    adapter = new MapAdapter(map, plan);
    return { adapter, plan };
  }

  describe('on creation', () => {
    it('keeps the article’s layers that came with the style, and listens for hovers, style.load and the first idle', () => {
      start();
      expect(fake.log).toEqual([]);
      expect(fake.getLayersOrder()).toEqual(ARTICLE_LAYERS);
      expect(fake.listenerKeys()).toEqual([
        'idle', // the first complete idle (drawn())
        'idle', // the popup's loading
        'mouseenter@atlas-place-circle',
        'mouseenter@atlas-region-fill',
        'mouseleave@atlas-place-circle',
        'mouseleave@atlas-region-fill',
        'style.load',
      ]);
    });

    it('adds the article’s sources and layers when the style lacks them', () => {
      adapter = new MapAdapter(map, planAtlasLayers(ARTICLE));
      expect(fake.log).toEqual([
        { op: 'addSource', id: ATLAS_SOURCE },
        ...ARTICLE_LAYERS.map((id) => ({ op: 'addLayer', id })),
      ]);
    });

    it('with a crowd, listens for hovers on the crowd’s circles and clusters too', () => {
      start(CROWDED);
      expect(fake.listenerKeys().filter((k) => k.startsWith('mouseenter'))).toEqual([
        'mouseenter@atlas-crowd-circle',
        'mouseenter@atlas-crowd-cluster',
        'mouseenter@atlas-place-circle',
        'mouseenter@atlas-region-fill',
      ]);
    });

    it('with no article, adds nothing and only listens for style.load and the first complete idle (no popup to load)', () => {
      start(null);
      expect(fake.log).toEqual([]);
      expect(fake.listenerKeys()).toEqual(['idle', 'style.load']);
    });

    it('tells when the map has first drawn everything (drawn()), once', async () => {
      start();
      let drawn = 0;
      void adapter!.drawn().then(() => (drawn += 1));
      await Promise.resolve();
      expect(drawn).toBe(0);
      fake.fire('idle');
      await adapter!.drawn();
      expect(drawn).toBe(1);
      expect(fake.listenerKeys().filter((k) => k === 'idle')).toEqual([]);
    });
  });

  it('shows a pointer over a clickable article layer, and the default cursor again after', () => {
    start();
    fake.fire('mouseenter', {}, 'atlas-region-fill');
    expect(fake.canvas.style.cursor).toBe('pointer');
    fake.fire('mouseleave', {}, 'atlas-region-fill');
    expect(fake.canvas.style.cursor).toBe('');
    fake.fire('mouseenter', {}, 'atlas-place-circle');
    expect(fake.canvas.style.cursor).toBe('pointer');
  });

  describe('setSelectedPlace', () => {
    it('sets {selected: true} on the place and false on the one selected before, once each', () => {
      start();
      adapter!.setSelectedPlace('baku');
      expect(fake.featureStateCalls).toEqual([
        { target: { source: ATLAS_SOURCE, id: 'baku' }, state: { selected: true } },
      ]);
      fake.clearLog();
      adapter!.setSelectedPlace('stepanakert');
      expect(fake.featureStateCalls).toEqual([
        { target: { source: ATLAS_SOURCE, id: 'baku' }, state: { selected: false } },
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { selected: true } },
      ]);
      fake.clearLog();
      adapter!.setSelectedPlace('stepanakert');
      expect(fake.featureStateCalls).toEqual([]);
      adapter!.setSelectedPlace(null);
      expect(fake.featureStateCalls).toEqual([
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { selected: false } },
      ]);
    });

    it('sets it in the source that draws the place: the crowd’s for a crowd place', () => {
      start(CROWDED);
      adapter!.setSelectedPlace('crowd-7');
      adapter!.setSelectedPlace('baku');
      expect(fake.featureStateCalls).toEqual([
        { target: { source: CROWD_SOURCE, id: 'crowd-7' }, state: { selected: true } },
        { target: { source: CROWD_SOURCE, id: 'crowd-7' }, state: { selected: false } },
        { target: { source: ATLAS_SOURCE, id: 'baku' }, state: { selected: true } },
      ]);
    });

    it('marks the place’s marker as selected, also when the markers come after', () => {
      start();
      adapter!.setSelectedPlace('baku');
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      const selected = () => [...document.querySelectorAll('.place-marker-button.is-selected')];
      expect(selected()).toEqual([adapter!.markerButton('baku')]);
      adapter!.setSelectedPlace('yerevan');
      expect(selected()).toEqual([adapter!.markerButton('yerevan')]);
    });
  });

  describe('showMarkers', () => {
    it('gives markers to the places, names them by their marker (feature state marked) and reports presses by id', () => {
      start();
      const onActivate = vi.fn();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 2, onActivate }, () => false);
      const ids = [...document.querySelectorAll<HTMLElement>('.place-marker')].map((m) => m.dataset.placeId);
      expect(ids).toEqual(['stepanakert', 'baku']);
      expect(fake.featureStateCalls).toEqual([
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { marked: true } },
        { target: { source: ATLAS_SOURCE, id: 'baku' }, state: { marked: true } },
      ]);
      adapter!.markerButton('baku')!.click();
      expect(onActivate.mock.calls).toEqual([['baku']]);
      expect(adapter!.markerButton('yerevan')).toBeUndefined();
    });

    it('with a clustered crowd, gives no marker to a crowd place', () => {
      start(CROWDED);
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, (id) => id === 'yerevan');
      const ids = [...document.querySelectorAll<HTMLElement>('.place-marker')].map((m) => m.dataset.placeId);
      expect(ids).toEqual(['stepanakert', 'baku']);
    });

    it('without a clustered crowd, ignores isCrowd', () => {
      start();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => true);
      expect(document.querySelectorAll('.place-marker').length).toBe(3);
    });

    it('replaces the markers shown before, with no listener left from them', () => {
      start();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      const listeners = fake.listenerKeys();
      adapter!.showMarkers(MARKER_PLACES.slice(0, 1), { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      const ids = [...document.querySelectorAll<HTMLElement>('.place-marker')].map((m) => m.dataset.placeId);
      expect(ids).toEqual(['stepanakert']);
      // Two markers fewer: each Marker listens for six map events.
      const perMarker = ['click', 'idle', 'move', 'moveend', 'projectiontransition', 'terrain'];
      const expected = [...listeners];
      for (const type of [...perMarker, ...perMarker]) expected.splice(expected.indexOf(type), 1);
      expect(fake.listenerKeys()).toEqual(expected);
      expect(fonts.active()).toEqual(['loadingdone']);
    });

    it('setExpandedPlace points the marker at the popup', async () => {
      start();
      await adapter!.preparePopup();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      adapter!.setExpandedPlace('baku');
      const aria = (id: string) => {
        const b = adapter!.markerButton(id)!;
        return [b.getAttribute('aria-expanded'), b.getAttribute('aria-controls')];
      };
      expect([aria('baku'), aria('yerevan')]).toEqual([
        ['true', 'place-popup'],
        ['false', null],
      ]);
      adapter!.setExpandedPlace(null);
      expect([aria('baku'), aria('yerevan')]).toEqual([
        ['false', null],
        ['false', null],
      ]);
    });
  });

  describe('the camera', () => {
    it('reads the view and the visible bounds from the map', () => {
      start();
      expect(adapter!.view()).toEqual({ lng: 48, lat: 41, zoom: 6 });
      expect(adapter!.visible()).toEqual({
        bounds: [44, 38, 52, 44],
        zoom: 6,
        size: { width: 800, height: 600 },
      });
      // Less what covers the map: 150 px of the 600 px height at the bottom, 100 px of the 800 px width on the left.
      expect(adapter!.visible({ top: 0, right: 0, bottom: 150, left: 100 })).toEqual({
        bounds: [45, 39.5, 52, 44],
        zoom: 6,
        size: { width: 800, height: 600 },
      });
      expect(fake.resizes).toBe(0);
    });

    it('resizes the map to its container first when the container has just changed size', () => {
      start();
      // A phone's sheet closed as a place was chosen in it: the map's container grew, the map not yet.
      fake.setContainerSize(800, 900);
      expect(adapter!.visible().size).toEqual({ width: 800, height: 900 });
      expect(fake.resizes).toBe(1);
      adapter!.visible();
      expect(fake.resizes).toBe(1);
    });

    it('jumps to a view, and moves by a fit or a jump camera at once', () => {
      start();
      adapter!.jumpTo({ lng: 46.7, lat: 39.8, zoom: 9 });
      const padding = { top: 40, right: 40, bottom: 300, left: 40 };
      adapter!.move({ kind: 'fit', bounds: [45, 39, 47, 41], padding, maxZoom: 9 });
      adapter!.move({ kind: 'jump', center: [46, 40], zoom: 8 });
      adapter!.move({ kind: 'jump', center: [46, 40], zoom: 8, offset: [0, -130] });
      expect(fake.cameraCalls).toEqual([
        { method: 'jumpTo', options: { center: [46.7, 39.8], zoom: 9 } },
        { method: 'fitBounds', bounds: [45, 39, 47, 41], options: { padding, maxZoom: 9, duration: 0 } },
        { method: 'jumpTo', options: { center: [46, 40], zoom: 8 } },
        // A jump to a point off the centre (above a sheet) is an ease of no duration.
        { method: 'easeTo', options: { center: [46, 40], zoom: 8, offset: [0, -130], duration: 0 } },
      ]);
    });

    it('draws the world beyond ±180 before fitting a box across the antimeridian, and only then', () => {
      start();
      const padding = { top: 60, right: 60, bottom: 60, left: 60 };
      adapter!.move({ kind: 'fit', bounds: [45, 39, 180, 41], padding, maxZoom: 9 });
      expect(fake.renderWorldCopies).toBeUndefined();
      adapter!.move({ kind: 'fit', bounds: [177, -19.2, 182, -16], padding, maxZoom: 9 });
      expect(fake.renderWorldCopies).toBe(true);
      expect(fake.cameraCalls.at(-1)).toEqual({
        method: 'fitBounds',
        bounds: [177, -19.2, 182, -16],
        options: { padding, maxZoom: 9, duration: 0 },
      });
    });

    it('onViewChange reports the view at each moveend, until stopped', () => {
      start();
      const listener = vi.fn();
      const stop = adapter!.onViewChange(listener);
      fake.fire('moveend');
      expect(listener.mock.calls).toEqual([[{ lng: 48, lat: 41, zoom: 6 }]]);
      stop();
      fake.fire('moveend');
      expect(listener).toHaveBeenCalledTimes(1);
      expect(fake.listenerKeys().includes('moveend')).toBe(false);
    });

    it('onResize reports the bounds shown before each resize (as of the last moveend), until stopped', () => {
      start();
      const listener = vi.fn();
      const first = [...fake.bounds];
      const stop = adapter!.onResize(listener);
      // The resize has already changed what the map shows when MapLibre fires it.
      fake.bounds = [46, 40, 50, 42];
      fake.fire('resize');
      fake.fire('moveend');
      fake.bounds = [47, 40.5, 49, 41];
      fake.fire('resize');
      expect(listener.mock.calls).toEqual([[first], [[46, 40, 50, 42]]]);
      stop();
      fake.fire('resize');
      expect(listener).toHaveBeenCalledTimes(2);
      expect(fake.listenerKeys().filter((k) => k === 'resize' || k === 'moveend')).toEqual([]);
    });

    it('afterNextIdle calls back once at the next idle, drawing a frame when the map is idle already', () => {
      start();
      const then = vi.fn();
      adapter!.afterNextIdle(then);
      expect(fake.repaints).toBe(1);
      fake.fire('idle');
      fake.fire('idle');
      expect(then).toHaveBeenCalledTimes(1);
      fake.isLoaded = false;
      adapter!.afterNextIdle(vi.fn());
      expect(fake.repaints).toBe(1);
    });
  });

  describe('onClick', () => {
    function clicked(hits: RenderedFeature[], at: [number, number] = [400, 300]): MapHit[] {
      const handler = vi.fn<(hit: MapHit) => void>();
      adapter!.onClick(handler);
      fake.rendered = hits;
      fake.click(at);
      return handler.mock.calls.map(([hit]) => hit);
    }

    it('asks the map once, at the pointer, in the article’s clickable layers and the files’', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(FILE);
      fake.clearLog();
      clicked([]);
      expect(fake.queries).toEqual([
        {
          geometry: [400, 300],
          options: {
            layers: [
              'atlas-place-circle',
              'atlas-region-fill',
              'imported-1-fill',
              'imported-1-line',
              'imported-1-circle',
            ],
          },
        },
      ]);
    });

    it('reports nothing when nothing clickable is under the pointer', () => {
      start();
      expect(clicked([])).toEqual([]);
    });

    it('opens an article point before an opened file’s point on top of it', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(FILE);
      const hits = [
        rendered('imported-1-circle', 'imported-1', POINT, { index: 1 }, 1),
        rendered('atlas-place-circle', ATLAS_SOURCE, POINT, { id: 'stepanakert' }, 'stepanakert'),
      ];
      expect(clicked(hits)).toEqual([{ kind: 'place', placeId: 'stepanakert' }]);
    });

    it('opens an opened file’s point inside the article’s region, where it was clicked', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(FILE);
      const hits = [
        rendered('atlas-region-fill', ATLAS_SOURCE, AREA, { id: 'karabakh' }, 'karabakh'),
        rendered('imported-1-circle', 'imported-1', POINT, { index: 1 }, 1),
      ];
      // Container pixel (200, 300) is lng 46, lat 41 on the fake map.
      expect(clicked(hits, [200, 300])).toEqual([
        { kind: 'file-feature', fileId: 'imported-1', index: 1, at: [46, 41] },
      ]);
    });

    it('opens the article’s region before an opened file’s area drawn over it', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(FILE);
      const hits = [
        rendered('imported-1-fill', 'imported-1', AREA, { index: 0 }, 0),
        rendered('atlas-region-fill', ATLAS_SOURCE, AREA, { id: 'karabakh' }, 'karabakh'),
      ];
      expect(clicked(hits)).toEqual([{ kind: 'place', placeId: 'karabakh' }]);
    });

    it('opens a cluster by zooming to where its places separate, and reports nothing', async () => {
      start(CROWDED);
      fake.clusterExpansionZoom = 9;
      const hits = [
        rendered(
          'atlas-crowd-cluster',
          CROWD_SOURCE,
          { type: 'Point', coordinates: [46.5, 40.1] },
          {
            cluster: true,
            cluster_id: 17,
            point_count: 30,
          },
        ),
      ];
      expect(clicked(hits)).toEqual([]);
      expect(fake.clusterRequests).toEqual([17]);
      await vi.waitFor(() => expect(fake.cameraCalls.length).toBe(1));
      expect(fake.cameraCalls).toEqual([{ method: 'easeTo', options: { center: [46.5, 40.1], zoom: 9 } }]);
    });

    it('asks the map for a clustered file’s clusters and single points, not for the counts over the clusters', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(BIG_FILE);
      fake.clearLog();
      clicked([]);
      expect(fake.queries.map((q) => (q.options as { layers: string[] }).layers)).toEqual([
        [
          'atlas-place-circle',
          'atlas-region-fill',
          'imported-1-fill',
          'imported-1-line',
          'imported-1-circle',
          'imported-1-points-cluster',
          'imported-1-points-point',
        ],
      ]);
    });

    it('opens a file’s cluster by zooming to where it splits, from the file’s clustered source, and reports nothing', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(BIG_FILE);
      fake.clusterExpansionZoom = 11;
      const hits = [
        rendered(
          'imported-1-points-cluster',
          'imported-1-points',
          { type: 'Point', coordinates: [45.25, 39.5] },
          { cluster: true, cluster_id: 4242, point_count: 120, point_count_abbreviated: '120' },
          4242,
        ),
      ];
      expect(clicked(hits)).toEqual([]);
      expect(fake.clusterRequests).toEqual([4242]);
      await vi.waitFor(() => expect(fake.cameraCalls.length).toBe(1));
      expect(fake.cameraCalls).toEqual([{ method: 'easeTo', options: { center: [45.25, 39.5], zoom: 11 } }]);
    });

    it('opens a clustered file’s single point as that feature of the file, by its index', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(FILE);
      adapter!.addFile(BIG_FILE);
      const hits = [rendered('imported-2-points-point', 'imported-2-points', POINT, { index: 1234 }, 1234)];
      expect(clicked(hits, [200, 300])).toEqual([
        { kind: 'file-feature', fileId: 'imported-2', index: 1234, at: [46, 41] },
      ]);
      expect(fake.clusterRequests).toEqual([]);
    });

    it('opens an article point before a file’s cluster under it', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(BIG_FILE);
      const hits = [
        rendered(
          'imported-1-points-cluster',
          'imported-1-points',
          POINT,
          { cluster: true, cluster_id: 1 },
          1,
        ),
        rendered('atlas-place-circle', ATLAS_SOURCE, POINT, { id: 'stepanakert' }, 'stepanakert'),
      ];
      expect(clicked(hits)).toEqual([{ kind: 'place', placeId: 'stepanakert' }]);
      expect(fake.clusterRequests).toEqual([]);
    });

    it('stops listening when the returned function is called', () => {
      start();
      const handler = vi.fn();
      const stop = adapter!.onClick(handler);
      stop();
      fake.rendered = [rendered('atlas-place-circle', ATLAS_SOURCE, POINT, { id: 'baku' }, 'baku')];
      fake.click([400, 300]);
      expect(handler).toHaveBeenCalledTimes(0);
      expect(fake.listenerKeys().includes('click')).toBe(false);
    });
  });

  describe('opened files', () => {
    it('addFile adds one source and three layers (areas under the region, the rest under the places)', async () => {
      start();
      await adapter!.prepareFiles();
      expect(adapter!.addFile(FILE)).toBe('imported-1');
      expect(fake.log).toEqual(FILE_OPS(1, 'atlas-region-fill', 'atlas-place-circle'));
      expect(fake.getLayersOrder()).toEqual([
        'imported-1-fill',
        'atlas-region-fill',
        'atlas-region-hatch',
        'atlas-region-outline',
        'imported-1-line',
        'imported-1-circle',
        'atlas-place-circle',
        'atlas-place-label',
      ]);
      expect(adapter!.addFile(FILE)).toBe('imported-2');
    });

    it('removeFile removes exactly that file’s layers, then its source', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(FILE);
      adapter!.addFile(FILE);
      fake.clearLog();
      adapter!.removeFile('imported-1');
      expect(fake.log).toEqual([
        { op: 'removeLayer', id: 'imported-1-fill' },
        { op: 'removeLayer', id: 'imported-1-line' },
        { op: 'removeLayer', id: 'imported-1-circle' },
        { op: 'removeSource', id: 'imported-1' },
      ]);
      expect([...fake.sources.keys()]).toEqual([ATLAS_SOURCE, 'imported-2']);
      fake.clearLog();
      adapter!.removeFile('imported-1');
      adapter!.removeFile('not-a-file');
      expect(fake.log).toEqual([]);
    });
  });

  describe('the code that draws files, loaded when first needed', () => {
    it('addFile before it has loaded gives the file’s id at once, loads it, and then draws the file', async () => {
      start();
      expect(adapter!.addFile(FILE)).toBe('imported-1');
      expect(fake.log).toEqual([]);
      // A click before then finds nothing of the file.
      const handler = vi.fn();
      adapter!.onClick(handler);
      fake.click([400, 300]);
      expect(fake.queries.map((q) => (q.options as { layers: string[] }).layers)).toEqual([
        ['atlas-place-circle', 'atlas-region-fill'],
      ]);
      await adapter!.prepareFiles();
      expect(fake.log).toEqual(FILE_OPS(1, 'atlas-region-fill', 'atlas-place-circle'));
      // Loaded once: a second file is drawn at once.
      fake.clearLog();
      expect(adapter!.addFile(FILE)).toBe('imported-2');
      expect(fake.log).toEqual(FILE_OPS(2, 'atlas-region-fill', 'atlas-place-circle'));
    });

    it('a file removed before the code came is never drawn', async () => {
      start();
      adapter!.addFile(FILE);
      adapter!.removeFile('imported-1');
      await adapter!.prepareFiles();
      expect(fake.log).toEqual([]);
    });

    it('a file open when the adapter is removed before the code came is never drawn', async () => {
      const { adapter: removed } = start();
      removed.addFile(FILE);
      removed.remove();
      adapter = undefined;
      await removed.prepareFiles();
      expect(fake.log).toEqual([]);
    });
  });

  describe('opened files with many points', () => {
    it('addFile adds the file’s source, its clustered points’ source and six layers, under the places', async () => {
      start();
      await adapter!.prepareFiles();
      expect(adapter!.addFile(BIG_FILE)).toBe('imported-1');
      expect(fake.log).toEqual([
        { op: 'addSource', id: 'imported-1' },
        { op: 'addSource', id: 'imported-1-points' },
        { op: 'addLayer', id: 'imported-1-fill', before: 'atlas-region-fill' },
        ...BIG_FILE_LAYERS(1)
          .slice(1)
          .map((id) => ({ op: 'addLayer', id, before: 'atlas-place-circle' })),
      ]);
    });

    it('removeFile removes all six layers, then both sources; a new style gets them back', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(BIG_FILE);
      fake.replaceStyle({});
      fake.fire('style.load');
      expect([...fake.sources.keys()]).toEqual([ATLAS_SOURCE, 'imported-1', 'imported-1-points']);
      fake.clearLog();
      adapter!.removeFile('imported-1');
      expect(fake.log).toEqual([
        ...BIG_FILE_LAYERS(1).map((id) => ({ op: 'removeLayer', id })),
        { op: 'removeSource', id: 'imported-1' },
        { op: 'removeSource', id: 'imported-1-points' },
      ]);
      expect([...fake.sources.keys()]).toEqual([ATLAS_SOURCE]);
      expect(fake.getLayersOrder()).toEqual(ARTICLE_LAYERS);
    });

    it('remove() takes a clustered file off the map', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.addFile(BIG_FILE);
      adapter!.remove();
      adapter = undefined;
      expect([...fake.sources.keys()]).toEqual([ATLAS_SOURCE]);
      expect(fake.getLayersOrder()).toEqual(ARTICLE_LAYERS);
    });
  });

  describe('setPlaceLabels', () => {
    const field = () => fake.getLayer('atlas-place-label')?.layout?.['text-field' as never];
    it('names the places’ labels by a name set, falling back to the article’s names, and back', () => {
      start();
      adapter!.setPlaceLabels({ stepanakert: 'Xankəndi (Stepanakert)' });
      expect(field()).toEqual([
        'coalesce',
        ['get', ['get', 'id'], ['literal', { stepanakert: 'Xankəndi (Stepanakert)' }]],
        ['get', 'name'],
      ]);
      // A new style keeps them.
      fake.replaceStyle({});
      fake.fire('style.load');
      expect(field()).toEqual([
        'coalesce',
        ['get', ['get', 'id'], ['literal', { stepanakert: 'Xankəndi (Stepanakert)' }]],
        ['get', 'name'],
      ]);
      adapter!.setPlaceLabels(null);
      expect(field()).toEqual(['get', 'name']);
    });
  });

  describe('after a new style (style.load)', () => {
    it('puts back the article’s layers, the files’ and the selection’s feature state, and marks the markers again', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.showMarkers(MARKER_PLACES.slice(0, 2), { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      adapter!.setSelectedPlace('stepanakert');
      adapter!.addFile(FILE);
      // The fallback basemap: a style without the article's or the files' sources and layers.
      fake.replaceStyle({});
      fake.clearLog();
      fake.fire('style.load');
      expect(fake.log).toEqual([
        { op: 'addSource', id: ATLAS_SOURCE },
        ...ARTICLE_LAYERS.map((id) => ({ op: 'addLayer', id })),
        ...FILE_OPS(1, 'atlas-region-fill', 'atlas-place-circle'),
      ]);
      expect(fake.featureStateCalls).toEqual([
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { selected: true } },
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { marked: true } },
        { target: { source: ATLAS_SOURCE, id: 'baku' }, state: { marked: true } },
      ]);
      expect(fake.getFeatureState({ source: ATLAS_SOURCE, id: 'stepanakert' })).toEqual({
        selected: true,
        marked: true,
      });
      // The file is still the adapter's: it can be removed.
      fake.clearLog();
      adapter!.removeFile('imported-1');
      expect(fake.log.map((o) => o.op)).toEqual([
        'removeLayer',
        'removeLayer',
        'removeLayer',
        'removeSource',
      ]);
    });

    it('covers the basemap labels under the markers again: the new style has no feature state', () => {
      const basemap = buildBasemapStyle({
        tilesUrl: 'tiles/{z}/{x}/{y}.pbf',
        labelsUrl: 'labels.geojson',
        fontFaces: {},
      });
      const plan = planAtlasLayers(ARTICLE);
      fake.replaceStyle({
        sources: { ...basemap.sources, ...plan.sources },
        layers: [...basemap.layers, ...plan.layers],
      });
      adapter = new MapAdapter(map, plan);
      // The fake finds this label under every box: each marker must cover it.
      fake.rendered = [
        rendered('basemap-label-sea', BASEMAP_SOURCE.labels, POINT, { name: 'Caspian Sea' }, 'Caspian Sea'),
      ];
      const caspian = { source: BASEMAP_SOURCE.labels, id: 'Caspian Sea' };
      adapter.showMarkers(MARKER_PLACES.slice(0, 1), { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      expect(fake.featureStateCalls).toEqual([
        { target: caspian, state: { covered: true } },
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { marked: true } },
      ]);
      // The fallback basemap: its labels, none of the article's layers, no feature state.
      fake.replaceStyle(basemap);
      fake.clearLog();
      fake.fire('style.load');
      expect(fake.featureStateCalls).toEqual([
        { target: caspian, state: { covered: true } },
        { target: { source: ATLAS_SOURCE, id: 'stepanakert' }, state: { marked: true } },
      ]);
      expect(fake.getFeatureState(caspian)).toEqual({ covered: true });
    });

    it('adds nothing when the style kept them', async () => {
      start();
      await adapter!.prepareFiles();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      adapter!.setSelectedPlace('baku');
      adapter!.addFile(FILE);
      fake.clearLog();
      fake.fire('style.load');
      expect(fake.log).toEqual([]);
      expect(fake.featureStateCalls).toEqual([]);
    });
  });

  describe('the popup', () => {
    it('loads at the map’s first idle, once: its Escape listener is added then', async () => {
      start();
      expect(documentListeners.active()).toEqual([]);
      fake.fire('idle');
      expect(fake.listenerKeys().includes('idle')).toBe(false);
      await vi.waitFor(() => expect(documentListeners.active()).toEqual(['keydown']));
      fake.fire('idle');
      expect(adapter!.preparePopup()).toBe(adapter!.preparePopup());
      await adapter!.preparePopup();
      expect(documentListeners.active()).toEqual(['keydown']);
    });

    it('until it has loaded, is a popup never opened: no inset, no pan, nothing to close, no aria-controls', () => {
      start();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      expect(adapter!.popupInset()).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
      adapter!.keepPopupInView();
      adapter!.closePopup();
      expect(fake.cameraCalls).toEqual([]);
      adapter!.setExpandedPlace('baku');
      const baku = adapter!.markerButton('baku')!;
      expect([baku.getAttribute('aria-expanded'), baku.getAttribute('aria-controls')]).toEqual([
        'true',
        null,
      ]);
      expect(() => adapter!.openPopup(popupRequest())).toThrow(
        'MapAdapter.openPopup: the popup is not loaded (await preparePopup())',
      );
      expect(document.querySelectorAll('.maplibregl-popup').length).toBe(0);
    });

    it('is not made when the adapter was removed while it loaded', async () => {
      start();
      const loading = adapter!.preparePopup();
      adapter!.remove();
      await loading;
      adapter = undefined;
      expect(documentListeners.active()).toEqual([]);
      expect(fake.listenerKeys()).toEqual([]);
    });

    it('opens a place’s popup clear of the place’s marker button; a popup of no place avoids every marker where it can', async () => {
      start();
      await adapter!.preparePopup();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      // happy-dom lays nothing out: Stepanakert's button (at 275, 418 on the fake map) is given a
      // callout box reaching 60 px above its dot.
      adapter!.markerButton('stepanakert')!.getBoundingClientRect = () => new DOMRect(264, 358, 200, 71);
      adapter!.openPopup(popupRequest(), 'stepanakert');
      const transform = () => document.getElementById('place-popup')!.style.transform;
      expect(transform()).toBe('translate(-50%,-100%) translate(275px,352px)');
      // Above its point it would cover Stepanakert's callout: below, clear of its symbol (19 px).
      adapter!.openPopup(popupRequest());
      expect(transform()).toBe('translate(-50%,0) translate(275px,437px)');
    });
  });

  describe('remove()', () => {
    it('leaves no listener on the map, on document or on document.fonts, and no marker, popup or file', async () => {
      const { plan } = start();
      await adapter!.preparePopup();
      await adapter!.prepareFiles();
      adapter!.showMarkers(MARKER_PLACES, { maxMarkers: 5, onActivate: vi.fn() }, () => false);
      adapter!.setSelectedPlace('baku');
      adapter!.onClick(vi.fn());
      adapter!.onViewChange(vi.fn());
      const stopped = vi.fn();
      adapter!.onRemove(stopped);
      const onClose = vi.fn();
      adapter!.openPopup(popupRequest(onClose));
      adapter!.addFile(FILE);
      // What there was to remove: the popup's Escape, the markers' font watch, many map listeners.
      expect(documentListeners.active()).toEqual(['keydown']);
      expect(fonts.active()).toEqual(['loadingdone']);
      const perMarker = ['click', 'idle', 'move', 'moveend', 'projectiontransition', 'terrain'];
      expect(fake.listenerKeys()).toEqual(
        [
          ...['mouseenter@atlas-place-circle', 'mouseenter@atlas-region-fill'],
          ...['mouseleave@atlas-place-circle', 'mouseleave@atlas-region-fill', 'style.load'],
          'idle', // the popup's loading, at the first idle
          'idle', // the first complete idle (drawn())
          ...['moveend', 'resize'], // the markers' layout
          ...['sourcedata', 'render', 'moveend', 'idle'], // the basemap label cover
          ...perMarker,
          ...perMarker,
          ...perMarker,
          ...['click', 'moveend'], // onClick, onViewChange
          ...['click', 'idle', 'move', 'projectiontransition', 'remove', 'terrain'], // the popup
          ...['moveend', 'resize'], // the popup placed again
        ].sort(),
      );
      expect(document.querySelectorAll('.place-marker, .maplibregl-popup').length).toBe(4);

      adapter!.remove();
      expect(fake.listenerKeys()).toEqual([]);
      expect(documentListeners.active()).toEqual([]);
      expect(fonts.active()).toEqual([]);
      expect(document.querySelectorAll('.place-marker, .maplibregl-popup').length).toBe(0);
      expect(fake.getLayersOrder()).toEqual(plan!.layers.map((l) => l.id));
      expect([...fake.sources.keys()]).toEqual([ATLAS_SOURCE]);
      expect(stopped).toHaveBeenCalledTimes(1);
      expect(onClose).toHaveBeenCalledTimes(0);
      // The article's places show as without the adapter: none selected, every GPU label shown.
      expect(fake.getFeatureState({ source: ATLAS_SOURCE, id: 'baku' })).toEqual({
        selected: false,
        marked: false,
      });
      expect(fake.getFeatureState({ source: ATLAS_SOURCE, id: 'stepanakert' })).toEqual({ marked: false });
      adapter = undefined;
    });

    it('closes the popup by code: closePopup calls no onClose', async () => {
      start();
      await adapter!.preparePopup();
      const onClose = vi.fn();
      adapter!.openPopup(popupRequest(onClose));
      expect(document.getElementById('place-popup')?.getAttribute('aria-labelledby')).toBe(
        'popup-stepanakert-title',
      );
      adapter!.closePopup();
      expect(document.getElementById('place-popup')).toBeNull();
      expect(onClose).toHaveBeenCalledTimes(0);
    });

    it('also takes back an afterNextIdle that has not run yet', () => {
      start();
      const then = vi.fn();
      adapter!.afterNextIdle(then);
      adapter!.remove();
      adapter = undefined;
      expect(fake.listenerKeys()).toEqual([]);
    });
  });
});
