// The social card of an atlas: the picture a link to its page shows on social media and in chat
// (og:image), 1200x630 PNG, drawn at build time from the first screen's own renderer.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import decompress from 'wawoff2/decompress.js';
import { breakLines, textWidthEm } from '../src/domain/first-screen/label-placement';
import { LOCATOR_THEME } from '../src/domain/map-look';
import type { Atlas } from '../src/domain/types';
import { firstScreenMap } from './first-screen-map';
import { ROOT } from './node-data';

/** The card's size, as Open Graph and Twitter's summary_large_image ask. */
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

const MARGIN = 40;
const KICKER_PX = 24;
const HEADLINE_PX = 44;
const HEADLINE_LINES = 2;
const CREDITS_PX = 17;
/** The card's text: the page's own colours (src/ui/styles.css). */
const INK = '#1b1f24';
const MUTED = '#4a5561';
const CREDITS =
  'Map data: Natural Earth (public domain) · GeoNames (CC BY 4.0) · Type: Noto Sans (SIL OFL) · Article Atlas';

/**
 * The Noto Sans faces the card is set in, as WOFF2 files of @fontsource (resvg reads them decoded
 * to TrueType): the page's text faces, in the scripts the atlases' names are written in.
 */
const FACES = [
  ...['latin-ext', 'latin', 'greek', 'cyrillic'].flatMap((subset) =>
    ['400-normal', '600-normal', '700-normal', '400-italic'].map(
      (face) => `@fontsource/noto-sans/files/noto-sans-${subset}-${face}.woff2`,
    ),
  ),
  ...['armenian', 'georgian'].flatMap((script) =>
    ['400-normal', '600-normal'].map(
      (face) => `@fontsource/noto-sans-${script}/files/noto-sans-${script}-${script}-${face}.woff2`,
    ),
  ),
];

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The TrueType files of the card's faces, decoded once into node_modules/.cache (resvg reads
 * fonts from files only).
 */
async function fontFiles(): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const dir = join(ROOT, 'node_modules/.cache/article-atlas-social-card');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  // One at a time, each copied out at once: the decoder's result is a view of its wasm memory.
  for (const face of FACES) {
    const file = join(dir, basename(face).replace(/\.woff2$/, '.ttf'));
    if (!existsSync(file)) {
      const woff2 = readFileSync(require.resolve(face));
      writeFileSync(file, Buffer.from(await decompress(woff2)));
    }
    files.push(file);
  }
  return files;
}

/** The headline in at most two lines at the card's width, the second ending in "…" where it is cut. */
function headlineLines(headline: string): string[] {
  const widthEm = (SOCIAL_CARD_SIZE.width - 2 * MARGIN) / HEADLINE_PX;
  const lines = breakLines(headline, 'semibold', widthEm);
  if (lines.length <= HEADLINE_LINES) return lines;
  const kept = lines.slice(0, HEADLINE_LINES);
  let last = `${kept[HEADLINE_LINES - 1] ?? ''} ${lines.slice(HEADLINE_LINES).join(' ')}`;
  while (last.length > 1 && textWidthEm(`${last}…`, 'semibold') > widthEm) last = last.slice(0, -1).trimEnd();
  return [...kept.slice(0, -1), `${last}…`];
}

/**
 * The card as SVG: the source line and the headline over the atlas's default view, as the first
 * screen draws it (every side's name of a disputed place included), and the credits of the map's
 * data and type.
 */
export function socialCardSvg(atlas: Atlas): string {
  const { width, height } = SOCIAL_CARD_SIZE;
  const { article } = atlas;
  const lines = headlineLines(article.headline);
  const kickerY = MARGIN + KICKER_PX;
  const headlineY = kickerY + 14 + HEADLINE_PX;
  const mapTop = headlineY + (lines.length - 1) * HEADLINE_PX * 1.15 + 28;
  const mapBottom = height - CREDITS_PX - 24;
  const map = { x: 0, y: mapTop, width, height: mapBottom - mapTop };
  // Land's colour under the picture: where the card is wider than the basemap the build extracts, the edge reads as land.
  // The first screen's picture sits inset by the map's fit padding (24 px), its margins drawn beyond.
  const inner = firstScreenMap(atlas, { width: map.width - 48, height: map.height - 48 }).replace(
    /^<svg /,
    `<svg x="24" y="${map.y + 24}" width="${map.width - 48}" height="${map.height - 48}" overflow="visible" `,
  );
  const headline = lines
    .map(
      (line, i) =>
        `<text x="${MARGIN}" y="${headlineY + i * HEADLINE_PX * 1.15}" font-size="${HEADLINE_PX}" font-weight="700" fill="${INK}">${escapeXml(line)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans">`,
    `<defs><clipPath id="social-map"><rect x="${map.x}" y="${map.y}" width="${map.width}" height="${map.height}"/></clipPath></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g clip-path="url(#social-map)"><rect x="${map.x}" y="${map.y}" width="${map.width}" height="${map.height}" fill="${LOCATOR_THEME.land}"/>${inner}</g>`,
    `<text x="${MARGIN}" y="${kickerY}" font-size="${KICKER_PX}" fill="${MUTED}">${escapeXml(`${article.agency} · ${article.outlet}`)}</text>`,
    headline,
    `<text x="${width - MARGIN}" y="${height - 14}" font-size="${CREDITS_PX}" text-anchor="end" fill="${MUTED}">${escapeXml(CREDITS)}</text>`,
    '</svg>',
  ].join('');
}

/** The card as PNG, rasterised by resvg with the card's own fonts (no system font, nothing fetched). */
export async function socialCardPng(atlas: Atlas): Promise<Uint8Array> {
  const resvg = new Resvg(socialCardSvg(atlas), {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles: await fontFiles(), defaultFontFamily: 'Noto Sans' },
  });
  return resvg.render().asPng();
}
