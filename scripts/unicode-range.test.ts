import { describe, expect, it } from 'vitest';
import { coversCodePoint, parseUnicodeRange } from './unicode-range';

describe('parseUnicodeRange', () => {
  it('reads single code points and ranges, in either case, as the packages write them', () => {
    expect(parseUnicodeRange('U+0301,U+0400-045F, U+2116,U+25ee8')).toEqual([
      { from: 0x301, to: 0x301 },
      { from: 0x400, to: 0x45f },
      { from: 0x2116, to: 0x2116 },
      { from: 0x25ee8, to: 0x25ee8 },
    ]);
  });

  it('reads a wildcard range', () => {
    expect(parseUnicodeRange('U+4??')).toEqual([{ from: 0x400, to: 0x4ff }]);
  });

  it('throws on a value that is not a unicode-range', () => {
    expect(() => parseUnicodeRange('U+0400-045F,0500')).toThrow(
      'not a unicode-range: "0500" in "U+0400-045F,0500"',
    );
    expect(() => parseUnicodeRange('U+4??-4FF')).toThrow('not a unicode-range: "U+4??-4FF"');
  });
});

describe('coversCodePoint', () => {
  const ranges = parseUnicodeRange('U+0400-045F,U+2116');
  it('holds the ends of a range and single points, and nothing beside them', () => {
    expect([0x3ff, 0x400, 0x45f, 0x460, 0x2116, 0x2117].map((cp) => coversCodePoint(ranges, cp))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});
