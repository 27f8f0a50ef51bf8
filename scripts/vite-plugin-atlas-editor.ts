import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { EDITOR_API, EDITOR_PAGE } from '../src/editor/editor-endpoints.ts';
import type * as EditorApi from './atlas-editor-api';
import type { ApiAnswer, GazetteerSearch } from './atlas-editor-api';

/** The editor's HTML entry, from the project's root. */
export const EDITOR_HTML = 'src/editor/editor.html';
/** The body a save may send, at most (atlas-editor-api.ts MAX_BODY_BYTES). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface AtlasEditorOptions {
  /** The data root, from the project's root (vite.config.ts DATA_DIR). */
  dataRoot: string;
  /** The gazetteer's search; by default scripts/gazetteer/load-gazetteer.ts, loaded on the first search. */
  search?: GazetteerSearch;
}

/**
 * The API, loaded by tsx on the first request: the domain's modules import each other without
 * file extensions, which the config's own loader is not to be given (see vite-plugin-atlas-data.ts).
 */
const loadApi = () => tsImport('./atlas-editor-api.ts', import.meta.url) as Promise<typeof EditorApi>;

interface GazetteerModule {
  loadGazetteer(): Promise<{ search(query: string, limit: number): unknown }>;
}
const isGazetteerModule = (m: unknown): m is GazetteerModule =>
  typeof m === 'object' && m !== null && typeof Reflect.get(m, 'loadGazetteer') === 'function';

/**
 * The gazetteer of scripts/gazetteer/load-gazetteer.ts, loaded once, on the first search; a
 * missing or failing module makes each search fail with its reason, which the search box shows.
 */
export function defaultGazetteerSearch(): GazetteerSearch {
  let loaded: ReturnType<GazetteerModule['loadGazetteer']> | undefined;
  return async (query, limit) => {
    if (!loaded) {
      const module: unknown = await tsImport('./gazetteer/load-gazetteer.ts', import.meta.url).catch(
        (error: unknown) => {
          throw new Error(`scripts/gazetteer/load-gazetteer.ts cannot be loaded: ${String(error)}`);
        },
      );
      if (!isGazetteerModule(module))
        throw new Error('scripts/gazetteer/load-gazetteer.ts has no loadGazetteer()');
      loaded = module.loadGazetteer();
      loaded.catch(() => (loaded = undefined));
    }
    const entries = (await loaded).search(query, limit);
    if (!Array.isArray(entries)) throw new Error('the gazetteer answered with no list');
    // The module is the drafter's, typed by the shared contract (src/domain/draft/types.ts).
    return entries as Awaited<ReturnType<GazetteerSearch>>;
  };
}

function send(res: ServerResponse, { status, body }: ApiAnswer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** The request's body as text, or undefined once it passes `max` bytes (the rest is not read). */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        done(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/**
 * The atlas editor under the dev server only (`apply: 'serve'`: no build includes it): the page
 * `/edit/<id>` (src/editor/editor.html) and its endpoints, which read an atlas of the index and
 * write its three files, only inside `<dataRoot>/atlases/<id>/`.
 */
export function atlasEditor(options: AtlasEditorOptions): Plugin {
  let dataRoot = '';
  let projectRoot = '';
  const search = options.search ?? defaultGazetteerSearch();
  const api = (server: ViteDevServer): Connect.NextHandleFunction => {
    return (req, res, next) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const page = EDITOR_PAGE.exec(url.pathname);
      if (page && req.method === 'GET') {
        void readFile(resolve(projectRoot, EDITOR_HTML), 'utf8')
          .then((html) => server.transformIndexHtml(url.pathname, html, req.originalUrl))
          .then((html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(html);
          })
          .catch(next);
        return;
      }
      if (!url.pathname.startsWith(`${EDITOR_API}/`)) return next();
      const route = url.pathname.slice(EDITOR_API.length);
      const answer = async (): Promise<ApiAnswer> => {
        const { readEditorAtlas, saveEditorAtlas, searchEditorGazetteer } = await loadApi();
        if (route === '/gazetteer' && req.method === 'GET') {
          return searchEditorGazetteer(search, url.searchParams.get('q') ?? '');
        }
        const atlas = /^\/atlases\/(.+)$/.exec(route);
        if (!atlas?.[1]) return { status: 404, body: { message: `no endpoint ${url.pathname}` } };
        let id: string;
        try {
          id = decodeURIComponent(atlas[1]);
        } catch {
          return { status: 400, body: { message: 'the atlas id is not a valid URL component' } };
        }
        if (req.method === 'GET') return readEditorAtlas(dataRoot, id);
        if (req.method === 'PUT') {
          const body = await readBody(req, MAX_BODY_BYTES);
          if (body === undefined) {
            return { status: 400, body: { message: 'the atlas is over 5 MB: not saved' } };
          }
          return saveEditorAtlas(dataRoot, id, body);
        }
        return { status: 405, body: { message: `${req.method ?? 'this method'} is not allowed here` } };
      };
      answer().then(
        (a) => send(res, a),
        (error: unknown) => send(res, { status: 500, body: { message: String(error) } }),
      );
    };
  };
  return {
    name: 'article-atlas-editor',
    apply: 'serve',
    configResolved(config) {
      projectRoot = config.root;
      dataRoot = resolve(config.root, options.dataRoot);
    },
    configureServer(server) {
      server.middlewares.use(api(server));
    },
  };
}
