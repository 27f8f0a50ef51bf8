import { describe, expect, it } from 'vitest';
import { FONT } from '../src/map/font-names';
import { loadFontCatalogue } from './font-catalogue';
import { ROOT } from './node-data';
import { fontFaceCss, fontList } from './vite-plugin-atlas-fonts';

const catalogue = loadFontCatalogue(ROOT);
const pick = (...ids: string[]) => catalogue.filter((s) => ids.includes(s.id));

describe('fontFaceCss', () => {
  it('writes the 400, 400 italic and 600 faces of one family, the upright file for a script with no italic', () => {
    expect(fontFaceCss(pick('noto-sans-arabic-arabic'))).toBe(
      [
        '/* noto-sans-arabic-arabic regular (@fontsource/noto-sans-arabic) */',
        '@font-face {',
        "  font-family: 'Noto Sans';",
        '  font-display: swap;',
        "  src: url('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2');",
        `  unicode-range: ${catalogue.find((s) => s.id === 'noto-sans-arabic-arabic')?.unicodeRange.join(', ')};`,
        '}',
        '/* noto-sans-arabic-arabic italic (@fontsource/noto-sans-arabic) */',
        '@font-face {',
        "  font-family: 'Noto Sans';",
        '  font-style: italic;',
        '  font-display: swap;',
        "  src: url('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2');",
        `  unicode-range: ${catalogue.find((s) => s.id === 'noto-sans-arabic-arabic')?.unicodeRange.join(', ')};`,
        '}',
        '/* noto-sans-arabic-arabic semibold (@fontsource/noto-sans-arabic) */',
        '@font-face {',
        "  font-family: 'Noto Sans';",
        '  font-weight: 600;',
        '  font-display: swap;',
        "  src: url('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2');",
        `  unicode-range: ${catalogue.find((s) => s.id === 'noto-sans-arabic-arabic')?.unicodeRange.join(', ')};`,
        '}',
        '',
      ].join('\n'),
    );
  });

  it('declares Latin last, so that the browser tries it first where ranges overlap', () => {
    const css = fontFaceCss(pick('noto-sans-latin', 'noto-sans-cyrillic', 'noto-sans-armenian-armenian'));
    expect([...css.matchAll(/^\/\* (\S+) (\w+)/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'noto-sans-armenian-armenian regular',
      'noto-sans-armenian-armenian italic',
      'noto-sans-armenian-armenian semibold',
      'noto-sans-cyrillic regular',
      'noto-sans-cyrillic italic',
      'noto-sans-cyrillic semibold',
      'noto-sans-latin regular',
      'noto-sans-latin italic',
      'noto-sans-latin semibold',
    ]);
  });
});

describe('fontList', () => {
  it('is the style’s font-faces: for each FONT name the subsets’ files, Latin first, with their ranges', () => {
    const list = fontList(
      pick('noto-sans-cyrillic', 'noto-sans-latin'),
      (s, style) => `/assets/${s.id}-${style}.woff2`,
    );
    const latin = catalogue[0]?.unicodeRange;
    const cyrillic = ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'];
    expect(list).toEqual({
      [FONT.regular]: [
        { url: '/assets/noto-sans-latin-regular.woff2', 'unicode-range': latin },
        { url: '/assets/noto-sans-cyrillic-regular.woff2', 'unicode-range': cyrillic },
      ],
      [FONT.italic]: [
        { url: '/assets/noto-sans-latin-italic.woff2', 'unicode-range': latin },
        { url: '/assets/noto-sans-cyrillic-italic.woff2', 'unicode-range': cyrillic },
      ],
      [FONT.semibold]: [
        { url: '/assets/noto-sans-latin-semibold.woff2', 'unicode-range': latin },
        { url: '/assets/noto-sans-cyrillic-semibold.woff2', 'unicode-range': cyrillic },
      ],
    });
  });
});
