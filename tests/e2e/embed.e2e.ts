import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { PNG } from 'pngjs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForMark } from './page-helpers';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const CYPRUS = 'cyprus-reunification-talks';
const CYPRUS_HEADLINE = 'Cyprus Reunification Talks to Resume';
const KARABAKH_HEADLINE = "Azerbaijan, Karabakh separatists hold 'constructive' peace talks";

/** The README's copy-paste snippet (its section "Embed"), as a host page would paste it. */
function readmeSnippet(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Embed'));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet) throw new Error('README.md has no html snippet under "## Embed"');
  return snippet;
}

/**
 * A host page on another origin (its own port): the README's snippet with `src` and `height` set,
 * in a box `width` wide, recording every height message its iframe sends.
 */
function hostPage(src: string, width: number, height: number): string {
  const snippet = readmeSnippet()
    .replace(/src="[^"]*"/, `src="${src}"`)
    .replace(/height="\d+"/, `height="${height}"`);
  return `<!doctype html><html lang="en"><head><title>A newspaper</title></head><body style="margin:0">
<div style="width:${width}px">${snippet}</div>
<script>
  window.heights = [];
  addEventListener('message', (event) => {
    if (event.source === document.getElementById('article-atlas').contentWindow) window.heights.push(event.data);
  });
</script></body></html>`;
}

let host: Server;
let hostUrl = '';
/** The host page each test serves, by path. */
const hostPages = new Map<string, string>();

