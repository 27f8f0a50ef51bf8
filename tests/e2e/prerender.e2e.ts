import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DATA_ROOT, fileReader } from '../../scripts/node-data';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { defaultAtlasEntry, loadAtlas } from '../../src/domain/load-atlas';
import type { Atlas, AtlasIndexEntry } from '../../src/domain/types';
import { useChromium } from './chromium';
import { waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

// Every atlas of the index, as the page loads it, with the page the build wrote for it.
const { index } = await loadAtlas(fileReader(DATA_ROOT));
const fallback = defaultAtlasEntry(index)!;
const pages: { entry: AtlasIndexEntry; atlas: Atlas; path: string }[] = [];
for (const entry of index) {
  const { atlas } = await loadAtlas(fileReader(DATA_ROOT), { id: entry.id });
  if (!atlas) throw new Error(`atlas ${entry.id} does not load`);
  pages.push({ entry, atlas, path: entry === fallback ? '/' : `/atlases/${entry.id}/` });
}
const other = pages.find((p) => p.entry !== fallback)!;
const home = pages.find((p) => p.entry === fallback)!;
/** The places as the panel lists them: the story's, then the reactions'. */
const placeNames = (atlas: Atlas) => buildAtlasModel(atlas).orderedPlaces.map((p) => p.properties.name);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };
/** One frame at 60 Hz, in milliseconds. */
const FRAME_MS = 1000 / 60;

const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; viewport?: typeof DESKTOP } = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    page,
    errors,
    go: (waitUntil: 'load' | 'commit' = 'load') => page.goto(new URL(path, baseUrl).href, { waitUntil }),
  };
}

/** What the panel shows: its headline, source line, summary, dateline and place names, as rendered text. */
const panelText = (page: Page) =>
  page.evaluate(() => {
    const texts = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(`#panel ${selector}`)].map((n) => n.innerText);
    return {
      headline: texts('.panel-headline'),
      kicker: texts('.panel-kicker'),
      summary: texts('.panel-summary'),
      dateline: texts('.panel-dateline'),
      places: texts('.place-link-name'),
      // All of it, also the entries out of sight, which are not rendered (content-visibility); but
      // the picture tools, which come later with their code, once a map is there (not the take-over).
      all: (() => {
        const panel = document.getElementById('panel')!.cloneNode(true) as HTMLElement;
        panel.querySelector('.picture-tools')?.remove();
        return panel.textContent;
      })(),
    };
  });

describe('each atlas’s page, with scripts blocked', () => {
  for (const { entry, atlas, path } of pages) {
    it(`${entry.id} (${path}): shows the headline, the source line and every place’s name`, async () => {
      const { page, go } = await open(path, { javaScriptEnabled: false });
      await go();
      const text = await panelText(page);
      expect(text.headline).toEqual([atlas.article.headline]);
      expect(text.summary).toEqual([atlas.article.summary]);
      expect(text.dateline).toEqual(
        atlas.article.dateline ? [`Dateline: ${atlas.article.dateline.text}`] : [],
      );
      expect(text.places).toEqual(placeNames(atlas));
      expect(await page.locator('.panel-headline').isVisible()).toBe(true);
      expect(await page.title()).toBe(`${atlas.article.headline} · Article Atlas`);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(
        atlas.article.summary,
      );
    });
  }
});

interface Paints {
  /**
   * Layout shifts (none after input) of the page beside the map: the panel, the skip links. Those
   * of the map's own nodes (its markers, laid out when the map loads) are the map's to test.
   */
  pageShifts: { at: number; value: number }[];
  /** The render times of the elements timed as `headline`, in order. */
  headline: number[];
  /** The panel's height, in every frame from the first that has its content. */
  panelHeights: number[];
  /** When a web font face finished loading (`document.fonts` loadingdone), ms from navigation. */
  fontsDone: number[];
}

