import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createFakeMap, type FakeMap, type RenderedFeature } from '../../tests/helpers/fake-map';
import { BasemapLabelCover } from './basemap-label-cover';
import { BASEMAP_SOURCE, buildBasemapStyle } from './basemap-style';

const BASEMAP = buildBasemapStyle({
  tilesUrl: 'tiles/{z}/{x}/{y}.pbf',
  labelsUrl: 'labels.geojson',
  fontFaces: {},
});

/** A feature as queryRenderedFeatures hands back a basemap label (the labels’ source promotes `id`). */
const label = (layerId: string, id: string | number): RenderedFeature => ({
  id,
  source: BASEMAP_SOURCE.labels,
  layer: { id: layerId },
  geometry: { type: 'Point', coordinates: [50, 40] },
  properties: { name: id },
});

const covered = (id: string, value: boolean) => ({
  target: { source: BASEMAP_SOURCE.labels, id },
  state: { covered: value },
});

/** A tile of the labels arrived (MapLibre's sourcedata for a loaded tile carries it). */
const labelsTile = { sourceId: BASEMAP_SOURCE.labels, tile: {} };

describe('BasemapLabelCover', () => {
  let fake: FakeMap;
  let cover: BasemapLabelCover;

  beforeEach(() => {
    const created = createFakeMap();
    fake = created.fake;
    fake.replaceStyle(BASEMAP);
    cover = new BasemapLabelCover(created.map);
  });

  describe('labelsUnder', () => {
    it('asks for what is rendered in the basemap label layers the style has, under the box, and names each label once, a party’s as fixed', () => {
      fake.replaceStyle({
        ...BASEMAP,
        layers: BASEMAP.layers.filter((l) => l.id !== 'basemap-label-region'),
      });
      fake.rendered = [
        label('basemap-label-sea', 'Caspian Sea'),
        label('basemap-label-country', 'Azerbaijan'),
        // A label that spans two tiles comes back once from each.
        label('basemap-label-country', 'Azerbaijan'),
        label('basemap-label-sea', 7),
        label('basemap-label-party-country', 'Armenia'),
      ];
      expect(cover.labelsUnder({ left: 10, top: 20, right: 110, bottom: 50 })).toEqual([
        { id: 'Caspian Sea', fixed: false },
        { id: 'Azerbaijan', fixed: false },
        { id: '7', fixed: false },
        { id: 'Armenia', fixed: true },
      ]);
      expect(fake.queries).toEqual([
        {
          geometry: [
            [10, 20],
            [110, 50],
          ],
          options: {
            layers: [
              'basemap-label-sea',
              'basemap-label-country',
              'basemap-label-party-country',
              'basemap-label-party-region',
            ],
          },
        },
      ]);
    });

    it('finds nothing, and asks the map nothing, in a style without basemap labels', () => {
      fake.replaceStyle({});
      fake.rendered = [label('basemap-label-sea', 'Caspian Sea')];
      expect(cover.labelsUnder({ left: 0, top: 0, right: 800, bottom: 600 })).toEqual([]);
      expect(fake.queries).toEqual([]);
    });
  });

  describe('setCovered', () => {
    it('sets covered true on the labels that gain it and false on those that lose it, nothing on the rest', () => {
      cover.setCovered(new Set(['Caspian Sea', 'Azerbaijan']));
      expect(fake.featureStateCalls).toEqual([covered('Caspian Sea', true), covered('Azerbaijan', true)]);
      fake.clearLog();
      cover.setCovered(new Set(['Azerbaijan', 'Armenia']));
      expect(fake.featureStateCalls).toEqual([covered('Caspian Sea', false), covered('Armenia', true)]);
      fake.clearLog();
      cover.setCovered(new Set(['Azerbaijan', 'Armenia']));
      expect(fake.featureStateCalls).toEqual([]);
      expect(fake.getFeatureState({ source: BASEMAP_SOURCE.labels, id: 'Caspian Sea' })).toEqual({
        covered: false,
      });
    });

    it('sets nothing in a style without the labels’ source (MapLibre would fire an error)', () => {
      fake.replaceStyle({});
      cover.setCovered(new Set(['Caspian Sea']));
      expect(fake.featureStateCalls).toEqual([]);
    });
  });

  describe('onLabelsPlaced', () => {
    let onPlaced: Mock<() => void>;
    /** Renders a frame; how many times onPlaced has been called by then. */
    const render = () => {
      fake.fire('render');
      return onPlaced.mock.calls.length;
    };

    beforeEach(() => {
      onPlaced = vi.fn();
      cover.onLabelsPlaced(onPlaced);
    });

    it('listens to sourcedata, render, moveend and idle; a second call replaces the first', () => {
      expect(fake.listenerKeys()).toEqual(['idle', 'moveend', 'render', 'sourcedata']);
      const second = vi.fn();
      cover.onLabelsPlaced(second);
      expect(fake.listenerKeys()).toEqual(['idle', 'moveend', 'render', 'sourcedata']);
      fake.fire('sourcedata', labelsTile);
      expect([render(), second.mock.calls.length]).toEqual([0, 1]);
    });

    it('calls back once, at the first frame rendered after a tile of the labels arrived', () => {
      expect(render()).toBe(0);
      fake.fire('sourcedata', labelsTile);
      expect(onPlaced).toHaveBeenCalledTimes(0);
      expect(render()).toBe(1);
      expect(render()).toBe(1);
    });

    it('does not call back for the land’s tiles or for the labels’ data without a tile', () => {
      fake.fire('sourcedata', { sourceId: BASEMAP_SOURCE.tiles, tile: {} });
      fake.fire('sourcedata', { sourceId: BASEMAP_SOURCE.labels });
      expect(render()).toBe(0);
    });

    it('does not call back while the map moves, but at the first frame after it stopped', () => {
      fake.fire('sourcedata', labelsTile);
      fake.moving = true;
      expect(render()).toBe(0);
      fake.moving = false;
      expect(render()).toBe(1);
    });

    it('does not call back for tiles that arrived before a moveend (the markers are laid out at moveend)', () => {
      fake.fire('sourcedata', labelsTile);
      fake.fire('moveend');
      expect(render()).toBe(0);
      fake.fire('sourcedata', labelsTile);
      expect(render()).toBe(1);
    });

    it('calls back once at the first idle after a move (the new view’s labels are placed by then), not at others', () => {
      fake.fire('idle');
      expect(onPlaced).toHaveBeenCalledTimes(0);
      fake.fire('moveend');
      expect(onPlaced).toHaveBeenCalledTimes(0);
      fake.fire('idle');
      expect(onPlaced).toHaveBeenCalledTimes(1);
      fake.fire('idle');
      expect(onPlaced).toHaveBeenCalledTimes(1);
    });
  });

  describe('remove()', () => {
    it('removes its listeners and uncovers the labels it covered, once', () => {
      const onPlaced = vi.fn();
      cover.onLabelsPlaced(onPlaced);
      cover.setCovered(new Set(['Caspian Sea', 'Azerbaijan']));
      fake.clearLog();
      cover.remove();
      expect(fake.listenerKeys()).toEqual([]);
      expect(fake.featureStateCalls).toEqual([covered('Caspian Sea', false), covered('Azerbaijan', false)]);
      fake.clearLog();
      cover.remove();
      fake.fire('sourcedata', labelsTile);
      fake.fire('render');
      expect(fake.featureStateCalls).toEqual([]);
      expect(onPlaced).toHaveBeenCalledTimes(0);
    });
  });

  describe('forgetCovered', () => {
    it('after a new style, which has no feature state, covers the same labels again', () => {
      cover.setCovered(new Set(['Caspian Sea', 'Azerbaijan']));
      fake.replaceStyle(BASEMAP);
      fake.clearLog();
      cover.forgetCovered();
      expect(fake.featureStateCalls).toEqual([]);
      cover.setCovered(new Set(['Caspian Sea', 'Azerbaijan']));
      expect(fake.featureStateCalls).toEqual([covered('Caspian Sea', true), covered('Azerbaijan', true)]);
      expect(fake.getFeatureState({ source: BASEMAP_SOURCE.labels, id: 'Caspian Sea' })).toEqual({
        covered: true,
      });
    });
  });
});
