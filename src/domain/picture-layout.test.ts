import { describe, expect, it } from 'vitest';
import { fitLines, pictureFileName, pictureLayout, pictureSize, type MeasureText } from './picture-layout';

/** Every character half the font size wide; bold ones as wide as the size. */
const measure: MeasureText = (text, size, bold) => text.length * size * (bold ? 1 : 0.5);

describe('pictureSize', () => {
  it('is twice the map, plus 104 CSS pixels above it and 58 + 22 per key row below, at scale 2', () => {
    expect(pictureSize({ width: 920, height: 800 }, 4, 2)).toEqual({
      width: 1840,
      height: 1600 + 2 * (104 + 146),
    });
  });

  it('rounds a fractional map size', () => {
    expect(pictureSize({ width: 375.5, height: 300.25 }, 0, 1)).toEqual({ width: 376, height: 300 + 162 });
  });
});

describe('fitLines', () => {
  it('keeps the first size where the text fits its lines', () => {
    expect(fitLines('one two three', 100, 1, [13, 12], false, measure)).toEqual({
      lines: ['one two three'],
      size: 13,
    });
  });

  it('wraps at word boundaries', () => {
    expect(fitLines('aaaa bbbb cccc', 50, 2, [10], false, measure)).toEqual({
      lines: ['aaaa bbbb', 'cccc'],
      size: 10,
    });
  });

  it('takes a smaller size when the text needs more lines than it has', () => {
    // At 10: 'aaaa bbbb' is 45 wide, 'aaaa bbbb cccc' 70: two lines; at 7 it is 49 wide: one line.
    expect(fitLines('aaaa bbbb cccc', 50, 1, [10, 7], false, measure)).toEqual({
      lines: ['aaaa bbbb cccc'],
      size: 7,
    });
  });

  it('cuts the last line short with an ellipsis where no size fits', () => {
    expect(fitLines('aaaa bbbb cccc dddd', 25, 1, [10], false, measure)).toEqual({
      lines: ['aaaa…'],
      size: 10,
    });
  });

  it('cuts only the last of several lines', () => {
    expect(fitLines('aa bb cc dd ee', 25, 2, [10], false, measure)).toEqual({
      lines: ['aa bb', 'cc d…'],
      size: 10,
    });
  });
});

describe('pictureLayout', () => {
  it('puts the source line and headline above the map, the key and credits below it', () => {
    const layout = pictureLayout(
      {
        map: { width: 400, height: 300 },
        scale: 2,
        sourceLine: 'AP · Example · 1 Dec 2026',
        headline: 'Talks resume',
        key: ['Red dot', 'Blue dot'],
        credits: 'Natural Earth; GeoNames',
      },
      measure,
    );
    expect(layout).toEqual({
      width: 800,
      height: 600 + 2 * (104 + 102),
      map: { x: 0, y: 208, width: 800, height: 600 },
      texts: [
        { text: 'AP · Example · 1 Dec 2026', kind: 'kicker', x: 32, y: 54, size: 26, bold: false },
        { text: 'Talks resume', kind: 'headline', x: 32, y: 112, size: 44, bold: true },
        { text: 'Red dot', kind: 'key', x: 72, y: 864, size: 26, bold: false },
        { text: 'Blue dot', kind: 'key', x: 72, y: 908, size: 26, bold: false },
        { text: 'Natural Earth; GeoNames', kind: 'credit', x: 32, y: 950, size: 22, bold: false },
      ],
      swatches: [
        { index: 0, x: 32, y: 842, size: 24 },
        { index: 1, x: 32, y: 886, size: 24 },
      ],
    });
  });
});

describe('pictureFileName', () => {
  it('names the picture after the atlas', () => {
    expect(pictureFileName('karabakh-peace-talks')).toBe('karabakh-peace-talks-map.png');
  });
});
