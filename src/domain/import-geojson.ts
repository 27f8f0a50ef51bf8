import type { BBox, Geometry } from 'geojson';
import { circularBoundsOf } from './antimeridian';
import { IssueList, shorten, type Issue } from './issues';
import { childPath, describeFound, isFiniteNumber, isObject, isOneOf, type JsonObject } from './json-reader';
import { findDuplicateKeys, parseJsonText } from './json-syntax';
import type { Atlas } from './types';
import { validateAtlas } from './validate-atlas';
import {
  checkBbox,
  checkFeatureType,
  GEOMETRY_TYPES,
  LenientTally,
  readGeometry,
  type Tally,
} from './validate-geometry';

/** Larger files are refused before they are read: parsing them would freeze the page. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** At most this many issues are kept; one more issue says how many others were found. */
export const MAX_LISTED_ISSUES = 100;

export interface ImportedFeature {
  /** The feature's position in the file's `features` (0 for a lone Feature or geometry). */
  index: number;
  id: string | number | null;
  title: string;
  geometry: Geometry;
  /** As parsed: shown later only as text, never as HTML. */
  properties: Record<string, unknown>;
}

/** How many problems a file has, all of them: the list of issues keeps the first ones only. */
export interface ImportCounts {
  errors: number;
  warnings: number;
}

/**
 * What reading a file gives: the layer when it can be opened, its issues, their true counts, and
 * a line that sums it up for the reader ("100,000 features read, 99,998 drawn; 2 without a
 * geometry; 1 warning", or "not opened: 3 errors, 1 warning").
 */
export interface ImportResult {
  layer?: ImportedLayer;
  issues: Issue[];
  counts: ImportCounts;
  summary: string;
}

export interface ImportedLayer {
  fileName: string;
  features: ImportedFeature[];
  /**
   * [west, south, east, north] to frame the file by: the file's own bbox when it holds every feature,
   * else the smallest box around every position, longitudes on the circle. West > east where it
   * crosses the antimeridian (RFC 7946 §5.2).
   */
  bbox: BBox;
  /** The atlas, rebuilt exactly, when the file is an Article Atlas export of shape "places". */
  atlas?: Atlas;
}

/** Properties that an export adds to each place and that are not part of the place. */
const EXPORT_ONLY_PROPERTIES = new Set([
  'title',
  'factCount',
  'facts',
  'derived',
  'marker-color',
  'marker-size',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'fill',
  'fill-opacity',
]);

const NOT_GEOJSON = 'is not GeoJSON: expected a FeatureCollection, a Feature or a geometry';

/** 100000 as "100,000": the same in every browser and in Node. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

/** "1 feature", "100,000 features". */
export const countOf = (n: number, one: string, many: string): string =>
  `${NUMBER_FORMAT.format(n)} ${n === 1 ? one : many}`;

/** Keeps the first issues only, but counts them all: a broken 20 MB file must not yield millions. */
class CappedIssueList extends IssueList {
  dropped = 0;
  droppedErrors = 0;

  /** Every issue found, those left out of the list too. */
  counts(): ImportCounts {
    const warnings = this.items.length - this.items.filter((i) => i.severity === 'error').length;
    return { errors: this.errorCount, warnings: warnings + this.dropped - this.droppedErrors };
  }

  /**
   * Takes issues found before the GeoJSON was read (those of the format it was converted from), so
   * that they come first, are capped and counted with the rest, and the summary counts them too.
   */
  seed(prior: { issues: readonly Issue[]; counts: ImportCounts }): void {
    const listed = prior.issues.filter((i) => i.code !== 'more-issues');
    for (const issue of listed) this.add(issue);
    const listedErrors = listed.filter((i) => i.severity === 'error').length;
    this.errorCount += prior.counts.errors;
    this.dropped += prior.counts.errors + prior.counts.warnings - listed.length;
    this.droppedErrors += prior.counts.errors - listedErrors;
  }

