export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot be JSON. */
  offset: number;
  /** 1-based line and column of that character. */
  line: number;
  column: number;
  message: string;
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
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
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
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
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
