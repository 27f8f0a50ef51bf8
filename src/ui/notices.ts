export type NoticeTone = 'info' | 'warning' | 'error';

const INFO_LIFETIME_MS = 12_000;

/** A live region for messages to the reader: screen readers announce what is added. */
export class Notices {
  readonly element: HTMLElement;

  constructor(parent: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'notices';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    parent.append(this.element);
  }

  /**
   * Shows a message as text, replacing an earlier one with the same id. Every message can be
   * dismissed; information goes away by itself after a while, warnings and errors stay.
   */
  show(message: string, tone: NoticeTone = 'info', id?: string): HTMLElement {
    if (id) this.element.querySelector(`[data-notice-id="${CSS.escape(id)}"]`)?.remove();
    const item = document.createElement('div');
    item.className = `notice notice-${tone}`;
    if (id) item.dataset.noticeId = id;
    const text = document.createElement('p');
    text.className = 'notice-text';
    text.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'notice-close';
    close.setAttribute('aria-label', 'Dismiss message');
    close.textContent = '×';
    close.addEventListener('click', () => item.remove());
    item.append(text, close);
    this.element.append(item);
    if (tone === 'info') setTimeout(() => item.remove(), INFO_LIFETIME_MS);
    return item;
  }
}
