import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { syntheticAtlas } from '../../scripts/synthetic-atlas';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { mapFeatures } from '../domain/atlas-summary';
import { validateAtlas } from '../domain/validate-atlas';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  ATLAS_SOURCE,
  CROWD_SOURCE,
  HATCH_IMAGE,
  hatchImage,
  lowestArticleLayer,
  planAtlasLayers,
  provideHatchImage,
  withAtlasLayers,
} from './atlas-layers';
import { buildBasemapStyle } from './basemap-style';

const basemap = buildBasemapStyle({
  tilesUrl: 'http://x/tiles/{z}/{x}/{y}.pbf',
  labelsUrl: 'http://x/labels.geojson',
  fontFaces: {},
});

describe('the article layers in the map style', () => {
  it('passes the style spec with the real atlas, unclustered, on top of the basemap under the parties’ labels', () => {
    const atlas = validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;
    const plan = planAtlasLayers(mapFeatures(buildAtlasModel(atlas)));
    const style = withAtlasLayers(basemap, plan);
    expect(validateStyleMin(style)).toEqual([]);
    expect(plan.onMap.clustered).toBe(false);
    expect(Object.keys(plan.sources)).toEqual([ATLAS_SOURCE]);
    // MapLibre places the top layer's labels first: the article's labels give way to the parties'.
    expect(style.layers.slice(basemap.layers.length - 2).map((l) => l.id)).toEqual([
      'atlas-region-fill',
      'atlas-region-hatch',
      'atlas-region-outline',
      'atlas-place-circle',
      'atlas-place-label',
      'basemap-label-party-region',
      'basemap-label-party-country',
    ]);
  });

  it('clusters the crowd of a 1,000-place atlas under the story places, and knows where each place is drawn', () => {
    const s = syntheticAtlas(1000, 1);
    const atlas = validateAtlas({ article: s.article, places: s.places, facts: s.facts }, FILE_NAMES).atlas!;
    const plan = planAtlasLayers(mapFeatures(buildAtlasModel(atlas)));
    expect(validateStyleMin(withAtlasLayers(basemap, plan))).toEqual([]);
    expect(plan.onMap.clustered).toBe(true);
    expect(plan.layers.map((l) => l.id)).toEqual([
      'atlas-region-fill',
      'atlas-region-hatch',
      'atlas-region-outline',
      'atlas-crowd-cluster',
      'atlas-crowd-count',
      'atlas-crowd-circle',
      'atlas-crowd-label',
      'atlas-place-circle',
      'atlas-place-label',
    ]);
    // The crowd's single points are drawn and named as the story's places are.
    expect(
      plan.layers
        .filter((l) => l.id.startsWith('atlas-crowd-'))
        .map((l) => [l.id, l.type, 'source' in l ? l.source : undefined]),
    ).toEqual([
      ['atlas-crowd-cluster', 'circle', CROWD_SOURCE],
      ['atlas-crowd-count', 'symbol', CROWD_SOURCE],
      ['atlas-crowd-circle', 'circle', CROWD_SOURCE],
      ['atlas-crowd-label', 'symbol', CROWD_SOURCE],
    ]);
    // Twelve story places stay in the main source; the other 987 points are the crowd.
    expect([
      plan.onMap.sourceOf('p-0'),
      plan.onMap.sourceOf('p-11'),
      plan.onMap.sourceOf('p-12'),
      plan.onMap.sourceOf('region'),
    ]).toEqual([ATLAS_SOURCE, ATLAS_SOURCE, CROWD_SOURCE, ATLAS_SOURCE]);
  });

  it('draws the region with constant fill paint and no antialiased fill edge, so it needs no shader program beyond the basemap’s fill, a pattern and a dashed line', () => {
    const fills = planAtlasLayers({ type: 'FeatureCollection', features: [] }).layers.filter(
      (l) => l.type === 'fill',
    );
    expect(fills.map((l) => [l.id, l.paint])).toEqual([
      ['atlas-region-fill', { 'fill-color': '#b3261e', 'fill-opacity': 0.1, 'fill-antialias': false }],
      [
        'atlas-region-hatch',
        { 'fill-pattern': 'atlas-hatch', 'fill-opacity': 0.55, 'fill-antialias': false },
      ],
    ]);
  });
});

describe('the hatching image', () => {
  /** The three calls provideHatchImage makes, on a map whose style's images can be dropped (a swap). */
  function fakeMap() {
    const images = new Map<string, { width: number; height: number }>();
    const added: string[] = [];
    let resolve: (id: string) => void = () => {};
    const map = {
      hasImage: (id: string) => images.has(id),
      addImage: (id: string, image: { width: number; height: number }) => {
        images.set(id, image);
        added.push(id);
      },
      setMissingStyleImageResolver: (resolver: (id: string) => void) => (resolve = resolver),
    };
    return { map: map as unknown as MapLibreMap, images, added, missing: (id: string) => resolve(id) };
  }

  it('is given to the map at once, not when a tile first asks for it, and again after a style swap', () => {
    const fake = fakeMap();
    provideHatchImage(fake.map);
    expect(fake.added).toEqual([HATCH_IMAGE]);
    expect(fake.images.get(HATCH_IMAGE)).toEqual(hatchImage([179, 38, 30]));
    // Asked for while the map has it: nothing is added twice (MapLibre would report an error).
    fake.missing(HATCH_IMAGE);
    expect(fake.added).toEqual([HATCH_IMAGE]);
    // A new style comes without it: the resolver adds it again; an image of another name is not ours.
    fake.images.clear();
    fake.missing('some-other-icon');
    expect(fake.added).toEqual([HATCH_IMAGE]);
    fake.missing(HATCH_IMAGE);
    expect(fake.added).toEqual([HATCH_IMAGE, HATCH_IMAGE]);
  });
});

describe('where another layer goes under the article’s', () => {
  const mapWith = (order: string[]) => ({ getLayersOrder: () => order }) as unknown as MapLibreMap;

  it('finds the article’s lowest region layer and its lowest place layer, clustered or not', () => {
    const basemap = ['basemap-water', 'basemap-land', 'basemap-label-city'];
    const s = syntheticAtlas(1000, 1);
    const atlas = validateAtlas({ article: s.article, places: s.places, facts: s.facts }, FILE_NAMES).atlas!;
    const plan = planAtlasLayers(mapFeatures(buildAtlasModel(atlas)));
    const clustered = mapWith([...basemap, ...plan.layers.map((l) => l.id)]);
    expect(lowestArticleLayer(clustered, 'region')).toBe('atlas-region-fill');
    expect(lowestArticleLayer(clustered, 'places')).toBe('atlas-crowd-cluster');
    const plain = mapWith([
      ...basemap,
      'atlas-region-fill',
      'atlas-region-hatch',
      'atlas-region-outline',
      'atlas-place-circle',
      'atlas-place-label',
    ]);
    expect(lowestArticleLayer(plain, 'places')).toBe('atlas-place-circle');
    expect(lowestArticleLayer(mapWith(basemap), 'region')).toBeUndefined();
  });
});
