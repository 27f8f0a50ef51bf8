import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { build, createServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { readAtlasFiles, SECOND_ATLAS_DIR, SECOND_ATLAS_TEXT } from '../tests/helpers/atlas-files';
import { writeDataRoot } from '../tests/helpers/data-root';
import { contentSecurityPolicy, sourceHash } from './content-security-policy';
import { atlasData } from './vite-plugin-atlas-data';
import { ATLAS_ELSEWHERE_SCRIPT, prerenderAtlasPages } from './vite-plugin-prerender';

/** The page template as the app's index.html writes the elements the pages fill. */
const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="description" content="Article Atlas: a news article as an interactive, offline map." />
    <title>Article Atlas</title>
  </head>
  <body>
    <main id="app">
      <section id="panel" class="article-panel"></section>
      <div id="map" role="region" aria-label="Map"></div>
    </main>
  </body>
</html>
`;

/** Markup, an entity and both quotes in the headline and in place names: all of it must come out as text. */
const ORIGINAL_HEADLINE = 'Test fixture: a synthetic three-city article for Article Atlas';
const HEADLINE = `Test fixture: <b>Tbilisi</b> & "Batumi" 'talks' </h1><script>alert(1)</script>`;
const NAMES: Record<string, string> = {
  tbilisi: 'Tbilisi <img src=x onerror=alert(2)>',
  batumi: 'Batumi & "the coast"',
  lagodekhi: "Lagodekhi 'east' </span>",
};

interface Fixture {
  article: { id: string; slug: string; headline: string };
  places: { features: { id: string; properties: { name: string } }[] };
  facts: unknown;
}

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A project of the page template and a data root of two atlases: the test fixture with the
 * headline and names above (the default), and a copy of it as `batumi-fixture`.
 */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-prerender-'));
  projects.push(dir);
  writeFileSync(join(dir, 'index.html'), TEMPLATE);
  const files = readAtlasFiles(SECOND_ATLAS_DIR) as unknown as Fixture;
  files.article.headline = HEADLINE;
  for (const feature of files.places.features)
    feature.properties.name = NAMES[feature.id] ?? feature.properties.name;
  const text = readFileSync(SECOND_ATLAS_TEXT, 'utf8').replace(ORIGINAL_HEADLINE, HEADLINE);
  const data = writeDataRoot(files, text, join(dir, 'data'));
  const copy = join(data, 'atlases/batumi-fixture');
  mkdirSync(copy);
  writeFileSync(
    join(copy, 'article.json'),
    JSON.stringify({ ...files.article, id: 'batumi-fixture', slug: 'batumi-fixture' }),
  );
  writeFileSync(join(copy, 'places.geojson'), JSON.stringify(files.places));
  writeFileSync(join(copy, 'facts.json'), JSON.stringify(files.facts));
  const index = {
    atlases: [
      { id: 'tbilisi-fixture', path: 'atlases/tbilisi-fixture', title: 'Tbilisi <fixture>', default: true },
      { id: 'batumi-fixture', path: 'atlases/batumi-fixture', title: 'Batumi & co' },
    ],
  };
  writeFileSync(join(data, 'atlases/index.json'), JSON.stringify(index));
  return dir;
}

const plugins = () => [
  atlasData({ root: 'data' }),
  prerenderAtlasPages({
    dataRoot: 'data',
    map: (_atlas, entry) => `<svg data-map="${entry.id}"></svg>`,
    policy: (inline) => contentSecurityPolicy(undefined, inline),
  }),
];

/** Builds the project in memory; its HTML files by name. */
async function buildPages(root: string): Promise<Map<string, string>> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: plugins(),
    build: { write: false },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const pages = new Map<string, string>();
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const file of output.output) {
      if (file.type === 'asset' && file.fileName.endsWith('.html'))
        pages.set(file.fileName, String(file.source));
    }
  }
  return pages;
}

/**
 * What a reader of the page sees without scripts: the page parsed as a browser parses it (inert,
 * as a fragment: a document would fetch what the page preloads), and its `<html>` element's marks.
 */
function read(html: string) {
  const range = new Window().document.createRange();
  const document = range.createContextualFragment(html);
  const marks = range
    .createContextualFragment((/<html\b[^>]*>/.exec(html)?.[0] ?? '').replace(/^<html/, '<div'))
    .querySelector('div');
  const text = (selector: string) => [...document.querySelectorAll(selector)].map((n) => n.textContent);
  return {
    atlas: marks?.getAttribute('data-atlas'),
    isDefault: marks?.hasAttribute('data-atlas-default'),
    title: document.querySelector('title')?.textContent,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
    headline: text('h1'),
    headlineTiming: document.querySelector('h1')?.getAttribute('elementtiming'),
    kicker: text('.panel-kicker'),
    summary: text('.panel-summary'),
    dateline: text('.panel-dateline'),
    places: text('.place-link-name'),
    entries: text('.panel-place h3'),
    atlasLinks: [...document.querySelectorAll('.atlas-menu a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]),
    map: document.querySelector('#map')?.innerHTML,
    prerendered: document.querySelector('#panel')?.hasAttribute('data-prerendered'),
    scripts: [...document.querySelectorAll('script')].map((s) => s.textContent),
    images: document.querySelectorAll('img').length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    styles: [...new Set([...document.querySelectorAll('[style]')].map((n) => n.getAttribute('style') ?? ''))],
    preloads: [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) =>
      l.getAttribute('href'),
    ),
  };
}

const fixture = readAtlasFiles(SECOND_ATLAS_DIR) as unknown as Fixture;
const summary = (readAtlasFiles(SECOND_ATLAS_DIR).article as { summary: string }).summary;
const names = fixture.places.features.map((f) => NAMES[f.id] ?? f.properties.name);

describe('prerenderAtlasPages in a build', () => {
  it('writes a page for each atlas with the article in it, markup in the data as text', async () => {
    const pages = await buildPages(project());
    expect([...pages.keys()].sort()).toEqual(['atlases/batumi-fixture/index.html', 'index.html']);
    const home = read(pages.get('index.html')!);
    const other = read(pages.get('atlases/batumi-fixture/index.html')!);
    for (const [page, id] of [
      [home, 'tbilisi-fixture'],
      [other, 'batumi-fixture'],
    ] as const) {
      expect(page).toMatchObject({
        atlas: id,
        isDefault: id === 'tbilisi-fixture',
        title: `${HEADLINE} · Article Atlas`,
        description: summary,
        headline: [HEADLINE],
        headlineTiming: 'headline',
        kicker: [
          'none (synthetic text written for the tests) · Article Atlas test fixtures · Thursday 14 March 2024',
        ],
        summary: [summary],
        dateline: ['Dateline: Tbilisi [Georgia], March 14'],
        places: names,
        map: `<svg data-map="${id}"></svg>`,
        prerendered: true,
        // The only script is the one the CSP allows by its hash; none came from the data.
        scripts: [ATLAS_ELSEWHERE_SCRIPT],
        images: 0,
      });
      expect(page.entries).toEqual(names);
      // The CSP allows that script and the style attribute of the key's colours, by their hashes.
      expect(page.csp).toContain(`script-src 'self' ${sourceHash(ATLAS_ELSEWHERE_SCRIPT)};`);
      expect(page.csp).toContain("connect-src 'self' blob:;");
      expect(page.styles).toHaveLength(1);
      expect(page.csp).toContain(`style-src 'self' 'unsafe-hashes' ${sourceHash(page.styles[0]!)};`);
    }
    expect(home.atlasLinks).toEqual([
      ['Tbilisi <fixture>', '/'],
      ['Batumi & co', '/atlases/batumi-fixture/'],
    ]);
    // Each page preloads its own atlas's files.
    expect(home.preloads).toEqual([
      '/data/atlases/index.json',
      '/data/atlases/tbilisi-fixture/article.json',
      '/data/atlases/tbilisi-fixture/places.geojson',
      '/data/atlases/tbilisi-fixture/facts.json',
    ]);
    expect(other.preloads).toEqual([
      '/data/atlases/index.json',
      '/data/atlases/batumi-fixture/article.json',
      '/data/atlases/batumi-fixture/places.geojson',
      '/data/atlases/batumi-fixture/facts.json',
    ]);
    // Escaped, not dropped: the markup is in the HTML as entities.
    expect(pages.get('index.html')).toContain('&lt;b&gt;Tbilisi&lt;/b&gt; &amp; "Batumi"');
    expect(pages.get('index.html')).not.toContain('<script>alert(1)');
  }, 60_000);
});

describe('prerenderAtlasPages on the dev server', () => {
  it('serves the default atlas at / and every other at /atlases/<id>/, and no page for an unknown id', async () => {
    const server = await createServer({
      configFile: false,
      root: project(),
      logLevel: 'silent',
      plugins: plugins(),
      server: { host: '127.0.0.1', port: 0 },
    });
    await server.listen();
    try {
      const base = server.resolvedUrls!.local[0]!;
      const get = async (path: string) => {
        const response = await fetch(new URL(path, base));
        const body = await response.text();
        return { status: response.status, page: read(body) };
      };
      const home = await get('/');
      expect([home.status, home.page.atlas, home.page.headline, home.page.places]).toEqual([
        200,
        'tbilisi-fixture',
        [HEADLINE],
        names,
      ]);
      const other = await get('/atlases/batumi-fixture/');
      expect([other.status, other.page.atlas, other.page.isDefault, other.page.places]).toEqual([
        200,
        'batumi-fixture',
        false,
        names,
      ]);
      expect((await get('/atlases/nope/')).status).toBe(404);
      // No policy on the dev server: its hot reloading injects inline styles.
      expect(home.page.csp).toBeUndefined();
    } finally {
      await server.close();
    }
  }, 60_000);
});
