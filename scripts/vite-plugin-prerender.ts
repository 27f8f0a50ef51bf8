import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createServer,
  isRunnableDevEnvironment,
  type Connect,
  type Plugin,
  type ResolvedConfig,
  type ViteDevServer,
} from 'vite';
import type { Atlas, AtlasIndexEntry } from '../src/domain/types';
import type { InlineSources } from './content-security-policy';
import type * as Prerender from './prerender-page';

/**
 * Runs in the head of every atlas's page, before the first paint: when the link's `?atlas=` names
 * another atlas than the one the page was built for (an old link, `/?atlas=ID`), it marks the page
 * so that the stylesheet hides what the build prerendered (`[data-atlas-elsewhere]
 * [data-prerendered]`) until the script has built the atlas asked for. When the link asks for the
 * embedded page (`?embed=1`), it marks the page `data-embed` and adds the embed's stylesheet
 * (public/embed.css, render-blocking), so that the page is laid out as an embed from the first
 * paint, though the app's own stylesheet carries nothing of it. The page's CSP allows this
 * text by its hash (PrerenderOptions.policy), and no other inline script.
 */
export const ATLAS_ELSEWHERE_SCRIPT =
  '(function(){var h=document.documentElement,q=new URLSearchParams(location.search),a=q.get("atlas");' +
  'if(a!==null&&a!==h.getAttribute("data-atlas")){h.setAttribute("data-atlas-elsewhere","");' +
  'document.title="Article Atlas"}' +
  // `?embed=1`: the page inside another's iframe, laid out by its own stylesheet from the first paint.
  'if(q.get("embed")==="1"){h.setAttribute("data-embed","");var l=document.createElement("link");' +
  'l.rel="stylesheet";l.href="/embed.css";l.setAttribute("blocking","render");document.head.append(l)}})()';

export interface PrerenderOptions {
  /** The data root, from the project's root (default `data`). */
  dataRoot?: string;
  /**
   * The markup drawn inside the page's `#map` before the map's code runs (default: none). It may
   * not carry style attributes or scripts: the page's CSP allows only those of the panel.
   */
  map?: (atlas: Atlas, entry: AtlasIndexEntry) => string;
  /**
   * The Content-Security-Policy a built page carries as its first meta tag, given the inline
   * script and the style attributes that page holds (scripts/content-security-policy.ts). Not in
   * the dev server, whose hot reloading injects inline styles.
   */
  policy?: (inline: Required<InlineSources>) => string;
  /**
   * The social card of an atlas (a 1200x630 PNG, scripts/social-card.ts), written to
   * `social/<id>.png` by a build and named by the page's og:image (default: no card, no tags).
   */
  socialCard?: (atlas: Atlas) => Promise<Uint8Array>;
  /**
   * The site's public origin and path, `https://example.org/atlas` (no trailing slash), that makes
   * og:image an absolute URL as Open Graph asks; without it the image is named from the site's root.
   */
  publicUrl?: string;
}

/** The path of an atlas's social card in a build, from the site's root. */
export const socialCardFile = (atlasId: string): string => `social/${atlasId}.png`;

/** The page template's elements the pages fill; each must be in it as written here. */
const TEMPLATE = {
  html: /<html\b([^>]*)>/,
  title: /<title>[^<]*<\/title>/,
  description: /<meta name="description"[^>]*>/,
  panel: /<section id="panel"[^>]*><\/section>/,
  map: /(<div id="map"[^>]*>)(<\/div>)/,
  head: /<head>/,
  headEnd: /<\/head>/,
} as const;

/**
 * The module that builds the pages' parts with the app's own code, loaded through Vite's module
 * runner (named by its path: `new URL('…', import.meta.url)` would have the config's bundler take
 * the app's code into the config).
 */
const RENDERER = join(dirname(fileURLToPath(import.meta.url)), 'prerender-page.ts');

/** The id written on a page's `<html>`: an atlas id is kebab-case, so it needs no escaping. */
const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const find = (html: string, name: keyof typeof TEMPLATE): RegExpMatchArray => {
  const match = html.match(TEMPLATE[name]);
  if (!match) throw new Error(`the page template has no ${String(TEMPLATE[name])}`);
  return match;
};

/**
 * The page of one atlas, from the template as the build has made it so far: `<html
 * data-atlas="ID">` (and `data-atlas-default` on the default's page), its title and description,
 * the prerendered panel, the map slot's markup, the data preloads naming the atlas's own files,
 * and the script for links that ask for another atlas.
 */
