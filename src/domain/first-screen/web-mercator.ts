import type { Bounds } from '../view';

/**
 * The map's camera limits and the margin its first view keeps, read by the MapLibre map
 * (src/map/create-map.ts) and by the first screen drawn without it, so that both frame a view alike.
 */
export const MAP_CAMERA = {
  minZoom: 1.5,
  maxZoom: 12,
  /** Pixels kept clear on every side when the map fits a frame (MapLibre's `fitBoundsOptions.padding`). */
  fitPadding: 24,
} as const;

/** MapLibre's tile size: the world is this many pixels wide at zoom 0 and twice as wide at each zoom. */
export const WORLD_SIZE_Z0 = 512;

/** MapLibre's last latitude of Web Mercator (`MAX_VALID_LATITUDE`). */
const MAX_LATITUDE = 85.051129;

/** A position in zoom-0 world pixels: x east from the antimeridian, y south from the top of the world. */
export type WorldPoint = [number, number];

export interface Size {
  width: number;
  height: number;
}

export interface Camera {
  center: [number, number];
  zoom: number;
}

/** [lng, lat] to zoom-0 world pixels, as MapLibre's `MercatorCoordinate.fromLngLat` times 512. */
export function worldPoint([lng, lat]: readonly number[]): WorldPoint {
  const clamped = Math.min(Math.max(lat ?? 0, -MAX_LATITUDE), MAX_LATITUDE);
  const x = (180 + (lng ?? 0)) / 360;
  const y = (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
  return [x * WORLD_SIZE_Z0, y * WORLD_SIZE_Z0];
}

/** Zoom-0 world pixels back to [lng, lat]. */
export function lngLatOf([x, y]: readonly [number, number]): [number, number] {
  const y2 = 180 - (y / WORLD_SIZE_Z0) * 360;
  return [(x / WORLD_SIZE_Z0) * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90];
}

/** Screen pixels per zoom-0 world pixel at a zoom. */
export const scaleAt = (zoom: number): number => 2 ** zoom;

/** A rectangle in zoom-0 world pixels: [minX, minY, width, height], as an SVG viewBox reads. */
export type WorldRect = [number, number, number, number];

/** The frame's rectangle in zoom-0 world pixels. */
export function frameRect([west, south, east, north]: Bounds): WorldRect {
  const [x0, y0] = worldPoint([west, north]);
  const [x1, y1] = worldPoint([east, south]);
  return [x0, y0, x1 - x0, y1 - y0];
}

/**
 * The camera MapLibre's `fitBounds` moves a map of `size` to for a frame (north up, no map padding):
 * the frame's middle in world pixels at the centre, at the largest zoom that fits it inside the
 * map less `padding` on every side, within the map's zoom range.
 */
export function cameraForBounds(frame: Bounds, size: Size, padding: number = MAP_CAMERA.fitPadding): Camera {
  const [x, y, w, h] = frameRect(frame);
  const fit = Math.min((size.width - 2 * padding) / w, (size.height - 2 * padding) / h);
  const zoom = Math.min(Math.max(Math.log2(fit), MAP_CAMERA.minZoom), MAP_CAMERA.maxZoom);
  return { center: lngLatOf([x + w / 2, y + h / 2]), zoom };
}

/** The part of the world a map of `size` shows at a camera, less `inset` pixels on every side. */
export function viewRect(camera: Camera, size: Size, inset = 0): WorldRect {
  const k = scaleAt(camera.zoom);
  const [cx, cy] = worldPoint(camera.center);
  const w = (size.width - 2 * inset) / k;
  const h = (size.height - 2 * inset) / k;
  return [cx - w / 2, cy - h / 2, w, h];
}

/** Where a position lies in a map of `size` at a camera, in pixels from its top left corner. */
export function screenPoint(lngLat: readonly number[], camera: Camera, size: Size): [number, number] {
  const k = scaleAt(camera.zoom);
  const [cx, cy] = worldPoint(camera.center);
  const [x, y] = worldPoint(lngLat);
  return [size.width / 2 + (x - cx) * k, size.height / 2 + (y - cy) * k];
}
