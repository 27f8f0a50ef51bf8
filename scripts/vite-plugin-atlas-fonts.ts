import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import type { FontFacesSpecification } from 'maplibre-gl';
import { FONT } from '../src/map/font-names.ts';
import { atlasFontTexts, BASEMAP_LABELS } from './atlas-font-texts.ts';
import { FONT_STYLES, loadFontCatalogue, type FontStyle, type FontSubset } from './font-catalogue.ts';
import { chooseFontSubsets, type SubsetChoice } from './font-subsets.ts';

/** The page's `@font-face` rules: `import 'virtual:atlas-fonts.css'`. */
export const FONT_CSS_MODULE = 'virtual:atlas-fonts.css';
/** The URL path of the map's font list: `import { fontListPath } from 'virtual:atlas-fonts'`. */
export const FONT_LIST_MODULE = 'virtual:atlas-fonts';
// Resolved ids: the CSS one ends in .css, so that Vite's CSS pipeline takes it (and emits its fonts).
const RESOLVED_CSS = '\0atlas-fonts.css';
const RESOLVED_LIST = '\0atlas-fonts';

/** The page's text is English whatever the atlas: Latin is always there. */
const ALWAYS = ['noto-sans-latin'];
/** The family of every face, page and map alike: one family, each file chosen by its unicode-range. */
const FAMILY = 'Noto Sans';

/** The file as a package path (`@fontsource/noto-sans/files/….woff2`), which Vite resolves in CSS. */
const packagePath = (subset: FontSubset, style: FontStyle) =>
  `${subset.packageName}/files/${basename(subset.files[style])}`;

/**
 * The `@font-face` rules for the chosen subsets. They are written in reverse: where the ranges of
 * faces of one family overlap, the browser tries the face declared last first, and Latin (first
 * in the catalogue) must win for the punctuation every script's font also has. Only `italic` and
 * `600` are written: `normal` and `400` are the descriptors' defaults.
 */
export function fontFaceCss(subsets: readonly FontSubset[]): string {
  const rules = [...subsets]
    .reverse()
    .flatMap((subset) =>
      FONT_STYLES.map((style) =>
        [
          `/* ${subset.id} ${style} (${subset.packageName}) */`,
          '@font-face {',
          `  font-family: '${FAMILY}';`,
          ...(style === 'italic' ? ['  font-style: italic;'] : []),
          ...(style === 'semibold' ? ['  font-weight: 600;'] : []),
          '  font-display: swap;',
          `  src: url('${packagePath(subset, style)}');`,
          `  unicode-range: ${subset.unicodeRange.join(', ')};`,
          '}',
        ].join('\n'),
      ),
    );
  return `${rules.join('\n')}\n`;
}

/** The map's font list, the style's `font-faces`: each FONT name's files, as `url(subset, style)` gives them. */
export function fontList(
  subsets: readonly FontSubset[],
  url: (subset: FontSubset, style: FontStyle) => string,
): FontFacesSpecification {
  const faces = (style: FontStyle) =>
    subsets.map((subset) => ({ url: url(subset, style), 'unicode-range': subset.unicodeRange }));
  return {
    [FONT.regular]: faces('regular'),
    [FONT.italic]: faces('italic'),
    [FONT.semibold]: faces('semibold'),
  };
}

/**
 * Self-hosted Noto for exactly the scripts the atlases use. At build time it reads every atlas in
 * `data/atlases/index.json` and the basemap's labels, finds which font subsets their characters
 * need (by the unicode-range each @fontsource package declares), and gives the page
 * `@font-face` rules for those (`virtual:atlas-fonts.css`) and the map a font list, a JSON file
 * fetched with the map (`virtual:atlas-fonts` names it), for the style's `font-faces`. Each file
 * keeps its unicode-range, so that the browser and MapLibre fetch it only when a text on screen
 * has one of its characters.
 */
export function atlasFonts(options: { dataRoot?: string; labelsFile?: string } = {}): Plugin {
  let config: ResolvedConfig;
  let catalogue: FontSubset[] | undefined;
  let choice: SubsetChoice | undefined;
  let listPath = '';

  const choose = (warn: (message: string) => void): SubsetChoice => {
    catalogue ??= loadFontCatalogue(config.root);
    const found = atlasFontTexts(
      resolve(config.root, options.dataRoot ?? 'data'),
      resolve(config.root, options.labelsFile ?? BASEMAP_LABELS.file),
    );
    for (const file of found.unreadable) warn(`fonts: skipped ${file}`);
    const chosen = chooseFontSubsets(found.texts, catalogue, ALWAYS);
    if (chosen.uncovered.length > 0) {
      warn(`fonts: no bundled font draws ${chosen.uncovered.join(' ')}; the reader's system font will`);
    }
    // Named after what decides its content (the subsets, their ranges and files), for caching.
    const hash = createHash('sha256');
    for (const subset of chosen.subsets) {
      hash.update(subset.id).update(subset.unicodeRange.join(','));
      for (const style of FONT_STYLES) hash.update(readFileSync(subset.files[style]));
    }
    listPath = `${config.build.assetsDir}/atlas-fonts-${hash.digest('hex').slice(0, 10)}.json`;
    return chosen;
  };
  const current = (warn: (message: string) => void) => (choice ??= choose(warn));

  const devList: Connect.NextHandleFunction = (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!listPath || path !== `${config.base}${listPath}`) return next();
    // The dev server serves the packages' files where they lie.
    const list = fontList(
      current((message) => config.logger.warn(message)).subsets,
      (subset, style) => `/@fs${subset.files[style]}`,
    );
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(list));
  };

  return {
    name: 'article-atlas-fonts',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      choice = undefined;
      const chosen = current((message) => this.warn(message));
      if (config.command === 'build')
        config.logger.info(`fonts: ${chosen.subsets.map((s) => s.id).join(', ')}`);
    },
    configureServer(server) {
      server.middlewares.use(devList);
    },
    resolveId(id) {
      if (id === FONT_CSS_MODULE) return RESOLVED_CSS;
      if (id === FONT_LIST_MODULE) return RESOLVED_LIST;
      return undefined;
    },
    load(id) {
      const warn = (message: string) => this.warn(message);
      if (id === RESOLVED_CSS) return fontFaceCss(current(warn).subsets);
      if (id === RESOLVED_LIST) {
        current(warn);
        return `export const fontListPath = ${JSON.stringify(config.base + listPath)};\n`;
      }
      return undefined;
    },
    // The map's list is fetched as the page starts, with the atlas data.
    transformIndexHtml() {
      current((message) => config.logger.warn(message));
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `${config.base}${listPath}` },
          injectTo: 'head' as const,
        },
      ];
    },
    generateBundle() {
      const chosen = current((message) => this.warn(message));
      // The same files as the page's CSS: an asset with the same content is the same file.
      const names = new Map<string, string>();
      const url = (subset: FontSubset, style: FontStyle) => {
        const path = subset.files[style];
        let name = names.get(path);
        if (!name) {
          const ref = this.emitFile({ type: 'asset', name: basename(path), source: readFileSync(path) });
          name = config.base + this.getFileName(ref);
          names.set(path, name);
        }
        return name;
      };
      this.emitFile({
        type: 'asset',
        fileName: listPath,
        source: `${JSON.stringify(fontList(chosen.subsets, url))}\n`,
      });
    },
  };
}
