import { defaultAtlasEntry } from '../domain/load-atlas';
import type { AtlasIndexEntry } from '../domain/types';
import type { AtlasLink } from '../ui/atlas-list';

/**
 * The link that opens atlas `id` from a page whose query is `search`: `?atlas=ID`, the other
 * query parameters kept as they are. The hash is left out: its place and view belong to the
 * atlas shown now.
 */
export function atlasHref(search: string, id: string): string {
  const params = new URLSearchParams(search);
  params.set('atlas', id);
  return `?${params.toString()}`;
}

/** Every atlas of the index as a link, in the index's order (the editors' order). */
export function atlasLinks(
  index: readonly AtlasIndexEntry[],
  currentId: string | null,
  search: string,
): AtlasLink[] {
  const fallback = defaultAtlasEntry(index);
  return index.map((entry) => ({
    id: entry.id,
    title: entry.title,
    href: atlasHref(search, entry.id),
    current: entry.id === currentId,
    isDefault: entry === fallback,
  }));
}

/** The header's list of atlases: every atlas, the one shown marked; none when it is the only one. */
export function atlasMenu(
  index: readonly AtlasIndexEntry[],
  currentId: string | null,
  search: string,
): AtlasLink[] {
  return index.length > 1 ? atlasLinks(index, currentId, search) : [];
}
