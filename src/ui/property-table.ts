import { el } from '../dom/el';

/** A value as text: strings as they are, everything else as compact JSON. Never markup. */
export function propertyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** An imported feature's properties as a two-column table of text cells. */
export function buildPropertyTable(
  title: string,
  properties: Record<string, unknown>,
  headingId: string,
): HTMLElement {
  const rows = Object.entries(properties).map(([key, value]) =>
    el('tr', {}, [el('th', { text: key, attrs: { scope: 'row' } }), el('td', { text: propertyText(value) })]),
  );
  return el('article', { className: 'imported-details', attrs: { 'aria-labelledby': headingId } }, [
    el('h2', { className: 'place-name', text: title, attrs: { id: headingId } }),
    rows.length
      ? el('table', { className: 'property-table' }, [
          el('caption', { className: 'visually-hidden', text: `Properties of ${title}` }),
          el('tbody', {}, rows),
        ])
      : el('p', { text: 'This feature has no properties.' }),
  ]);
}
