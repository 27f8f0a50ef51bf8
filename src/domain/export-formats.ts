import type { ExportFormat } from './export-shapes';

/** What each export format is written as: its media type and file extension. */
export const EXPORT_FORMAT_FILES: Record<
  ExportFormat,
  { mediaType: string; extension: string; name: string }
> = {
  geojson: { mediaType: 'application/geo+json', extension: 'geojson', name: 'GeoJSON' },
  kml: { mediaType: 'application/vnd.google-earth.kml+xml', extension: 'kml', name: 'KML' },
  // RFC 4180 names the header parameter; the text is UTF-8.
  csv: { mediaType: 'text/csv;charset=utf-8;header=present', extension: 'csv', name: 'CSV' },
};
