import type { LngLat, MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl';
import { firstPositionOf } from './domain/geography';
import { importGeoJson, MAX_IMPORT_BYTES, type ImportedLayer } from './domain/import-geojson';
import { formatIssue } from './domain/issues';
import { addImportedLayer, type ImportedOnMap } from './map/imported-layers';
import type { PlacePopup } from './map/place-popup';
import type { ArticlePanel } from './ui/article-panel';
import type { Notices } from './ui/notices';
import { buildPropertyTable } from './ui/property-table';

const MAX_SHOWN_ISSUES = 5;

/**
 * Opens GeoJSON files chosen or dropped by the reader: a valid file becomes an extra layer with its
 * features listed in the panel; a bad one leaves everything as it was and says what is wrong, where.
 */
export class ImportedFiles {
  private count = 0;
  /** The files open now, by source id: the file, where it is on the map, and its number. */
  private readonly layers = new Map<string, { layer: ImportedLayer; onMap: ImportedOnMap; n: number }>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly popup: PlacePopup,
    private readonly panel: ArticlePanel,
    private readonly notices: Notices,
  ) {
    // A new basemap style (the fallback from a failing remote one) drops the files' layers: put
    // them back, as the atlas view does with the article's.
    map.on('style.load', () => {
      for (const [sourceId, entry] of this.layers) {
        if (!map.getSource(sourceId)) entry.onMap = addImportedLayer(map, entry.layer, entry.n);
      }
    });
  }

  /** Opens the feature a click on the map hit in a file's layer (which click is a file's: see map/map-clicks.ts). */
  openFromClick(hit: MapGeoJSONFeature, at: LngLat): void {
    this.show(hit.source, Number(hit.id), [at.lng, at.lat]);
  }

  /** The map layers of the files open now. */
  layerIds(): string[] {
    return [...this.layers.values()].flatMap((l) => l.onMap.layerIds).filter((id) => this.map.getLayer(id));
  }

  async open(file: File): Promise<void> {
    // A file over the limit is refused before it is read.
    const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
    const { layer, issues } = importGeoJson(text, file.name, file.size);
    const errors = issues.filter((i) => i.severity === 'error');
    if (!layer) {
      const shown = errors.slice(0, MAX_SHOWN_ISSUES).map(formatIssue);
      const more = errors.length > MAX_SHOWN_ISSUES ? ` (and ${errors.length - MAX_SHOWN_ISSUES} more)` : '';
      this.notices.show(`${file.name} was not opened: ${shown.join('; ')}${more}`, 'error', 'import');
      return;
    }
    this.count += 1;
    const onMap = addImportedLayer(this.map, layer, this.count);
    this.layers.set(onMap.sourceId, { layer, onMap, n: this.count });
    const warnings = issues.length
      ? ` ${issues.length} warning(s): ${issues.map(formatIssue).join('; ')}`
      : '';
    const atlasNote = layer.atlas
      ? ` It is an Article Atlas export of “${layer.atlas.article.headline}”: ${layer.atlas.places.length} places and ${layer.atlas.facts.length} facts.`
      : '';
    this.notices.show(
      `${file.name}: ${layer.features.length} feature(s) added as a layer.${atlasNote}${warnings}`,
      'info',
      'import',
    );
    this.panel.addImported(
      file.name,
      layer.features.map((f) => ({ key: `${onMap.sourceId}:${f.index}`, title: f.title })),
      (key) => {
        const [sourceId, index] = key.split(':') as [string, string];
        this.show(sourceId, Number(index));
      },
      () => this.remove(onMap.sourceId),
    );
    const [w, s, e, n] = layer.bbox;
    this.map.fitBounds([w!, s!, e!, n!], { padding: 60, maxZoom: 9, duration: 0 });
  }

  private show(sourceId: string, index: number, at?: [number, number]): void {
    const entry = this.layers.get(sourceId);
    const feature = entry?.layer.features.find((f) => f.index === index);
    if (!entry || !feature) return;
    // A feature with no position at all (an empty MultiPoint, say) has nowhere to be shown.
    const position = at ?? firstPositionOf(feature.geometry);
    if (!position) return;
    const lngLat: [number, number] = [position[0]!, position[1]!];
    if (!at) this.map.jumpTo({ center: lngLat, zoom: Math.max(this.map.getZoom(), 6) });
    const headingId = `popup-${sourceId}-${index}-title`;
    this.popup.open(
      `${sourceId}:${index}`,
      lngLat,
      buildPropertyTable(feature.title, feature.properties, headingId),
      headingId,
      {
        keepInView: true,
      },
    );
  }

  private remove(sourceId: string): void {
    const entry = this.layers.get(sourceId);
    if (!entry) return;
    for (const id of entry.onMap.layerIds) this.map.removeLayer(id);
    this.map.removeSource(sourceId);
    this.layers.delete(sourceId);
  }
}