beforeAll(async () => {
  host = createServer((req, res) => {
    const page = hostPages.get(req.url ?? '');
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  const address = host.address();
  hostUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((done) => host.close(() => done())));

/** Opens a host page with the atlas at `path` embedded `width` x `height`, and the atlas's frame. */
async function embedded(path: string, width: number, height: number): Promise<{ page: Page; frame: Frame }> {
  const src = new URL(path, baseUrl).href;
  const name = `/host-${width}x${height}.html`;
  hostPages.set(name, hostPage(src, width, height));
  const { page } = await openApp(browser, `${hostUrl}${name}`, { viewport: { width, height: height + 200 } });
  const element = await page.waitForSelector('#article-atlas');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  await frame.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, {
    timeout: 45_000,
  });
  return { page, frame };
}

/**
 * What the embedded page shows, as the reader sees it; its link as the reader finds it when about
 * to use it (pointed at: it follows the page's address, which the page rewrites as the map moves).
 */
async function embedLayout(frame: Frame) {
  await frame.locator('a.embed-open').hover();
  return frame.evaluate(() => {
    const visible = (e: Element | null) => {
      if (!(e instanceof HTMLElement)) return false;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const box = (e: Element | null) => {
      const r = e?.getBoundingClientRect();
      return r
        ? { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) }
        : null;
    };
    const link = document.querySelector('a.embed-open');
    const map = document.getElementById('map');
    return {
      embed: document.documentElement.hasAttribute('data-embed'),
      headline: document.getElementById('panel-title')?.textContent,
      headlineVisible: visible(document.getElementById('panel-title')),
      kickerVisible: visible(document.querySelector('.panel-kicker')),
      map: box(map),
      // The map is drawn: MapLibre's canvas, or the build's picture where it still stands.
      drawn:
        visible(map?.querySelector('canvas.maplibregl-canvas') ?? null) ||
        visible(map?.querySelector('svg.first-screen-map') ?? null),
      markers: map?.querySelectorAll('[data-place-id], [data-place]').length ?? 0,
      link: link && {
        text: link.textContent,
        href: link.getAttribute('href'),
        target: link.getAttribute('target'),
        rel: link.getAttribute('rel'),
        visible: visible(link),
        box: box(link),
      },
      // Nothing of the panel but its header, no import, export or tools.
      bodyVisible: visible(document.getElementById('panel-body')),
      toolsVisible: [
        ...document.querySelectorAll('.export-control, .panel-tools, [data-action], #open-geojson'),
      ].some(visible),
      // The popup's buttons that export or lead to the (hidden) panel.
      popupButtons: [...document.querySelectorAll('.place-summary button')]
        .filter(visible)
        .map((b) => b.textContent),
      sheetToggleVisible: visible(document.querySelector('.panel-toggle')),
      frameHeight: window.innerHeight,
      location: location.href,
    };
  });
}

describe('the embedded atlas in another site’s iframe', () => {
  it('shows the headline, the map and the link to the full atlas at 640x400, and sends its height', async () => {
    const { page, frame } = await embedded(`/?embed=1&atlas=${CYPRUS}#place=nicosia`, 640, 400);
    const layout = await embedLayout(frame);
    // The place's popup is open, without the buttons that export it or open the panel.
    expect(layout.popupButtons.filter((t) => /Export|Copy|facts|panel/.test(t ?? ''))).toEqual([]);
    expect(await frame.locator('.place-summary .place-name').textContent()).toBe('Nicosia');
    expect(layout).toMatchObject({
      embed: true,
      headline: CYPRUS_HEADLINE,
      headlineVisible: true,
      kickerVisible: true,
      drawn: true,
      bodyVisible: false,
      toolsVisible: false,
      sheetToggleVisible: false,
      link: {
        text: 'Open the full atlas',
        // The same atlas and place, without embed=1.
        href: layout.location.replace('?embed=1&', '?'),
        target: '_blank',
        rel: 'noopener',
        visible: true,
      },
    });
    expect(layout.link?.href).toMatch(new RegExp(`^${baseUrl}\\?atlas=${CYPRUS}#place=nicosia(&|$)`));
    expect(layout.markers).toBeGreaterThan(0);
    // The map fills the frame under the header, above the link; the link is inside the frame.
    expect(layout.map?.height).toBeGreaterThanOrEqual(220);
    expect(layout.link?.box?.bottom).toBeLessThanOrEqual(layout.frameHeight);
    // The host got the page's height, and its script (the README's) sized the iframe to it.
    await expect
      .poll(() => page.evaluate(() => Reflect.get(window, 'heights') as unknown), { timeout: 10_000 })
      .toContainEqual({ type: 'article-atlas:height', height: 400 });
    expect(await page.evaluate(() => document.getElementById('article-atlas')?.style.height)).toBe('400px');
    await page.context().close();
  });

  it('is usable at 320x480: the header, a map of most of the frame and the link, no sheet', async () => {
    const { page, frame } = await embedded('/?embed=1', 320, 480);
    const layout = await embedLayout(frame);
    expect(layout).toMatchObject({
      embed: true,
      headline: KARABAKH_HEADLINE,
      headlineVisible: true,
      drawn: true,
      bodyVisible: false,
      toolsVisible: false,
      sheetToggleVisible: false,
      link: { text: 'Open the full atlas', href: layout.location.replace('?embed=1', ''), visible: true },
    });
    expect(layout.map?.height).toBeGreaterThanOrEqual(300);
    expect(layout.link?.box?.bottom).toBeLessThanOrEqual(480);
    await expect
      .poll(() => page.evaluate(() => Reflect.get(window, 'heights') as unknown), { timeout: 10_000 })
      .toContainEqual({ type: 'article-atlas:height', height: 480 });
    await page.context().close();
  });
  it('lays its markers out clear of the controls over the map (names, dates) at 320x480', async () => {
    const { page, frame } = await embedded(`/atlases/${CYPRUS}/?embed=1`, 320, 480);
    const overlapping = await frame.evaluate(() => {
      const boxes = (selector: string) =>
        [...document.querySelectorAll(selector)].map((e) => ({ e, r: e.getBoundingClientRect() }));
      const controls = boxes('#map [data-map-obstacle]').filter(({ r }) => r.width > 0);
      const markers = boxes('.place-marker:not(.mode-dot) .marker-annotation');
      return {
        controls: controls.length,
        markers: markers.length,
        overlaps: markers.flatMap(({ e, r }) =>
          controls
            .filter(
              ({ r: c }) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom,
            )
            .map(({ e: c }) => `${e.textContent} under ${c.className}`),
        ),
      };
    });
    expect(overlapping.controls).toBe(2);
    expect(overlapping.markers).toBeGreaterThan(0);
    expect(overlapping.overlaps).toEqual([]);
    await page.context().close();
  });
});

describe('the embedded page before its code runs', () => {
  it('is laid out as an embed by the head script and embed.css alone, with no sheet', async () => {
    const { page, context } = await openApp(browser, baseUrl, {
      viewport: { width: 640, height: 400 },
      path: '?embed=1',
      // The app's modules never come: what shows is the first paint's layout.
      beforeGoto: (c) => c.route(/\/assets\/.*\.js$/, (route) => route.abort()),
    });
    await page.waitForLoadState('load');
    expect(
      await page.evaluate(() => {
        const height = (id: string) =>
          Math.round(document.getElementById(id)?.getBoundingClientRect().height ?? -1);
        return {
          embed: document.documentElement.hasAttribute('data-embed'),
          headline: document.getElementById('panel-title')?.textContent,
          body: getComputedStyle(document.getElementById('panel-body')!).display,
          panelBelowMap:
            (document.getElementById('panel')?.getBoundingClientRect().top ?? 0) >
            (document.getElementById('map')?.getBoundingClientRect().top ?? 0),
          mapFills: height('map') + height('panel') >= 400 - 1,
        };
      }),
    ).toEqual({
      embed: true,
      headline: KARABAKH_HEADLINE,
      body: 'none',
      panelBelowMap: false,
      mapFills: true,
    });
    await context.close();
  });
});

describe('Copy link', () => {
  it('copies the link to the place the reader chose', async () => {
    const { page, context } = await openApp(browser, baseUrl, {
      path: `atlases/${CYPRUS}/`,
      beforeGoto: (c) =>
        c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin }),
    });
    await waitForMark(page, 'app-ready');
    await page.locator('.place-link[data-place-id="nicosia"]').click();
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('#place=nicosia');
    const copy = page.getByRole('button', { name: 'Copy link' });
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 10_000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toMatch(new RegExp(`^${baseUrl}atlases/${CYPRUS}/#place=nicosia(&|$)`));
    await context.close();
  });

  it('opens the system share sheet on a phone, titled with the headline', async () => {
    const { page, context } = await openApp(browser, baseUrl, {
      viewport: { width: 375, height: 667 },
      path: `atlases/${CYPRUS}/#place=nicosia`,
      beforeGoto: (c) =>
        c.addInitScript(() => {
          // The Web Share API as a phone's browser has it, recording what it was asked to share.
          navigator.share = (data) => {
            Reflect.set(window, 'shared', data);
            return Promise.resolve();
          };
        }),
    });
    await waitForMark(page, 'app-ready');
    await page.locator('.panel-toggle').click();
    const copy = page.getByRole('button', { name: 'Copy link' });
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    await expect
      .poll(() => page.evaluate(() => Reflect.get(window, 'shared') as unknown), { timeout: 10_000 })
      .toEqual({ title: CYPRUS_HEADLINE, url: page.url() });
    expect(page.url()).toContain('#place=nicosia');
    await context.close();
  });

  it('shows the link in a read-only field, selected, where the clipboard is refused', async () => {
    const { page, context } = await openApp(browser, baseUrl, {
      path: `atlases/${CYPRUS}/#place=nicosia`,
      beforeGoto: (c) =>
        c.addInitScript(() => {
          navigator.clipboard.writeText = () =>
            Promise.reject(new DOMException('refused', 'NotAllowedError'));
        }),
    });
    await waitForMark(page, 'app-ready');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Link to this view' });
    await field.waitFor({ timeout: 10_000 });
    expect(
      await field.evaluate((input: HTMLInputElement) => ({
        value: input.value,
        readOnly: input.readOnly,
        selected: input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
      })),
    ).toEqual({ value: page.url(), readOnly: true, selected: page.url() });
    await context.close();
  });
});

