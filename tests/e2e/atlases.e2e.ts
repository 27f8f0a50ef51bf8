import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DATA_ROOT, fileReader } from '../../scripts/node-data';
import { defaultAtlasEntry, loadAtlas } from '../../src/domain/load-atlas';
import type { Atlas, AtlasIndexEntry } from '../../src/domain/types';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

// Every atlas the index lists, loaded and validated as the page loads it: adding an atlas to the
// index is all it takes for it to be opened here.
const { index } = await loadAtlas(fileReader(DATA_ROOT));
const atlases = new Map<string, Atlas>();
for (const entry of index) {
  const { atlas, issues } = await loadAtlas(fileReader(DATA_ROOT), { id: entry.id });
  if (!atlas) throw new Error(`atlas ${entry.id} does not load: ${JSON.stringify(issues)}`);
  atlases.set(entry.id, atlas);
}
const titles = index.map((e) => e.title);
/** The page the build writes for an atlas: `/` for the default, `/atlases/<id>/` for the others. */
const pagePath = (entry: AtlasIndexEntry) =>
  entry === defaultAtlasEntry(index) ? '/' : `/atlases/${entry.id}/`;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

/** Opens `path` and waits until the atlas is drawn, its markers laid out. */
async function ready(path: string, viewport = DESKTOP) {
  const app = await openApp(browser, baseUrl, { viewport, path });
  await waitForMark(app.page, 'app-ready');
  await app.page.evaluate(
    () =>
      new Promise((done) => {
        const { map } = window.articleAtlas;
        map.once('idle', () => requestAnimationFrame(() => done(null)));
        map.triggerRepaint();
      }),
  );
  return app;
}

/**
 * Each story place's marker as the reader meets it: the marker's name, and whether the map names
 * the place (the marker's name visible and uncovered, or else the place's map label drawn).
 */
const storyMarkers = (page: Page, ids: string[]) =>
  page.evaluate((ids) => {
    const { map } = window.articleAtlas;
    const labelled = new Set(
      map
        .queryRenderedFeatures({ layers: ['atlas-place-label'] })
        .filter((f) => !map.getFeatureState({ source: f.source, id: f.id! }).marked)
        .map((f) => String(f.properties.id)),
    );
    return ids.map((id) => {
      const name = document.querySelector<HTMLElement>(`.place-marker[data-place-id="${id}"] .marker-name`);
      if (!name) return { id, name: null, named: labelled.has(id) };
      const r = name.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const visible = r.width >= 5 && r.height >= 5 && at !== null && name.contains(at);
      // The name's own text, without its badge ("Disputed").
      const own = [...name.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
      const text = own
        .map((n) => n.textContent)
        .join('')
        .trim();
      return { id, name: text, named: visible || labelled.has(id) };
    });
  }, ids);

/** The header's list of atlases, opened from the keyboard: each link's text, target and mark. */
async function openAtlasMenu(page: Page) {
  await page.locator('.atlas-menu summary').focus();
  await page.keyboard.press('Enter');
  return page
    .locator('.atlas-menu a')
    .evaluateAll((links) =>
      links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]),
    );
}

