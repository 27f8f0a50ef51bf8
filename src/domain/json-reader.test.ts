import { describe, expect, it } from 'vitest';
import { IssueList } from './issues';
import { ABSENT, complete, everyRead, FieldReader, inWrittenOrder, type Reading } from './json-reader';
import { PLACE_TYPES } from './types';

interface Sample {
  name: string;
  count: number;
  note?: string;
}

describe('complete', () => {
  it('gives the record when every field was read, without the optional fields it leaves out', () => {
    const record = complete<Sample>({ name: 'a', count: 1, note: ABSENT });
    expect(record).toStrictEqual({ name: 'a', count: 1 });
  });

  it('keeps an optional field the record has', () => {
    expect(complete<Sample>({ name: 'a', count: 1, note: 'n' })).toStrictEqual({
      name: 'a',
      count: 1,
      note: 'n',
    });
  });

  it('gives undefined when a field, required or optional, could not be read', () => {
    expect(complete<Sample>({ name: undefined, count: 1, note: ABSENT })).toBeUndefined();
    expect(complete<Sample>({ name: 'a', count: 1, note: undefined })).toBeUndefined();
  });

  it('checks the reading against every field of the type', () => {
    // @ts-expect-error: `count` is not read.
    const missing: Reading<Sample> = { name: 'a', note: ABSENT };
    // @ts-expect-error: an optional field must be read too, if only as ABSENT.
    const optionalMissing: Reading<Sample> = { name: 'a', count: 1 };
    // @ts-expect-error: a required field cannot be ABSENT.
    const requiredAbsent: Reading<Sample> = { name: ABSENT, count: 1, note: ABSENT };
    expect([missing, optionalMissing, requiredAbsent].length).toBe(3);
  });
});

describe('everyRead', () => {
  it('gives the list when every item was read, undefined otherwise', () => {
    expect(everyRead(['a', 'b'])).toEqual(['a', 'b']);
    expect(everyRead([])).toEqual([]);
    expect(everyRead(['a', undefined])).toBeUndefined();
  });
});

describe('FieldReader', () => {
  const read = (value: Record<string, unknown>) => {
    const issues = new IssueList('f.json');
    return { r: new FieldReader(issues, value, 'x'), issues };
  };

  it('reads an optional field as ABSENT when it is left out, and as undefined when it is wrong', () => {
    const { r, issues } = read({ a: 'text', b: 2 });
    expect(r.optional('a', (k) => r.string(k))).toBe('text');
    expect(r.optional('c', (k) => r.string(k))).toBe(ABSENT);
    expect(r.optional('b', (k) => r.string(k))).toBeUndefined();
    expect(issues.items).toEqual([
      {
        code: 'wrong-type',
        message: 'expected a string, found the number 2',
        severity: 'error',
        file: 'f.json',
        path: 'x.b',
      },
    ]);
  });

  it('words every found value alike', () => {
    const { r, issues } = read({ n: 2.5, m: 0, s: 'yes', o: [] });
    expect(r.number('n', { integer: true })).toBeUndefined();
    expect(r.number('m', { min: 1 })).toBeUndefined();
    expect(r.boolean('s')).toBeUndefined();
    expect(r.object('o')).toBeUndefined();
    expect(issues.items.map((i) => i.message)).toEqual([
      'expected a whole number, found the number 2.5',
      'must be at least 1, found the number 0',
      'expected true or false, found the text "yes"',
      'expected an object, found an empty array',
    ]);
  });

  it('accepts one of the listed values only', () => {
    const { r, issues } = read({ kind: 'city', other: 'town' });
    expect(r.oneOf('kind', PLACE_TYPES)).toBe('city');
    expect(r.oneOf('other', PLACE_TYPES)).toBeUndefined();
    expect(issues.items.map((i) => i.message)).toEqual([
      '"town" is not one of "city", "region", "water", "admin-region"',
    ]);
  });
});

describe('inWrittenOrder', () => {
  it('gives every object the order of keys of the object written, arrays by index, keys it lacks last', () => {
    const built = { id: 'a', paragraph: 3, quote: { text: 'q', speaker: 's' }, list: [{ b: 1, a: 2 }] };
    const written = { quote: { speaker: 's', text: 'q' }, id: 'a', list: [{ a: 2, b: 1 }] };
    expect(JSON.stringify(inWrittenOrder(built, written))).toBe(
      '{"quote":{"speaker":"s","text":"q"},"id":"a","list":[{"a":2,"b":1}],"paragraph":3}',
    );
    // A value whose shape the written one does not share is kept as it is.
    expect(inWrittenOrder([1, 2], { a: 1 })).toEqual([1, 2]);
  });
});
