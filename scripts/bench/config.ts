// What every part of the bench agrees on: the view both pages open, the window, and where the
// builds, the data and the results are.
import { join } from 'node:path';
import { ROOT } from '../node-data';

/** The map view both pages open, as the link's hash. */
export const VIEW = '#map=5.6/40.0/46.6';
export const VIEWPORT = { width: 1280, height: 800 };

/** The app's production build. */
export const DIST = join(ROOT, 'dist');
/** The bare MapLibre pages (bench/bare), served under /bare/. */
export const BARE_DIST = join(ROOT, 'dist-bench');
/** The real atlas and the synthetic ones, served under /data/. */
export const DATA = join(ROOT, 'bench/.cache/data');
export const RESULTS = join(ROOT, 'bench/results');

/** The synthetic atlases measured beside the real one, smallest first. */
export const SYNTHETIC_ATLASES = [
  { places: 1000, factsPerPlace: 10 },
  { places: 5000, factsPerPlace: 10 },
] as const;

/**
 * The region of the Leaflet peer page's basemap, [west, south, east, north]: every view the bench
 * opens (the Caucasus, where the synthetic places are, and Cyprus) with room for the pan's moves.
 */
export const LEAFLET_CLIP: [number, number, number, number] = [25, 28, 65, 52];

/** The files of points the bench opens on the atlas page and on the bare page, by their count, smallest first. */
export const OPENED_FILE_POINTS = [10_000, 100_000, 200_000] as const;
