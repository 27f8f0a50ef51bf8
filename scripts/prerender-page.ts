import { Window } from 'happy-dom';
import { articlePanelOptions, mapKeyEntries } from '../src/app/article-panel-options';
import { atlasMenu } from '../src/app/atlas-links';
import { buildAtlasModel } from '../src/domain/atlas-model';
import { defaultAtlasEntry } from '../src/domain/load-atlas';
import type { Atlas, AtlasIndexEntry } from '../src/domain/types';
import { ArticlePanel, PRERENDERED } from '../src/ui/article-panel';
import { checkAtlases, errorReport } from './check-atlases';

/** The validator, for the dev server's check of a page's atlas id (scripts/vite-plugin-prerender.ts). */
export { checkAtlases };

/** An atlas's page parts as HTML, each serialized by happy-dom from nodes built as the page builds them. */
export interface PrerenderedPage {
  /** `<title>`: the headline, as the page titles itself (src/app/start.ts). */
  title: string;
  /** `<meta name="description">`: the article's summary. */
  description: string;
  /** The panel element, filled by the app's own ArticlePanel. */
  panel: string;
  /** The values of the style attributes in the panel (the map key's colours), for the page's CSP. */
  styleAttributes: string[];
}

/** The browser globals the page's UI code reads while it builds the panel. */
const GLOBALS = [
  'window',
  'document',
  'requestAnimationFrame',
  // A large atlas's panel renders its later entries in timeouts (where the window has no idle
  // callbacks): the window's, which close with it, so that none runs after the build is done.
  'setTimeout',
  'clearTimeout',
  'CSS',
  'Node',
  'HTMLElement',
  'HTMLDetailsElement',
] as const;

const nothing = () => {};

/**
 * Builds `atlas`'s panel with the app's own code (ArticlePanel, with the options the page gives it)
 * in a happy-dom window at build time, and serializes it, with the title and description. `panel`
 * is the page's empty panel element as the HTML template writes it; the panel is built in it. The
 * window's globals are set only while the panel is built, and the window is closed after, so that
 * nothing the panel schedules for later (the idle rendering of a large atlas) runs in the build.
 */
export async function prerenderPage(
  atlas: Atlas,
  index: readonly AtlasIndexEntry[],
  entry: AtlasIndexEntry,
  panel: string,
): Promise<PrerenderedPage> {
  const dom = new Window({ url: 'http://localhost/', width: 1280, height: 800 });
  const saved = GLOBALS.map((name) => [name, Reflect.getOwnPropertyDescriptor(globalThis, name)] as const);
  try {
    for (const name of GLOBALS) {
      const value: unknown = name === 'window' ? dom : dom[name];
      Reflect.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
    // From here the page's globals are happy-dom's: the panel is built as in the browser.
    document.body.append(document.createRange().createContextualFragment(panel));
    const element = document.body.firstElementChild;
    if (!(element instanceof HTMLElement)) throw new Error(`no panel element in ${panel}`);
    const model = buildAtlasModel(atlas);
    new ArticlePanel(
      element,
      articlePanelOptions(model, mapKeyEntries(model), atlasMenu(index, entry.id, ''), {
        onChoose: nothing,
        onDownload: nothing,
        onCopy: nothing,
        onOpenFile: nothing,
      }),
    ).remove();
    // Until the page's script takes it over (src/ui/article-panel.ts removes the mark).
    element.setAttribute(PRERENDERED, '');
    const title = document.createElement('title');
    title.textContent = `${atlas.article.headline} · Article Atlas`;
    const description = document.createElement('meta');
    description.setAttribute('name', 'description');
    description.setAttribute('content', atlas.article.summary);
    const styleAttributes = [...element.querySelectorAll('[style]')].map(
      (n) => n.getAttribute('style') ?? '',
    );
    return {
      title: title.outerHTML,
      description: description.outerHTML,
      panel: element.outerHTML,
      styleAttributes: [...new Set(styleAttributes)],
    };
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Reflect.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
    await dom.happyDOM.close();
  }
}

/** One atlas's page: its index entry, the validated atlas, and its prerendered parts. */
export interface AtlasPage extends PrerenderedPage {
  entry: AtlasIndexEntry;
  atlas: Atlas;
  /** The index's default atlas, whose page is `/`. */
  isDefault: boolean;
}

/**
 * Every atlas of the data root's index, validated as the build validates it (checkAtlases), with
 * its page parts; `panel` is the template's empty panel element. An atlas that fails validation is
 * an error (the report `npm run validate` prints), not a page.
 */
export async function prerenderAtlases(
  dataRoot: string,
  panel: string,
  prefix?: string,
): Promise<{ pages: AtlasPage[]; error?: string }> {
  const checked = await checkAtlases(dataRoot, prefix === undefined ? {} : { prefix });
  const error = errorReport(checked.issues);
  if (error !== undefined) return { pages: [], error };
  const index = checked.atlases.map((a) => a.entry);
  const fallback = defaultAtlasEntry(index);
  const pages: AtlasPage[] = [];
  for (const { entry, atlas } of checked.atlases) {
    if (!atlas) return { pages: [], error: `the atlas ${entry.id} could not be read` };
    pages.push({
      entry,
      atlas,
      isDefault: entry === fallback,
      ...(await prerenderPage(atlas, index, entry, panel)),
    });
  }
  return { pages };
}
