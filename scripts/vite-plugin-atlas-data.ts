import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Connect, Plugin } from 'vite';
import type { ValidatedFiles } from '../src/domain/load-atlas';
import type * as CheckAtlases from './check-atlases';
import type * as ValidatedFilesModule from './validated-files';

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
 * The validator, loaded by tsx when a build starts: the domain's modules import each other without
 * file extensions, which the config's own loader is not to be given (Vite warns of it on every build).
 */
const loadChecker = async () => ({
  ...((await tsImport('./check-atlases.ts', import.meta.url)) as typeof CheckAtlases),
  ...((await tsImport('./validated-files.ts', import.meta.url)) as typeof ValidatedFilesModule),
});

/** The page's list of the files the build validated (src/io/validated-at-build.ts). */
export const VALIDATED_FILES_MODULE = 'virtual:validated-atlas-files';
const RESOLVED_VALIDATED_FILES = `\0${VALIDATED_FILES_MODULE}`;

export interface AtlasDataOptions {
  /** The data root, from the project's root (default `data`). */
  root?: string;
  /**
   * Whether a build validates every atlas of the index and fails on an error (default true).
   * `false` is for a build that ships data the page must refuse, on purpose, to test how the page
   * shows the validator's errors; no build of the app's own data turns it off.
   */
  validate?: boolean;
}

/**
 * Serves the atlas data (`data/atlases/**`) at `/data/…` during development and copies it into the
 * build, so that the page reads its atlas from stable URLs that the data-driven loader and the
 * tests can name, without the data being compiled into the code. A build first checks every atlas
 * as `npm run validate` does (checkAtlases) and fails, with the validator's words, on an error:
 * no build ships an atlas the page would refuse. It then gives the page the digests of the files
 * it validated (`virtual:validated-atlas-files`, scripts/validated-files.ts), so that the page
 * loads them without its validator; in development and in a build that does not validate, the
 * list is empty and the page validates every file.
 */
export function atlasData(options: AtlasDataOptions = {}): Plugin {
  let dataRoot = '';
  let prefix = '';
  let building = false;
  let validated: ValidatedFiles = { digests: {}, index: [] };
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
      // Files are named as from the project's root, `data/atlases/…/places.geojson`.
      prefix = `${relative(config.root, dataRoot).split(sep).join('/')}/`;
      building = config.command === 'build';
    },
    async buildStart() {
      if (!building || options.validate === false) return;
      const { validatedFiles, errorReport } = await loadChecker();
      const check = await validatedFiles(dataRoot, { prefix });
      const report = errorReport(check.issues);
      if (report !== undefined) this.error(report);
      validated = check.files;
    },
    resolveId(id) {
      return id === VALIDATED_FILES_MODULE ? RESOLVED_VALIDATED_FILES : undefined;
    },
    load(id) {
      if (id !== RESOLVED_VALIDATED_FILES) return undefined;
      return `export default ${JSON.stringify(validated)};\n`;
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