  protected override add(issue: Issue): void {
    if (this.items.length < MAX_LISTED_ISSUES) super.add(issue);
    else {
      this.dropped += 1;
      if (issue.severity === 'error') this.droppedErrors += 1;
    }
  }

  /** The kept issues, plus one that counts those left out. */
  list(): Issue[] {
    if (this.dropped === 0) return this.items;
    const more: Issue = {
      code: 'more-issues',
      message: `${countOf(this.dropped, 'more problem is', 'more problems are')} not listed; fix the ones above and open the file again`,
      severity: this.droppedErrors > 0 ? 'error' : 'warning',
      file: this.file,
      path: '',
    };
    return [...this.items, more];
  }
}

const asTitle = (value: unknown): string | undefined => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (isFiniteNumber(value)) return String(value);
  return undefined;
};

/** title, name, place_name, the feature id: the first that is a non-blank text or a number. */
const titleOf = (properties: JsonObject, id: string | number | null): string | undefined =>
  asTitle(properties.title) ?? asTitle(properties.name) ?? asTitle(properties.place_name) ?? asTitle(id);

/**
 * Reads one Feature. `inCollection`: messages then start with "feature 4 (Baku): ", since a path such
 * as `features[3]` means little to a reader. Undefined when the feature is rejected or has no geometry.
 */
function readFeature(
  value: unknown,
  index: number,
  path: string,
  issues: CappedIssueList,
  lenient: LenientTally,
  inCollection: boolean,
): ImportedFeature | undefined {
  const itemsBefore = issues.items.length;
  const errorsBefore = issues.errorCount;
  const feature = readFeatureFields(value, index, path, issues, lenient);
  if (inCollection) {
    const named = isObject(value) && isObject(value.properties) ? titleOf(value.properties, null) : undefined;
    const id = isObject(value) ? asTitle(value.id) : undefined;
    const name = named ?? id;
    const prefix = `feature ${index + 1}${name === undefined ? '' : ` (${shorten(name)})`}: `;
    for (let k = itemsBefore; k < issues.items.length; k += 1) {
      const item = issues.items[k]!;
      issues.items[k] = { ...item, message: prefix + item.message };
    }
  }
  return issues.errorCount === errorsBefore ? feature : undefined;
}

function readFeatureFields(
  value: unknown,
  index: number,
  path: string,
  issues: CappedIssueList,
  lenient: LenientTally,
): ImportedFeature | undefined {
  if (!isObject(value)) {
    issues.error(
      'wrong-type',
      path,
      `expected a feature (an object with "type": "Feature"), found ${describeFound(value)}`,
    );
    return undefined;
  }
  if (!checkFeatureType(value, path, issues)) return undefined;
  lenient.noteForbidden(value, path, 'Feature');
  let properties: JsonObject = {};
  if (isObject(value.properties)) properties = value.properties;
  else if (value.properties !== undefined && value.properties !== null) {
    issues.error(
      'wrong-type',
      childPath(path, 'properties'),
      `"properties" is an object (or null), found ${describeFound(value.properties)}`,
    );
  }
  let id: string | number | null = null;
  if (typeof value.id === 'string' || isFiniteNumber(value.id)) id = value.id;
  else if (value.id !== undefined && value.id !== null) {
    issues.warning(
      'bad-id',
      childPath(path, 'id'),
      `a feature id is a text or a number, found ${describeFound(value.id)}; it is ignored`,
    );
  }
  checkBbox(value, path, issues);
  const at = childPath(path, 'geometry');
  if (value.geometry === null || value.geometry === undefined) {
    issues.warning(
      'no-geometry',
      at,
      value.geometry === null
        ? 'its geometry is null, so it is left off the map'
        : 'it has no "geometry", so it is left off the map',
    );
    return undefined;
  }
  const geometry = readGeometry(value.geometry, at, issues, lenient);
  if (geometry === null) LenientTally.note(lenient.emptyGeometries, at);
  if (!geometry) return undefined;
  return {
    index,
    id,
    title: titleOf(properties, id) ?? `Feature ${index + 1}`,
    geometry,
    properties,
  };
}

