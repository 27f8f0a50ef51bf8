import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

const DATA_FILE = /\.(json|geojson)$/;

function listDataFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (DATA_FILE.test(name)) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, 'atlases'));
  return out;
}

/** The index and the three files of the atlas the page opens by default. */
function defaultAtlasFiles(root: string): string[] {
  try {
    const index = JSON.parse(readFileSync(join(root, 'atlases/index.json'), 'utf8')) as {
      atlases?: { path?: string; default?: boolean }[];
    };
    const entry = index.atlases?.find((a) => a.default) ?? index.atlases?.[0];
    if (!entry?.path || entry.path.includes('..')) return ['atlases/index.json'];
    return [
      'atlases/index.json',
      ...['article.json', 'places.geojson', 'facts.json'].map((f) => `${entry.path}/${f}`),
    ];
  } catch {
    // A broken index is reported by the page's validator, not by the build.
    return [];
  }
}

const contentType = (path: string) =>
  path.endsWith('.geojson') ? 'application/geo+json; charset=utf-8' : 'application/json; charset=utf-8';

/**
 * Serves the atlas data (`data/atlases/**`) at `/data/…` during development and copies it into the
 * build, so that the page reads its atlas from stable URLs that the data-driven loader and the
 * tests can name, without the data being compiled into the code.
 */
export function atlasData(options: { root?: string } = {}): Plugin {
  let dataRoot = '';
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/data/')) return next();
    const path = decodeURIComponent(url.pathname.slice('/data/'.length));
    const file = resolve(dataRoot, path);
    if (
      !file.startsWith(dataRoot + sep) ||
      !DATA_FILE.test(file) ||
      !statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', contentType(file));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'article-atlas-data',
    configResolved(config) {
      dataRoot = resolve(config.root, options.root ?? 'data');
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    // The page's first requests: the atlas index and the default atlas's files are fetched while
    // the scripts load, instead of after them.
    transformIndexHtml() {
      return defaultAtlasFiles(dataRoot).map((path) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `/data/${path}` },
        injectTo: 'head' as const,
      }));
    },
    generateBundle() {
      for (const path of listDataFiles(dataRoot)) {
        this.emitFile({
          type: 'asset',
          fileName: `data/${path}`,
          source: readFileSync(join(dataRoot, path)),
        });
      }
    },
  };
}