/** Records, from the page's start, what `Paints` holds. */
function recordPaints(): void {
  const seen: Paints = { pageShifts: [], headline: [], panelHeights: [], fontsDone: [] };
  document.fonts.addEventListener('loadingdone', () => seen.fontsDone.push(performance.now()));
  Object.assign(window, { __paints: seen });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null }[];
    })[]) {
      if (e.hadRecentInput) continue;
      const inMap = e.sources.every((s) => s.node?.parentElement?.closest('#map'));
      if (!inMap) seen.pageShifts.push({ at: e.startTime, value: e.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
      if (e.identifier === 'headline') seen.headline.push(e.renderTime);
    }
  }).observe({ type: 'element', buffered: true });
  const probe = () => {
    const panel = document.getElementById('panel');
    if (panel?.firstElementChild) seen.panelHeights.push(panel.getBoundingClientRect().height);
    if (seen.panelHeights.length < 600) requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
}

/**
 * Opens `path` twice in one context, the first time to fill the cache (so that the page's fonts and
 * styles do not arrive at a different moment each run on a busy machine), and returns what the
 * second load painted, two frames after the app is ready.
 */
async function paintsOf(path: string, viewport = DESKTOP) {
  const app = await open(path, { viewport });
  await app.go();
  await waitForMark(app.page, 'app-ready');
  await app.page.addInitScript(recordPaints);
  await app.go();
  await waitForMark(app.page, 'app-ready');
  await app.page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const paints = await app.page.evaluate(() => ({
    ...(window as unknown as { __paints: Paints }).__paints,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    prerendered: document.getElementById('panel')!.hasAttribute('data-prerendered'),
  }));
  return { ...app, paints };
}

/**
 * The layout shifts a reader can see that the take-over could cause: from the first contentful
 * paint on. Before it, Chrome may lay the page out twice, the second time with the web fonts that
 * arrived meanwhile, and report the difference, though neither layout was painted. After it, a face
 * that comes late (on a busy machine, a second after the first paint though preloaded) lays the text
 * out again in its own metrics (`font-display: swap`): that reflow is the font's, not the script's,
 * and a shift within `FONT_REFLOW_MS` of a face finishing is left out.
 */
const FONT_REFLOW_MS = 100;
const seenShift = (paints: Pick<Paints, 'pageShifts' | 'fontsDone'>, fcp: number | null) =>
  paints.pageShifts
    .filter((s) => fcp !== null && s.at >= fcp)
    .filter((s) => !paints.fontsDone.some((t) => s.at >= t - FONT_REFLOW_MS && s.at <= t + FONT_REFLOW_MS))
    .reduce((total, s) => total + s.value, 0);