/** Structural equality of JSON values, with a depth limit so that hostile nesting cannot overflow. */
function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 64 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const entriesA = Object.entries(a);
  const valuesB = new Map<string, unknown>(Object.entries(b));
  return (
    entriesA.length === valuesB.size &&
    entriesA.every(([k, v]) => valuesB.has(k) && sameJson(v, valuesB.get(k), depth + 1))
  );
}

/**
 * A feature's properties as the export wrote them, undoing what a trip through GDAL does: the nulls
 * it adds for the fields other features have are left out, and a list or object that a format
 * without them (CSV, older drivers) turned into JSON text is read back.
 */
function asWritten(properties: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null) continue;
    out[key] = typeof value === 'string' ? (jsonListOrObject(value) ?? value) : value;
  }
  return out;
}

/** The array or object that `text` holds as JSON; undefined for any other text. */
function jsonListOrObject(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '[' && start !== '{') return undefined;
  const parsed = parseJsonText(text);
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : undefined;
}

/** Properties that only an Article Atlas "places" export writes on every feature. */
const PLACES_EXPORT_MARKS = ['factCount', 'facts', 'group'] as const;

/**
 * Rebuilds the atlas from an Article Atlas export of shape "places": the article from the foreign
 * member, each place from its feature minus the export-only properties, the facts from the copies
 * nested in each place (minus their `source`), in the order of `factIds`. The atlas is then validated
 * as if it had been read from its own files. Returns the atlas, or why it cannot be rebuilt.
 */
function rebuildAtlas(
  meta: JsonObject,
  features: readonly JsonObject[],
): { atlas: Atlas } | { reason: string } {
  if (meta.version !== 1) {
    const found = JSON.stringify(meta.version);
    return {
      reason: `its export format version is ${found ?? 'missing'}; this version of the app reads version 1`,
    };
  }
  const factIds = meta.factIds;
  if (!Array.isArray(factIds) || !factIds.every((id): id is string => typeof id === 'string')) {
    return { reason: '"articleAtlas.factIds" is not a list of fact ids' };
  }
  const places = features.map((f) => {
    const properties = isObject(f.properties) ? asWritten(f.properties) : f.properties;
    return {
      type: 'Feature',
      // GDAL (GeoPackage, FlatGeobuf) keeps a place's id only in its properties, where the export put it too.
      id: f.id ?? (isObject(properties) ? properties.id : undefined),
      properties: isObject(properties)
        ? Object.fromEntries(Object.entries(properties).filter(([k]) => !EXPORT_ONLY_PROPERTIES.has(k)))
        : properties,
      geometry: f.geometry,
    };
  });
  const factsById = new Map<string, JsonObject>();
  for (const f of features) {
    const nested = isObject(f.properties) ? asWritten(f.properties).facts : undefined;
    if (!Array.isArray(nested)) continue;
    for (const item of nested) {
      if (!isObject(item) || typeof item.id !== 'string') return { reason: 'a nested fact has no id' };
      const fact = Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'source'));
      const seen = factsById.get(item.id);
      if (seen && !sameJson(seen, fact)) {
        return { reason: `the copies of fact "${item.id}" nested in different places differ` };
      }
      factsById.set(item.id, fact);
    }
  }
  const listed = new Set(factIds);
  const missing = factIds.find((id) => !factsById.has(id));
  if (missing !== undefined)
    return { reason: `no place holds fact "${missing}", which "articleAtlas.factIds" lists` };
  const unlisted = [...factsById.keys()].find((id) => !listed.has(id));
  if (unlisted !== undefined) return { reason: `fact "${unlisted}" is missing from "articleAtlas.factIds"` };
  const validation = validateAtlas(
    {
      article: meta.article,
      places: { type: 'FeatureCollection', features: places },
      facts: { facts: factIds.map((id) => factsById.get(id)) },
    },
    { article: 'article', places: 'places', facts: 'facts' },
  );
  if (validation.atlas) return { atlas: validation.atlas };
  const errors = validation.issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  if (!first) return { reason: 'the rebuilt atlas is incomplete' };
  const where = first.path ? `${first.file}, at ${first.path}` : first.file;
  return {
    reason: `${errors.length} problem(s) in the rebuilt atlas, the first: ${first.message} (${where})`,
  };
}

