import type { AtlasModel } from '../domain/atlas-model';
import { exportFileName } from '../domain/export-atlas';
import { EXPORT_FORMAT_FILES } from '../domain/export-formats';
import type { ExportChoice } from '../domain/export-shapes';
import { exportText } from '../domain/export-text';
import { copyText, downloadText } from '../io/download';
import type { Notices } from '../ui/notices';

export type Delivery = 'download' | 'copy';

/**
 * Exports the atlas (or one place of it) as GeoJSON, KML or CSV, downloaded as a file or copied
 * to the clipboard, and tells the reader what happened. This module, with the export's code and
 * its format libraries, is loaded when first asked for (start.ts imports it): the first screen
 * does not wait for it.
 */
export async function deliverExport(
  model: AtlasModel,
  notices: Notices,
  { shape, format = 'geojson' }: ExportChoice,
  how: Delivery,
  placeId?: string,
): Promise<void> {
  const text = exportText(model.atlas, format, shape, { model, ...(placeId ? { placeIds: [placeId] } : {}) });
  const fileName = exportFileName(model.atlas.article, shape, { format, placeId });
  const { name, mediaType } = EXPORT_FORMAT_FILES[format];
  if (how === 'download') {
    downloadText(text, fileName, mediaType);
    notices.show(
      `Downloading ${fileName} (${Math.round(text.length / 1024)} KB of ${name}${format === 'csv' ? ', one row per fact' : ''}).`,
      'info',
      'export',
    );
    return;
  }
  const copied = await copyText(text);
  notices.show(
    copied
      ? `Copied ${fileName} to the clipboard.`
      : 'The browser did not allow copying; download the file with Export instead.',
    copied ? 'info' : 'warning',
    'export',
  );
}
