import { startEmbed } from './embed';
import { shareLink } from './share';

/**
 * Embedding and sharing, in one chunk the page loads only when asked (src/main.ts): with no event,
 * the embedded page's parts; with a click, "Copy link" for the button clicked.
 */
export function publish(click?: Event): void {
  if (!click) return startEmbed();
  const button = click.target instanceof Element ? click.target.closest('[data-action="share"]') : null;
  if (button instanceof HTMLElement) void shareLink(button);
}
