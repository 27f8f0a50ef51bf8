import type { Article, Place } from '../domain/types';
import { formatDate } from '../domain/dates';
import { el } from '../dom/el';
import { buildAtlasMenu, type AtlasLink } from './atlas-list';

export interface ArticlePanelOptions {
  article: Article;
  /** Places in reading order. */
  places: readonly Place[];
  factCount: (placeId: string) => number;
  /** Builds the full details of a place (heading level 3), as the popup shows them. */
  details: (place: Place, headingId: string) => HTMLElement;
  /** The reader chose a place in the panel. */
  onChoose: (placeId: string) => void;
  /** The map key as text, shown after the places (it brings its own heading). */
  key?: HTMLElement;
  /** Tools shown last, after the article and its places (for example the export control). */
  tools?: HTMLElement[];
  /** The atlases to list in the header, the one shown marked (none: no list). */
  atlases?: readonly AtlasLink[];
}

const NARROW = '(max-width: 760px)';
/** Rendered before the first paint: enough for any article; a large atlas renders the rest when idle. */
const FIRST_BATCH = 80;
const RENDER_BATCH = 40;
const IDLE_SLICE_MS = 6;

/**
 * The article beside the map: its source line and headline, summary and dateline, then every
 * place with all its facts, the map key, the note on names, and last the tools. It is a complete
 * text alternative to the map, in reading order; choosing a place shows it on the map. On a phone
 * it is a sheet under the map whose bar, the source line and the headline, is always shown.
 */