describe('each atlas’s page, taken over by the script', () => {
  for (const { entry, atlas, path } of pages) {
    it(`${entry.id}: the headline is drawn at the first contentful paint, and the take-over changes no text and shifts nothing`, async () => {
      const blocked = await open(path, { javaScriptEnabled: false });
      await blocked.go();
      const prerendered = await panelText(blocked.page);
      expect(text(prerendered.headline)).toBe(atlas.article.headline);

      const { page, errors, paints } = await paintsOf(path);
      expect(paints.fcp).not.toBeNull();
      // The prerendered headline, drawn first; the script's (the same text) may be timed again later.
      expect(paints.headline.length).toBeGreaterThan(0);
      expect(Math.min(...paints.headline)).toBeLessThanOrEqual(paints.fcp! + FRAME_MS);
      expect(seenShift(paints, paints.fcp)).toBeLessThan(0.01);
      expect(new Set(paints.panelHeights).size).toBe(1);
      expect(paints.prerendered).toBe(false);
      expect(await panelText(page)).toEqual(prerendered);
      expect(errors).toEqual([]);
    });
  }

  it('on a phone: the prerendered sheet is drawn closed, as the script draws it, and nothing shifts', async () => {
    const { page, paints } = await paintsOf(other.path, PHONE);
    // The bar (84 px) and the sheet's top border, in every frame.
    expect(new Set(paints.panelHeights)).toEqual(new Set([85]));
    expect(seenShift(paints, paints.fcp)).toBeLessThan(0.01);
    expect(await page.locator('.panel-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps the reader’s focus and scroll when they had moved into the panel before the script took it over', async () => {
    const { page, go } = await open(other.path);
    // The script's chunk waits until the reader has moved: then the page takes the panel over.
    let release: () => void = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await go('commit');
    await page.locator('.place-link').nth(2).focus();
    await page.locator('#panel').evaluate((panel) => (panel.scrollTop = 300));
    release();
    await waitForMark(page, 'panel');
    const after = await page.evaluate(() => ({
      focused: document.activeElement?.closest('.place-link')?.getAttribute('data-place-id') ?? null,
      scrollTop: document.getElementById('panel')!.scrollTop,
      prerendered: document.getElementById('panel')!.hasAttribute('data-prerendered'),
    }));
    expect(after).toEqual({
      focused: buildAtlasModel(other.atlas).orderedPlaces[2]!.id,
      scrollTop: 300,
      prerendered: false,
    });
  });
});

describe('a link that asks for another atlas than the page’s', () => {
  /** Records, in every frame from the first, whether a visible headline says `text`. */
  async function watchHeadline(page: Page, text: string) {
    await page.addInitScript((text) => {
      const seen = { frames: 0, shown: 0, titled: 0 };
      Object.assign(window, { __headline: seen });
      const probe = () => {
        seen.frames += 1;
        const visible = [...document.querySelectorAll<HTMLElement>('.panel-headline')].some(
          (h) => h.textContent === text && h.checkVisibility({ visibilityProperty: true }),
        );
        if (visible) seen.shown += 1;
        if (document.title.startsWith(text)) seen.titled += 1;
        requestAnimationFrame(probe);
      };
      requestAnimationFrame(probe);
    }, text);
  }
  const seen = (page: Page) =>
    page.evaluate(
      () =>
        (window as unknown as { __headline: { frames: number; shown: number; titled: number } }).__headline,
    );

  it(`/?atlas=${other.entry.id} never shows the default atlas’s headline, not even in the first frame`, async () => {
    const { page, errors, go } = await open(`/?atlas=${other.entry.id}`);
    await watchHeadline(page, home.atlas.article.headline);
    await go();
    await waitForMark(page, 'app-ready');
    expect(await page.locator('.panel-headline').innerText()).toBe(other.atlas.article.headline);
    expect(await page.locator('.panel-headline').isVisible()).toBe(true);
    const frames = await seen(page);
    expect(frames.frames).toBeGreaterThan(0);
    expect([frames.shown, frames.titled]).toEqual([0, 0]);
    expect(errors).toEqual([]);
  });

  it('the same probe sees the default atlas’s headline on its own page (the probe can fail)', async () => {
    const { page, go } = await open('/');
    await watchHeadline(page, home.atlas.article.headline);
    await go();
    await waitForMark(page, 'app-ready');
    const frames = await seen(page);
    expect(frames.shown).toBeGreaterThan(0);
    expect(frames.titled).toBeGreaterThan(0);
  });

  it(`/atlases/${other.entry.id}/?atlas=nope shows the page for an unknown id, no prerendered atlas`, async () => {
    const { page, go } = await open(`/atlases/${other.entry.id}/?atlas=nope`);
    await watchHeadline(page, other.atlas.article.headline);
    await go();
    await page.locator('.data-errors h1').waitFor();
    expect(await page.locator('.data-errors h1').innerText()).toBe('No atlas called “nope”.');
    expect(await page.locator('#panel').isVisible()).toBe(false);
    expect((await seen(page)).shown).toBe(0);
  });
});

const text = (lines: string[]) => lines.join('\n');
