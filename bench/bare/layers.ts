// The baseline with the article's map layers: the bare page's basemap plus the sources and layers
// the atlas adds for the Karabakh atlas (region fill, hatching and outline, place circles and
// labels), and nothing else of the app (no panel, markers, popup or links). Set beside the bare
// page and the atlas, it tells how much of the atlas's loading time is drawing its layers.
// The atlas's files are read at build time, so the page starts its map as soon as the bare one.
//
// With `?plan=<id>` the page draws, instead of the Karabakh atlas's, the layers the bench planned
// for a synthetic atlas (/data/plans/<id>.json, written by scripts/bench/build.ts): the bare page
// with the same places as the atlas with that many.
//
// With `?add-later` the page draws the bare basemap alone and offers `window.benchAddLayer(id)`,
// which adds one of the article's layers (and the article's source) to the loaded map: the
// benchmark times each layer by itself that way.
import article from '../../data/atlases/karabakh-peace-talks/article.json';
import facts from '../../data/atlases/karabakh-peace-talks/facts.json';
import places from '../../data/atlases/karabakh-peace-talks/places.geojson?raw';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { mapFeatures } from '../../src/domain/atlas-summary';
import { validateAtlas } from '../../src/domain/validate-atlas';
import {
  ATLAS_SOURCE,
  CROWD_SOURCE,
  planAtlasLayers,
  provideHatchImage,
  withAtlasLayers,
  type AtlasLayerPlan,
} from '../../src/map/atlas-layers';
import { bareBasemapStyle, showBareMap } from './bare-map';

/** The Karabakh atlas's sources and layers, planned as the atlas plans them. */
function karabakhPlan(): AtlasLayerPlan {
  const { atlas } = validateAtlas(
    { article, places: JSON.parse(places) as unknown, facts },
    { article: 'article.json', places: 'places.geojson', facts: 'facts.json' },
  );
  if (!atlas) throw new Error('the Karabakh atlas does not validate: run npm run validate');
  return planAtlasLayers(mapFeatures(buildAtlasModel(atlas)));
}

/** A planned atlas's sources and layers, as JSON keeps them (without the app's lookup functions). */
async function fetchPlan(id: string): Promise<AtlasLayerPlan> {
  const { sources, layers } = (await (await fetch(`/data/plans/${id}.json`)).json()) as Pick<
    AtlasLayerPlan,
    'sources' | 'layers'
  >;
  const clustered = CROWD_SOURCE in sources;
  return { sources, layers, onMap: { sourceOf: () => ATLAS_SOURCE, clustered } };
}

const params = new URLSearchParams(window.location.search);
const planned = params.get('plan');
if (planned) {
  const [style, plan] = await Promise.all([bareBasemapStyle(), fetchPlan(planned)]);
  provideHatchImage(showBareMap(withAtlasLayers(style, plan)));
} else if (params.has('add-later')) {
  const plan = karabakhPlan();
  // Without fading, as while a map first loads (MapLibre fades symbols in only after its first
  // idle): the time to idle is then the layer's work, not a 300 ms fade.
  const map = showBareMap(await bareBasemapStyle(), { fadeDuration: 0 });
  provideHatchImage(map);
  Object.assign(window, {
    benchAddLayer: (id: string) => {
      const layer = plan.layers.find((l) => l.id === id);
      if (!layer) throw new Error(`the atlas has no layer ${id}`);
      for (const [sourceId, source] of Object.entries(plan.sources)) {
        if (!map.getSource(sourceId)) map.addSource(sourceId, source);
      }
      map.addLayer(layer);
    },
    benchLayerIds: plan.layers.map((l) => l.id),
  });
} else {
  const plan = karabakhPlan();
  provideHatchImage(showBareMap(withAtlasLayers(await bareBasemapStyle(), plan)));
}
