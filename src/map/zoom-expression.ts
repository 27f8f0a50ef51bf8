import type { ExpressionSpecification } from 'maplibre-gl';
import type { ZoomStops } from '../domain/map-look';

type Output = ExpressionSpecification | number;

/**
 * Zoom stops of the map's look as MapLibre's linear interpolation by zoom; `output` turns each
 * stop's value (at `index` in the stops) into what is drawn there, such as a value that also
 * depends on feature state.
 */
export function byZoom(
  stops: ZoomStops,
  output?: (value: number, index: number) => Output,
): ExpressionSpecification {
  const expression: unknown[] = ['interpolate', ['linear'], ['zoom']];
  stops.forEach((n, i) => expression.push(output && i % 2 ? output(n, i) : n));
  // The spec types the stops as a tuple; stops of the look are one, by construction.
  return expression as ExpressionSpecification;
}

/** Two sets of zoom stops at the same zooms, chosen at each stop by a condition (a selected place). */
export function byZoomIf(
  condition: ExpressionSpecification,
  when: ZoomStops,
  otherwise: ZoomStops,
): ExpressionSpecification {
  return byZoom(otherwise, (value, i) => ['case', condition, when[i] ?? value, value]);
}