function describeRoot(root: unknown): string {
  if (Array.isArray(root)) {
    const features = root.length > 0 && root.every((f) => isObject(f) && f.type === 'Feature');
    return features
      ? `a list of features ${NOT_GEOJSON}; put them in {"type": "FeatureCollection", "features": [...]}`
      : `an array ${NOT_GEOJSON}`;
  }
  if (!isObject(root)) return `${describeFound(root)} ${NOT_GEOJSON}`;
  if (root.type === undefined) return `an object without "type" ${NOT_GEOJSON}`;
  const found = `an object of type ${JSON.stringify(root.type)} ${NOT_GEOJSON}`;
  return root.type === 'Topology' ? `${found}; TopoJSON must be converted to GeoJSON first` : found;
}

/** How far, in degrees, a feature may reach past the file's own bbox (rounding of either). */
export const BBOX_TOLERANCE_DEGREES = 1e-6;

/** What §7.1 forbids on each kind of object, named as a message names the objects. */
const OWNER_NAMES = {
  FeatureCollection: ['FeatureCollection', 'FeatureCollections'],
  Feature: ['feature', 'features'],
  geometry: ['geometry', 'geometries'],
} as const;

/** Adds one warning per kind of leniency the file needed, with its count and first location. */
function reportLenient(lenient: LenientTally, issues: CappedIssueList): void {
  const first = (t: Tally) => (t.first ? `the first at ${t.first}` : 'at the top level');
  const { emptyGeometries, emptyMembers, extraValues } = lenient;
  if (emptyGeometries.count > 0) {
    const n = emptyGeometries.count;
    issues.warning(
      'empty-geometry',
      emptyGeometries.first,
      `${countOf(n, 'feature has', 'features have')} empty coordinates (${first(emptyGeometries)}), ` +
        `read as ${n === 1 ? 'a feature' : 'features'} without a geometry (RFC 7946 §3.1) and left off the map`,
    );
  }
  if (emptyMembers.count > 0) {
    issues.warning(
      'empty-geometry',
      emptyMembers.first,
      `${countOf(emptyMembers.count, 'member', 'members')} of geometry collections ` +
        `${emptyMembers.count === 1 ? 'has' : 'have'} empty coordinates (${first(emptyMembers)}) ` +
        `and ${emptyMembers.count === 1 ? 'is' : 'are'} left out of their collection (RFC 7946 §3.1)`,
    );
  }
  if (extraValues.count > 0) {
    issues.warning(
      'extra-position-values',
      extraValues.first,
      `${countOf(extraValues.count, 'position has', 'positions have')} more than three values ` +
        `(${first(extraValues)}); only longitude, latitude and height are read, the rest is ignored (RFC 7946 §3.1.1)`,
    );
  }
  for (const [key, tally] of lenient.forbiddenMembers) {
    const [member = '', kind = 'geometry'] = key.split('|');
    const names =
      kind === 'FeatureCollection' || kind === 'Feature' ? OWNER_NAMES[kind] : OWNER_NAMES.geometry;
    issues.warning(
      'forbidden-member',
      tally.first,
      `${countOf(tally.count, names[0], names[1])} ${tally.count === 1 ? 'holds' : 'hold'} "${member}", ` +
        `which RFC 7946 §7.1 says a ${names[0]} must not have (${first(tally)}); it is ignored`,
    );
  }
}

/**
 * The box to frame the file by: its own top-level bbox when it holds every position (`bounds`),
 * else `bounds`, with a warning. The bbox has been checked already: any problem refused the file.
 */
