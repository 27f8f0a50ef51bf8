import { describe, expect, it } from 'vitest';
import { findDuplicateKeys, findJsonSyntaxError } from './json-syntax';

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

describe('findDuplicateKeys', () => {
  it.each([
    ['{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"b": 4}]}'],
    ['[]'],
    ['"a"'],
    ['{"a\\"": 1, "a": 2}'],
    ['{"x": "\\\\", "y": "\\"}"}'],
  ])('finds no duplicate in %s', (text) => {
    expect(findDuplicateKeys(text)).toEqual([]);
  });

  it('names the object, the key and both places where the key appears', () => {
    const text =
      '{\n  "type": "Feature",\n  "properties": { "name": "A", "name": "B" },\n  "type": "Featur"\n}';
    expect(findDuplicateKeys(text)).toEqual([
      { path: 'properties', key: 'name', line: 3, column: 32, firstLine: 3, firstColumn: 19 },
      { path: '', key: 'type', line: 4, column: 3, firstLine: 2, firstColumn: 3 },
    ]);
  });

  it('follows array indices and nested paths', () => {
    const text = '{"features": [{}, {"geometry": {"coordinates": [[1, 2], {"k": 1, "k": 2}]}}]}';
    expect(findDuplicateKeys(text)).toEqual([
      {
        path: 'features[1].geometry.coordinates[1]',
        key: 'k',
        line: 1,
        column: 66,
        firstLine: 1,
        firstColumn: 58,
      },
    ]);
  });

  it('treats escaped and literal spellings of a key as the same key', () => {
    expect(findDuplicateKeys('{"a": 1, "\\u0061": 2, "a": 3}')).toEqual([
      { path: '', key: 'a', line: 1, column: 10, firstLine: 1, firstColumn: 2 },
      { path: '', key: 'a', line: 1, column: 23, firstLine: 1, firstColumn: 2 },
    ]);
  });

  it('does not take string values that look like keys for keys', () => {
    expect(findDuplicateKeys('{"a": "a", "b": ["a", "a"], "c": {"a": "b", "b": "a"}}')).toEqual([]);
  });

  it('stops quietly on broken text and never overflows the stack on deep nesting', () => {
    expect(findDuplicateKeys('{"a": 1, "a": "unterminated')).toEqual([
      { path: '', key: 'a', line: 1, column: 10, firstLine: 1, firstColumn: 2 },
    ]);
    expect(findDuplicateKeys('}}]]{"a": ')).toEqual([]);
    const deep = '['.repeat(200_000) + '{"a": 1, "a": 2}' + ']'.repeat(200_000);
    expect(findDuplicateKeys(deep)).toEqual([
      {
        path: '[0]'.repeat(199_999) + '[0]',
        key: 'a',
        line: 1,
        column: 200_010,
        firstLine: 1,
        firstColumn: 200_002,
      },
    ]);
  });
});

describe('findJsonSyntaxError on hostile nesting', () => {
  it('refuses nesting deeper than MAX_DEPTH with an issue instead of overflowing the stack', () => {
    const text = '['.repeat(50_000);
    expect(findJsonSyntaxError(text)).toEqual({
      offset: 1000,
      line: 1,
      column: 1001,
      message: 'arrays or objects are nested more than 1000 levels deep',
    });
  });
});
