import { startApp } from './app/start';
// The page's fonts: Noto for every script the atlases use (scripts/vite-plugin-atlas-fonts.ts).
import 'virtual:atlas-fonts.css';
import './ui/styles.css';

const app = document.getElementById('app');
const map = document.getElementById('map');
const panel = document.getElementById('panel');
const skipToMap = document.getElementById('skip-to-map');
const skipToPlaces = document.getElementById('skip-to-places');
if (
  !app ||
  !map ||
  !panel ||
  !(skipToMap instanceof HTMLAnchorElement) ||
  !(skipToPlaces instanceof HTMLAnchorElement)
) {
  throw new Error('index.html must have #app, #panel, #map and the skip links #skip-to-map, #skip-to-places');
}
void startApp({ app, map, panel, skipToMap, skipToPlaces });
