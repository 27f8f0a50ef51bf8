import type { IssueList } from './issues';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `a.b`, `a[3]`: the JSON path of a child, as the validator reports it. */
export const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
};

/** An id in lower-case kebab case (`nagorno-karabakh`): safe in URLs, element ids and file names. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

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
    issues.error('wrong-type', path, `expected an object, found ${describe(value)}`);
    return undefined;
  }

  at(key: string): string {
    return childPath(this.path, key);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  private missing(key: string, optional: boolean): boolean {
    if (this.value[key] !== undefined) return false;
    if (!optional) this.issues.error('missing-field', this.at(key), `required field "${key}" is missing`);
    return true;
  }

  string(key: string, options: { optional?: boolean } = {}): string | undefined {
    if (this.missing(key, options.optional ?? false)) return undefined;
    const value = this.value[key];
    if (typeof value !== 'string') {
      this.issues.error('wrong-type', this.at(key), `expected a string, found ${describe(value)}`);
      return undefined;
    }
    if (value.trim() === '') {
      this.issues.error('empty-string', this.at(key), `"${key}" must not be empty`);
      return undefined;
    }
    return value;
  }

  /** A string or null; a missing field counts as null only when `optional`. */
  nullableString(key: string, options: { optional?: boolean } = {}): string | null | undefined {
    if (this.value[key] === null) return null;
    if (this.missing(key, options.optional ?? false)) return options.optional ? null : undefined;
    return this.string(key);
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

  number(
    key: string,
    options: { integer?: boolean; min?: number; optional?: boolean } = {},
  ): number | undefined {
    if (this.missing(key, options.optional ?? false)) return undefined;
    const value = this.value[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.issues.error('wrong-type', this.at(key), `expected a number, found ${describe(value)}`);
      return undefined;
    }
    if (options.integer && !Number.isInteger(value)) {
      this.issues.error('wrong-type', this.at(key), `expected a whole number, found ${value}`);
      return undefined;
    }
    if (options.min !== undefined && value < options.min) {
      this.issues.error('out-of-range', this.at(key), `must be at least ${options.min}, found ${value}`);
      return undefined;
    }
    return value;
  }

  boolean(key: string, options: { optional?: boolean } = {}): boolean | undefined {
    if (this.missing(key, options.optional ?? false)) return undefined;
    const value = this.value[key];
    if (typeof value !== 'boolean') {
      this.issues.error('wrong-type', this.at(key), `expected true or false, found ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.issues.error(
        'bad-value',
        this.at(key),
        `"${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
      );
      return undefined;
    }
    return value as T;
  }

  object(key: string, options: { optional?: boolean } = {}): FieldReader | undefined {
    if (this.missing(key, options.optional ?? false)) return undefined;
    return FieldReader.of(this.issues, this.value[key], this.at(key));
  }

  /** Each element of an array field, with its path; an issue when it is not an array. */
  array(
    key: string,
    options: { optional?: boolean; nonEmpty?: boolean } = {},
  ): { value: unknown; path: string }[] {
    if (this.missing(key, options.optional ?? false)) return [];
    const value = this.value[key];
    if (!Array.isArray(value)) {
      this.issues.error('wrong-type', this.at(key), `expected an array, found ${describe(value)}`);
      return [];
    }
    if (options.nonEmpty && value.length === 0) {
      this.issues.error('empty-array', this.at(key), `"${key}" must not be empty`);
    }
    return value.map((item, i) => ({ value: item, path: childPath(this.at(key), i) }));
  }
}