export class ArticlePanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  /** The places' nav, target of the "Skip to the places" link. */
  private readonly nav: HTMLElement;
  /** Opened files' sections go before it: after the places, before the key and the tools. */
  private readonly afterPlaces: HTMLElement;
  private readonly narrow = window.matchMedia(NARROW);
  private readonly navList = el('ul', {});
  /** The place links of the nav drawn so far, by place id. */
  private readonly navLinks = new Map<string, HTMLButtonElement>();
  /** Entries still to render, in order (see renderPending). */
  private readonly pending: (() => void)[] = [];
  private selected: string | null = null;
  /** What a date filter leaves out (see redrawPlaces). */
  private filterNote: HTMLElement | null = null;
  /** Names the places as a name set says, in what is drawn and what is drawn later (none: the article's). */
  private rename: ((root: ParentNode) => void) | undefined;

  /** Fills `element`, the page's panel (in index.html, so that the map's size is known from the start). */
  constructor(
    element: HTMLElement,
    private readonly options: ArticlePanelOptions,
  ) {
    const { article } = options;
    // On a phone the bar's chevron; its name is its (visually hidden) text.
    this.toggle = el(
      'button',
      {
        className: 'panel-toggle',
        attrs: { type: 'button', 'aria-controls': 'panel-body', 'aria-expanded': 'true' },
      },
      [el('span', { className: 'visually-hidden', text: 'Article and places' })],
    );
    const story = options.places.filter((p) => p.properties.group === 'story');
    const reactions = options.places.filter((p) => p.properties.group === 'reaction');
    const datelineLine = `${article.agency} · ${article.outlet} · ${formatDate(article.published)}`;
    this.nav = el(
      'nav',
      {
        className: 'panel-nav',
        attrs: { id: 'panel-places', 'aria-label': 'Places in this article', tabindex: '-1' },
      },
      [this.navList],
    );
    const note = el('p', { className: 'panel-note', text: NAMES_NOTE });
    this.afterPlaces = options.key ?? note;
    // The page may hold this panel already, prerendered by the build: the script takes it over
    // with no visible change, the article's text kept as it was painted (adopt), and the reader
    // kept where they had moved to in it (readerPlace).
    const prerendered = element.hasAttribute(PRERENDERED) ? [...element.children] : [];
    const restore = readerPlace(element);
    // The article, then its places and facts, the key and the note; the tools last.
    this.body = adopt(
      prerendered[1],
      el('div', { className: 'panel-body', attrs: { id: 'panel-body' } }, [
        el('p', { className: 'panel-summary', text: article.summary }),
        article.dateline
          ? el('p', { className: 'panel-dateline', text: `Dateline: ${article.dateline.text}` })
          : null,
        this.nav,
        this.section('Where the story happens', 'panel-story', story),
        reactions.length ? this.section('Reactions elsewhere', 'panel-reactions', reactions) : null,
        options.key ?? null,
        note,
        options.tools?.length ? el('div', { className: 'panel-tools' }, options.tools) : null,
      ]),
    );
    // The source line and the headline stay in view above the body: on a phone they are the
    // sheet's bar, shown while the sheet is closed.
    const atlasMenu = buildAtlasMenu(options.atlases ?? []);
    const header = adopt(
      prerendered[0],
      el('header', { className: 'panel-header' }, [
        el('p', { className: 'panel-kicker', text: datelineLine }),
        // Timed by the Element Timing API (npm run bench: the headline visible).
        el('h1', {
          className: 'panel-headline',
          text: article.headline,
          attrs: { id: 'panel-title', elementtiming: 'headline' },
        }),
        atlasMenu,
        this.toggle,
      ]),
    );
    // The toggle's click (also Enter or Space on it) reaches the bar; the bar is a sheet's only on a
    // phone. The list of atlases (shown while the sheet is open) opens and closes on its own.
    header.addEventListener('click', (event) => {
      if (event.target instanceof Node && atlasMenu?.contains(event.target)) return;
      if (this.narrow.matches) this.setOpen(this.toggle.getAttribute('aria-expanded') !== 'true');
    });
    this.element = element;
    element.classList.add('article-panel');
    element.setAttribute('aria-labelledby', 'panel-title');
    if (header.parentElement !== element || this.body.parentElement !== element) {
      element.replaceChildren(header, this.body);
    }
    // The links to every place first, then the place entries in reading order.
    this.pending.unshift(
      ...options.places.map((place) => () => {
        const link = this.chooseButton(place, 'nav');
        this.navLinks.set(place.id, link);
        this.markSelected(link);
        this.rename?.(link);
        this.navList.append(el('li', {}, [link]));
      }),
    );
    this.renderPending(FIRST_BATCH);
    this.setOpen(!this.narrow.matches);
    restore();
    element.removeAttribute(PRERENDERED);
    this.narrow.addEventListener('change', this.onNarrowChange);
  }

  private readonly onNarrowChange = (): void => this.setOpen(!this.narrow.matches);

  /** Renames the places, those drawn and those still to draw, as `rename` does (a name set's names). */
  renamePlaces(rename: (root: ParentNode) => void): void {
    this.rename = rename;
    rename(this.element);
  }

  /** Stops following the screen's width (the panel's nodes stay where they are). */
  remove(): void {
    this.narrow.removeEventListener('change', this.onNarrowChange);
  }

  /** `5 facts`: a place's count in the nav, as options.factCount gives it now. */
  private countText(placeId: string): string {
    const count = this.options.factCount(placeId);
    return `${count} ${count === 1 ? 'fact' : 'facts'}`;
  }

  /** Shows what a date filter leaves out above the places' links, in place of the one before (null: none). */
  setFilterNote(note: HTMLElement | null): void {
    this.filterNote?.remove();
    this.filterNote = note;
    if (note) this.nav.before(note);
  }

  /**
   * Draws the places' details and counts drawn so far again, as the options give them now (a date
   * filter chosen); the entries still to draw will be drawn so.
   */
  redrawPlaces(): void {
    for (const place of this.options.places) {
      this.navLinks
        .get(place.id)
        ?.querySelector('.place-link-count')
        ?.replaceChildren(this.countText(place.id));
      const headingId = `panel-place-${place.id}-title`;
      const entry = this.element.querySelector(`#panel-place-${CSS.escape(place.id)} > .place-details`);
      entry?.replaceWith(this.options.details(place, headingId));
    }
  }

  private chooseButton(place: Place, where: 'nav' | 'section'): HTMLButtonElement {
    const button =
      where === 'nav'
        ? el('button', { className: 'place-link', attrs: { type: 'button', 'data-place-id': place.id } }, [
            el('span', { className: 'place-link-name', text: place.properties.name }),
            el('span', { className: 'place-link-count', text: this.countText(place.id) }),
          ])
        : el('button', {
            className: 'show-on-map',
            text: `Show ${place.properties.name} on the map`,
            attrs: { type: 'button', 'data-place-id': place.id },
          });
    button.addEventListener('click', () => {
      if (this.narrow.matches) this.setOpen(false);
      this.options.onChoose(place.id);
    });
    return button;
  }

  private section(title: string, id: string, places: readonly Place[]): HTMLElement {
    const section = el(
      'section',
      { className: 'panel-section', attrs: { 'aria-labelledby': `${id}-title` } },
      [el('h2', { text: title, attrs: { id: `${id}-title` } })],
    );
    for (const place of places) {
      this.pending.push(() => {
        const entry = el(
          'section',
          { className: 'panel-place', attrs: { id: `panel-place-${place.id}`, 'data-place-id': place.id } },
          [this.options.details(place, `panel-place-${place.id}-title`), this.chooseButton(place, 'section')],
        );
        for (const node of [entry, ...entry.querySelectorAll<HTMLElement>('[data-place-id]')]) {
          this.markSelected(node);
        }
        this.rename?.(entry);
        section.append(entry);
        // Selected before it was drawn (a link to a place far down a large atlas): shown now.
        // Entries above it that were never laid out (content-visibility) take their real height
        // once scrolled to: the second scroll, a frame later, lands on the entry.
        if (place.id === this.selected) {
          requestAnimationFrame(() => {
            this.scrollToSelected();
            requestAnimationFrame(() => this.scrollToSelected());
          });
        }
      });
    }
    return section;
  }

  /**
   * Renders the queued place entries: the first ones at once, the rest in small batches while the
   * browser is idle, so that a large atlas does not hold up the first paint or the map. Every
   * entry is there, in order, within moments.
   */
  private renderPending(budget: number): void {
    for (const render of this.pending.splice(0, budget)) render();
    this.scheduleRest();
  }

  /** The rest in the browser's idle time only, a little at a time, so that no frame waits for it. */
  private scheduleRest(): void {
    if (this.pending.length === 0) return;
    if (!('requestIdleCallback' in window)) {
      setTimeout(() => this.renderPending(RENDER_BATCH), 0);
      return;
    }
    window.requestIdleCallback((deadline) => {
      // Short slices, even when the browser offers more: the next frame must lay them out too.
      const end = performance.now() + Math.min(deadline.timeRemaining(), IDLE_SLICE_MS);
      while (this.pending.length > 0 && performance.now() < end) this.pending.shift()!();
      this.scheduleRest();
    });
  }

  setOpen(open: boolean): void {
    const shown = open || !this.narrow.matches;
    this.toggle.setAttribute('aria-expanded', String(shown));
    this.body.hidden = !shown;
    this.element.classList.toggle('is-open', shown);
  }

  /** Marks the selected place in the panel and scrolls it into view, without moving focus. */
  highlight(placeId: string | null): void {
    const before = this.selected;
    this.selected = placeId;
    // Only the nodes of the place selected before and of the one selected now change; places not
    // drawn yet are marked when they are drawn.
    for (const id of new Set([before, placeId])) {
      if (id === null) continue;
      for (const node of this.element.querySelectorAll<HTMLElement>(`[data-place-id="${CSS.escape(id)}"]`)) {
        this.markSelected(node);
      }
    }
    this.scrollToSelected();
  }

  /** Scrolls the selected place's entry into view, when it is drawn and the panel is open. */
  private scrollToSelected(): void {
    if (!this.selected || this.body.hidden) return;
    this.element
      .querySelector(`#panel-place-${CSS.escape(this.selected)}`)
      ?.scrollIntoView({ block: 'nearest' });
  }

  /** Marks a node of a place (its entry, its link, its button) as selected or not, as the place is. */
  private markSelected(node: HTMLElement): void {
    const selected = node.dataset.placeId === this.selected;
    node.classList.toggle('is-selected', selected);
    if (node.classList.contains('place-link')) {
      if (selected) node.setAttribute('aria-current', 'true');
      else node.removeAttribute('aria-current');
    }
  }

  /**
   * Puts an opened file's section (src/ui/imported-list.ts, loaded with the importer of files) with
   * the places: after them, before the key and the tools.
   */
  addImported(section: HTMLElement): void {
    this.afterPlaces.before(section);
  }

  /** The reader chose an entry to see on the map: on a phone the sheet closes, so that the map shows. */
  closeOnPhone(): void {
    if (this.narrow.matches) this.setOpen(false);
  }

  /** Focus target for a place when it has no marker on the map. */
  focusPlace(placeId: string): void {
    // Not a place of the article (an opened file's feature, whose popup closed): nothing to draw.
    if (!this.isPlace(placeId)) return;
    // A large atlas draws its links in idle time: one not drawn yet is drawn now, with the links
    // before it (they come first in the queue, and a link is a single button).
    this.drawUntil(() => this.navLinks.has(placeId));
    this.navLinks.get(placeId)?.focus();
  }

  /**
   * Takes the reader to a place's entry (from the popup's "All N facts"): opens the panel (on a
   * phone the sheet), draws the entry if a large atlas has not yet, scrolls to it and moves focus
   * to its heading. Returns whether there was such a place.
   */
  revealPlace(placeId: string): boolean {
    if (!this.isPlace(placeId)) return false;
    this.setOpen(true);
    const entryOf = () => this.element.querySelector<HTMLElement>(`#panel-place-${CSS.escape(placeId)}`);
    // The nav links come first in the queue, then the entries in reading order.
    this.drawUntil(() => entryOf() !== null);
    const entry = entryOf();
    const heading = entry?.querySelector<HTMLElement>(`#panel-place-${CSS.escape(placeId)}-title`);
    if (!entry || !heading) return false;
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    // As for a selection drawn late: entries above it that were never laid out (content-visibility)
    // take their real height once scrolled to, so a second scroll, a frame later, lands on it.
    entry.scrollIntoView({ block: 'start' });
    requestAnimationFrame(() => entry.scrollIntoView({ block: 'start' }));
    return true;
  }

  /** The "Skip to the places" link: opens the panel and moves focus to the places' nav. */
  showPlaces(): boolean {
    this.setOpen(true);
    this.nav.focus({ preventScroll: true });
    this.nav.scrollIntoView({ block: 'start' });
    return true;
  }

  /** Draws every entry still queued, at once (the page is printed). */
  drawAll(): void {
    this.drawUntil(() => false);
  }

  private isPlace(placeId: string): boolean {
    return this.options.places.some((p) => p.id === placeId);
  }

  /** Draws queued nav links and entries now, in order, until `done` holds or none is left. */
  private drawUntil(done: () => boolean): void {
    while (!done()) {
      const next = this.pending.shift();
      if (!next) break;
      next();
    }
  }
}

