import {
  importGeoJson,
  MAX_IMPORT_BYTES,
  readGeoJson,
  refusedResult,
  type ImportResult,
} from './import-geojson';
import { readCsv } from './import-formats/csv';
import { nameBinaryFormat } from './import-formats/binary';
import { FormatIssues } from './import-formats/format-issues';
import { decodeText } from './import-formats/text';
import { readTopoJson } from './import-formats/topojson';
import { readXml } from './import-formats/xml';
import { readZip } from './import-formats/zip';
import { isObject } from './json-reader';
import { parseJsonText } from './json-syntax';

/** The formats a file is read as, told by its content (the name only breaks a tie). */
export const IMPORT_FORMATS = ['geojson', 'topojson', 'kml', 'gpx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What opening a file gives: the GeoJSON reading of it, and what it was read as. */
export interface FileImportResult extends ImportResult {
  /** The format the content was read as, once it was recognised (also when it was then refused). */
  format?: ImportFormat;
  /** What was converted, for the page to say: `read as KML: 3 placemarks`. Not for GeoJSON. */
  conversion?: string;
}

/** Names that mean JSON: a text that does not open like JSON under such a name is reported as broken JSON. */
const JSON_NAME = /\.(geo|topo)?json$/i;

/** A converted value read as GeoJSON, the format's own issues before the reader's. */
function withGeoJson(
  value: unknown,
  fileName: string,
  own: FormatIssues,
  format: ImportFormat,
  conversion: string | undefined,
  body?: string,
): FileImportResult {
  if (own.errorCount > 0) return refused(own, format);
  return {
    ...readGeoJson(value, fileName, body, { issues: own.list(), counts: own.counts() }),
    format,
    ...(conversion === undefined ? {} : { conversion }),
  };
}

const refused = (own: FormatIssues, format?: ImportFormat): FileImportResult => ({
  ...refusedResult(own.list(), own.counts()),
  ...(format === undefined ? {} : { format }),
});

function readJson(text: string, fileName: string, own: FormatIssues): FileImportResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    own.error('not-json', '', parsed.message);
    return refused(own);
  }
  if (isObject(parsed.value) && parsed.value.type === 'Topology') {
    const topology = readTopoJson(parsed.value, own);
    return topology
      ? withGeoJson(topology.collection, fileName, own, 'topojson', topology.note)
      : refused(own, 'topojson');
  }
  return withGeoJson(parsed.value, fileName, own, 'geojson', undefined, parsed.body);
}

function readText(text: string, fileName: string, own: FormatIssues, note?: string): FileImportResult {
  const first = /\S/.exec(text)?.[0];
  // Under a JSON name, anything but XML is read as JSON, so that broken JSON is reported as such.
  if (first === '{' || first === '[' || (JSON_NAME.test(fileName) && first !== '<')) {
    return readJson(text, fileName, own);
  }
  if (first === undefined) {
    own.error('empty', '', 'the file is empty');
    return refused(own);
  }
  if (first === '<') {
    const xml = readXml(text, fileName, own);
    if (!xml) return refused(own);
    return withGeoJson(xml.collection, fileName, own, xml.format, note ? `${xml.note} (${note})` : xml.note);
  }
  const csv = readCsv(text, fileName, own);
  return csv ? withGeoJson(csv.collection, fileName, own, 'csv', csv.note) : refused(own);
}

/**
 * Opens a file a person chose or dropped, from its bytes: GeoJSON, TopoJSON, KML (also zipped, a
 * KMZ), GPX, or CSV with coordinate or WKT columns, told apart by their content, not their name.
 * Everything converted is read as GeoJSON, with every check that applies to a GeoJSON file. Binary
 * formats it cannot read (GeoPackage, FlatGeobuf, a Shapefile, a PDF, an image) are named, with
 * how to convert them. Pure and synchronous (it runs in a worker); never throws on any bytes.
 */
export function importFile(bytes: Uint8Array, fileName: string): FileImportResult {
  // The size limit and its message are the GeoJSON reader's: nothing is parsed.
  if (bytes.byteLength > MAX_IMPORT_BYTES) return importGeoJson('', fileName, bytes.byteLength);
  const own = new FormatIssues(fileName);
  const binary = nameBinaryFormat(bytes, fileName);
  if (binary?.kind === 'refused') {
    own.error(binary.code, '', binary.message);
    return refused(own);
  }
  let body = bytes;
  let note: string | undefined;
  if (binary?.kind === 'zip') {
    const zip = readZip(bytes, fileName);
    if (!zip.ok) {
      own.error(zip.code, '', zip.message);
      return refused(own);
    }
    body = zip.bytes;
    note = `"${zip.entry}" of the KMZ`;
  }
  const text = decodeText(body, fileName, own);
  return text === undefined ? refused(own) : readText(text, fileName, own, note);
}
