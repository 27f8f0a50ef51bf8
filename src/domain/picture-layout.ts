/**
 * Where the text of a downloaded picture of the map goes: a band above the map with the article's
 * source line and headline, the map at `scale` times its size on screen, and a band below it with
 * the key (one row per entry) and the credits. The bands' heights depend only on the number of key
 * rows, never on the text, so that a picture's size is known from the map's size and its key.
 * All lengths are CSS pixels of the page until multiplied by the scale.
 */
export const PICTURE_BANDS = {
  margin: 16,
  padTop: 14,
  kickerLine: 18,
  gap: 4,
  headlineLine: 28,
  headlineLines: 2,
  padBottom: 12,
  keyLine: 22,
  creditLine: 15,
  creditLines: 2,
} as const;

/** The font sizes tried for each kind of text, largest first, until it fits its lines. */
export const PICTURE_FONT_SIZES = {
  kicker: [13, 12, 11],
  headline: [22, 20, 18, 16],
  key: [13, 12, 11, 10],
  credit: [11, 10, 9],
} as const;

export type PictureTextKind = keyof typeof PICTURE_FONT_SIZES;

/** How wide a text is, in CSS pixels, set in the picture's font at a size (and bold, for the headline). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

export interface PictureText {
  text: string;
  kind: PictureTextKind;
  /** In the picture's pixels: the left end of the line and its baseline. */
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

export interface PictureSwatch {
  /** Which key entry it draws (its index in the key). */
  index: number;
  x: number;
  y: number;
  size: number;
}

export interface PictureLayout {
  width: number;
  height: number;
  /** Where the map goes, in the picture's pixels. */
  map: { x: number; y: number; width: number; height: number };
  texts: PictureText[];
  swatches: PictureSwatch[];
}

/** The height of the band above the map, in CSS pixels. */
const headerHeight = (): number =>
  PICTURE_BANDS.padTop +
  PICTURE_BANDS.kickerLine +
  PICTURE_BANDS.gap +
  PICTURE_BANDS.headlineLine * PICTURE_BANDS.headlineLines +
  PICTURE_BANDS.padBottom;

/** The height of the band below the map, in CSS pixels. */
const footerHeight = (keyRows: number): number =>
  PICTURE_BANDS.padBottom +
  PICTURE_BANDS.keyLine * keyRows +
  PICTURE_BANDS.gap +
  PICTURE_BANDS.creditLine * PICTURE_BANDS.creditLines +
  PICTURE_BANDS.padBottom;

/** The size of the picture of a map of `map` CSS pixels with `keyRows` key entries, at `scale`. */
export function pictureSize(
  map: { width: number; height: number },
  keyRows: number,
  scale: number,
): { width: number; height: number } {
  return {
    width: Math.round(map.width * scale),
    height: Math.round(map.height * scale) + Math.round((headerHeight() + footerHeight(keyRows)) * scale),
  };
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `width` at the first size that
 * allows it; where none does, the smallest size, its last line cut short with an ellipsis.
 */
export function fitLines(
  text: string,
  width: number,
  maxLines: number,
  sizes: readonly number[],
  bold: boolean,
  measure: MeasureText,
): { lines: string[]; size: number } {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const wrap = (size: number): string[] => {
    const lines: string[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      const joined = last === undefined ? word : `${last} ${word}`;
      if (last !== undefined && measure(joined, size, bold) <= width) lines[lines.length - 1] = joined;
      else lines.push(word);
    }
    return lines;
  };
  const fits = (lines: string[], size: number) =>
    lines.length <= maxLines && lines.every((line) => measure(line, size, bold) <= width);
  for (const size of sizes) {
    const lines = wrap(size);
    if (fits(lines, size)) return { lines, size };
  }
  const size = sizes[sizes.length - 1] ?? 10;
  const lines = wrap(size).slice(0, maxLines);
  // The rest of the text goes after the last line, cut at the width with an ellipsis.
  const kept = lines.slice(0, -1);
  const used = kept.reduce((n, line) => n + line.split(' ').length, 0);
  let last = words.slice(used).join(' ');
  while (last.length > 0 && measure(`${last}…`, size, bold) > width) last = last.slice(0, -1).trimEnd();
  return { lines: [...kept, `${last}…`], size };
}

export interface PictureContent {
  /** The map's size on screen, in CSS pixels. */
  map: { width: number; height: number };
  scale: number;
  /** Agency, outlet and date, as the panel's source line says. */
  sourceLine: string;
  headline: string;
  /** Each key entry's text, in the key's order. */
  key: readonly string[];
  credits: string;
}

/** Lays out a picture: the map's place, and every line of text with its font size and baseline. */
export function pictureLayout(content: PictureContent, measure: MeasureText): PictureLayout {
  const { scale } = content;
  const b = PICTURE_BANDS;
  const size = pictureSize(content.map, content.key.length, scale);
  const textWidth = content.map.width - 2 * b.margin;
  const texts: PictureText[] = [];
  const swatches: PictureSwatch[] = [];
  // A line's baseline sits 0.3 of its line height above the line's bottom.
  const baseline = (top: number, line: number) => Math.round((top + line * 0.72) * scale);
  const add = (
    kind: PictureTextKind,
    text: string,
    x: number,
    top: number,
    line: number,
    maxLines: number,
  ) => {
    const bold = kind === 'headline';
    const fitted = fitLines(
      text,
      textWidth - (x - b.margin),
      maxLines,
      PICTURE_FONT_SIZES[kind],
      bold,
      measure,
    );
    fitted.lines.forEach((t, i) =>
      texts.push({
        text: t,
        kind,
        x: Math.round(x * scale),
        y: baseline(top + i * line, line),
        size: fitted.size * scale,
        bold,
      }),
    );
  };
  add('kicker', content.sourceLine, b.margin, b.padTop, b.kickerLine, 1);
  add(
    'headline',
    content.headline,
    b.margin,
    b.padTop + b.kickerLine + b.gap,
    b.headlineLine,
    b.headlineLines,
  );
  const mapTop = Math.round(headerHeight() * scale);
  const mapHeight = Math.round(content.map.height * scale);
  // The footer's tops, in CSS pixels from the map's bottom.
  const footer = (mapTop + mapHeight) / scale + b.padBottom;
  const swatch = 12;
  content.key.forEach((entry, i) => {
    const top = footer + i * b.keyLine;
    swatches.push({
      index: i,
      x: Math.round(b.margin * scale),
      y: Math.round((top + (b.keyLine - swatch) / 2) * scale),
      size: swatch * scale,
    });
    add('key', entry, b.margin + swatch + 8, top, b.keyLine, 1);
  });
  add(
    'credit',
    content.credits,
    b.margin,
    footer + content.key.length * b.keyLine + b.gap,
    b.creditLine,
    b.creditLines,
  );
  return {
    ...size,
    map: { x: 0, y: mapTop, width: size.width, height: mapHeight },
    texts,
    swatches,
  };
}

/** The file name of an atlas's picture, from its article's slug (its id): `<slug>-map.png`. */
export const pictureFileName = (slug: string): string => `${slug}-map.png`;
