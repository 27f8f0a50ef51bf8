import { el } from '../dom/el';

/** An atlas of the index as the page lists it: its title, the link that opens it, and its marks. */
export interface AtlasLink {
  id: string;
  title: string;
  /** The atlas's own page (`/atlases/ID/`, the default's `/`) with the page's other query parameters. */
  href: string;
  /** The atlas the page shows now. */
  current: boolean;
  /** The atlas opened when the link names none. */
  isDefault: boolean;
}

/** The atlases as a list of links, the one shown marked as the current page (and the default, if asked). */
export function atlasList(links: readonly AtlasLink[], markDefault: boolean): HTMLUListElement {
  return el(
    'ul',
    { className: 'atlas-list' },
    links.map((link) =>
      el('li', {}, [
        el('a', {
          text: link.title,
          attrs: {
            href: link.href,
            ...(link.current ? { 'aria-current': 'page' } : {}),
          },
        }),
        markDefault && link.isDefault ? ' (the default)' : null,
      ]),
    ),
  );
}

/**
 * The panel header's list of atlases, a disclosure ("More atlases") that Enter or Space opens;
 * none when there is no other atlas to go to.
 */
export function buildAtlasMenu(links: readonly AtlasLink[]): HTMLElement | null {
  if (links.length === 0) return null;
  return el('details', { className: 'atlas-menu' }, [
    el('summary', { text: 'More atlases' }),
    atlasList(links, false),
  ]);
}
