import type { AtlasModel } from '../domain/atlas-model';
import { exportAtlas, exportFileName, GEOJSON_MEDIA_TYPE, serializeGeoJson } from '../domain/export-atlas';
import type { ExportShape } from '../domain/export-shapes';
import { copyText, downloadText } from '../io/download';
import type { Notices } from '../ui/notices';

export type Delivery = 'download' | 'copy';

/**
 * Exports the atlas (or one place of it) as GeoJSON, downloaded as a file or copied to the
 * clipboard, and tells the reader what happened. This module, with the export's code, is loaded
 * when first asked for (start.ts imports it): the first screen does not wait for it.
 */
export async function deliverExport(
  model: AtlasModel,
  notices: Notices,
  shape: ExportShape,
  how: Delivery,
  placeId?: string,
): Promise<void> {
  const text = serializeGeoJson(
    exportAtlas(model.atlas, shape, { model, ...(placeId ? { placeIds: [placeId] } : {}) }),
  );
  const fileName = exportFileName(model.atlas.article, shape, placeId);
  if (how === 'download') {
    downloadText(text, fileName, GEOJSON_MEDIA_TYPE);
    notices.show(
      `Downloading ${fileName} (${Math.round(text.length / 1024)} KB of GeoJSON).`,
      'info',
      'export',
    );
    return;
  }
  const copied = await copyText(text);
  notices.show(
    copied
      ? `Copied ${fileName} to the clipboard.`
      : 'The browser did not allow copying; use Export GeoJSON instead.',
    copied ? 'info' : 'warning',
    'export',
  );
}