describe('the social card', () => {
  it('is named by every atlas page’s Open Graph and Twitter tags and is a 1200x630 picture in dist', () => {
    for (const [file, id, headline] of [
      ['dist/index.html', 'karabakh-peace-talks', KARABAKH_HEADLINE],
      [`dist/atlases/${CYPRUS}/index.html`, CYPRUS, CYPRUS_HEADLINE],
    ] as const) {
      const html = readFileSync(file, 'utf8');
      const meta = (key: string) =>
        new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
      expect({
        type: meta('og:type'),
        title: meta('og:title')?.replaceAll('&#39;', "'"),
        image: meta('og:image'),
        width: meta('og:image:width'),
        height: meta('og:image:height'),
        card: meta('twitter:card'),
        twitterImage: meta('twitter:image'),
      }).toEqual({
        type: 'article',
        title: headline,
        image: `/social/${id}.png`,
        width: '1200',
        height: '630',
        card: 'summary_large_image',
        twitterImage: `/social/${id}.png`,
      });
      const png = PNG.sync.read(readFileSync(`dist/social/${id}.png`));
      expect([png.width, png.height]).toEqual([1200, 630]);
      // Not blank: the map's land, sea and text make many colours.
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
      expect(colours.size).toBeGreaterThan(50);
    }
  });
});
