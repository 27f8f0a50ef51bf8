// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from '../domain/atlas-model';
import { validateAtlas } from '../domain/validate-atlas';
import { el } from '../dom/el';
import { ArticlePanel, PRERENDERED, type ArticlePanelOptions } from './article-panel';
import type { AtlasLink } from './atlas-list';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);

/** A screen of `width` pixels, whose width changes can be announced to the panel. */
function screen(width: number) {
  const listeners = new Set<EventListenerOrEventListenerObject>();
  const query = {
    matches: width <= 760,
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      listeners.add(listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      listeners.delete(listener),
  };
  vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList);
  return {
    listeners,
    resize(to: number) {
      query.matches = to <= 760;
      for (const l of listeners) (typeof l === 'function' ? l : l.handleEvent.bind(l))(new Event('change'));
    },
  };
}

function panel(
  onChoose: (id: string) => void = () => {},
  extra: Partial<Pick<ArticlePanelOptions, 'key' | 'tools' | 'places' | 'article' | 'atlases'>> = {},
  element: HTMLElement = el('section'),
) {
  if (!element.isConnected) document.body.replaceChildren(element);
  return new ArticlePanel(element, {
    article: model.atlas.article,
    places: model.orderedPlaces,
    factCount: (id) => model.factsOf(id).length,
    details: (place, headingId) => el('h3', { text: place.properties.name, attrs: { id: headingId } }),
    onChoose,
    ...extra,
  });
}

