// The benchmark's baseline: MapLibre alone drawing the same embedded basemap as the atlas, with
// no app code (no data, no panel, no markers). Built by `npm run bench` from the same files.
import { bareBasemapStyle, showBareMap } from './bare-map';

showBareMap(await bareBasemapStyle());
