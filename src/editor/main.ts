// The atlas editor's page, /edit/<id>, served by the dev server only (scripts/vite-plugin-atlas-editor.ts).
import 'virtual:atlas-fonts.css';
import './editor.css';
import { el } from '../dom/el';
import { EditorPage } from './editor-page';
import { fetchAtlas } from './editor-api';

const root = document.getElementById('editor');
if (!root) throw new Error('editor.html must have #editor');
const id = decodeURIComponent(/^\/edit\/([^/]+)/.exec(location.pathname)?.[1] ?? '');

void fetchAtlas(id).then((answer) => {
  root.removeAttribute('aria-busy');
  if (!answer.ok) {
    root.replaceChildren(
      el('h1', { text: 'Atlas editor' }),
      el('p', { className: 'editor-failure', attrs: { role: 'alert' }, text: answer.message }),
    );
    return;
  }
  new EditorPage(root, id, answer.atlas);
});
