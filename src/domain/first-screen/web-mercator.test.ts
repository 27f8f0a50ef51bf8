import { MercatorCoordinate } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  cameraForBounds,
  frameRect,
  lngLatOf,
  MAP_CAMERA,
  screenPoint,
  viewRect,
  worldPoint,
  WORLD_SIZE_Z0,
} from './web-mercator';

/** The seed atlas's first frames (firstViewFrame on a 899 px and a 375 px wide map). */
const SEED_DESKTOP: [number, number, number, number] = [42.36084, 37.23254, 52.04376, 42.57006];
const SEED_PHONE: [number, number, number, number] = [43.867072, 38.738772, 50.537528, 41.063828];
const DESKTOP = { width: 899, height: 800 };
const PHONE = { width: 375, height: 582 };

// MapLibre's own figures, read in Chromium from the built app's map (window.articleAtlas.map at
// 1280x800 and 375x667, where the map element is 899x800 and 375x582): getZoom() and getCenter()
// after the first fit, cameraForBounds(frame, { padding: 24 }) for other frames, project() for Baku.
const MAPLIBRE = {
  desktop: { zoom: 5.949426243009032, center: [47.20230000000004, 39.95333767614818] },
  phone: { zoom: 5.107214532763952, center: [47.20230000000004, 39.91116401440249] },
  bakuOnDesktop: [685.8888888888837, 351.195000507071],
  wideOnDesktop: { zoom: 1.885123922881351, center: [20, 26.82309139837271] },
  /** cameraForBounds gives 1.3912310028912678 here; the map, held at its minZoom, goes to 1.5. */
  wideOnPhone: { zoom: 1.5, center: [19.99999999999997, 26.82309139837271] },
  tinyOnDesktop: { zoom: 12, center: [10.000500000000017, 50.00050000260006] },
};

const close = (actual: readonly number[], expected: readonly number[], digits = 9) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((n, i) => expect(n).toBeCloseTo(expected[i]!, digits));
};

describe('Web Mercator as MapLibre projects it', () => {
  it.each([
    [49.892, 40.3777],
    [-74.006, 40.7143],
    [0, 0],
    [180, -85],
    [-179.5, 84.9],
  ])('puts %f, %f where MercatorCoordinate does, times the 512 px world', (lng, lat) => {
    const m = MercatorCoordinate.fromLngLat([lng, lat]);
    close(worldPoint([lng, lat]), [m.x * WORLD_SIZE_Z0, m.y * WORLD_SIZE_Z0], 10);
  });

  it('clamps latitudes to the last one MapLibre projects', () => {
    expect(worldPoint([0, 89])).toEqual(worldPoint([0, 85.051129]));
    expect(worldPoint([0, 85.051129])[1]).toBeCloseTo(0, 5);
  });

  it('reads world pixels back to longitude and latitude', () => {
    close(lngLatOf(worldPoint([49.892, 40.3777])), [49.892, 40.3777], 10);
  });
});

describe('the camera MapLibre fits a frame to (fitBounds, 24 px padding, zoom 1.5 to 12)', () => {
  it('is the seed atlas’s first view on a desktop and on a phone', () => {
    const desktop = cameraForBounds(SEED_DESKTOP, DESKTOP);
    expect(desktop.zoom).toBeCloseTo(MAPLIBRE.desktop.zoom, 9);
    close(desktop.center, MAPLIBRE.desktop.center);
    const phone = cameraForBounds(SEED_PHONE, PHONE);
    expect(phone.zoom).toBeCloseTo(MAPLIBRE.phone.zoom, 9);
    close(phone.center, MAPLIBRE.phone.center);
  });

  it('puts Baku where MapLibre projects it on the desktop', () => {
    close(
      screenPoint([49.892, 40.3777], cameraForBounds(SEED_DESKTOP, DESKTOP), DESKTOP),
      MAPLIBRE.bakuOnDesktop,
      6,
    );
  });

  it('holds the zoom within the map’s range', () => {
    const wide = cameraForBounds([-20, -40, 60, 70], DESKTOP);
    expect(wide.zoom).toBeCloseTo(MAPLIBRE.wideOnDesktop.zoom, 9);
    close(wide.center, MAPLIBRE.wideOnDesktop.center);
    const wideOnPhone = cameraForBounds([-20, -40, 60, 70], PHONE);
    expect(wideOnPhone.zoom).toBe(MAP_CAMERA.minZoom);
    close(wideOnPhone.center, MAPLIBRE.wideOnPhone.center);
    const tiny = cameraForBounds([10, 50, 10.001, 50.001], DESKTOP);
    expect(tiny.zoom).toBe(MAP_CAMERA.maxZoom);
    close(tiny.center, MAPLIBRE.tinyOnDesktop.center);
  });

  it('fits the frame exactly inside the padding on its bound axis', () => {
    const camera = cameraForBounds(SEED_DESKTOP, DESKTOP);
    const [x, y, w, h] = frameRect(SEED_DESKTOP);
    const [vx, vy, vw, vh] = viewRect(camera, DESKTOP, MAP_CAMERA.fitPadding);
    // Wider than tall: the frame's width fills the map less 24 px each side; its height is centred.
    close([vx, vw], [x, w]);
    expect(vh).toBeGreaterThan(h);
    expect(vy + vh / 2).toBeCloseTo(y + h / 2, 9);
  });
});
