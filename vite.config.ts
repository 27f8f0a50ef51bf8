import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { atlasData } from './scripts/vite-plugin-atlas-data.ts';
import { atlasFonts } from './scripts/vite-plugin-atlas-fonts.ts';
import { cspMetaTag } from './scripts/content-security-policy.ts';

/** The page's own fonts that every atlas shows on its first screen: text, headings and quotations. */
const FIRST_SCREEN_FONTS = /^assets\/noto-sans-latin-(400-normal|600-normal|400-italic)-[\w-]+\.woff2$/;

/**
 * Starts downloading the map's code (the dynamically imported map chunk and MapLibre) and the
 * first screen's fonts as soon as the HTML is read, in parallel with the entry script and the
 * atlas data. With the fonts there before the first text is drawn, the page draws its text once,
 * not first in a fallback font and again when the web font arrives.
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'article-atlas-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c) => c.type === 'chunk' && !c.isEntry && /^(map-app|maplibre)$/.test(c.name),
        );
        const fonts = Object.values(ctx.bundle ?? {}).filter(
          (a) => a.type === 'asset' && FIRST_SCREEN_FONTS.test(a.fileName),
        );
        return [
          ...chunks.map((c) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${c.fileName}` },
            injectTo: 'head' as const,
          })),
          ...fonts.map((f) => ({
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
              href: `/${f.fileName}`,
            },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/** The atlas data the build serves and chooses its fonts from; tests build other data with ATLAS_DATA_DIR. */
const DATA_DIR = process.env.ATLAS_DATA_DIR ?? 'data';

export default defineConfig({
  plugins: [
    atlasData({ root: DATA_DIR }),
    atlasFonts({ dataRoot: DATA_DIR }),
    preloadFirstScreen(),
    cspMetaTag(process.env.VITE_BASEMAP_STYLE_URL),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    // MapLibre is about 0.9 MB minified by itself; it is measured apart from the app (npm run bench).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre (and its stylesheet) in a chunk of its own: cached across releases of the app,
        // and kept apart from the app's own code, whose size has a budget.
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)[\\/]/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
