import { defaultAtlasEntry } from '../domain/load-atlas';
import type { AtlasIndexEntry } from '../domain/types';
import type { AtlasLink } from '../ui/atlas-list';

/** The page the build writes for an atlas (scripts/vite-plugin-prerender.ts): `/` for the default. */
export const atlasPagePath = (id: string, isDefault: boolean): string =>
  isDefault ? '/' : `/atlases/${encodeURIComponent(id)}/`;

/**
 * The link that opens atlas `id` from a page whose query is `search`: the atlas's own page
 * (atlasPagePath), with the other query parameters kept as they are and `?atlas=` dropped (the
 * page names its atlas). The hash is left out: its place and view belong to the atlas shown now.
 */
export function atlasHref(search: string, id: string, isDefault: boolean): string {
  const params = new URLSearchParams(search);
  params.delete('atlas');
  const query = params.toString();
  return `${atlasPagePath(id, isDefault)}${query ? `?${query}` : ''}`;
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
    href: atlasHref(search, entry.id, entry === fallback),
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
