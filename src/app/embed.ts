import { el } from '../dom/el';
import { fullAtlasUrl, heightMessage } from './embed-link';

/**
 * The embedded page (`?embed=1`, in another site's iframe): its layout is public/embed.css's, set
 * before the first paint by the page's head script (`data-embed` on `<html>`). Here: the link
 * "Open the full atlas" (a new tab, at what the reader sees now), and the page's height sent to
 * the host page whenever it changes, so that the host can size its iframe (README: Embed).
 */
export function startEmbed(): void {
  const link = el('a', {
    className: 'embed-open',
    text: 'Open the full atlas',
    attrs: { href: fullAtlasUrl(window.location.href), target: '_blank', rel: 'noopener' },
  });
  // The page keeps the reader's place, view and dates in its hash (LinkSync): the link follows it
  // at the moment it is used.
  const follow = () => link.setAttribute('href', fullAtlasUrl(window.location.href));
  for (const type of ['pointerdown', 'pointerenter', 'focus', 'click', 'contextmenu'])
    link.addEventListener(type, follow);
  window.addEventListener('hashchange', follow);
  const footer = el('footer', { className: 'embed-footer' }, [link]);
  document.body.append(footer);
  if (window.parent !== window) reportHeight(window.parent, document.documentElement);
}

/**
 * Sends `host` the height of `page` (its scroll height: at least the frame's, more where the
 * content needs more) now and whenever it changes.
 */
export function reportHeight(host: Pick<Window, 'postMessage'>, page: HTMLElement): ResizeObserver {
  let sent = -1;
  const send = () => {
    const message = heightMessage(page.scrollHeight);
    if (message.height === sent) return;
    sent = message.height;
    // The height is no secret, and the host's origin is not known: any host may read it.
    host.postMessage(message, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(page);
  for (const child of page.ownerDocument.body.children) observer.observe(child);
  send();
  return observer;
}
