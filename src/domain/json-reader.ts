import { shorten, type IssueList } from './issues';
import { KEBAB_ID } from './json-text';

export { KEBAB_ID, withoutByteOrderMark } from './json-text';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A value read from a file as every message names it after "found" (`found the text "3"`, `found
 * null`, `found an array`), and as the subject of a sentence: the one wording of the validator and
 * the importer alike.
 */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(shorten(value))}`;
    case 'number':
      // JSON.parse reads a number too large for a double (1e999) as Infinity; JSON cannot hold NaN.
      if (Number.isNaN(value)) return 'NaN';
      return Number.isFinite(value) ? `the number ${value}` : 'a number too large to use';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/**
 * `value` with the keys of each of its objects in the order `written` gives them (keys `written`
 * lacks after, in their own order), arrays matched by index. The validator builds its objects
 * field by field; this gives them back the file's order, so that what is written from them (the
 * export) keeps the editors' order, and a file the build validated is its JSON as parsed.
 */
export function inWrittenOrder<T>(value: T, written: unknown): T {
  if (Array.isArray(value)) {
    if (!Array.isArray(written)) return value;
    // The same type as `value`: only the order of keys inside changes.
    return value.map((item: unknown, i) => inWrittenOrder(item, written[i])) as T;
  }
  if (!isObject(value) || !isObject(written)) return value;
  const ordered: JsonObject = {};
  for (const key of Object.keys(written))
    if (key in value) ordered[key] = inWrittenOrder(value[key], written[key]);
  for (const key of Object.keys(value)) if (!(key in ordered)) ordered[key] = value[key];
  return ordered as T;
}

/** `a.b`, `a[3]`: the JSON path of a child, as the validator reports it. */
export const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether `value` is one of the `allowed` values (an `as const` list such as FACT_KINDS). */
export const isOneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
  allowed.some((a) => a === value);

/** Marks an optional field that a record leaves out; `undefined` marks a field that could not be read. */
export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

/** The keys that T may leave out. */
type OptionalKey<T> = { [K in keyof T]-?: Pick<T, K> extends Required<Pick<T, K>> ? never : K }[keyof T];

/**
 * What a reader gathers for a record of type T before it knows whether the record is whole: every
 * key of T, optional ones too, each holding the value read, `undefined` where it could not be read
 * (the issue is already listed), or, for an optional field the record leaves out, ABSENT. Since no
 * key may be left out, a field added to T that no reader reads fails to compile.
 */
export type Reading<T> = {
  // Over Required<T>, not `-?`: `-?` would take `undefined` out of the fields' types again.
  [K in keyof Required<T>]: Required<T>[K] | undefined | (K extends OptionalKey<T> ? Absent : never);
};

/** True when no field of the reading is undefined; the ABSENT fields are then taken out of it. */
function isWhole<T>(reading: Reading<T>): reading is Reading<T> & T {
  const fields = Object.entries(reading);
  if (fields.some(([, value]) => value === undefined)) return false;
  for (const [key, value] of fields) if (value === ABSENT) Reflect.deleteProperty(reading, key);
  return true;
}

/**
 * The record, when every field was read (nested records and lists are completed first, with
 * `complete` and `everyRead`); undefined otherwise. Give T explicitly (`complete<Fact>({...})`):
 * the reading is then checked against every field of T. Takes the reading over: pass a fresh object.
 */
export function complete<T>(reading: Reading<T>): T | undefined {
  return isWhole(reading) ? reading : undefined;
}

/** The list, when every item was read; undefined when any was not. */
export function everyRead<T>(items: (T | undefined)[]): T[] | undefined {
  return items.every((item): item is T => item !== undefined) ? items : undefined;
}

/**
 * Reads typed fields out of an unknown JSON object, recording an issue for each field that is
 * missing or of the wrong type and returning `undefined` for it, so that validation goes on.
 */
export class FieldReader {
  constructor(
    private readonly issues: IssueList,
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  /** A reader for `value` at `path`, or undefined (with an issue) when it is not an object. */
  static of(issues: IssueList, value: unknown, path: string): FieldReader | undefined {
    if (isObject(value)) return new FieldReader(issues, value, path);
    issues.error('wrong-type', path, `expected an object, found ${describeFound(value)}`);
    return undefined;
  }

  at(key: string): string {
    return childPath(this.path, key);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  /** An optional field: `read(key)` when the record has it, ABSENT when it leaves it out. */
  optional<V>(key: string, read: (key: string) => V): V | Absent {
    return this.has(key) ? read(key) : ABSENT;
  }

  private missing(key: string): boolean {
    if (this.value[key] !== undefined) return false;
    this.issues.error('missing-field', this.at(key), `required field "${key}" is missing`);
    return true;
  }

  private wrongType(key: string, expected: string): undefined {
    this.issues.error(
      'wrong-type',
      this.at(key),
      `expected ${expected}, found ${describeFound(this.value[key])}`,
    );
    return undefined;
  }

  /** A non-empty string; `emptyAllowed` lets a draft leave it "" (a review note then says so). */
  string(key: string, options: { emptyAllowed?: boolean } = {}): string | undefined {
    if (this.missing(key)) return undefined;
    const value = this.value[key];
    if (typeof value !== 'string') return this.wrongType(key, 'a string');
    if (value === '' && options.emptyAllowed) return value;
    if (value.trim() === '') {
      this.issues.error('empty-string', this.at(key), `"${key}" must not be empty`);
      return undefined;
    }
    return value;
  }

  /** A string or null. */
  nullableString(key: string): string | null | undefined {
    return this.value[key] === null ? null : this.string(key);
  }

  id(key: string): string | undefined {
    const value = this.string(key);
    if (value !== undefined && !KEBAB_ID.test(value)) {
      this.issues.error(
        'bad-id',
        this.at(key),
        `id "${value}" must be kebab-case (a-z, 0-9, single hyphens)`,
      );
      return undefined;
    }
    return value;
  }

  number(key: string, options: { integer?: boolean; min?: number } = {}): number | undefined {
    if (this.missing(key)) return undefined;
    const value = this.value[key];
    if (!isFiniteNumber(value)) return this.wrongType(key, 'a number');
    if (options.integer && !Number.isInteger(value)) return this.wrongType(key, 'a whole number');
    if (options.min !== undefined && value < options.min) {
      this.issues.error(
        'out-of-range',
        this.at(key),
        `must be at least ${options.min}, found ${describeFound(value)}`,
      );
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (this.missing(key)) return undefined;
    const value = this.value[key];
    return typeof value === 'boolean' ? value : this.wrongType(key, 'true or false');
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || isOneOf(allowed, value)) return value;
    this.issues.error(
      'bad-value',
      this.at(key),
      `"${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
    );
    return undefined;
  }

  object(key: string): FieldReader | undefined {
    if (this.missing(key)) return undefined;
    return FieldReader.of(this.issues, this.value[key], this.at(key));
  }

  /** Each element of an array field, with its path; an issue when it is not an array. */
  array(key: string, options: { nonEmpty?: boolean } = {}): { value: unknown; path: string }[] {
    if (this.missing(key)) return [];
    const value = this.value[key];
    if (!Array.isArray(value)) {
      this.wrongType(key, 'an array');
      return [];
    }
    if (options.nonEmpty && value.length === 0) {
      this.issues.error('empty-array', this.at(key), `"${key}" must not be empty`);
    }
    return value.map((item, i) => ({ value: item, path: childPath(this.at(key), i) }));
  }
}
