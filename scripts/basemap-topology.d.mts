import type { Feature, MultiLineString, MultiPolygon } from 'geojson';

/** The line layers of the basemap: coasts, agreed borders, and lines that are no agreed border. */
export type BasemapLineKind = 'coast' | 'border' | 'disputed';

export interface BasemapGeometry {
  /** One feature per area of the map; `country`: its ISO 3166-1 alpha-2 code ('' for land of unresolved status with none). */
  land: Feature<MultiPolygon, { country: string }>[];
  linesOf(kind: BasemapLineKind): Feature<MultiLineString, Record<string, never>>;
}

/** The basemap's land and lines from Natural Earth's topology with the disputes table applied. */
export function basemapGeometry(topology: unknown, disputes: unknown): BasemapGeometry;
