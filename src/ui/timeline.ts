import './timeline.css';
import { el } from '../dom/el';

/** One group of facts on the timeline, in words the caller gives. */
export interface TimelineItem {
  /** What the button shows: `21 Sep`, `Sep`, `2020`. */
  label: string;
  /** The year it is drawn under on the axis (`2023`): a new year starts a new stretch of it. */
  year: string;
  /**
   * What its name says after the label, not shown (` 2023, 11 facts`): the name starts with the
   * words shown, so that what is seen is what is spoken (WCAG 2.5.3).
   */
  spoken: string;
  /** How many facts it holds: the height of its bar, against the largest group's. */
  size: number;
}

export interface TimelineOptions {
  items: readonly TimelineItem[];
  /** The reader chose an item (its index), or the whole story (null). */
  onChoose: (index: number | null) => void;
}

/**
 * The timeline on the map: the groups of dated facts as buttons along a time axis, their years
 * over them, each with a bar as tall as its count; and a button for the whole story. The groups
 * are one tab stop: the arrow keys (and Home, End) move between them, Enter or Space chooses one,
 * and the chosen one is pressed (aria-pressed). What the choice shows is said in a polite live
 * region (announce).
 */
export class Timeline {
  readonly element: HTMLElement;
  private readonly buttons: HTMLButtonElement[];
  private readonly whole: HTMLButtonElement;
  private readonly status: HTMLElement;
  /** On a phone, where the timeline would cover the map, it opens from this button (timeline.css). */
  private readonly toggle: HTMLButtonElement;

  constructor(
    container: HTMLElement,
    private readonly options: TimelineOptions,
  ) {
    const largest = Math.max(1, ...options.items.map((i) => i.size));
    this.buttons = options.items.map((item, index) => {
      const button = el(
        'button',
        {
          className: 'timeline-group',
          attrs: { type: 'button', 'aria-pressed': 'false', tabindex: '-1' },
        },
        [
          el('span', { className: 'timeline-bar', attrs: { 'aria-hidden': 'true' } }),
          el('span', { className: 'timeline-label', text: item.label }),
          el('span', { className: 'visually-hidden', text: item.spoken }),
        ],
      );
      button.style.setProperty('--share', (item.size / largest).toFixed(3));
      button.addEventListener('click', () => options.onChoose(index));
      return button;
    });
    if (this.buttons[0]) this.buttons[0].tabIndex = 0;
    this.whole = el('button', {
      className: 'timeline-whole',
      text: 'Whole story',
      attrs: { type: 'button', 'aria-pressed': 'true' },
    });
    this.whole.addEventListener('click', () => options.onChoose(null));
    // The axis: each year's stretch with its groups.
    const years: HTMLElement[] = [];
    options.items.forEach((item, index) => {
      const last = years.at(-1);
      const list = last?.dataset.year === item.year ? last.querySelector('ul') : null;
      const li = el('li', {}, [this.buttons[index]]);
      if (list) list.append(li);
      else
        years.push(
          el('li', { className: 'timeline-year', attrs: { 'data-year': item.year } }, [
            el('span', {
              className: 'timeline-year-label',
              text: item.year,
              attrs: { 'aria-hidden': 'true' },
            }),
            el('ul', {}, [li]),
          ]),
        );
    });
    const axis = el('ul', { className: 'timeline-axis' }, years);
    axis.addEventListener('keydown', this.onKeydown);
    this.status = el('p', {
      className: 'visually-hidden',
      attrs: { role: 'status', 'aria-live': 'polite' },
    });
    this.toggle = el('button', {
      className: 'timeline-toggle',
      text: 'Dates',
      attrs: { type: 'button', 'aria-expanded': 'false' },
    });
    this.toggle.addEventListener('click', () => this.setOpen(!this.element.classList.contains('is-open')));
    this.element = el(
      'section',
      {
        className: 'timeline',
        attrs: { 'aria-label': 'Timeline of the facts', role: 'group', 'data-map-obstacle': '' },
      },
      [this.toggle, this.whole, axis, this.status],
    );
    container.append(this.element);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const at = this.buttons.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const last = this.buttons.length - 1;
    const to =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(last, at + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(0, at - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to === null) return;
    event.preventDefault();
    this.focusItem(to);
  };

  /** Moves the groups' one tab stop to an item and focuses it. */
  private focusItem(index: number): void {
    this.buttons.forEach((b, i) => (b.tabIndex = i === index ? 0 : -1));
    this.buttons[index]?.focus();
  }

  /**
   * Shows which item is chosen (null: the whole story, -1: dates that are no item, as a link may
   * give); the groups' tab stop goes to the chosen one.
   */
  setChosen(index: number | null): void {
    const moveStop = index !== null && index >= 0;
    this.buttons.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(i === index));
      if (moveStop) b.tabIndex = i === index ? 0 : -1;
    });
    this.whole.setAttribute('aria-pressed', String(index === null));
    const chosen = index === null ? undefined : index >= 0 ? this.options.items[index]?.label : 'chosen';
    this.toggle.textContent = chosen === undefined ? 'Dates' : `Dates: ${chosen}`;
  }

  /** Opens or closes the timeline where it opens from its button (a phone). */
  private setOpen(open: boolean): void {
    this.element.classList.toggle('is-open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
  }

  /** Says what the choice shows, politely: `Showing 27 facts of 21 September 2023; 17 outside`. */
  announce(text: string): void {
    this.status.textContent = text;
  }

  remove(): void {
    this.element.remove();
  }
}

/**
 * The panel's line on what a date filter leaves out, with a button back to the whole story:
 * `11 facts lie outside 21 September 2023; 6 undated facts are hidden.`
 */
export function buildFilterNote(text: string, onReset: () => void): HTMLElement {
  const reset = el('button', {
    className: 'button',
    text: 'Show the whole story',
    attrs: { type: 'button' },
  });
  reset.addEventListener('click', onReset);
  return el('div', { className: 'panel-filter-note', attrs: { role: 'note' } }, [el('p', { text }), reset]);
}
