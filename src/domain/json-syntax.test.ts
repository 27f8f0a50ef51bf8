import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}'],
    ['  []  '],
    ['"text"'],
    ['\ufeff{"bom": 1}'],
  ])('finds nothing wrong in valid JSON %s', (text) => {
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  it.each([
    ['', 1, 1, 'the file ends too early: expected a value'],
    ['{"a": 1,}', 1, 9, "unexpected '}': expected a property name in double quotes"],
    ['[1 2]', 1, 4, 'unexpected \'2\': expected "," or "]" in an array'],
    ['{"a": NaN}', 1, 7, "unexpected 'N': expected a value"],
    ['{"a": 01}', 1, 8, 'unexpected \'1\': expected "," or "}" in an object'],
    ['{"a": "x\ny"}', 1, 9, 'a control character (such as a line break) inside a string'],
    ['{"a": "\\x"}', 1, 8, 'unknown escape "\\x" in a string'],
    ['{"a": 1}\n{"b": 2}', 2, 1, "unexpected '{' after the end of the JSON value"],
    ["{'a': 1}", 1, 2, "unexpected ''': expected a property name in double quotes"],
    ['{"a": tru}', 1, 7, "unexpected 't': expected a value"],
  ])('places the error in %j at line %i, column %i', (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });
});
