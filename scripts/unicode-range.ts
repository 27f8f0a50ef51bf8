/** A closed range of Unicode code points, `from` to `to` inclusive. */
export interface CodePointRange {
  from: number;
  to: number;
}

const RANGE = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i;

/**
 * Reads a CSS `unicode-range` value (`U+0400-045F,U+2116`, `U+4??`) into code point ranges, as
 * the font packages declare them. Throws on anything else: the values come from the packages, and
 * a value that cannot be read is a programmer's error, not a reader's.
 */
export function parseUnicodeRange(value: string): CodePointRange[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = RANGE.exec(part);
      const [, start, end] = match ?? [];
      if (start === undefined || (end !== undefined && start.includes('?'))) {
        throw new Error(`not a unicode-range: "${part}" in "${value}"`);
      }
      if (start.includes('?')) {
        return {
          from: Number.parseInt(start.replace(/\?/g, '0'), 16),
          to: Number.parseInt(start.replace(/\?/g, 'F'), 16),
        };
      }
      const from = Number.parseInt(start, 16);
      return { from, to: end === undefined ? from : Number.parseInt(end, 16) };
    });
}

/** Whether one of `ranges` holds the code point. */
export const coversCodePoint = (ranges: readonly CodePointRange[], codePoint: number): boolean =>
  ranges.some((r) => codePoint >= r.from && codePoint <= r.to);
