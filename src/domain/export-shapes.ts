/** The shapes of an export: one feature per place with its facts nested, or one point per fact. */
export const EXPORT_SHAPES = ['places', 'facts'] as const;
export type ExportShape = (typeof EXPORT_SHAPES)[number];

/** The file formats of an export (their media types and extensions: export-formats.ts). */
export const EXPORT_FORMATS = ['geojson', 'kml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the reader asks to export: the shape, and the format (GeoJSON when not said). */
export interface ExportChoice {
  shape: ExportShape;
  format?: ExportFormat;
}
