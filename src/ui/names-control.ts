import './names-control.css';
import { el } from '../dom/el';

export interface NamesControlOptions {
  /** The name sets offered after the article's names: `{ lang: 'az', name: 'Azerbaijani' }`. */
  languages: readonly { lang: string; name: string }[];
  /** The name set shown now (null: the article's names). */
  chosen: string | null;
  /** The reader chose a name set (null: the article's names). */
  onChange: (lang: string | null) => void;
}

/** The value of the article's names in the select (no language code is empty). */
const ARTICLE = '';

/**
 * "Names: As in the article / Azerbaijani / …": a labelled select over the map, operated with
 * the keyboard as any select is, with a live region that says what the map now shows.
 */
export class NamesControl {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly status: HTMLElement;

  constructor(container: HTMLElement, options: NamesControlOptions) {
    this.select = el('select', { className: 'names-select', attrs: { id: 'names-select' } }, [
      el('option', { text: 'As in the article', attrs: { value: ARTICLE } }),
      ...options.languages.map((l) => el('option', { text: l.name, attrs: { value: l.lang } })),
    ]);
    this.select.value = options.chosen ?? ARTICLE;
    this.select.addEventListener('change', () => options.onChange(this.select.value || null));
    this.status = el('p', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.element = el('div', { className: 'names-control', attrs: { 'data-map-obstacle': '' } }, [
      el('label', { className: 'names-label', text: 'Names', attrs: { for: 'names-select' } }),
      this.select,
      this.status,
    ]);
    container.append(this.element);
  }

  /** Shows the name set chosen (by the reader, a link followed) and says it. */
  show(lang: string | null, announcement: string): void {
    this.select.value = lang ?? ARTICLE;
    this.status.textContent = announcement;
  }

  remove(): void {
    this.element.remove();
  }
}
