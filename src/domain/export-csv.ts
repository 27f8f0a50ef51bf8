// The browser build: the Node one uses Node's Buffer, which a browser has not (same code otherwise).
import { stringify } from 'csv-stringify/browser/esm/sync';
import { buildAtlasModel, type AtlasModel } from './atlas-model';
import { coordinateCredit, exportFactFeatures } from './export-atlas';
import type { Atlas } from './types';

/** The columns of the CSV, in order: one row per fact, and whom its coordinates credit (GeoNames asks it). */
export const CSV_COLUMNS = [
  'fact_id',
  'place_id',
  'place',
  'longitude',
  'latitude',
  'date',
  'kind',
  'text',
  'quotation',
  'speaker',
  'paragraph',
  'figures',
  'source',
  'coordinates_source',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * The atlas as RFC 4180 CSV, written by csv-stringify: a header, then one row per fact at its primary place (a region's
 * anchor for a region), the rows of the GeoJSON facts export. CRLF line ends, fields quoted where
 * they hold a comma, a quote or a line break, empty where the export has null; quotations verbatim.
 */
export function exportCsv(
  atlas: Atlas,
  options: { placeIds?: readonly string[]; model?: AtlasModel } = {},
): string {
  const model = options.model ?? buildAtlasModel(atlas);
  const rows = exportFactFeatures(atlas, { ...options, model }).map(({ geometry, properties: row }) => {
    const [longitude, latitude] = geometry.coordinates;
    return {
      fact_id: row.fact_id,
      place_id: row.place_id,
      place: row.place_name,
      longitude: longitude ?? null,
      latitude: latitude ?? null,
      date: row.date,
      kind: row.kind,
      text: row.text,
      quotation: row.quote,
      speaker: row.speaker,
      paragraph: row.paragraph,
      figures: row.figures,
      source: row.source,
      coordinates_source: coordinateCredit(model.placeById.get(row.place_id)!),
    } satisfies Record<CsvColumn, string | number | null>;
  });
  // RFC 4180: CRLF after every record, the last one too; a field holding a comma, a quote, a CR
  // or an LF quoted, its quotes doubled.
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    eof: true,
  });
}
