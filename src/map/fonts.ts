import type { FontFacesSpecification } from 'maplibre-gl';
import { FONT } from './font-names';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin400Italic from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latinExt400Italic from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import armenian400 from '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff2?url';
import armenian600 from '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-600-normal.woff2?url';

// Unicode ranges as @fontsource declares them, so that each subset file is fetched only when a
// label actually uses one of its characters (ə is in latin-ext, Armenian in its own file).
const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+2000-206F',
];
const LATIN_EXT = [
  'U+0100-0130',
  'U+0132-02BA',
  'U+02BD-02C5',
  'U+02C7-02CC',
  'U+02CE-02D7',
  'U+02DD-02FF',
  'U+1E00-1E9F',
];
const ARMENIAN = ['U+0530-058F', 'U+FB13-FB17'];

/** Self-hosted font files for map labels, as the style's `font-faces`; no glyph server is needed. */
export function selfHostedFontFaces(base: string = document.baseURI): FontFacesSpecification {
  const abs = (url: string) => new URL(url, base).href;
  return {
    [FONT.regular]: [
      { url: abs(latin400), 'unicode-range': LATIN },
      { url: abs(latinExt400), 'unicode-range': LATIN_EXT },
      { url: abs(armenian400), 'unicode-range': ARMENIAN },
    ],
    [FONT.italic]: [
      { url: abs(latin400Italic), 'unicode-range': LATIN },
      { url: abs(latinExt400Italic), 'unicode-range': LATIN_EXT },
      { url: abs(armenian400), 'unicode-range': ARMENIAN },
    ],
    [FONT.semibold]: [
      { url: abs(latin600), 'unicode-range': LATIN },
      { url: abs(latinExt600), 'unicode-range': LATIN_EXT },
      { url: abs(armenian600), 'unicode-range': ARMENIAN },
    ],
  };
}
