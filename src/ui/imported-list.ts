import { el } from '../dom/el';
import './imported-list.css';

/** What the list of an opened file's features shows now: built by the page's state (src/app/feature-list.ts). */
export interface ImportedListView {
  /** "100,000 features". */
  count: string;
  /** "Showing 1–100 of 100,000", or that nothing matches. */
  showing: string;
  /** Said politely to screen readers once a filter settles ("11 of 100,000 features match “x”"). */
  announcement: string;
  rows: readonly { key: string; title: string; selected: boolean }[];
  /** Whether there is a page before this one, and after it. */
  previous: boolean;
  next: boolean;
}

export interface ImportedListOptions {
  /** The section's id (unique on the page). */
  id: string;
  fileName: string;
  /** How many rows a page holds (the pager's buttons say it). */
  pageSize: number;
  /** The filter's text, once the reader has stopped typing for a moment. */
  onQuery: (query: string) => void;
  onTurn: (by: 1 | -1) => void;
  onChoose: (key: string) => void;
  onRemove: () => void;
}

/** How long the filter waits after the last key before it filters (and its count is announced). */
export const FILTER_DELAY_MS = 200;

/**
 * The section of an opened file in the panel: its heading, its count, a filter by title, the page
 * of rows shown (one button each, which shows the feature on the map) with Previous and Next, and
 * the button that removes the file. It draws the view it is given and reports what the reader does.
 */
export class ImportedList {
  readonly element: HTMLElement;
  private readonly count: HTMLElement;
  private readonly showing: HTMLElement;
  private readonly status: HTMLElement;
  private readonly rows: HTMLUListElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly search: HTMLInputElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ImportedListOptions) {
    const { id, fileName, pageSize } = options;
    const pagerButton = (text: string, by: 1 | -1) => {
      const button = el('button', {
        className: 'button imported-turn',
        text,
        attrs: { type: 'button', 'aria-controls': `${id}-rows` },
      });
      // aria-disabled, not disabled: the button keeps focus on the last page, for the next key.
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') !== 'true') options.onTurn(by);
      });
      return button;
    };
    this.count = el('p', { className: 'panel-note imported-count' });
    this.search = el('input', {
      className: 'imported-search',
      attrs: { type: 'search', id: `${id}-filter`, autocomplete: 'off', spellcheck: 'false' },
    });
    this.showing = el('p', { className: 'imported-showing', attrs: { id: `${id}-showing` } });
    this.status = el('p', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.previous = pagerButton(`Previous ${pageSize}`, -1);
    this.next = pagerButton(`Next ${pageSize}`, 1);
    this.rows = el('ul', {
      className: 'imported-list imported-rows',
      attrs: { id: `${id}-rows`, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-showing` },
    });
    const remove = el('button', {
      className: 'button',
      text: `Remove ${fileName}`,
      attrs: { type: 'button' },
    });
    this.element = el(
      'section',
      { className: 'panel-section panel-imported', attrs: { 'aria-labelledby': `${id}-title`, id } },
      [
        el('h2', { text: `Opened file: ${fileName}`, attrs: { id: `${id}-title` } }),
        this.count,
        el('label', { className: 'imported-filter', attrs: { for: `${id}-filter` } }, [
          'Filter',
          el('span', { className: 'visually-hidden', text: ` the features of ${fileName}` }),
        ]),
        this.search,
        this.status,
        this.showing,
        el('div', { className: 'imported-pager' }, [this.previous, this.next]),
        this.rows,
        remove,
      ],
    );
    this.search.addEventListener('input', this.onInput);
    // One listener for every row drawn.
    this.rows.addEventListener('click', (event) => {
      const row =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[data-imported-key]') : null;
      const key = row?.dataset.importedKey;
      if (key !== undefined) options.onChoose(key);
    });
    remove.addEventListener('click', () => {
      this.remove();
      options.onRemove();
    });
  }

  private readonly onInput = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.options.onQuery(this.search.value), FILTER_DELAY_MS);
  };

  /** Draws `view`: the count, the page's rows, the pager; the filter's text stays as the reader typed it. */
  render(view: ImportedListView): void {
    this.count.textContent = view.count;
    this.showing.textContent = view.showing;
    if (this.status.textContent !== view.announcement) this.status.textContent = view.announcement;
    this.previous.setAttribute('aria-disabled', String(!view.previous));
    this.next.setAttribute('aria-disabled', String(!view.next));
    const focusedKey = this.rows.contains(document.activeElement)
      ? document.activeElement instanceof HTMLElement
        ? document.activeElement.dataset.importedKey
        : undefined
      : undefined;
    this.rows.replaceChildren(
      ...view.rows.map((row) => {
        const button = el('button', {
          className: row.selected ? 'place-link is-selected' : 'place-link',
          text: row.title,
          attrs: {
            type: 'button',
            'data-imported-key': row.key,
            ...(row.selected ? { 'aria-current': 'true' } : {}),
          },
        });
        return el('li', {}, [button]);
      }),
    );
    // The row that had focus keeps it when it is drawn again (its selection marked).
    if (focusedKey !== undefined) this.entry(focusedKey)?.focus({ preventScroll: true });
  }

  private entry(key: string): HTMLElement | null {
    return this.rows.querySelector<HTMLElement>(`[data-imported-key="${CSS.escape(key)}"]`);
  }

  /** Focuses the row of `key` when it is drawn (on the page shown); returns whether it was. */
  focusEntry(key: string): boolean {
    const entry = this.entry(key);
    entry?.focus();
    return entry !== null;
  }

  /** Scrolls the row of `key` into view when it is drawn, without moving focus. */
  scrollToEntry(key: string): void {
    this.entry(key)?.scrollIntoView({ block: 'nearest' });
  }

  /** Empties the filter (shown), as the page's state did. */
  clearQuery(): void {
    clearTimeout(this.timer);
    this.search.value = '';
  }

  /** Takes the section off the page and stops a filter still waiting. */
  remove(): void {
    clearTimeout(this.timer);
    this.search.removeEventListener('input', this.onInput);
    this.element.remove();
  }
}
