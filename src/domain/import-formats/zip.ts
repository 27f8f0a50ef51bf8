import { unzipSync } from 'fflate';
import { MAX_IMPORT_BYTES } from '../import-geojson';
import { OPENABLE_FORMATS, shellQuoted } from './format-issues';

/** What a zip holds for this page: the KML of a KMZ, or why there is nothing to open in it. */
export type ZipReading =
  | { ok: true; entry: string; bytes: Uint8Array }
  | { ok: false; code: 'zip-not-opened' | 'zip-unreadable' | 'too-large'; message: string };

const MAX_NAMES_QUOTED = 4;

const listNames = (names: readonly string[]): string => {
  const shown = names.slice(0, MAX_NAMES_QUOTED).map((n) => `"${n}"`);
  return names.length > MAX_NAMES_QUOTED
    ? `${shown.join(', ')} and ${names.length - MAX_NAMES_QUOTED} more`
    : shown.join(', ');
};

const extensionOf = (name: string): string => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The files inside that this page would open if they were opened on their own. */
const OPENABLE_EXTENSIONS = new Set(['geojson', 'json', 'topojson', 'kml', 'gpx', 'csv', 'tsv']);

/**
 * Looks into a zip. A KMZ (a zip with a KML file, "doc.kml" first) gives its KML to read; a
 * zipped Shapefile, GeoPackage or File Geodatabase, a workbook, or anything else gets a message
 * that says what it holds and what to do. Only the KML is decompressed, and only up to the size
 * limit of any opened file.
 */
export function readZip(bytes: Uint8Array, fileName: string): ZipReading {
  const names: string[] = [];
  const sizes = new Map<string, number>();
  try {
    // A first pass reads the directory only: the filter declines every file.
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        sizes.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      code: 'zip-unreadable',
      message: `${fileName} is a zip archive that cannot be read (${reason}); unzip it and open the file inside`,
    };
  }
  const files = names.filter((n) => !n.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(n));
  const kml = files.find((n) => n.toLowerCase() === 'doc.kml') ?? files.find((n) => extensionOf(n) === 'kml');
  const quoted = shellQuoted(fileName);
  const refuse = (message: string): ZipReading => ({ ok: false, code: 'zip-not-opened', message });
  if (kml !== undefined) {
    const size = sizes.get(kml) ?? 0;
    if (size > MAX_IMPORT_BYTES) {
      return {
        ok: false,
        code: 'too-large',
        message: `${fileName} holds "${kml}" of ${size} bytes unpacked; files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB can be opened`,
      };
    }
    try {
      const entry = unzipSync(bytes, { filter: (file) => file.name === kml })[kml];
      if (entry) return { ok: true, entry: kml, bytes: entry };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        code: 'zip-unreadable',
        message: `${fileName} is a KMZ whose "${kml}" cannot be unpacked (${reason}); unzip it and open "${kml}"`,
      };
    }
  }
  const withExtension = (ext: string) => files.filter((n) => extensionOf(n) === ext);
  const shapefiles = withExtension('shp');
  if (shapefiles.length > 0) {
    return refuse(
      `${fileName} is a zip archive holding a Shapefile (${listNames(shapefiles)}), which cannot be opened here; ` +
        `convert it: ogr2ogr -f GeoJSON out.geojson /vsizip/${quoted}${shapefiles.length > 1 ? `/${shellQuoted(shapefiles[0]!)}` : ''}`,
    );
  }
  if (files.includes('[Content_Types].xml') && files.some((n) => n.startsWith('xl/'))) {
    return refuse(`${fileName} is an Excel workbook (.xlsx); save the sheet as CSV (UTF-8) and open that`);
  }
  if (files.includes('mimetype') && files.includes('content.xml')) {
    return refuse(
      `${fileName} is an OpenDocument file (.ods, say); save the sheet as CSV (UTF-8) and open that`,
    );
  }
  const geopackages = withExtension('gpkg');
  if (geopackages.length > 0) {
    return refuse(
      `${fileName} is a zip archive holding a GeoPackage (${listNames(geopackages)}), which cannot be opened here; ` +
        `convert it: ogr2ogr -f GeoJSON out.geojson /vsizip/${quoted}/${shellQuoted(geopackages[0]!)}`,
    );
  }
  const geodatabase = files.find((n) => /\.gdb\//i.test(n));
  if (geodatabase !== undefined) {
    const folder = geodatabase.slice(0, geodatabase.toLowerCase().indexOf('.gdb/') + 4);
    return refuse(
      `${fileName} is a zip archive holding an Esri File Geodatabase ("${folder}"), which cannot be opened here; ` +
        `convert it: ogr2ogr -f GeoJSON out.geojson /vsizip/${quoted}/${shellQuoted(folder)}`,
    );
  }
  const openable = files.filter((n) => OPENABLE_EXTENSIONS.has(extensionOf(n)));
  if (openable.length > 0) {
    return refuse(`${fileName} is a zip archive; unzip it and open ${listNames(openable)}`);
  }
  return refuse(
    files.length === 0
      ? `${fileName} is an empty zip archive`
      : `${fileName} is a zip archive of ${files.length} file(s) (${listNames(files)}), none of which ` +
          `opens here (${OPENABLE_FORMATS})`,
  );
}
