// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issues';
import type { AtlasIndexEntry } from '../domain/types';
import { el } from '../dom/el';
import { showLoadFailure, unknownAtlas } from './load-failure';

const ALPHA: AtlasIndexEntry = { id: 'alpha', path: 'atlases/alpha', title: 'Alpha', default: false };
const BETA: AtlasIndexEntry = { id: 'beta', path: 'atlases/beta', title: 'Beta “B”', default: true };
const issue = (code: string, message: string): Issue => ({
  code,
  message,
  severity: 'error',
  file: 'data/atlases/index.json',
  path: 'atlases',
});
const UNKNOWN = issue('unknown-atlas', 'no atlas "gamma"; the index lists "alpha", "beta" (the default)');

describe('unknownAtlas', () => {
  it('gives the id and every atlas as a link, the default marked, for an id the index does not list', () => {
    expect(unknownAtlas('gamma', { index: [ALPHA, BETA], issues: [UNKNOWN] }, '?atlas=gamma&x=1')).toEqual({
      id: 'gamma',
      links: [
        { id: 'alpha', title: 'Alpha', href: '/atlases/alpha/?x=1', current: false, isDefault: false },
        { id: 'beta', title: 'Beta “B”', href: '/?x=1', current: false, isDefault: true },
      ],
    });
  });

  it('cuts a long id to 60 characters, on one line', () => {
    const wanted = `a\n${'b'.repeat(100)}`;
    expect(unknownAtlas(wanted, { index: [ALPHA], issues: [UNKNOWN] }, '')?.id).toBe(`a ${'b'.repeat(57)}…`);
  });

  it('is null for any other failure: no id asked, an empty index, invalid data', () => {
    const index = [ALPHA, BETA];
    expect(unknownAtlas(null, { index, issues: [UNKNOWN] }, '')).toBeNull();
    expect(unknownAtlas('gamma', { index: [], issues: [UNKNOWN] }, '')).toBeNull();
    expect(unknownAtlas('alpha', { index, issues: [issue('unknown-place', 'no place "x"')] }, '')).toBeNull();
  });
});

describe('showLoadFailure', () => {
  it('shows an unknown id, even markup, as text, with every atlas as a link, and says so in the title', () => {
    const parent = el('div');
    const wanted = '<script>alert(1)</script>';
    showLoadFailure(parent, wanted, { index: [ALPHA, BETA], issues: [UNKNOWN] }, `?atlas=${wanted}`);
    expect(parent.querySelector('script')).toBeNull();
    expect(parent.querySelector('h1')?.textContent).toBe('No atlas called “<script>alert(1)</script>”.');
    expect(parent.querySelector('p')?.textContent).toBe('These are available:');
    expect([...parent.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Alpha',
      'Beta “B” (the default)',
    ]);
    expect([...parent.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/atlases/alpha/',
      '/',
    ]);
    expect(parent.querySelectorAll('[aria-current]').length).toBe(0);
    expect(document.title).toBe('No atlas called “<script>alert(1)</script>” · Article Atlas');
  });

  it('lists the issues of any other failure, as before', () => {
    const parent = el('div');
    const invalid = {
      ...issue('unknown-place', 'no place "x"'),
      file: 'data/atlases/alpha/facts.json',
      path: 'facts[0]',
    };
    showLoadFailure(parent, 'alpha', { index: [ALPHA, BETA], issues: [invalid] }, '?atlas=alpha');
    expect(parent.querySelector('h2')?.textContent).toBe(
      'This atlas cannot be shown: its data did not pass validation.',
    );
    expect([...parent.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'data/atlases/alpha/facts.json: facts[0]: no place "x" [unknown-place]',
    ]);
    expect(parent.querySelector('h1')).toBeNull();
  });
});
