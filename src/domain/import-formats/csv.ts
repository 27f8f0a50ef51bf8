import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { wktToGeoJSON } from 'betterknown';
import Papa from 'papaparse';
import { IssueList, shorten } from '../issues';
import { checkGeometry, IMPORT_GEOMETRY_RULES } from '../validate-geometry';
import { OPENABLE_FORMATS } from './format-issues';

/** Column names (compared without case) that hold a longitude, a latitude, a WKT geometry: first found wins. */
export const LONGITUDE_COLUMNS = ['lon', 'lng', 'long', 'longitude', 'x'] as const;
export const LATITUDE_COLUMNS = ['lat', 'latitude', 'y'] as const;
export const WKT_COLUMNS = ['wkt', 'geometry', 'geom', 'the_geom'] as const;

export interface CsvReading {
  collection: FeatureCollection;
  note: string;
}

/** Where a row's geometry comes from: two columns of degrees, or one of WKT. */
type GeometryColumns = { kind: 'lonlat'; lon: number; lat: number } | { kind: 'wkt'; wkt: number };

const quote = (name: string) => `"${shorten(name)}"`;
const listed = (names: readonly string[]) => names.join(', ');

/** A decimal number as written in a cell: "40.18", "-3e2"; "40,18" too where the delimiter is not a comma. */
function readNumber(cell: string, delimiter: string): number | undefined {
  const text = delimiter === ',' ? cell : cell.replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
}

/** The columns that hold the geometry, by name, WKT first (it keeps lines and areas). */
function geometryColumns(header: readonly string[]): GeometryColumns | undefined {
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (names: readonly string[]) => names.map((n) => lower.indexOf(n)).find((i) => i >= 0);
  const wkt = find(WKT_COLUMNS);
  if (wkt !== undefined) return { kind: 'wkt', wkt };
  const lon = find(LONGITUDE_COLUMNS);
  const lat = find(LATITUDE_COLUMNS);
  return lon !== undefined && lat !== undefined ? { kind: 'lonlat', lon, lat } : undefined;
}

/** Unique, non-blank property names: a blank header is "column 3", a repeated one "name (2)". */
function propertyNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() === '' ? `column ${i + 1}` : raw;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** Counts the lines up to a growing offset of the text: a row's line, for messages. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The line of the first character at or after `from` that is not white space. */
  lineAt(from: number): number {
    let at = from;
    while (at < this.text.length && /\s/.test(this.text[at]!)) at += 1;
    for (; this.offset < at; this.offset += 1) if (this.text.charCodeAt(this.offset) === 10) this.line += 1;
    return this.line;
  }
}

const PAPA_MESSAGES: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed (a " is missing)',
  InvalidQuotes: 'a quoted field has text after its closing quote',
};

/**
 * Reads CSV or TSV text with papaparse (header row, delimiter detected): a point per row from a
 * longitude and a latitude column, or any geometry from a WKT column (betterknown); every other
 * column becomes a property, as text. A row without coordinates is left off with a warning; a
 * bad coordinate is an error naming its line and column. Undefined when no column holds coordinates.
 */
export function readCsv(text: string, fileName: string, issues: IssueList): CsvReading | undefined {
  const lines = new LineCounter(text);
  let header: string[] | undefined;
  let names: string[] = [];
  let columns: GeometryColumns | undefined;
  let delimiter = ',';
  let rows = 0;
  let refused = false;
  const features: Feature[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    // Empty lines only: a row of empty cells is reported as a row without coordinates.
    skipEmptyLines: true,
    step: (result, parser) => {
      const line = lines.lineAt(start);
      start = result.meta.cursor;
      // A file of one column has no delimiter to find; it is reported below, as having no coordinates.
      for (const e of result.errors.filter((e) => e.type !== 'Delimiter')) {
        issues.error('csv-syntax', '', `line ${line}: ${PAPA_MESSAGES[e.code] ?? e.message}`);
      }
      const cells = result.data;
      if (!header) {
        header = cells;
        delimiter = result.meta.delimiter;
        names = propertyNames(cells);
        columns = geometryColumns(cells);
        if (!columns) {
          refused = true;
          parser.abort();
        }
        return;
      }
      rows += 1;
      if (cells.length !== header.length) {
        issues.warning(
          'csv-row-length',
          '',
          `line ${line} has ${cells.length} field(s), the header ${header.length}; missing fields are read as empty`,
        );
      }
      const geometry = columns && readRowGeometry(cells, columns, header, line, delimiter, issues);
      if (!geometry) return;
      const properties: Record<string, string> = {};
      names.forEach((name, i) => {
        const used = columns?.kind === 'wkt' ? i === columns.wkt : i === columns?.lon || i === columns?.lat;
        if (!used) properties[name] = cells[i] ?? '';
      });
      features.push({ type: 'Feature', properties, geometry });
    },
  });
  if (!header || refused) {
    describeNoColumns(header ?? [], delimiter, fileName, issues);
    return undefined;
  }
  const from =
    columns?.kind === 'wkt'
      ? `geometries from column ${quote(header[columns.wkt]!)}`
      : columns
        ? `points from columns ${quote(header[columns.lon]!)} (longitude) and ${quote(header[columns.lat]!)} (latitude)`
        : '';
  const separator = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  return {
    collection: { type: 'FeatureCollection', features },
    note: `read as CSV (delimiter ${separator}): ${rows} row(s), ${from}`,
  };
}

