import { startApp } from './app/start';
import './ui/styles.css';

const app = document.getElementById('app');
const map = document.getElementById('map');
const panel = document.getElementById('panel');
if (!app || !map || !panel) throw new Error('index.html must have #app, #panel and #map');
void startApp({ app, map, panel });