/** The panel's parts in document order, each named by its class, id or heading. */
const outline = (p: ArticlePanel) =>
  [...p.element.querySelectorAll<HTMLElement>('.panel-body > *, .panel-header > *')].map(
    (n) => n.id || n.querySelector('h2')?.textContent || n.className,
  );

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('ArticlePanel', () => {
  it('marks the selected place’s link with aria-current, and only it', () => {
    screen(1280);
    const p = panel();
    p.highlight('baku');
    const current = () =>
      [...document.querySelectorAll('[aria-current="true"]')].map((n) => n.getAttribute('data-place-id'));
    expect(current()).toEqual(['baku']);
    p.highlight('yerevan');
    expect(current()).toEqual(['yerevan']);
    p.highlight(null);
    expect(current()).toEqual([]);
  });

  it('puts an opened file’s section with the places, and closes the phone’s sheet when an entry is chosen', () => {
    const display = screen(375);
    const p = panel();
    const section = el('section', { attrs: { id: 'panel-imported-1' } }, [
      el('h2', { text: 'Opened file: towns.geojson' }),
    ]);
    p.addImported(section);
    expect(section.parentElement).toBe(p.element.querySelector('.panel-body'));
    const toggle = () => p.element.querySelector('.panel-toggle')!.getAttribute('aria-expanded');
    p.setOpen(true);
    expect(toggle()).toBe('true');
    p.closeOnPhone();
    expect(toggle()).toBe('false');
    display.resize(1280);
    p.closeOnPhone();
    expect(toggle()).toBe('true');
  });

  it('opens on a wide screen, closes on a narrow one, and stops following the width once removed', () => {
    const display = screen(1280);
    const p = panel();
    const toggle = () => p.element.querySelector('.panel-toggle')!.getAttribute('aria-expanded');
    expect(toggle()).toBe('true');
    display.resize(375);
    expect(toggle()).toBe('false');
    expect(display.listeners.size).toBe(1);
    p.remove();
    expect(display.listeners.size).toBe(0);
    display.resize(1280);
    expect(toggle()).toBe('false');
  });

  it('puts the article first, then the places and facts, the key, the note on names, and the tools last', () => {
    screen(1280);
    const key = el('section', { className: 'map-key-text' }, [el('h2', { text: 'Key' })]);
    const tools = el('section', { className: 'export-control' }, [el('h2', { text: 'Data' })]);
    const p = panel(() => {}, { key, tools: [tools] });
    expect(outline(p)).toEqual([
      'panel-kicker',
      'panel-title',
      'panel-toggle',
      'panel-summary',
      'panel-dateline',
      'panel-places',
      'Where the story happens',
      'Reactions elsewhere',
      'Key',
      'panel-note',
      'Data',
    ]);
    expect(p.element.querySelector('.panel-kicker')?.textContent).toBe(
      'AFP · Kuwait Times · Friday 22 September 2023',
    );
    expect(p.element.querySelector('.panel-tools')?.firstElementChild).toBe(tools);
    // An opened file's features are listed with the places, before the key and the tools.
    p.addImported(el('section', { attrs: { id: 'panel-imported-1' } }));
    expect(outline(p).slice(7, 10)).toEqual(['Reactions elsewhere', 'panel-imported-1', 'Key']);
  });

  it('shows the dateline as printed, and leaves it out for a copy that prints none', () => {
    screen(1280);
    expect(panel().element.querySelector('.panel-dateline')?.textContent).toBe(
      'Dateline: Baku [Azerbaijan], September 22',
    );
    const { dateline, ...undated } = model.atlas.article;
    expect(dateline?.placeId).toBe('baku');
    const p = panel(() => {}, { article: undated });
    expect(p.element.querySelector('.panel-dateline')).toBeNull();
    expect(outline(p).slice(3, 5)).toEqual(['panel-summary', 'panel-places']);
  });

  it('lists an opened file before the note on names when there is no key', () => {
    screen(1280);
    const p = panel();
    p.addImported(el('section', { attrs: { id: 'panel-imported-1' } }));
    expect(outline(p).slice(-3)).toEqual(['Reactions elsewhere', 'panel-imported-1', 'panel-note']);
  });

  it('revealPlace opens the phone’s sheet, scrolls to the place’s entry and focuses its heading', () => {
    screen(375);
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.id);
    });
    const p = panel();
    const toggle = p.element.querySelector('.panel-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(p.revealPlace('moscow')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(p.element.querySelector<HTMLElement>('#panel-body')!.hidden).toBe(false);
    expect(document.activeElement?.id).toBe('panel-place-moscow-title');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
    expect(scrolled).toEqual(['panel-place-moscow']);
    expect(p.revealPlace('atlantis')).toBe(false);
    expect(document.activeElement?.id).toBe('panel-place-moscow-title');
  });

  it('revealPlace draws the entry of a place a large atlas has not drawn yet, and the entries before it', () => {
    screen(1280);
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
    // Idle time never comes: only the first batch (80 nav links and entries) is drawn.
    vi.stubGlobal('requestIdleCallback', () => 0);
    const base = model.orderedPlaces[0]!;
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...base,
      id: `place-${i}`,
      properties: { ...base.properties, id: `place-${i}`, name: `Place ${i}`, group: 'story' as const },
    }));
    const p = panel(() => {}, { places: many });
    const entries = () => p.element.querySelectorAll('.panel-place').length;
    expect(entries()).toBe(0);
    expect(p.revealPlace('place-2')).toBe(true);
    expect(entries()).toBe(3);
    expect(document.activeElement?.id).toBe('panel-place-place-2-title');
  });

  it('drawAll draws every nav link and entry a large atlas has not drawn yet, in order (for print)', () => {
    screen(1280);
    vi.stubGlobal('requestIdleCallback', () => 0);
    const base = model.orderedPlaces[0]!;
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...base,
      id: `place-${i}`,
      properties: { ...base.properties, id: `place-${i}`, name: `Place ${i}`, group: 'story' as const },
    }));
    const p = panel(() => {}, { places: many });
    expect(p.element.querySelectorAll('.panel-place').length).toBe(0);
    p.drawAll();
    const ids = [...p.element.querySelectorAll<HTMLElement>('.panel-place')].map((e) => e.dataset.placeId);
    expect(ids).toEqual(many.map((m) => m.id));
    expect(p.element.querySelectorAll('.place-link').length).toBe(100);
  });

  it('showPlaces opens the phone’s sheet and moves focus to the places’ nav', () => {
    screen(375);
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
    const p = panel();
    p.showPlaces();
    expect(p.element.querySelector('.panel-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('panel-places');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Places in this article');
  });

  it('opens and closes the phone’s sheet from its bar, headline included', () => {
    screen(375);
    const p = panel();
    const expanded = () => p.element.querySelector('.panel-toggle')!.getAttribute('aria-expanded');
    p.element.querySelector<HTMLElement>('.panel-headline')!.click();
    expect(expanded()).toBe('true');
    p.element.querySelector<HTMLElement>('.panel-toggle')!.click();
    expect(expanded()).toBe('false');
  });

  it('lists the atlases under the headline as links, the one shown marked as the current page', () => {
    screen(1280);
    const p = panel(() => {}, { atlases: ATLASES });
    expect(outline(p).slice(0, 4)).toEqual(['panel-kicker', 'panel-title', 'atlas-menu', 'panel-toggle']);
    const menu = p.element.querySelector('details.atlas-menu')!;
    expect(menu.querySelector('summary')?.textContent).toBe('More atlases');
    expect(
      [...menu.querySelectorAll('a')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
        a.getAttribute('aria-current'),
      ]),
    ).toEqual([
      ['Karabakh peace talks', '/', 'page'],
      ['Talks in the Gulf', '/atlases/gulf-talks/', null],
    ]);
  });

  it('has no list of atlases when it is given none', () => {
    screen(1280);
    const p = panel(() => {}, { atlases: [] });
    expect(p.element.querySelector('.atlas-menu')).toBeNull();
    expect(outline(p).slice(0, 3)).toEqual(['panel-kicker', 'panel-title', 'panel-toggle']);
  });

  it('opens the list of atlases on a phone without closing the sheet; the bar still toggles it', () => {
    screen(375);
    const p = panel(() => {}, { atlases: ATLASES });
    const expanded = () => p.element.querySelector('.panel-toggle')!.getAttribute('aria-expanded');
    p.setOpen(true);
    p.element.querySelector<HTMLElement>('.atlas-menu summary')!.click();
    expect(expanded()).toBe('true');
    p.element.querySelector<HTMLElement>('.atlas-menu a')!.click();
    expect(expanded()).toBe('true');
    p.element.querySelector<HTMLElement>('.panel-kicker')!.click();
    expect(expanded()).toBe('false');
  });
});

