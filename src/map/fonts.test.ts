import { describe, expect, it } from 'vitest';
import { isFontList } from './font-list';
import { FONT } from './font-names';
import { requestFontFaces } from './fonts';

const LIST = {
  [FONT.regular]: [{ url: '/assets/noto-sans-latin-400-normal-x.woff2', 'unicode-range': ['U+0000-00FF'] }],
  [FONT.italic]: [{ url: '/assets/noto-sans-latin-400-italic-x.woff2', 'unicode-range': ['U+0000-00FF'] }],
};

const answering =
  (response: Response | Error): typeof fetch =>
  () =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response);

describe('isFontList', () => {
  it('accepts the style’s font-faces as the build writes them', () => {
    expect(isFontList(LIST)).toBe(true);
    expect(isFontList({})).toBe(true);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a face with no url', { [FONT.regular]: [{ 'unicode-range': ['U+0000-00FF'] }] }],
    ['a face with no range', { [FONT.regular]: [{ url: '/a.woff2' }] }],
    ['a range that is not text', { [FONT.regular]: [{ url: '/a.woff2', 'unicode-range': [32] }] }],
    ['a bare URL', { [FONT.regular]: '/a.woff2' }],
  ])('refuses %s', (_, value) => {
    expect(isFontList(value)).toBe(false);
  });
});

describe('requestFontFaces', () => {
  it('gives the list it fetched, then also as its value', async () => {
    const pending = requestFontFaces('http://x/list.json', answering(new Response(JSON.stringify(LIST))));
    expect(pending.value).toBeUndefined();
    expect(await pending.ready).toEqual(LIST);
    expect(pending.value).toEqual(LIST);
  });

  it.each([
    ['an answer that is not OK', new Response('not found', { status: 404 })],
    ['a failed request', new Error('offline')],
    ['a list of another shape', new Response('[1, 2]')],
    ['a text that is not JSON', new Response('{')],
  ])('gives no faces for %s, so that labels fall back to the system font', async (_, response) => {
    const pending = requestFontFaces('http://x/list.json', answering(response));
    expect(await pending.ready).toEqual({});
    expect(pending.value).toEqual({});
  });
});
