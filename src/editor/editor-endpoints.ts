// Where the dev server serves the atlas editor (scripts/vite-plugin-atlas-editor.ts) and where the
// editor's page asks (editor-api.ts): no imports, so that the Vite config can load it as it is.

/** The editor's endpoints: `/atlases/<id>` (GET, PUT) and `/gazetteer?q=` (GET). */
export const EDITOR_API = '/__atlas-editor/api';
/** The editor's page for atlas `id`: `/edit/<id>`. */
export const EDITOR_PAGE = /^\/edit\/([^/]+)\/?$/;