function describeNoColumns(
  header: readonly string[],
  delimiter: string,
  fileName: string,
  issues: IssueList,
): void {
  const wanted =
    `a longitude and a latitude column (${listed(LONGITUDE_COLUMNS)}, and ${listed(LATITUDE_COLUMNS)}) ` +
    `or a WKT column (${listed(WKT_COLUMNS)})`;
  if (header.length < 2) {
    const first = header[0] ?? '';
    issues.error(
      'unknown-format',
      '',
      `${fileName} is not ${OPENABLE_FORMATS}: its first line${first.trim() ? `, ${quote(first)},` : ''} is not ` +
        `JSON, XML or a CSV header; a CSV needs ${wanted}`,
    );
    return;
  }
  issues.error(
    'csv-no-geometry-columns',
    '',
    `read as CSV (delimiter ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}), but no column holds coordinates: ` +
      `its columns are ${header.map(quote).join(', ')}; it needs ${wanted}`,
  );
}

/** A row's geometry, or undefined with an issue naming the line and column. */
function readRowGeometry(
  cells: readonly string[],
  columns: GeometryColumns,
  header: readonly string[],
  line: number,
  delimiter: string,
  issues: IssueList,
): Geometry | undefined {
  const at = (i: number) => `line ${line}, column ${quote(header[i] ?? '')}`;
  if (columns.kind === 'wkt') return readWkt(cells[columns.wkt]?.trim() ?? '', at(columns.wkt), issues);
  const lonText = cells[columns.lon]?.trim() ?? '';
  const latText = cells[columns.lat]?.trim() ?? '';
  const empty = [lonText === '' ? columns.lon : -1, latText === '' ? columns.lat : -1].filter((i) => i >= 0);
  if (empty.length > 0) {
    issues.warning(
      'csv-no-coordinates',
      '',
      `line ${line}: no ${empty.length === 2 ? 'coordinates' : empty[0] === columns.lon ? 'longitude' : 'latitude'} ` +
        `(column${empty.length === 2 ? 's' : ''} ${empty.map((i) => quote(header[i] ?? '')).join(' and ')} ` +
        `${empty.length === 2 ? 'are' : 'is'} empty), so the row is left off the map`,
    );
    return undefined;
  }
  const lon = readNumber(lonText, delimiter);
  const lat = readNumber(latText, delimiter);
  let ok = true;
  const notNumber = (i: number, cell: string, what: string) => {
    issues.error(
      'csv-bad-coordinate',
      '',
      `${at(i)}: ${quote(cell)} is not a number (a ${what} in decimal degrees, such as 40.18)`,
    );
    ok = false;
  };
  if (lon === undefined) notNumber(columns.lon, lonText, 'longitude');
  if (lat === undefined) notNumber(columns.lat, latText, 'latitude');
  if (lon === undefined || lat === undefined) return undefined;
  const swapped =
    Math.abs(lat) > 90 && Math.abs(lon) <= 90 ? '; are the longitude and latitude columns swapped?' : '';
  const projected =
    '; if the file holds projected coordinates (metres), convert them to longitude and latitude first';
  if (Math.abs(lon) > 180) {
    issues.error(
      'csv-bad-coordinate',
      '',
      `${at(columns.lon)}: ${lonText} is not a longitude, which lies from -180 to 180${projected}`,
    );
    ok = false;
  }
  if (Math.abs(lat) > 90) {
    issues.error(
      'csv-bad-coordinate',
      '',
      `${at(columns.lat)}: ${latText} is not a latitude, which lies from -90 to 90${swapped || (Math.abs(lon) > 180 ? projected : '')}`,
    );
    ok = false;
  }
  return ok ? { type: 'Point', coordinates: [lon, lat] } : undefined;
}

/** A WKT cell's geometry, checked as an opened GeoJSON geometry is, or undefined with an issue. */
function readWkt(cell: string, at: string, issues: IssueList): Geometry | undefined {
  if (cell === '') {
    issues.warning(
      'csv-no-coordinates',
      '',
      `${at}: no geometry (the cell is empty), so the row is left off the map`,
    );
    return undefined;
  }
  let geometry: Geometry | null;
  try {
    geometry = wktToGeoJSON(cell);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    issues.error('csv-bad-wkt', '', `${at}: ${quote(cell)} is not WKT (${shorten(reason, 80)})`);
    return undefined;
  }
  if (geometry === null) {
    issues.warning(
      'csv-no-coordinates',
      '',
      `${at}: ${quote(cell)} is empty, so the row is left off the map`,
    );
    return undefined;
  }
  const found = new IssueList('');
  checkGeometry(geometry, '', found, IMPORT_GEOMETRY_RULES);
  for (const issue of found.items) {
    const where = issue.path ? ` (at ${issue.path})` : '';
    if (issue.severity === 'error') issues.error(issue.code, '', `${at}: ${issue.message}${where}`);
    else issues.warning(issue.code, '', `${at}: ${issue.message}${where}`);
  }
  return found.errorCount === 0 ? geometry : undefined;
}
