import type { LngLat, MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl';
import { clickableAtlasLayers } from './atlas-layers';
import { clickTarget } from './click-target';

export interface MapClickHandlers {
  /** The map layers of the opened files now on the map. */
  fileLayers: () => string[];
  /** The article's hit that a click opens. */
  onArticle: (hit: MapGeoJSONFeature) => void;
  /** The hit of a click an opened file answers, and where the click was. */
  onFile: (hit: MapGeoJSONFeature, at: LngLat) => void;
}

/**
 * One answer to each click on the map: the map is asked once what is under the pointer, in the
 * article's layers and the opened files', and clickTarget decides which hit the click opens.
 */
export function routeMapClicks(map: MapLibreMap, handlers: MapClickHandlers): void {
  map.on('click', (event) => {
    const article = clickableAtlasLayers(map);
    const hits = map.queryRenderedFeatures(event.point, { layers: [...article, ...handlers.fileLayers()] });
    const isArticle = (id: string) => article.includes(id);
    const target = clickTarget(
      hits.map((f) => ({ layerId: f.layer.id, geometryType: f.geometry.type })),
      isArticle,
    );
    if (target?.owner === 'article') handlers.onArticle(hits[target.index]!);
    else if (target) handlers.onFile(hits[target.index]!, event.lngLat);
  });
}
