import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkAgainstArticle } from '../../src/domain/check-against-article';
import type { Issue } from '../../src/domain/issues';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { ROOT } from '../../scripts/node-data';
import { useChromium } from './chromium';
import { openApp } from './page-helpers';
import { snapshotFiles } from '../helpers/file-tree';

const ID = 'cyprus-talks-draft';
const browser = useChromium();

const snapshot = snapshotFiles;

describe('the atlas editor, on the dev server', () => {
  let data = '';
  let server: ViteDevServer | undefined;
  let url = '';
  const folder = () => join(data, 'atlases', ID);
  const readJson = (file: string): unknown => JSON.parse(readFileSync(join(folder(), file), 'utf8'));

  // A data root of its own: the second atlas (whose text is beside it) and the draft fixture.
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'atlas-editor-'));
    const atlases = join(data, 'atlases');
    cpSync(
      resolve(ROOT, 'data/atlases/cyprus-reunification-talks'),
      join(atlases, 'cyprus-reunification-talks'),
      {
        recursive: true,
      },
    );
    cpSync(resolve(ROOT, 'tests/fixtures/draft', ID), join(atlases, ID), { recursive: true });
    writeFileSync(
      join(atlases, 'index.json'),
      JSON.stringify({
        atlases: [
          {
            id: 'cyprus-reunification-talks',
            path: 'atlases/cyprus-reunification-talks',
            title: 'Cyprus reunification talks',
            default: true,
          },
          { id: ID, path: `atlases/${ID}`, title: 'Cyprus talks (draft)' },
        ],
      }),
    );
    process.env.ATLAS_DATA_DIR = data;
    try {
      server = await createServer({
        root: ROOT,
        logLevel: 'warn',
        server: { host: '127.0.0.1', port: 0, strictPort: false },
      });
      await server.listen();
    } finally {
      delete process.env.ATLAS_DATA_DIR;
    }
    url = server.resolvedUrls?.local[0] ?? '';
  });

  afterAll(async () => {
    await server?.close();
    rmSync(data, { recursive: true, force: true });
  });

  it('opens a draft, confirms a place, makes a quotation of a keyboard selection and saves files that validate', async () => {
    const app = await openApp(browser, url, { path: `edit/${ID}`, blockNonLocal: true });
    const { page } = app;
    const nicosia = page.locator('[data-item="place:nicosia"]');
    const paragraph = page.locator('[data-paragraph="4"]');
    await expect.poll(() => paragraph.textContent()).toMatch(/^"I want to say/);

    // Paragraph 4 is one quotation from its first character to its last: select within its marks,
    // with the keyboard, half of it first.
    await paragraph.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    // A change redraws the paragraphs once it settles (the draft's highlights follow it): the
    // selection and the caret's focus stay where they were, in the paragraph's new element.
    await paragraph.evaluate((node) => node.setAttribute('data-before-redraw', ''));
    // Clicked from the page's script, so that the focus stays in the paragraph.
    await nicosia.getByRole('button', { name: 'Confirm' }).evaluate((b) => {
      if (b instanceof HTMLElement) b.click();
    });
    await expect
      .poll(() => nicosia.locator('.editor-item__head .editor-badge').textContent())
      .toBe('confirmed');
    await expect.poll(() => page.locator('[data-before-redraw]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-paragraph'))).toBe('4');
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('I');
    await page.keyboard.press('Control+Shift+End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.getByRole('button', { name: 'Quote selection' }).click();

    const added = page.locator('[data-item="fact:quote-paragraph-4"]');
    await expect.poll(() => added.count()).toBe(1);
    // The new fact's form is open, its speaker field focused.
    await page.keyboard.type('Nicos Anastasiades');
    await added
      .getByLabel('Paraphrase (the project’s own words)')
      .fill(
        'Anastasiades warned that the hardest problems were still to come and that the joint text only set limits.',
      );
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.editor-status').textContent()).toMatch(/^Saved\. /);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();

    const text = readFileSync(join(folder(), 'article.txt'), 'utf8');
    const line = text.split('\n')[7] ?? '';
    const places = readJson('places.geojson') as { features: { id: string; properties: object }[] };
    const facts = readJson('facts.json') as { facts: { id: string }[] };
    expect(places.features.find((p) => p.id === 'nicosia')?.properties).not.toHaveProperty('review');
    expect(places.features.find((p) => p.id === 'ankara')?.properties).toHaveProperty('review');
    expect(facts.facts.map((f) => f.id)).toEqual([
      'talks-next-week',
      'declaration-agreed',
      'quote-paragraph-4',
      'biden-support',
    ]);
    expect(facts.facts[2]).toEqual({
      id: 'quote-paragraph-4',
      placeIds: ['nicosia'],
      kind: 'quotation',
      date: '2014-02-07',
      dateText: null,
      text: 'Anastasiades warned that the hardest problems were still to come and that the joint text only set limits.',
      quote: { text: line.slice(1, -1), speaker: 'Nicos Anastasiades' },
      paragraph: 4,
      review: {
        confirm: [
          { field: 'speaker', note: 'write the speaker: no quotation before it names one' },
          { field: 'text', note: 'write the paraphrase in the project’s own words' },
        ],
      },
    });
    expect(line.slice(1, -1)).toMatch(/^I want to say that .* the rights of the Turkish Cypriots\.$/);

    const names = { article: 'article.json', places: 'places.geojson', facts: 'facts.json' };
    const { atlas, issues } = validateAtlas(
      {
        article: readJson('article.json'),
        places: readJson('places.geojson'),
        facts: readJson('facts.json'),
      },
      names,
    );
    const all: Issue[] = [...issues, ...(atlas ? checkAgainstArticle(atlas, text, names) : [])];
    expect(atlas).toBeDefined();
    expect(all.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses to save an atlas outside its folder, and changes nothing', async () => {
    const before = snapshot(data);
    const put = (id: string) =>
      fetch(new URL(`__atlas-editor/api/atlases/${id}`, url), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ article: {}, places: {}, facts: {} }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    expect(await put(encodeURIComponent('../cyprus-reunification-talks'))).toEqual({
      status: 400,
      body: { message: '"../cyprus-reunification-talks" is not an atlas id (a-z, 0-9 and single hyphens)' },
    });
    expect(await put('karabakh-peace-talks')).toEqual({
      status: 400,
      body: { message: 'no atlas "karabakh-peace-talks" in the index' },
    });
    expect(snapshot(data)).toEqual(before);
  });
});

describe('the production build', () => {
  it('holds no editor page and no editor code', () => {
    const dist = resolve(ROOT, 'dist');
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.filter((e) => /editor/.test(e.name)).map((e) => e.name)).toEqual([]);
    const mentions = files
      .filter((e) => /\.(html|js)$/.test(e.name))
      .filter((e) => readFileSync(join(e.parentPath, e.name), 'utf8').includes('__atlas-editor'))
      .map((e) => e.name);
    expect(mentions).toEqual([]);
  });

  it('answers no editor endpoint and no editor page', async () => {
    const baseUrl = inject('baseUrl');
    const api = await fetch(new URL('__atlas-editor/api/atlases/cyprus-reunification-talks', baseUrl));
    // The preview server may answer an unknown path with the app's page: never with the atlas's files.
    expect(api.headers.get('content-type')).not.toMatch(/json/);
    const put = await fetch(new URL('__atlas-editor/api/atlases/cyprus-reunification-talks', baseUrl), {
      method: 'PUT',
      body: '{}',
    });
    expect(put.ok).toBe(false);
    const page = await fetch(new URL('edit/cyprus-reunification-talks', baseUrl));
    expect(await page.text()).not.toContain('src/editor/main.ts');
  });
});
