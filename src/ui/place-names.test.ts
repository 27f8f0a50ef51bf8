// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { el } from '../dom/el';
import { namePlaceNodes } from './place-names';

describe('namePlaceNodes', () => {
  it('renames a panel entry’s heading and button, a place link and a popup’s heading, by place id', () => {
    const root = el('div', {}, [
      el('section', { className: 'panel-place', attrs: { 'data-place-id': 'yerevan' } }, [
        el('h3', { className: 'place-name', text: 'Yerevan' }),
        el('button', {
          className: 'show-on-map',
          text: 'Show Yerevan on the map',
          attrs: { 'data-place-id': 'yerevan' },
        }),
      ]),
      el('button', { className: 'place-link', attrs: { 'data-place-id': 'baku' } }, [
        el('span', { className: 'place-link-name', text: 'Baku' }),
      ]),
      el('article', { className: 'place-summary', attrs: { 'data-place-id': 'moscow' } }, [
        el('h2', { className: 'place-name', text: 'Moscow', attrs: { lang: 'ru', title: 'x' } }),
      ]),
    ]);
    const names = new Map([
      ['yerevan', { text: 'Երևան', lang: 'hy', latin: 'Yerevan', otherNames: [] }],
      ['baku', { text: 'Bakı', lang: 'az', otherNames: [] }],
      ['moscow', { text: 'Moscow', otherNames: [] }],
    ]);
    namePlaceNodes(root, (id) => names.get(id));
    const heading = root.querySelector<HTMLElement>('.panel-place .place-name')!;
    expect([heading.textContent, heading.lang, heading.title]).toEqual(['Երևան', 'hy', 'Yerevan']);
    expect(root.querySelector('.show-on-map')?.textContent).toBe('Show Երևան on the map');
    const link = root.querySelector<HTMLElement>('.place-link-name')!;
    expect([link.textContent, link.lang, link.hasAttribute('title')]).toEqual(['Bakı', 'az', false]);
    const popup = root.querySelector<HTMLElement>('.place-summary .place-name')!;
    expect([popup.textContent, popup.hasAttribute('lang'), popup.hasAttribute('title')]).toEqual([
      'Moscow',
      false,
      false,
    ]);
  });
});
