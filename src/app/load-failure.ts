import { shorten } from '../domain/issues';
import { MAX_SHOWN_ID, type AtlasLoad } from '../domain/load-atlas';
import type { AtlasLink } from '../ui/atlas-list';
import { renderDataErrors, renderUnknownAtlas } from '../ui/data-errors';
import { atlasLinks } from './atlas-links';

/**
 * What the page shows for an atlas id the index does not list (a mistyped or stale link, or no id
 * at all, like `<script>`): the id as asked, cut to a length a heading can hold, and every atlas
 * as a link. Null when the load failed for another reason (the index unreadable or empty, an
 * atlas whose data is invalid): the page lists those issues instead.
 */
export function unknownAtlas(
  wanted: string | null,
  load: Pick<AtlasLoad, 'index' | 'issues'>,
  search: string,
): { id: string; links: AtlasLink[] } | null {
  if (!wanted || load.index.length === 0 || !load.issues.some((i) => i.code === 'unknown-atlas')) return null;
  return { id: shorten(wanted, MAX_SHOWN_ID), links: atlasLinks(load.index, null, search) };
}

/**
 * Shows why no atlas can be drawn: for an id the index does not list, the list of atlases (and
 * the page's title says so); for any other failure, its issues. This module loads only then: the
 * first screen of a valid atlas does not carry it.
 */
export function showLoadFailure(
  parent: HTMLElement,
  wanted: string | null,
  load: Pick<AtlasLoad, 'index' | 'issues'>,
  search: string,
): void {
  const unknown = unknownAtlas(wanted, load, search);
  if (!unknown) {
    renderDataErrors(parent, load.issues);
    return;
  }
  document.title = `No atlas called “${unknown.id}” · Article Atlas`;
  renderUnknownAtlas(parent, unknown.id, unknown.links);
}
