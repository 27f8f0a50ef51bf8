import { describe, expect, it } from 'vitest';
import type { AtlasIndexEntry } from '../domain/types';
import { atlasHref, atlasLinks, atlasMenu } from './atlas-links';

const ALPHA: AtlasIndexEntry = { id: 'alpha', path: 'atlases/alpha', title: 'Alpha', default: false };
const BETA: AtlasIndexEntry = { id: 'beta', path: 'atlases/beta', title: 'Beta', default: true };
const GAMMA: AtlasIndexEntry = { id: 'gamma', path: 'atlases/gamma', title: 'Gamma', default: false };

describe('atlasHref', () => {
  it('is the atlas’s own page on a page with no query, the default’s being the root', () => {
    expect(atlasHref('', 'beta', false)).toBe('/atlases/beta/');
    expect(atlasHref('', 'beta', true)).toBe('/');
  });

  it('drops the atlas parameter and keeps the other query parameters as they are', () => {
    expect(atlasHref('?lang=en&atlas=alpha&debug=1', 'beta', false)).toBe('/atlases/beta/?lang=en&debug=1');
    expect(atlasHref('?debug=1', 'beta', true)).toBe('/?debug=1');
    expect(atlasHref('?atlas=alpha', 'beta', false)).toBe('/atlases/beta/');
  });

  it('drops every atlas parameter of a link that repeats it', () => {
    expect(atlasHref('?atlas=alpha&atlas=gamma', 'beta', false)).toBe('/atlases/beta/');
  });
});

describe('atlasLinks', () => {
  it('lists every atlas in the index’s order, the one shown and the default marked', () => {
    expect(atlasLinks([ALPHA, BETA, GAMMA], 'gamma', '?atlas=gamma')).toEqual([
      { id: 'alpha', title: 'Alpha', href: '/atlases/alpha/', current: false, isDefault: false },
      { id: 'beta', title: 'Beta', href: '/', current: false, isDefault: true },
      { id: 'gamma', title: 'Gamma', href: '/atlases/gamma/', current: true, isDefault: false },
    ]);
  });

  it('marks the first atlas as the default when none is, and none as shown when the id is unknown', () => {
    expect(atlasLinks([ALPHA, GAMMA], null, '').map((l) => [l.id, l.href, l.current, l.isDefault])).toEqual([
      ['alpha', '/', false, true],
      ['gamma', '/atlases/gamma/', false, false],
    ]);
  });
});

describe('atlasMenu', () => {
  it('is every atlas when the index lists more than one', () => {
    expect(atlasMenu([ALPHA, BETA], 'beta', '').map((l) => [l.title, l.current])).toEqual([
      ['Alpha', false],
      ['Beta', true],
    ]);
  });

  it('is empty when the index lists only the atlas shown', () => {
    expect(atlasMenu([BETA], 'beta', '')).toEqual([]);
  });
});
