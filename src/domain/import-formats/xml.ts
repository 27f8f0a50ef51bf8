import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser, type Document } from '@xmldom/xmldom';
import type { FeatureCollection, Geometry } from 'geojson';
import { shorten, type IssueList } from '../issues';
import { OPENABLE_FORMATS, shellQuoted } from './format-issues';

/** XML that was read: a KML or GPX file converted to GeoJSON, and what was converted. */
export interface XmlReading {
  format: 'kml' | 'gpx';
  collection: FeatureCollection<Geometry | null>;
  note: string;
}

/** At most this many XML syntax errors are listed: the first one usually causes the others. */
const MAX_XML_ERRORS = 5;

/** A number held at `key` of a value of the parser's that is typed `any`. */
const numberAt = (value: unknown, key: string): number | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const found: unknown = Reflect.get(value, key);
  return typeof found === 'number' ? found : undefined;
};

/** "line 4, column 15: " from the parser's position, when it has one. */
function positionOf(context: unknown): string {
  const locator: unknown =
    typeof context === 'object' && context !== null ? Reflect.get(context, 'locator') : undefined;
  const line = numberAt(locator, 'lineNumber');
  const column = numberAt(locator, 'columnNumber');
  if (line === undefined || line < 1) return '';
  return column === undefined ? `line ${line}: ` : `line ${line}, column ${column}: `;
}

/** Parses XML text; every syntax error becomes an issue with its line and column. */
function parseXml(text: string, issues: IssueList): Document | undefined {
  let errors = 0;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      const text = `not well-formed XML: ${positionOf(context)}${message.replace(/\s+/g, ' ').trim()}`;
      if (level === 'warning') issues.warning('xml-warning', '', text);
      else {
        errors += 1;
        if (errors <= MAX_XML_ERRORS) issues.error('not-xml', '', text);
      }
    },
  });
  try {
    const doc = parser.parseFromString(text, 'text/xml');
    return errors === 0 ? doc : undefined;
  } catch {
    // A fatal error was reported to onError before it was thrown.
    if (errors === 0) issues.error('not-xml', '', 'not well-formed XML');
    return undefined;
  }
}

const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Reads XML text: KML (its root element `kml`) and GPX (`gpx`) are converted to GeoJSON by
 * @tmcw/togeojson; other XML is named and refused. Undefined when nothing can be read, with errors.
 */
export function readXml(text: string, fileName: string, issues: IssueList): XmlReading | undefined {
  const doc = parseXml(text, issues);
  if (!doc) return undefined;
  const root = doc.documentElement;
  const rootName = root?.localName ?? root?.nodeName ?? '';
  try {
    if (rootName === 'kml') {
      const collection = kml(doc);
      return {
        format: 'kml',
        collection,
        note: `read as KML: ${countOf(collection.features.length, 'placemark', 'placemarks')}`,
      };
    }
    if (rootName === 'gpx') {
      const collection = gpx(doc);
      const kinds = collection.features.map((f) => f.properties?._gpxType);
      const tracks = kinds.filter((k) => k === 'trk').length;
      const routes = kinds.filter((k) => k === 'rte').length;
      const parts = [
        countOf(tracks, 'track', 'tracks'),
        countOf(routes, 'route', 'routes'),
        countOf(kinds.length - tracks - routes, 'waypoint', 'waypoints'),
      ];
      return { format: 'gpx', collection, note: `read as GPX: ${parts.join(', ')}` };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    issues.error(
      'unreadable',
      '',
      `the ${rootName.toUpperCase()} could not be converted: ${shorten(reason, 120)}`,
    );
    return undefined;
  }
  const what =
    rootName === 'html'
      ? 'a web page (HTML), not map data'
      : `XML (its root element is <${shorten(rootName)}>) but neither KML nor GPX`;
  issues.error(
    'not-kml-or-gpx',
    '',
    `${fileName} is ${what}; the formats that open here are ${OPENABLE_FORMATS}` +
      (rootName === 'html'
        ? ''
        : ` (GML and other XML formats convert with: ogr2ogr -f GeoJSON out.geojson ${shellQuoted(fileName)})`),
  );
  return undefined;
}