export function atlasPageHtml(
  template: string,
  page: Prerender.AtlasPage,
  defaultEntry: AtlasIndexEntry,
  parts: { map?: string; policy?: string; socialImage?: string } = {},
): string {
  const { id } = page.entry;
  if (!SAFE_ID.test(id)) throw new Error(`an atlas id must be kebab-case, not ${JSON.stringify(id)}`);
  for (const name of Object.keys(TEMPLATE) as (keyof typeof TEMPLATE)[]) find(template, name);
  const mark = ` data-atlas="${id}"${page.isDefault ? ' data-atlas-default=""' : ''}`;
  // The policy is made of CSP keywords, hashes and an origin: nothing in it needs escaping.
  if (parts.policy && /["&<>]/.test(parts.policy)) throw new Error(`not a policy: ${parts.policy}`);
  const policy = parts.policy
    ? `\n    <meta http-equiv="Content-Security-Policy" content="${parts.policy}">`
    : '';
  // Functions as replacements: the parts are inserted as they are, `$` included.
  return template
    .replace(TEMPLATE.html, (_, attrs: string) => `<html${attrs}${mark}>`)
    .replace(TEMPLATE.head, (head) => `${head}${policy}`)
    .replace(TEMPLATE.title, () => page.title)
    .replace(TEMPLATE.description, () =>
      parts.socialImage === undefined
        ? page.description
        : `${page.description}\n${socialCardTags(page.atlas, parts.socialImage)}`,
    )
    .replace(TEMPLATE.panel, () => page.panel)
    .replace(TEMPLATE.map, (_, open: string, close: string) => `${open}${parts.map ?? ''}${close}`)
    .replaceAll(`"/data/${defaultEntry.path}/`, () => `"/data/${page.entry.path}/`)
    .replace(TEMPLATE.headEnd, () => `<script>${ATLAS_ELSEWHERE_SCRIPT}</script></head>`);
}

const escapeAttribute = (text: string): string =>
  text.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/**
 * The Open Graph and Twitter card tags of an atlas's page: its headline, summary and card image
 * (1200x630), one tag a line, as a link to the page shows in social media and chat.
 */
export function socialCardTags(atlas: Atlas, imageUrl: string): string {
  const { headline, summary } = atlas.article;
  const tags: [string, string, string][] = [
    ['property', 'og:type', 'article'],
    ['property', 'og:title', headline],
    ['property', 'og:description', summary],
    ['property', 'og:image', imageUrl],
    ['property', 'og:image:width', '1200'],
    ['property', 'og:image:height', '630'],
    ['property', 'og:image:alt', `Map: ${headline}`],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', headline],
    ['name', 'twitter:description', summary],
    ['name', 'twitter:image', imageUrl],
  ];
  return tags
    .map(([key, name, content]) => `    <meta ${key}="${name}" content="${escapeAttribute(content)}" />`)
    .join('\n');
}

/** The file a page is written to, and the path it is served at. */
export const atlasPageFile = (page: Prerender.AtlasPage): string =>
  page.isDefault ? 'index.html' : `atlases/${page.entry.id}/index.html`;
export const atlasPageUrl = (page: Prerender.AtlasPage): string =>
  page.isDefault ? '/' : `/atlases/${page.entry.id}/`;

/**
 * The app's style imports (src/ui/map-key.ts imports its CSS) as empty modules: the page's
 * stylesheet is the build's; the panel's markup does not need it.
 */
const withoutStyles = (): Plugin => ({
  name: 'article-atlas-prerender-no-styles',
  enforce: 'pre',
  resolveId: (source) => (/\.css($|\?)/.test(source) ? '\0prerender-no-style' : null),
  load: (id) => (id === '\0prerender-no-style' ? 'export {};' : null),
});

/**
 * Writes, for each atlas of the data's index, an HTML page with the article already in it: the
 * panel exactly as the page's script builds it (built with the app's own code in happy-dom,
 * scripts/prerender-page.ts), so that the headline, the source line, the summary and the places
 * show at the first contentful paint, also with scripts blocked; the script then takes the panel
 * over. The default atlas fills `index.html`, every other one `atlases/<id>/index.html`, each with
 * the same head and assets. The dev server serves the same pages at `/` and `/atlases/<id>/`.
 * The data is validated as the build validates it; an atlas that fails fails the page.
 */
export function prerenderAtlasPages(options: PrerenderOptions = {}): Plugin {
  let config: ResolvedConfig | undefined;
  let dataRoot = '';
  let prefix = '';
  let server: ViteDevServer | undefined;
  /** The other atlases' pages of a build, written once the bundle is complete. */
  const pending = new Map<string, string>();
  /** The social cards of a build's pages, by the file each is written to. */
  const cards = new Map<string, Promise<Uint8Array>>();

  /**
   * A build's own server for the renderer, open until the bundle is written: the renderer's code
   * loads parts of itself only when it needs them (the validator, for a file it has not seen), and
   * a module runner closed after the first import (Vite's runnerImport) could not load them.
   */
  let buildServer: Promise<ViteDevServer> | undefined;
  const renderer = async (): Promise<typeof Prerender> => {
    // The dev server's own SSR runner follows edits to the app's code; a build loads it once.
    buildServer ??= server
      ? Promise.resolve(server)
      : createServer({
          configFile: false,
          root: config?.root ?? process.cwd(),
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
          // It runs the renderer in Node: nothing to pre-bundle for a browser.
          optimizeDeps: { noDiscovery: true, entries: [] },
          plugins: [withoutStyles()],
        });
    const ssr = (await buildServer).environments.ssr;
    if (!isRunnableDevEnvironment(ssr)) throw new Error('prerender: the SSR environment cannot run modules');
    return ssr.runner.import<typeof Prerender>(RENDERER);
  };

  const pages = async (template: string): Promise<Prerender.AtlasPage[]> => {
    const { prerenderAtlases } = await renderer();
    const result = await prerenderAtlases(dataRoot, find(template, 'panel')[0], prefix);
    if (result.error !== undefined) throw new Error(result.error);
    return result.pages;
  };

  const render = (template: string, page: Prerender.AtlasPage, all: readonly Prerender.AtlasPage[]) => {
    const defaultPage = all.find((p) => p.isDefault) ?? page;
    const policy =
      config?.command === 'build'
        ? options.policy?.({ scripts: [ATLAS_ELSEWHERE_SCRIPT], styleAttributes: page.styleAttributes })
        : undefined;
    const socialImage =
      config?.command === 'build' && options.socialCard
        ? `${options.publicUrl ?? ''}/${socialCardFile(page.entry.id)}`
        : undefined;
    return atlasPageHtml(template, page, defaultPage.entry, {
      ...(options.map ? { map: options.map(page.atlas, page.entry) } : {}),
      ...(policy === undefined ? {} : { policy }),
      ...(socialImage === undefined ? {} : { socialImage }),
    });
  };

  // A path under /atlases/ that names no atlas is no page (the dev server would serve the default's).
  const unknownPages: Connect.NextHandleFunction = (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = /^\/atlases\/([^/]+)\/(index\.html)?$/.exec(path);
    if (!match || !server) return next();
    const known = async () => {
      const { checkAtlases } = await renderer();
      return (await checkAtlases(dataRoot, { prefix })).atlases.some((a) => a.entry.id === match[1]);
    };
    known().then(
      (yes) => {
        if (yes) return next();
        res.statusCode = 404;
        res.end('not found');
      },
      (error: unknown) => next(error),
    );
  };

  return {
    name: 'article-atlas-prerender',
    configResolved(resolved) {
      config = resolved;
      dataRoot = resolve(resolved.root, options.dataRoot ?? 'data');
      prefix = `${relative(resolved.root, dataRoot).split(sep).join('/')}/`;
    },
    configureServer(devServer) {
      server = devServer;
      devServer.middlewares.use(unknownPages);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        // Only the app's own template is an atlas page (the dev server's editor page is another).
        if (basename(ctx.filename) !== 'index.html') return html;
        const all = await pages(html);
        if (ctx.server) {
          // The dev server answers /atlases/<id>/ with the template: the request's path names the atlas.
          const path = new URL(ctx.originalUrl ?? ctx.path, 'http://localhost').pathname;
          const page = all.find((p) => atlasPageUrl(p) === path) ?? all.find((p) => p.isDefault);
          return page ? render(html, page, all) : html;
        }
        pending.clear();
        cards.clear();
        const card = options.socialCard;
        if (card) for (const page of all) cards.set(socialCardFile(page.entry.id), card(page.atlas));
        for (const page of all)
          if (!page.isDefault) pending.set(atlasPageFile(page), render(html, page, all));
        const page = all.find((p) => p.isDefault);
        return page ? render(html, page, all) : html;
      },
    },
    generateBundle: {
      order: 'post',
      async handler() {
        if (config?.command !== 'build') return;
        for (const [fileName, source] of pending) this.emitFile({ type: 'asset', fileName, source });
        for (const [fileName, source] of cards)
          this.emitFile({ type: 'asset', fileName, source: await source });
      },
    },
    async closeBundle() {
      if (server || !buildServer) return;
      const own = buildServer;
      buildServer = undefined;
      await (await own).close();
    },
  };
}