function framingBox(root: unknown, bounds: BBox, issues: CappedIssueList): BBox {
  if (!isObject(root) || !Array.isArray(root.bbox) || !root.bbox.every(isFiniteNumber)) return bounds;
  const values: number[] = root.bbox;
  const [west = 0, south = 0, east = 0, north = 0] =
    values.length === 6 ? [values[0], values[1], values[3], values[4]] : values;
  const own: BBox = [west, south, east, north];
  if (boxHolds(own, bounds)) return own;
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  issues.warning(
    'bbox-not-holding',
    'bbox',
    `the file's bbox [${own.join(', ')}] does not hold all its features, which reach ` +
      `[${bounds.map(round).join(', ')}]; the map frames the features instead`,
  );
  return bounds;
}

/** Whether box `outer` holds box `inner`, either of them crossing the antimeridian (west > east). */
function boxHolds(outer: BBox, inner: BBox): boolean {
  const t = BBOX_TOLERANCE_DEGREES;
  const [ow = 0, os = 0, oe = 0, on = 0] = outer;
  const [iw = 0, is = 0, ie = 0, inn = 0] = inner;
  if (is < os - t || inn > on + t) return false;
  const outerEast = oe < ow ? oe + 360 : oe;
  if (outerEast - ow >= 360 - t) return true;
  const innerWidth = ie < iw ? ie + 360 - iw : ie - iw;
  const innerWest = iw < ow - t ? iw + 360 : iw;
  return innerWest + innerWidth <= outerEast + t;
}

/** Whether every feature holds the properties that only a "places" export writes. */
function looksLikePlacesExport(features: readonly JsonObject[]): boolean {
  return (
    features.length > 0 &&
    features.every((f) => {
      const p = f.properties;
      return isObject(p) && PLACES_EXPORT_MARKS.every((k) => p[k] !== undefined && p[k] !== null);
    })
  );
}

/** The result of a file refused before its GeoJSON was read (a format's own errors): its summary too. */
export function refusedResult(issues: readonly Issue[], counts: ImportCounts): ImportResult {
  const list = new CappedIssueList(issues[0]?.file ?? '');
  list.seed({ issues, counts });
  return finish(list, 0);
}

/** The result: its issues, their counts, and the summary line. */
function finish(issues: CappedIssueList, read: number, layer?: ImportedLayer): ImportResult {
  const counts = issues.counts();
  const warnings = countOf(counts.warnings, 'warning', 'warnings');
  if (!layer) {
    const errors = countOf(counts.errors, 'error', 'errors');
    return {
      issues: issues.list(),
      counts,
      summary: `not opened: ${errors}${counts.warnings > 0 ? `, ${warnings}` : ''}`,
    };
  }
  const drawn = layer.features.length;
  const parts = [`${countOf(read, 'feature', 'features')} read, ${NUMBER_FORMAT.format(drawn)} drawn`];
  if (read > drawn) parts.push(`${NUMBER_FORMAT.format(read - drawn)} without a geometry`);
  if (counts.warnings > 0) parts.push(warnings);
  return { layer, issues: issues.list(), counts, summary: parts.join('; ') };
}

const formatSize = (bytes: number): string => {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return Number(mb) > MAX_IMPORT_BYTES / (1024 * 1024) ? `${mb} MB` : `${bytes} bytes`;
};

/**
 * Reads a GeoJSON file (RFC 7946) that a person opens: a FeatureCollection, a Feature or a bare
 * geometry. Any error leaves `layer` out, so that the map stays as it was; warnings alone (a feature
 * without geometry, an odd id) do not. `byteLength` is checked before the text is parsed. An Article
 * Atlas export of shape "places" also gives back its atlas. Never throws on any text.
 */
export function importGeoJson(text: string, fileName: string, byteLength: number): ImportResult {
  const issues = new CappedIssueList(fileName);
  if (byteLength > MAX_IMPORT_BYTES) {
    issues.error(
      'too-large',
      '',
      `the file is ${formatSize(byteLength)}; files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB can be opened`,
    );
    return finish(issues, 0);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    issues.error('not-json', '', parsed.message);
    return finish(issues, 0);
  }
  return readGeoJson(parsed.value, fileName, parsed.body);
}