/** Marks a panel the build prerendered (scripts/prerender-page.ts) until the page's script takes it over. */
export const PRERENDERED = 'data-prerendered';

/** The article's text, which a prerendered panel keeps as it was painted (these nodes have no listeners). */
const KEPT = '.panel-kicker, .panel-headline, .panel-summary, .panel-dateline';

/**
 * The element of a prerendered panel (`old`) that takes the script's `fresh` one's place: `old`
 * itself when it is the same shell (tag and attributes), its children replaced by the fresh ones
 * but for the article's text (KEPT) where it is the same, which is neither replaced nor moved, so
 * that what was painted stays painted and the first paint's timings (the headline's, the largest
 * text's) stay those of the first paint. Else `fresh`.
 */
function adopt(old: Element | undefined, fresh: HTMLElement): HTMLElement {
  if (!(old instanceof HTMLElement) || !old.cloneNode(false).isEqualNode(fresh.cloneNode(false)))
    return fresh;
  const before = [...old.children];
  [...fresh.children].forEach((child, i) => {
    const was = before[i];
    if (!was) old.append(child);
    else if (!(child.matches(KEPT) && was.isEqualNode(child))) was.replaceWith(child);
  });
  for (const extra of before.slice(fresh.children.length)) extra.remove();
  return old;
}

