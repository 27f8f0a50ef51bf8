import { formatIssue, type Issue } from '../domain/issues';
import { el } from '../dom/el';
import { atlasList, type AtlasLink } from './atlas-list';

/**
 * Shows why an atlas could not be drawn: one line per problem, with its file and path, as text.
 * The map keeps its basemap; no article layer is drawn from data that failed validation.
 */
export function renderDataErrors(parent: HTMLElement, issues: readonly Issue[]): HTMLElement {
  const errors = issues.filter((i) => i.severity === 'error');
  const box = el(
    'section',
    { className: 'data-errors', attrs: { role: 'alert', 'aria-labelledby': 'data-errors-title' } },
    [
      el('h2', {
        text: 'This atlas cannot be shown: its data did not pass validation.',
        attrs: { id: 'data-errors-title' },
      }),
      el('p', {
        text: `${errors.length} problem(s) were found. An editor can fix them in the files named below.`,
      }),
      el(
        'ul',
        {},
        errors.map((issue) => el('li', {}, [el('code', { text: formatIssue(issue) })])),
      ),
    ],
  );
  parent.append(box);
  return box;
}

/**
 * The page for an atlas id the index does not list: the id as text (it comes from the link) and
 * every atlas as a link, the default marked.
 */
export function renderUnknownAtlas(
  parent: HTMLElement,
  id: string,
  links: readonly AtlasLink[],
): HTMLElement {
  const box = el(
    'section',
    { className: 'data-errors', attrs: { 'aria-labelledby': 'atlas-missing-title' } },
    [
      el('h1', { text: `No atlas called “${id}”.`, attrs: { id: 'atlas-missing-title' } }),
      el('p', { text: 'These are available:' }),
      atlasList(links, true),
    ],
  );
  parent.append(box);
  return box;
}
