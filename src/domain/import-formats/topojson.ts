import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { shorten, type IssueList } from '../issues';
import { describeFound, isObject, type JsonObject } from '../json-reader';

/** The property that keeps, on each feature, the name of the TopoJSON object it came from. */
export const TOPOJSON_OBJECT_PROPERTY = 'topojsonObject';

export interface TopoJsonReading {
  collection: FeatureCollection;
  note: string;
}

const isGeometryObject = (value: unknown): value is GeometryObject =>
  isObject(value) && typeof value.type === 'string';

/** A Topology as far as topojson-client relies on its shape: objects of a type, arcs a list. */
function isTopology(root: JsonObject, issues: IssueList): root is JsonObject & Topology {
  if (!isObject(root.objects) || Object.keys(root.objects).length === 0) {
    issues.error(
      'bad-topojson',
      'objects',
      `a TopoJSON Topology needs "objects", an object of named geometries; found ${describeFound(root.objects)}`,
    );
    return false;
  }
  if (!Array.isArray(root.arcs)) {
    issues.error(
      'bad-topojson',
      'arcs',
      `a TopoJSON Topology needs "arcs", an array; found ${describeFound(root.arcs)}`,
    );
    return false;
  }
  const bad = Object.entries(root.objects).find(([, o]) => !isGeometryObject(o));
  if (bad) {
    issues.error(
      'bad-topojson',
      `objects.${bad[0]}`,
      `a TopoJSON object has a "type"; found ${describeFound(bad[1])}`,
    );
    return false;
  }
  return true;
}

/**
 * Converts a TopoJSON Topology with topojson-client: every object becomes features of one
 * FeatureCollection, in the order of `objects`, each feature keeping its object's name in the
 * property `topojsonObject`. Undefined, with an error, when the topology cannot be read.
 */
export function readTopoJson(root: JsonObject, issues: IssueList): TopoJsonReading | undefined {
  if (!isTopology(root, issues)) return undefined;
  const features: Feature[] = [];
  const counts: string[] = [];
  for (const [name, object] of Object.entries(root.objects)) {
    let converted: Feature | FeatureCollection;
    try {
      converted = feature(root, object);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.error(
        'bad-topojson',
        `objects.${name}`,
        `the TopoJSON object "${shorten(name)}" cannot be converted (${shorten(reason, 80)}): are its arcs in "arcs"?`,
      );
      return undefined;
    }
    const own = converted.type === 'FeatureCollection' ? converted.features : [converted];
    for (const f of own)
      features.push({ ...f, properties: { ...f.properties, [TOPOJSON_OBJECT_PROPERTY]: name } });
    counts.push(`"${shorten(name)}" (${own.length} feature${own.length === 1 ? '' : 's'})`);
  }
  return {
    collection: { type: 'FeatureCollection', features },
    note: `read as TopoJSON: object${counts.length === 1 ? '' : 's'} ${counts.join(', ')}`,
  };
}
