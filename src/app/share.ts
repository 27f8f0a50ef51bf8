import { el } from '../dom/el';
import { fullAtlasUrl } from './embed-link';

/** Where the system's share sheet is the better way to pass a link on: a phone's or a tablet's. */
const SHARE_SHEET = '(max-width: 760px), (pointer: coarse)';

const COPIED = 'Link copied';
const REFUSED = 'The browser did not let the page copy: select the link and copy it.';

/**
 * "Copy link": the link to what the reader sees now (the atlas, place, view, dates and names, as
 * the page keeps them in its address; never `embed`). On a phone with the Web Share API, the
 * system's share sheet, titled with the headline; elsewhere the clipboard, and where the browser
 * refuses that, the link in a read-only field, selected, to copy by hand.
 */
export async function shareLink(button: HTMLElement): Promise<void> {
  const url = fullAtlasUrl(window.location.href);
  const title = document.getElementById('panel-title')?.textContent ?? document.title;
  if (typeof navigator.share === 'function' && window.matchMedia(SHARE_SHEET).matches) {
    try {
      await navigator.share({ title, url });
      return;
    } catch (error) {
      // The reader closed the sheet: nothing to do. Any other failure: the clipboard, as elsewhere.
      if (error instanceof DOMException && error.name === 'AbortError') return;
    }
  }
  const status = await statusFor(button);
  try {
    await navigator.clipboard.writeText(url);
    status.replaceChildren(COPIED);
  } catch {
    const field = el('input', {
      attrs: { type: 'text', readonly: '', value: url, size: '40', 'aria-label': 'Link to this view' },
    });
    status.replaceChildren(REFUSED, ' ', field);
    field.focus();
    field.select();
  }
}

/**
 * The live region after the button that says what became of the link: made on first use, and
 * given a frame in the page before its text, so that screen readers announce that text.
 */
async function statusFor(button: HTMLElement): Promise<HTMLElement> {
  const next = button.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains('share-link-status')) {
    next.replaceChildren();
    return next;
  }
  const status = el('p', { className: 'export-note share-link-status', attrs: { role: 'status' } });
  button.after(status);
  await new Promise((done) => requestAnimationFrame(done));
  return status;
}
