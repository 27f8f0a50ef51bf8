/**
 * The atlas a page opens: the link's `?atlas=ID` first (links written before each atlas had a page
 * of its own keep working), else the atlas the page was built for, which the build writes on its
 * `<html>` (`data-atlas`, scripts/vite-plugin-prerender.ts). The default atlas's page, `/`, marks
 * itself `data-atlas-default`: it opens the index's default (null), as a page without the mark does.
 */
export function pageAtlasId(
  search: string,
  root: { dataset: Record<string, string | undefined> },
): string | null {
  const asked = new URLSearchParams(search).get('atlas');
  if (asked !== null) return asked;
  return root.dataset.atlasDefault === undefined ? (root.dataset.atlas ?? null) : null;
}
