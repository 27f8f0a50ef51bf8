import { OPENABLE_FORMATS, shellQuoted } from './format-issues';

/** What the first bytes of a file say it is, when it is a binary format this page does not read. */
export type BinaryFormat =
  { kind: 'zip' } | { kind: 'refused'; code: 'binary-format'; format: string; message: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** `ogr2ogr -f GeoJSON out.geojson FILE`: GDAL reads every vector format below. */
const convertWith = (source: string): string => `ogr2ogr -f GeoJSON out.geojson ${source}`;

const VECTOR_ONLY = `only vector features (${OPENABLE_FORMATS}) can be opened here`;

/** The 4-byte big-endian integer at `at`. */
const int32BE = (bytes: Uint8Array, at: number): number =>
  ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

/** GeoPackage's application_id in the SQLite header: "GPKG" (1.2 and later), "GP10", "GP11". */
const GEOPACKAGE_IDS = new Set(['GPKG', 'GP10', 'GP11'].map((id) => int32BE(new Uint8Array(ascii(id)), 0)));

interface Signature {
  matches: (bytes: Uint8Array) => boolean;
  /** What the file is and what to do, after "NAME is ". */
  describe: (bytes: Uint8Array, name: string) => { format: string; text: string };
}

/** One entry per binary format, by its magic bytes; the first that matches names the file. */
const SIGNATURES: readonly Signature[] = [
  {
    matches: (b) => startsWith(b, [...ascii('SQLite format 3'), 0]),
    describe: (b, name) =>
      b.length >= 72 && GEOPACKAGE_IDS.has(int32BE(b, 68))
        ? {
            format: 'GeoPackage',
            text: `a GeoPackage (a SQLite database), which cannot be opened here; convert it: ${convertWith(name)}`,
          }
        : /\.mbtiles$/i.test(name)
          ? {
              format: 'MBTiles',
              text: `an MBTiles tile set (a SQLite database of map tiles, not features); ${VECTOR_ONLY}`,
            }
          : {
              format: 'SQLite',
              text: `a SQLite database, which cannot be opened here; if it holds features (SpatiaLite), convert it: ${convertWith(name)}`,
            },
  },
  {
    // "fgb", the major version, "fgb", the patch version.
    matches: (b) => startsWith(b, ascii('fgb')) && startsWith(b, ascii('fgb'), 4),
    describe: (_, name) => ({
      format: 'FlatGeobuf',
      text: `FlatGeobuf, a binary format that cannot be opened here; convert it: ${convertWith(name)}`,
    }),
  },
  {
    // The file code 9994 (big-endian) opens a Shapefile's .shp and its index, the .shx.
    matches: (b) => b.length >= 100 && int32BE(b, 0) === 9994,
    describe: (_, name) => ({
      format: 'Shapefile',
      text:
        'a part of a Shapefile (its geometry, without the attributes of the .dbf beside it), which cannot be ' +
        `opened here; convert the whole set (.shp, .shx, .dbf and .prj side by side): ${convertWith(name.replace(/\.shx$/i, '.shp'))}`,
    }),
  },
  {
    matches: (b) => startsWith(b, ascii('%PDF-')),
    describe: (_, name) => ({
      format: 'PDF',
      text: `a PDF document, not map data; if it is a GeoPDF, convert its layers: ${convertWith(name)}`,
    }),
  },
  {
    matches: (b) => startsWith(b, ascii('PMTiles')),
    describe: () => ({
      format: 'PMTiles',
      text: `a PMTiles archive of map tiles, not features; ${VECTOR_ONLY}`,
    }),
  },
  {
    matches: (b) => startsWith(b, [0x1f, 0x8b]),
    describe: (_, name) => ({
      format: 'gzip',
      text: `compressed with gzip; decompress it (gunzip ${name}) and open the file inside`,
    }),
  },
  {
    matches: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    describe: () => ({
      format: 'Microsoft Office',
      text: 'a Microsoft Office file (an .xls workbook, say), which cannot be opened here; save the sheet as CSV (UTF-8) and open that',
    }),
  },
  ...(
    [
      ['PNG', [0x89, ...ascii('PNG')]],
      ['JPEG', [0xff, 0xd8, 0xff]],
      ['GIF', ascii('GIF8')],
      ['TIFF', [...ascii('II'), 42, 0]],
      ['TIFF', [...ascii('MM'), 0, 42]],
    ] as const
  ).map(([format, magic]): Signature => ({
    matches: (b) => startsWith(b, magic),
    describe: () => ({
      format,
      text:
        format === 'TIFF'
          ? `a TIFF image (a GeoTIFF is a raster, not features); ${VECTOR_ONLY}`
          : `an image (${format}), not map data; ${VECTOR_ONLY}`,
    }),
  })),
  {
    matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
    describe: () => ({ format: 'WebP', text: `an image (WebP), not map data; ${VECTOR_ONLY}` }),
  },
];

/**
 * Names a binary format by the file's first bytes: a zip (KMZ, a zipped Shapefile, a workbook) is
 * looked into by the caller; any other known format gets a message that says what the file is and
 * how to convert it. Undefined for anything else, which is then read as text.
 */
export function nameBinaryFormat(bytes: Uint8Array, fileName: string): BinaryFormat | undefined {
  // A zip: a local file header, or the end record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 3, 4]) || startsWith(bytes, [0x50, 0x4b, 5, 6])) return { kind: 'zip' };
  const signature = SIGNATURES.find((s) => s.matches(bytes));
  if (!signature) return undefined;
  const { format, text } = signature.describe(bytes, shellQuoted(fileName));
  return { kind: 'refused', code: 'binary-format', format, message: `${fileName} is ${text}` };
}
