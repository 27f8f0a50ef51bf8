import type { AtlasModel } from './atlas-model';
import { exportAtlas, serializeGeoJson } from './export-atlas';
import { exportCsv } from './export-csv';
import { exportKml } from './export-kml';
import type { ExportFormat, ExportShape } from './export-shapes';
import type { Atlas } from './types';

/**
 * The atlas's export as the text of a file in `format`, the same bytes for the page and the
 * command line. GeoJSON and KML follow `shape`; a CSV is always one row per fact.
 */
export function exportText(
  atlas: Atlas,
  format: ExportFormat,
  shape: ExportShape,
  options: { placeIds?: readonly string[]; model?: AtlasModel } = {},
): string {
  switch (format) {
    case 'geojson':
      return serializeGeoJson(exportAtlas(atlas, shape, options));
    case 'kml':
      return exportKml(atlas, shape, options);
    case 'csv':
      return exportCsv(atlas, options);
  }
}
