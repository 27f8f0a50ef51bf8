export type NoticeTone = 'info' | 'warning' | 'error';

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

  /** Shows a message as text; returns the node so the caller may remove it. */
  show(message: string, tone: NoticeTone = 'info', id?: string): HTMLElement {
    if (id) this.element.querySelector(`[data-notice-id="${CSS.escape(id)}"]`)?.remove();
    const item = document.createElement('p');
    item.className = `notice notice-${tone}`;
    item.textContent = message;
    if (id) item.dataset.noticeId = id;
    this.element.append(item);
    return item;
  }
}
