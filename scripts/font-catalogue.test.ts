import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_PACKAGES, loadFontCatalogue } from './font-catalogue';
import { ROOT } from './node-data';

const FILES = join(ROOT, 'node_modules/@fontsource');

describe('loadFontCatalogue', () => {
  const catalogue = loadFontCatalogue(ROOT);

  it('offers each script’s own subsets, then the CJK fonts’ numbered slices, in FONT_PACKAGES’ order', () => {
    expect(catalogue.filter((s) => s.lang === undefined).map((s) => s.id)).toEqual([
      'noto-sans-latin',
      'noto-sans-latin-ext',
      'noto-sans-vietnamese',
      'noto-sans-cyrillic',
      'noto-sans-cyrillic-ext',
      'noto-sans-greek',
      'noto-sans-greek-ext',
      'noto-sans-devanagari',
      'noto-sans-armenian-armenian',
      'noto-sans-georgian-georgian',
      'noto-sans-hebrew-hebrew',
      'noto-sans-arabic-arabic',
      'noto-sans-thai-thai',
    ]);
    const slices = (lang: string) => catalogue.filter((s) => s.lang === lang).map((s) => s.id);
    expect([slices('zh').length, slices('ja').length, slices('ko').length]).toEqual([97, 120, 120]);
    expect(slices('ja').slice(0, 3)).toEqual(['noto-sans-jp-0', 'noto-sans-jp-1', 'noto-sans-jp-2']);
    expect(catalogue).toHaveLength(350);
  });

  it('takes the ranges the package declares and its 400, 400 italic and 600 files', () => {
    expect(catalogue.find((s) => s.id === 'noto-sans-cyrillic')).toEqual({
      id: 'noto-sans-cyrillic',
      packageName: '@fontsource/noto-sans',
      subset: 'cyrillic',
      unicodeRange: ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'],
      ranges: [
        { from: 0x301, to: 0x301 },
        { from: 0x400, to: 0x45f },
        { from: 0x490, to: 0x491 },
        { from: 0x4b0, to: 0x4b1 },
        { from: 0x2116, to: 0x2116 },
      ],
      files: {
        regular: join(FILES, 'noto-sans/files/noto-sans-cyrillic-400-normal.woff2'),
        italic: join(FILES, 'noto-sans/files/noto-sans-cyrillic-400-italic.woff2'),
        semibold: join(FILES, 'noto-sans/files/noto-sans-cyrillic-600-normal.woff2'),
      },
    });
  });

  it('gives a script with no italic its upright file for italic', () => {
    expect(catalogue.find((s) => s.id === 'noto-sans-arabic-arabic')?.files).toEqual({
      regular: join(FILES, 'noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2'),
      italic: join(FILES, 'noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2'),
      semibold: join(FILES, 'noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2'),
    });
  });

  it('throws for a subset the package does not have', () => {
    expect(() => loadFontCatalogue(ROOT, [{ name: '@fontsource/noto-sans', subsets: ['armenian'] }])).toThrow(
      '@fontsource/noto-sans has no subset "armenian"',
    );
    expect(FONT_PACKAGES.map((p) => p.name)).toContain('@fontsource/noto-sans-kr');
  });
});