/**
 * Where the reader is in a panel the build prerendered, before the script takes it over: the
 * scroll positions, the disclosures they opened and the element they focused; the function it
 * returns gives them back in the script's panel, each node found by its place in document order
 * (the two panels have the same tree). Nothing for a panel that was not prerendered.
 */
function readerPlace(panel: HTMLElement): () => void {
  if (!panel.hasAttribute(PRERENDERED)) return () => {};
  const nodes = (): Element[] => [panel, ...panel.querySelectorAll('*')];
  // The panel scrolls, or on a phone its body: only they are read, so that the entries out of
  // sight stay unrendered (content-visibility).
  const scrollers = (): Element[] => [panel, ...panel.querySelectorAll('.panel-body')];
  const before = nodes();
  const focused = document.activeElement ? before.indexOf(document.activeElement) : -1;
  const opened = before.map((node) => node instanceof HTMLDetailsElement && node.open);
  const tops = scrollers().map((node) => node.scrollTop);
  return () => {
    const after = nodes();
    after.forEach((node, i) => {
      if (opened[i] && node instanceof HTMLDetailsElement) node.open = true;
    });
    scrollers().forEach((node, i) => {
      if (tops[i]) node.scrollTop = tops[i] ?? 0;
    });
    const focus = after[focused];
    if (focused > 0 && focus instanceof HTMLElement) focus.focus({ preventScroll: true });
  };
}

const NAMES_NOTE =
  'Names: places are named as the article names them, with the other names in use and their languages. ' +
  'Disputed places are marked as disputed and their international status is given as the article states it. ' +
  'The region outline is approximate and is not a legal boundary.';
