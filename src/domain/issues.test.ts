import { describe, expect, it } from 'vitest';
import { shorten } from './issues';
import { describeFound } from './json-reader';

describe('describeFound', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [[], 'an empty array'],
    [[1, 2], 'an array'],
    [{ lon: 1 }, 'an object'],
    ['3', 'the text "3"'],
    ['two\n  lines', 'the text "two lines"'],
    ['x'.repeat(60), `the text "${'x'.repeat(39)}…"`],
    [3, 'the number 3'],
    [-1.5, 'the number -1.5'],
    [Number.POSITIVE_INFINITY, 'a number too large to use'],
    [Number.NEGATIVE_INFINITY, 'a number too large to use'],
    [Number.NaN, 'NaN'],
    [true, 'true'],
    [false, 'false'],
  ])('names %j as %j', (value, expected) => {
    expect(describeFound(value)).toBe(expected);
  });
});

describe('shorten', () => {
  it('puts a text on one line and cuts it to the limit with an ellipsis', () => {
    expect(shorten('a  b\n c', 40)).toBe('a b c');
    expect(shorten('abcdefgh', 5)).toBe('abcd…');
  });

  it('counts and cuts by characters, never splitting one outside the BMP', () => {
    expect(shorten('😀😀😀😀😀', 5)).toBe('😀😀😀😀😀');
    expect(shorten('😀😀😀😀😀😀', 5)).toBe('😀😀😀😀…');
  });
});
