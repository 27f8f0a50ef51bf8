import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { atlasData } from './scripts/vite-plugin-atlas-data.ts';
import { atlasEditor } from './scripts/vite-plugin-atlas-editor.ts';
import { atlasFonts } from './scripts/vite-plugin-atlas-fonts.ts';
import { contentSecurityPolicy } from './scripts/content-security-policy.ts';
import { firstScreenMap } from './scripts/first-screen-map.ts';
import { socialCardPng } from './scripts/social-card.ts';
import type { Atlas } from './src/domain/types.ts';
import { prerenderAtlasPages } from './scripts/vite-plugin-prerender.ts';

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
        // The fonts first: the prerendered article is laid out in them.
        return [
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
          ...chunks.map((c) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${c.fileName}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * The first screen's picture of each atlas, drawn once for each version of its places (the dev
 * server asks again on every page load; drawing one takes a second or more).
 */
function firstScreenMaps(): (atlas: Atlas) => string {
  const drawn = new Map<string, string>();
  return (atlas) => {
    const key = JSON.stringify([atlas.article.id, atlas.places]);
    const markup = drawn.get(key) ?? firstScreenMap(atlas);
    drawn.set(key, markup);
    return markup;
  };
}

/** The atlas data the build serves and chooses its fonts from; tests build other data with ATLAS_DATA_DIR. */
const DATA_DIR = process.env.ATLAS_DATA_DIR ?? 'data';

export default defineConfig({
  plugins: [
    atlasData({ root: DATA_DIR }),
    atlasEditor({ dataRoot: DATA_DIR }),
    atlasFonts({ dataRoot: DATA_DIR }),
    preloadFirstScreen(),
    // Last: each atlas's page is made from the template with every other plugin's tags in it, and
    // given its Content-Security-Policy, which allows the inline parts that page holds.
    prerenderAtlasPages({
      dataRoot: DATA_DIR,
      // The atlas's first view as SVG: the map from the first paint (src/map/svg-map.ts).
      map: firstScreenMaps(),
      policy: (inline) => contentSecurityPolicy(process.env.VITE_BASEMAP_STYLE_URL, inline),
      // Each page's social card (og:image); absolute where the site's public URL is known.
      socialCard: socialCardPng,
      ...(process.env.ATLAS_PUBLIC_URL
        ? { publicUrl: process.env.ATLAS_PUBLIC_URL.replace(/\/+$/, '') }
        : {}),
    }),
  ],
  build: {
    target: 'es2022',
    // No polyfill for <link rel="modulepreload">: every browser the app targets has it (Chrome 66,
    // Firefox 115, Safari 17), and one without only loads the same chunks a little later. The
    // polyfill would be about 400 bytes of the start bundle's budget.
    modulePreload: { polyfill: false },
    sourcemap: true,
    manifest: true,
    // MapLibre is about 0.9 MB minified by itself; it is measured apart from the app (npm run bench).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre (and its stylesheet) in a chunk of its own: cached across releases of the app,
        // and kept apart from the app's own code, whose size has a budget.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)[\\/]/ },
            // The domain modules the first screen shares with the lazy chunks, in one chunk rather
            // than three small ones: each file costs its own gzip frame and import lines.
            {
              name: 'shared',
              test: /src[\\/]domain[\\/](view|geography|fact-groups|dates|date-filter)\.ts$/,
            },
          ],
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
          // A page under load (CI runs beside other jobs) can take seconds for what is quick here:
          // a poll gives it 10 s unless the test asks for its own bound.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
