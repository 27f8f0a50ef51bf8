// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { el } from '../dom/el';
import { focusMap, SkipLinks } from './skip-links';

/** Clicks `link` and says whether the page would have followed its href. */
function click(link: HTMLAnchorElement): boolean {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  link.dispatchEvent(event);
  return !event.defaultPrevented;
}

describe('SkipLinks', () => {
  it('moves focus through its target and never follows the href (the address holds the page’s link)', () => {
    const link = el('a', { text: 'Skip to the places', attrs: { href: '#panel-places' } });
    const calls: string[] = [];
    const links = new SkipLinks([{ link, go: () => (calls.push('none yet'), false) }]);
    expect(click(link)).toBe(false);
    links.set({ link, go: () => (calls.push('places'), true) });
    expect(click(link)).toBe(false);
    expect(calls).toEqual(['none yet', 'places']);
    links.remove();
    expect(click(link)).toBe(true);
    expect(calls).toEqual(['none yet', 'places']);
  });

  it('focusMap focuses the map’s canvas, and finds nothing to focus when no map is drawn', () => {
    const canvas = el('canvas', { attrs: { tabindex: '0' } });
    const container = el('div', {}, [el('div', {}, [canvas])]);
    document.body.replaceChildren(container);
    expect(focusMap(container)).toBe(true);
    expect(document.activeElement).toBe(canvas);
    canvas.blur();
    container.classList.add('map-unavailable');
    expect(focusMap(container)).toBe(false);
    expect(focusMap(el('div'))).toBe(false);
  });
});