describe('ArticlePanel taking over a prerendered panel', () => {
  /** The page as the build writes it: the panel's markup, marked as prerendered (scripts/prerender-page.ts). */
  function prerendered(): { element: HTMLElement; html: string } {
    const built = panel(() => {}, { atlases: ATLASES });
    built.remove();
    const html = built.element.outerHTML;
    const page = el('div');
    document.body.replaceChildren(page);
    page.append(document.createRange().createContextualFragment(html));
    const element = page.querySelector<HTMLElement>('section')!;
    element.setAttribute(PRERENDERED, '');
    return { element, html };
  }

  it('replaces it with the same markup and removes the mark, the reader’s focus and open list kept', () => {
    screen(1280);
    const { element, html } = prerendered();
    const before = element.querySelectorAll<HTMLButtonElement>('.place-link')[2]!;
    const headline = element.querySelector('h1');
    const summary = element.querySelector('.panel-summary');
    before.focus();
    element.querySelector('details')!.open = true;
    const changes = new MutationObserver(() => {});
    changes.observe(element, { childList: true, subtree: true });
    const chosen: string[] = [];
    const p = panel((id) => chosen.push(id), { atlases: ATLASES }, element);
    const removed = changes.takeRecords().flatMap((r) => [...r.removedNodes]);
    changes.disconnect();
    // The article's text is neither replaced nor moved (a move would be a removal).
    expect(removed.length).toBeGreaterThan(0);
    expect([headline, summary].filter((n) => removed.includes(n!))).toEqual([]);
    expect(element.hasAttribute(PRERENDERED)).toBe(false);
    const focused = document.activeElement;
    // A new node, where the reader was, in the same markup.
    expect(focused).not.toBe(before);
    expect(focused).toBe(element.querySelectorAll('.place-link')[2]);
    expect(element.querySelector('details')!.open).toBe(true);
    // The article's text is the prerendered nodes, kept: what was painted stays.
    expect(element.querySelector('h1')).toBe(headline);
    expect(element.querySelector('.panel-summary')).toBe(summary);
    element.querySelector('details')!.open = false;
    expect(element.outerHTML).toBe(html);
    // The new nodes are the script's: they answer.
    element.querySelectorAll<HTMLElement>('.place-link')[2]!.click();
    expect(chosen).toEqual([model.orderedPlaces[2]!.id]);
    p.remove();
  });

  it('keeps none of a prerendered panel of another article (a link that asks for another atlas)', () => {
    screen(1280);
    const { element } = prerendered();
    const headline = element.querySelector('h1');
    const article = { ...model.atlas.article, headline: 'Another story' };
    panel(() => {}, { atlases: ATLASES, article }, element);
    expect(element.querySelector('h1')).not.toBe(headline);
    expect(element.querySelector('h1')?.textContent).toBe('Another story');
    expect(element.querySelectorAll('h1').length).toBe(1);
    // The summary is the same text in both: kept.
    expect(element.querySelector('.panel-summary')?.textContent).toBe(model.atlas.article.summary);
  });

  it('moves no focus when the reader had not moved into the panel', () => {
    screen(1280);
    const { element } = prerendered();
    const outside = el('button', { text: 'elsewhere' });
    document.body.append(outside);
    outside.focus();
    panel(() => {}, { atlases: ATLASES }, element);
    expect(document.activeElement).toBe(outside);
  });
});

const ATLASES: AtlasLink[] = [
  {
    id: 'karabakh-peace-talks',
    title: 'Karabakh peace talks',
    href: '/',
    current: true,
    isDefault: true,
  },
  {
    id: 'gulf-talks',
    title: 'Talks in the Gulf',
    href: '/atlases/gulf-talks/',
    current: false,
    isDefault: false,
  },
];
