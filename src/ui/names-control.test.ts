// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { NamesControl } from './names-control';

const LANGUAGES = [
  { lang: 'az', name: 'Azerbaijani' },
  { lang: 'hy', name: 'Armenian' },
];

describe('NamesControl', () => {
  it('offers the article’s names and each language, labelled, with the chosen one selected', () => {
    const container = document.createElement('div');
    const control = new NamesControl(container, { languages: LANGUAGES, chosen: 'hy', onChange: vi.fn() });
    const select = container.querySelector('select')!;
    expect(container.querySelector('label')?.textContent).toBe('Names');
    expect(container.querySelector('label')?.htmlFor).toBe(select.id);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'As in the article'],
      ['az', 'Azerbaijani'],
      ['hy', 'Armenian'],
    ]);
    expect(select.value).toBe('hy');
    control.remove();
    expect(container.children.length).toBe(0);
  });

  it('sends the reader’s choice, the article’s names as null, and says what is shown', () => {
    const container = document.createElement('div');
    const onChange = vi.fn();
    const control = new NamesControl(container, { languages: LANGUAGES, chosen: null, onChange });
    const select = container.querySelector('select')!;
    select.value = 'az';
    select.dispatchEvent(new Event('change'));
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(onChange.mock.calls).toEqual([['az'], [null]]);
    control.show('hy', 'Names in Armenian.');
    expect(select.value).toBe('hy');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Names in Armenian.');
  });
});
