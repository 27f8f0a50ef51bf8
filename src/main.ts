import { createMap, webglAvailable } from './map/create-map';
import { embeddedBasemapStyle } from './map/embedded-basemap';
import { fetchRemoteStyle } from './map/remote-style';
import { chooseBasemap } from './map/choose-basemap';
import { Notices } from './ui/notices';
import './ui/styles.css';

/** The South Caucasus, framed on Armenia and Azerbaijan with the Absheron peninsula. */
const INITIAL_BOUNDS: [number, number, number, number] = [42.4, 38.2, 50.9, 42.8];
const FOCUS_COUNTRIES = ['Armenia', 'Azerbaijan'];

async function start(): Promise<void> {
  const app = document.getElementById('app');
  const container = document.getElementById('map');
  if (!app || !container) throw new Error('index.html must have #app and #map');
  const notices = new Notices(app);
  if (!webglAvailable()) {
    container.classList.add('map-unavailable');
    notices.show('The map cannot be drawn on this device: the browser offers no WebGL.', 'error', 'webgl');
    return;
  }
  const basemap = await chooseBasemap(
    import.meta.env.VITE_BASEMAP_STYLE_URL,
    () => embeddedBasemapStyle(FOCUS_COUNTRIES),
    fetchRemoteStyle,
  );
  if (basemap.fallbackMessage) notices.show(basemap.fallbackMessage, 'warning', 'basemap');
  const map = createMap({
    container,
    style: basemap.style,
    bounds: INITIAL_BOUNDS,
    onFirstIdle: () => performance.mark('map-idle'),
  });
  // A read-only handle for debugging and for the browser tests.
  Object.assign(window, { articleAtlas: { map } });
}

void start();
