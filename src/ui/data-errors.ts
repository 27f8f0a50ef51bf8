import { formatIssue, type Issue } from '../domain/issues';

/**
 * Shows why an atlas could not be drawn: one line per problem, with its file and path, as text.
 * The map keeps its basemap; no article layer is drawn from data that failed validation.
 */
export function renderDataErrors(parent: HTMLElement, issues: readonly Issue[]): HTMLElement {
  const errors = issues.filter((i) => i.severity === 'error');
  const box = document.createElement('section');
  box.className = 'data-errors';
  box.setAttribute('role', 'alert');
  box.setAttribute('aria-labelledby', 'data-errors-title');
  const title = document.createElement('h2');
  title.id = 'data-errors-title';
  title.textContent = 'This atlas cannot be shown: its data did not pass validation.';
  const intro = document.createElement('p');
  intro.textContent = `${errors.length} problem(s) were found. An editor can fix them in the files named below.`;
  const list = document.createElement('ul');
  for (const issue of errors) {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = formatIssue(issue);
    item.append(code);
    list.append(item);
  }
  box.append(title, intro, list);
  parent.append(box);
  return box;
}
