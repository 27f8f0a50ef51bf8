import { startApp } from './app/start';
// The page's fonts: Noto for every script the atlases use (scripts/vite-plugin-atlas-fonts.ts).
import 'virtual:atlas-fonts.css';
import './ui/styles.css';
// The build's picture of the first view (scripts/first-screen-map.ts) is in the page's HTML.
import './ui/first-screen-map.css';

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
// Embedding and sharing load only where asked: the embedded page (`?embed=1`, marked by the
// page's head script) and the panel's "Copy link" (one listener for the prerendered button).
const publish = (event?: Event) => void import('./app/publish').then((p) => p.publish(event));
if (document.documentElement.hasAttribute('data-embed')) publish();
addEventListener(
  'click',
  (e) => e.target instanceof Element && e.target.closest('[data-action=share]') && publish(e),
);