/**
 * Reads a GeoJSON value already parsed (from JSON text, or converted from another format: KML,
 * GPX, CSV, TopoJSON). `body`, the JSON text it was parsed from, is searched for duplicate keys.
 */
export function readGeoJson(
  root: unknown,
  fileName: string,
  body?: string,
  /** The issues of the format the value was converted from: listed first, counted with the rest. */
  prior?: { issues: readonly Issue[]; counts: ImportCounts },
): ImportResult {
  const issues = new CappedIssueList(fileName);
  if (prior) issues.seed(prior);
  for (const d of body === undefined ? [] : findDuplicateKeys(body)) {
    issues.error(
      'duplicate-key',
      d.path,
      `the key "${shorten(d.key)}" appears twice in ${d.path ? 'this' : 'the top-level'} object, ` +
        `at line ${d.firstLine}, column ${d.firstColumn} and again at line ${d.line}, column ${d.column}; ` +
        'only the last would be read, so remove or rename one',
    );
  }
  const lenient = new LenientTally();
  const features: ImportedFeature[] = [];
  let rawFeatures: JsonObject[] = [];
  let read = 0;
  if (isObject(root) && root.type === 'FeatureCollection') {
    checkBbox(root, '', issues);
    lenient.noteForbidden(root, '', 'FeatureCollection');
    if (!Array.isArray(root.features)) {
      issues.error(
        root.features === undefined ? 'missing-field' : 'wrong-type',
        'features',
        `a FeatureCollection needs "features", an array of features; found ${describeFound(root.features)}`,
      );
    } else if (root.features.length === 0) {
      issues.error('empty', 'features', 'the file holds no feature');
    } else {
      read = root.features.length;
      root.features.forEach((value, i) => {
        const feature = readFeature(value, i, childPath('features', i), issues, lenient, true);
        if (feature) features.push(feature);
      });
      rawFeatures = root.features.filter(isObject);
    }
  } else if (isObject(root) && root.type === 'Feature') {
    read = 1;
    const feature = readFeature(root, 0, '', issues, lenient, false);
    if (feature) features.push(feature);
  } else if (isObject(root) && isOneOf(GEOMETRY_TYPES, root.type)) {
    read = 1;
    const geometry = readGeometry(root, '', issues, lenient);
    if (geometry === null) LenientTally.note(lenient.emptyGeometries, '');
    if (geometry) features.push({ index: 0, id: null, title: 'Feature 1', geometry, properties: {} });
  } else {
    issues.error('not-geojson', '', describeRoot(root));
  }
  reportLenient(lenient, issues);
  if (issues.errorCount > 0) return finish(issues, read);
  const bounds = circularBoundsOf(features);
  if (bounds[0] === Infinity) {
    issues.error(
      'nothing-to-show',
      '',
      features.length === 0
        ? 'no feature has a geometry, so there is nothing to show on the map'
        : 'the geometries hold no position, so there is nothing to show on the map',
    );
    return finish(issues, read);
  }
  const layer: ImportedLayer = { fileName, features, bbox: framingBox(root, bounds, issues) };
  const meta = isObject(root) && root.type === 'FeatureCollection' ? root.articleAtlas : undefined;
  if (meta === undefined && looksLikePlacesExport(rawFeatures)) {
    issues.warning(
      'atlas-member-lost',
      '',
      'the features look like an Article Atlas "places" export, but the file has lost its "articleAtlas" ' +
        "member (the article and the order of the facts), as FlatGeobuf, CSV and GDAL's conversions through " +
        'them do not keep members outside the features; it opens as a plain map layer, without the article',
    );
  }
  if (isObject(meta) && meta.shape === 'places') {
    const rebuilt = rebuildAtlas(meta, rawFeatures);
    if ('atlas' in rebuilt) layer.atlas = rebuilt.atlas;
    else {
      issues.warning(
        'atlas-not-rebuilt',
        'articleAtlas',
        `the file was exported by Article Atlas, but its atlas cannot be rebuilt (${rebuilt.reason}); ` +
          'it opens as a plain map layer, without the article',
      );
    }
  }
  return finish(issues, read, layer);
}
