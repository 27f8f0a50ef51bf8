// The basemap's land and lines from Natural Earth's countries (npm `world-atlas`, 1:10m) with the
// editorial table scripts/basemap-disputes.json applied: read by the tile builder
// (scripts/build-basemap.mjs) and by the first screen's basemap extract
// (scripts/first-screen-basemap.ts), so that both draw the same borders and disputed lines.
import { iso31661NumericToAlpha2 } from 'iso-3166';
import { feature, merge, mesh } from 'topojson-client';

/**
 * The basemap's geometry: `land` (one feature per area of the map, `country` = ISO alpha-2 code),
 * `linesOf(kind)` (`coast`, `border` or `disputed`, as one MultiLineString feature), and the
 * pieces they are made of, for the labels.
 */
export function basemapGeometry(topology, disputes) {
  const byName = (list) => new Map(list.map((entry) => [entry.feature, entry]));
  const merges = disputes.merge;
  const unresolved = byName(disputes.unresolved);
  const sovereign = byName(disputes.sovereign);
  const disputedPairs = new Set(disputes.boundaries.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

  // ---------------------------------------------------------------------------------------------
  // The topology's polygons as pieces, each belonging to one area of the map (a country).

  function polygonsOf(geometry) {
    if (geometry.type === 'Polygon') return [geometry.arcs];
    if (geometry.type === 'MultiPolygon') return geometry.arcs;
    return [];
  }

  function ringContains(ring, [x, y]) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  /** The polygon's outer ring in lon/lat. */
  const outerRing = (arcs) => feature(topology, { type: 'Polygon', arcs }).geometry.coordinates[0];

  /**
   * Every polygon of Natural Earth's countries as a topology Polygon whose properties say which
   * area of the map (`area`: alpha-2 code, or the feature's name when it has none) it is part of,
   * which Natural Earth feature it came from, and whether it is disputed land merged into its
   * recognised country (`disputed`) or land of unresolved status (`unresolved`).
   */
  function pieces() {
    const out = [];
    for (const geometry of topology.objects.countries.geometries) {
      const name = geometry.properties.name;
      const own = geometry.id ? iso31661NumericToAlpha2[geometry.id] : undefined;
      const open = unresolved.get(name);
      const code = own ?? open?.code ?? sovereign.get(name)?.code;
      for (const arcs of polygonsOf(geometry)) {
        const moved = merges.find(
          (m) => m.feature === name && (!m.at || ringContains(outerRing(arcs), m.at)),
        );
        const area = moved?.into ?? code;
        if (!area && !open) throw new Error(`${name}: no ISO code, and no entry in basemap-disputes.json`);
        out.push({
          type: 'Polygon',
          arcs,
          properties: {
            area: area ?? `ne:${name}`,
            code: area ?? '',
            feature: name,
            piece: moved?.at ? `${name} at ${moved.at.join(',')}` : name,
            disputed: moved?.disputed ?? false,
            unresolved: Boolean(open),
            merge: moved,
          },
        });
      }
    }
    for (const m of merges) {
      if (!out.some((p) => p.properties.merge === m)) throw new Error(`merge ${m.feature}: no such land`);
    }
    return out;
  }

  const allPieces = pieces();
  const collection = { type: 'GeometryCollection', geometries: allPieces };

  /** What the line between two pieces is (the same piece twice: the line is a coast). */
  function lineKind(a, b) {
    if (a === b) return 'coast';
    const [pa, pb] = [a.properties, b.properties];
    if (pa.area === pb.area) {
      return pa.piece !== pb.piece && (pa.disputed || pb.disputed) ? 'disputed' : 'none';
    }
    if (pa.unresolved || pb.unresolved || disputedPairs.has(`${pa.code}|${pb.code}`)) return 'disputed';
    return 'border';
  }

  // ---------------------------------------------------------------------------------------------
  // Geometry helpers.

  /**
   * Splits a line where it runs along the antimeridian (where Natural Earth cuts Russia, Fiji and
   * Antarctica): that edge of a polygon is no coast.
   */
  function offAntimeridian(line) {
    const parts = [[]];
    for (const p of line) {
      const part = parts[parts.length - 1];
      const last = part[part.length - 1];
      if (last && Math.abs(last[0]) > 179.999 && Math.abs(p[0]) > 179.999 && last[0] * p[0] > 0) {
        parts.push([p]);
      } else part.push(p);
    }
    return parts.filter((part) => part.length >= 2);
  }

  /**
   * Makes a line or ring that crosses the antimeridian continuous (longitudes past 180), as
   * geojson-vt expects: it cuts what lies past 180 into the tiles on the other side, where a jump
   * from 180 to -180 would be drawn across the world. A ring that circles the pole (Antarctica)
   * stays as it is.
   */
  function unwrap(line, closed) {
    let shift = 0;
    const out = line.map((p, i) => {
      if (i > 0) {
        const delta = p[0] - line[i - 1][0];
        if (delta > 180) shift -= 360;
        else if (delta < -180) shift += 360;
      }
      return [p[0] + shift, p[1]];
    });
    return closed && shift !== 0 ? line : out;
  }

  function unwrapPolygons(geometry) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return {
      type: 'MultiPolygon',
      coordinates: polygons.map((polygon) => polygon.map((ring) => unwrap(ring, true))),
    };
  }

  function linesOf(kind) {
    const lines = mesh(topology, collection, (a, b) => lineKind(a, b) === kind);
    const coordinates = lines.coordinates
      .flatMap(kind === 'coast' ? offAntimeridian : (l) => [l])
      .map((l) => unwrap(l, false));
    return { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates } };
  }

  const areas = [...new Set(allPieces.map((p) => p.properties.area))].sort();
  const land = areas.map((key) => {
    const members = allPieces.filter((p) => p.properties.area === key);
    return {
      type: 'Feature',
      properties: { country: members[0].properties.code },
      geometry: unwrapPolygons(merge(topology, members)),
    };
  });

  return { allPieces, areas, land, linesOf, merges, unresolved, unwrapPolygons };
}
