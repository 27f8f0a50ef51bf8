// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILTER_DELAY_MS, ImportedList, type ImportedListView } from './imported-list';

const VIEW: ImportedListView = {
  count: '250 features',
  showing: 'Showing 101–200 of 250',
  announcement: '',
  rows: [
    { key: 'imported-1:100', title: 'Point 100', selected: false },
    { key: 'imported-1:101', title: '<b>Point 101</b>', selected: true },
  ],
  previous: true,
  next: false,
};

function list() {
  const calls: string[] = [];
  const section = new ImportedList({
    id: 'panel-imported-1',
    fileName: 'points.geojson',
    pageSize: 100,
    onQuery: (q) => calls.push(`query ${q}`),
    onTurn: (by) => calls.push(`turn ${by}`),
    onChoose: (key) => calls.push(`choose ${key}`),
    onRemove: () => calls.push('remove'),
  });
  document.body.replaceChildren(section.element);
  return { section, calls };
}

const buttons = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].map((b) => [
    b.textContent,
    b.getAttribute('aria-disabled') ?? b.getAttribute('aria-current'),
  ]);

afterEach(() => {
  vi.useRealTimers();
});

describe('ImportedList', () => {
  it('draws the heading, the count, the filter, the page of rows as text and the pager', () => {
    const { section } = list();
    section.render(VIEW);
    const root = section.element;
    expect(root.id).toBe('panel-imported-1');
    expect(root.getAttribute('aria-labelledby')).toBe('panel-imported-1-title');
    expect(root.querySelector('h2')?.textContent).toBe('Opened file: points.geojson');
    expect(root.querySelector('.imported-count')?.textContent).toBe('250 features');
    expect(root.querySelector('label')?.textContent).toBe('Filter the features of points.geojson');
    expect(root.querySelector('label')?.getAttribute('for')).toBe('panel-imported-1-filter');
    expect(root.querySelector('input')?.type).toBe('search');
    expect(root.querySelector('.imported-showing')?.textContent).toBe('Showing 101–200 of 250');
    expect(root.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(buttons(root)).toEqual([
      ['Previous 100', 'false'],
      ['Next 100', 'true'],
      ['Point 100', null],
      ['<b>Point 101</b>', 'true'],
      ['Remove points.geojson', null],
    ]);
    // Titles are text, never markup.
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelectorAll('.imported-rows li').length).toBe(2);
  });

  it('reports the pager’s presses, but not on a page that is not there, and the row chosen', () => {
    const { section, calls } = list();
    section.render(VIEW);
    const [previous, next, , row] = [...section.element.querySelectorAll('button')];
    previous!.click();
    next!.click();
    row!.click();
    expect(calls).toEqual(['turn -1', 'choose imported-1:101']);
  });

  it('filters once the reader stops typing, and announces the count it is given', () => {
    vi.useFakeTimers();
    const { section, calls } = list();
    section.render(VIEW);
    const input = section.element.querySelector('input')!;
    for (const text of ['p', 'po', 'poi']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      vi.advanceTimersByTime(FILTER_DELAY_MS - 1);
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['query poi']);
    section.render({ ...VIEW, announcement: '2 of 250 features match “poi”' });
    expect(section.element.querySelector('[role="status"]')?.textContent).toBe(
      '2 of 250 features match “poi”',
    );
    expect(FILTER_DELAY_MS).toBe(200);
  });

  it('keeps focus on a row drawn again, focuses a row shown, and removes itself with its pending filter', () => {
    vi.useFakeTimers();
    const { section, calls } = list();
    section.render(VIEW);
    expect(section.focusEntry('imported-1:100')).toBe(true);
    section.render({ ...VIEW, rows: VIEW.rows.map((r) => ({ ...r, selected: r.key === 'imported-1:100' })) });
    expect(document.activeElement?.textContent).toBe('Point 100');
    expect(document.activeElement?.getAttribute('aria-current')).toBe('true');
    expect(section.focusEntry('imported-1:5')).toBe(false);
    const input = section.element.querySelector('input')!;
    input.value = 'x';
    input.dispatchEvent(new Event('input'));
    [...section.element.querySelectorAll('button')].at(-1)!.click();
    vi.advanceTimersByTime(FILTER_DELAY_MS);
    expect(calls).toEqual(['remove']);
    expect(section.element.isConnected).toBe(false);
  });
});