describe('every atlas in the index, opened with ?atlas=', () => {
  for (const entry of index) {
    it(`${entry.id}: its headline, a named marker for every story place, the other atlases, no console error`, async () => {
      const atlas = atlases.get(entry.id)!;
      const app = await ready(`?atlas=${entry.id}`);
      const { page } = app;
      expect(await page.locator('.panel-headline').innerText()).toBe(atlas.article.headline);
      expect(await page.title()).toBe(`${atlas.article.headline} · Article Atlas`);
      const story = atlas.places.filter((p) => p.properties.group === 'story');
      expect(
        await storyMarkers(
          page,
          story.map((p) => p.id),
        ),
      ).toEqual(story.map((p) => ({ id: p.id, name: p.properties.name, named: true })));
      if (index.length === 1) {
        // The only atlas: no list of atlases.
        expect(await page.locator('.atlas-menu').count()).toBe(0);
      } else {
        expect(await page.locator('.atlas-menu').isVisible()).toBe(true);
        expect(await openAtlasMenu(page)).toEqual(
          index.map((e) => [e.title, pagePath(e), e.id === entry.id ? 'page' : null]),
        );
        expect(await page.locator('.atlas-menu a').first().isVisible()).toBe(true);
      }
      expect(app.consoleErrors).toEqual([]);
      expect(app.failedRequests).toEqual([]);
      await app.context.close();
    });
  }

  it('on a phone, lists the atlases in the header while the sheet is open, not in its closed bar', async () => {
    const app = await ready(`?atlas=${index.at(-1)!.id}`, PHONE);
    const { page } = app;
    if (index.length === 1) {
      expect(await page.locator('.atlas-menu').count()).toBe(0);
    } else {
      const bar = await page.locator('.panel-header').boundingBox();
      expect(bar?.height).toBe(84);
      expect(await page.locator('.atlas-menu').isVisible()).toBe(false);
      await page.locator('.panel-toggle').click();
      expect(await page.locator('.atlas-menu').isVisible()).toBe(true);
      // Opening the list keeps the sheet open, and it fits the phone's width.
      expect((await openAtlasMenu(page)).map(([title]) => title)).toEqual(titles);
      expect(await page.locator('.panel-toggle').getAttribute('aria-expanded')).toBe('true');
      const widths = await page
        .locator('.atlas-menu a')
        .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().right <= window.innerWidth));
      expect(widths).toEqual(titles.map(() => true));
    }
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  });
});

describe('an atlas id the index does not list', () => {
  const fallback = defaultAtlasEntry(index)!;

  /** Opens the page for `id` and waits for its list of atlases. */
  async function unknownPage(query: string) {
    const app = await openApp(browser, baseUrl, { viewport: DESKTOP, path: query });
    await app.page.locator('.data-errors h1').waitFor();
    return app;
  }

  it('says so, lists every atlas as a link, the default marked, and a link opens its atlas', async () => {
    const app = await unknownPage('?atlas=nope');
    const { page } = app;
    expect(await page.locator('.data-errors h1').innerText()).toBe('No atlas called “nope”.');
    expect(await page.locator('.data-errors p').innerText()).toBe('These are available:');
    expect(await page.locator('.data-errors li').allInnerTexts()).toEqual(
      index.map((e) => (e === fallback ? `${e.title} (the default)` : e.title)),
    );
    expect(
      await page.locator('.data-errors a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(index.map(pagePath));
    expect(await page.title()).toBe('No atlas called “nope” · Article Atlas');
    // "did not pass validation" is for data that is wrong, not for a link to no atlas.
    expect(await page.getByText('did not pass validation').count()).toBe(0);
    expect(await page.locator('#panel').isVisible()).toBe(false);
    await waitForMark(page, 'map-idle');
    expect(app.consoleErrors).toEqual([]);

    // The last atlas of the index (with two, not the default): its link opens it.
    const last = index.at(-1)!;
    await page.getByRole('link', { name: last.title }).click();
    await waitForMark(page, 'app-ready');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(pagePath(last));
    expect(await page.locator('.panel-headline').innerText()).toBe(atlases.get(last.id)!.article.headline);
    expect(await page.locator('.data-errors').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  });

  it('shows an id that is no id, markup included, as text', async () => {
    const app = await unknownPage('?atlas=<img src=x onerror=alert(1)><script>alert(2)</script>');
    const { page } = app;
    expect(await page.locator('.data-errors h1').innerText()).toBe(
      'No atlas called “<img src=x onerror=alert(1)><script>alert(2)</script>”.',
    );
    expect(await page.locator('.data-errors img, .data-errors script').count()).toBe(0);
    expect(await page.locator('.data-errors li').count()).toBe(index.length);
    expect(app.consoleErrors).toEqual([]);
    await app.context.close();
  });
});
