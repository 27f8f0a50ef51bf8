import type { PlaceName } from '../domain/name-sets';

/** Names a heading as `name` says: its text, its language, its Latin letters as its title. */
function nameNode(node: HTMLElement, name: PlaceName): void {
  node.textContent = name.text;
  if (name.lang) node.lang = name.lang;
  else node.removeAttribute('lang');
  if (name.latin) node.title = name.latin;
  else node.removeAttribute('title');
}

/**
 * Renames the places shown in `root` (the panel's entries and links, a popup's summary, found by
 * their `data-place-id`) as `nameOf` says: a name set's names, or the article's.
 */
export function namePlaceNodes(root: ParentNode, nameOf: (placeId: string) => PlaceName | undefined): void {
  const nodes = [...(root instanceof HTMLElement ? [root] : []), ...root.querySelectorAll('[data-place-id]')];
  for (const node of nodes) {
    if (!(node instanceof HTMLElement)) continue;
    const name = nameOf(node.dataset.placeId ?? '');
    if (!name) continue;
    if (node.matches('.panel-place, .place-summary')) {
      const heading = node.querySelector<HTMLElement>('.place-name');
      if (heading) nameNode(heading, name);
    } else if (node.matches('.place-link')) {
      const text = node.querySelector<HTMLElement>('.place-link-name');
      if (text) nameNode(text, name);
    } else if (node.matches('.show-on-map')) {
      node.textContent = `Show ${name.text} on the map`;
    }
  }
}
