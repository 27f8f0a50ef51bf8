import { importGeoJson, MAX_IMPORT_BYTES, type ImportResult } from './import-geojson';
/** Reads an opened file's bytes: for now GeoJSON text (UTF-8). */
export function importFile(bytes: Uint8Array, fileName: string): ImportResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return importGeoJson('', fileName, bytes.byteLength);
  return importGeoJson(new TextDecoder().decode(bytes), fileName, bytes.byteLength);
}
