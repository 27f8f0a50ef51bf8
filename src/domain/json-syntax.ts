import { IssueList, type Issue } from './issues';
import { childPath, withoutByteOrderMark } from './json-reader';

/** Deeper nesting than this is refused: no real data set needs it, and recursion has limits. */
export const MAX_DEPTH = 1000;

export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot be JSON. */
  offset: number;
  /** 1-based line and column of that character. */
  line: number;
  column: number;
  message: string;
}

/**
 * Parses JSON text as RFC 8259 lets a reader: a leading byte order mark is ignored (JSON.parse
 * does not ignore it). On failure, a message that names the line and column of the first error.
 * `body` is the text without the mark, for scanners that read the text again.
 */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown; body: string } | { ok: false; message: string } {
  const body = withoutByteOrderMark(text);
  try {
    return { ok: true, value: JSON.parse(body) as unknown, body };
  } catch {
    if (/^[ \t\n\r]*$/.test(body)) return { ok: false, message: 'not valid JSON: the file is empty' };
    const error = findJsonSyntaxError(body);
    return {
      ok: false,
      message: error
        ? `not valid JSON: line ${error.line}, column ${error.column}: ${error.message}`
        : 'not valid JSON',
    };
  }
}

/** Parses JSON text (a byte order mark is ignored); a syntax error becomes an issue naming the line and column. */
export function parseJson(text: string, file: string): { value?: unknown; issues: Issue[] } {
  const parsed = parseJsonText(text);
  if (parsed.ok) return { value: parsed.value, issues: [] };
  const issues = new IssueList(file);
  issues.error('not-json', '', parsed.message);
  return { issues: issues.items };
}

/**
 * Finds where JSON text first goes wrong, with a message a person can act on. `JSON.parse` says
 * that a text is broken but, in some engines, not where; this scanner follows RFC 8259's grammar
 * and stops at the first character that cannot be there.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string): never => {
    throw new ScanError(i, message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const found = () => (i >= text.length ? 'the file ends too early' : `unexpected '${text[i]}'`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`${found()}: expected a value`);
  };
  const string = () => {
    i += 1; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`unknown escape "\\${next ?? ''}" in a string`);
      } else if (c < ' ') fail('a control character (such as a line break) inside a string');
      else i += 1;
    }
    fail('the file ends inside a string');
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`${found()}: expected a value`);
    i += match![0].length;
  };
  let depth = 0;
  const value = (): void => {
    ws();
    const c = text[i];
    // Each level is a call: a hostile file of deep nesting must end in an issue, not a stack overflow.
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) {
      fail(`arrays or objects are nested more than ${MAX_DEPTH} levels deep`);
    }
    if (c === '{' || c === '[') {
      depth += 1;
      if (c === '{') object();
      else array();
      depth -= 1;
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`${found()}: expected a value`);
  };
  const object = () => {
    i += 1;
    ws();
    if (text[i] === '}') {
      i += 1;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`${found()}: expected a property name in double quotes`);
      string();
      ws();
      if (text[i] !== ':') fail(`${found()}: expected ":" after a property name`);
      i += 1;
      value();
      ws();
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === '}') {
        i += 1;
        return;
      }
      fail(`${found()}: expected "," or "}" in an object`);
    }
  };
  const array = () => {
    i += 1;
    ws();
    if (text[i] === ']') {
      i += 1;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === ']') {
        i += 1;
        return;
      }
      fail(`${found()}: expected "," or "]" in an array`);
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    if (i < text.length) fail(`${found()} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    const { line, column } = lineColumns(text, [error.offset]).get(error.offset)!;
    return { offset: error.offset, line, column, message: error.message };
  }
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** A key that one JSON object holds twice. */
export interface DuplicateKey {
  /** JSON path of the object that holds the key twice, `` for the top-level object. */
  path: string;
  /** The key, decoded (`"\u0061"` and `"a"` are the same key). */
  key: string;
  /** 1-based line and column of the key's opening quote where it appears again. */
  line: number;
  column: number;
  /** Where the key first appears in the same object. */
  firstLine: number;
  firstColumn: number;
}

/** 1-based line and column of each offset, in one pass over the text. */
function lineColumns(
  text: string,
  offsets: readonly number[],
): Map<number, { line: number; column: number }> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const positions = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const offset of sorted) {
    for (; i < offset; i += 1) {
      if (text.charCodeAt(i) === 10) {
        line += 1;
        lineStart = i + 1;
      }
    }
    positions.set(offset, { line, column: offset - lineStart + 1 });
  }
  return positions;
}

interface Container {
  path: string;
  /** For an object: each key seen so far and the offset of its first appearance. */
  keys: Map<string, number> | null;
  /** For an object: the key whose value comes next; for an array: the index of the next element. */
  key: string;
  index: number;
  expectKey: boolean;
}

/**
 * Finds the keys that an object holds more than once. `JSON.parse` keeps the last value without a
 * word, so a file with `"name"` twice silently loses data. Meant for text that `JSON.parse` accepts;
 * on broken text it returns what it found before the text stopped making sense, and never throws.
 * Iterative, so that deeply nested arrays cannot overflow the stack.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: { path: string; key: string; offset: number; first: number }[] = [];
  const stack: Container[] = [];
  const childOf = (parent: Container | undefined): string =>
    parent === undefined
      ? ''
      : parent.keys
        ? childPath(parent.path, parent.key)
        : childPath(parent.path, parent.index);
  /** Offset just after the closing quote of the string that opens at `start`, or -1. */
  const endOfString = (start: number): number => {
    let j = start + 1;
    for (;;) {
      const quote = text.indexOf('"', j);
      if (quote < 0) return -1;
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
      if (backslashes % 2 === 0) return quote + 1;
      j = quote + 1;
    }
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22) {
      // a string: an object key, or a value
      const end = endOfString(i);
      if (end < 0) break;
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i, end);
        let key = raw.slice(1, -1);
        if (key.includes('\\')) {
          try {
            key = JSON.parse(raw) as string;
          } catch {
            break;
          }
        }
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, i);
        else found.push({ path: top.path, key, offset: i, first });
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      stack.push({
        path: childOf(top),
        keys: c === 0x7b ? new Map() : null,
        key: '',
        index: 0,
        expectKey: c === 0x7b,
      });
      i += 1;
    } else if (c === 0x7d || c === 0x5d) {
      // } or ]
      stack.pop();
      i += 1;
    } else if (c === 0x2c) {
      // ,
      if (top?.keys) top.expectKey = true;
      else if (top) top.index += 1;
      i += 1;
    } else {
      i += 1; // whitespace, ':', numbers and literals hold no key
    }
  }
  const positions = lineColumns(
    text,
    found.flatMap((d) => [d.offset, d.first]),
  );
  return found.map(({ path, key, offset, first }) => {
    const at = positions.get(offset)!;
    const firstAt = positions.get(first)!;
    return {
      path,
      key,
      line: at.line,
      column: at.column,
      firstLine: firstAt.line,
      firstColumn: firstAt.column,
    };
  });
}
