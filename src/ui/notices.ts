import { el } from '../dom/el';

export type NoticeTone = 'info' | 'warning' | 'error';

const INFO_LIFETIME_MS = 12_000;

/** A live region for messages to the reader: screen readers announce what is added. */
export class Notices {
  readonly element: HTMLElement;

  constructor(parent: HTMLElement) {
    this.element = el('div', { className: 'notices', attrs: { role: 'status', 'aria-live': 'polite' } });
    parent.append(this.element);
  }

  /**
   * Shows a message as text, replacing an earlier one with the same id. Every message can be
   * dismissed; information goes away by itself after a while, warnings and errors stay.
   */
  show(message: string, tone: NoticeTone = 'info', id?: string): HTMLElement {
    if (id) this.element.querySelector(`[data-notice-id="${CSS.escape(id)}"]`)?.remove();
    const close = el('button', {
      className: 'notice-close',
      text: '×',
      attrs: { type: 'button', 'aria-label': 'Dismiss message' },
    });
    const item = el(
      'div',
      { className: `notice notice-${tone}`, attrs: id ? { 'data-notice-id': id } : {} },
      [el('p', { className: 'notice-text', text: message }), close],
    );
    close.addEventListener('click', () => item.remove());
    this.element.append(item);
    if (tone === 'info') setTimeout(() => item.remove(), INFO_LIFETIME_MS);
    return item;
  }
}
