import type { IssueList } from '../issues';
import { OPENABLE_FORMATS } from './format-issues';

// Every runtime this code runs in has TextDecoder (browsers, their workers, Node), but the domain
// is typechecked without the DOM's declarations: this is the part of it used here.
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

/** How far a file is searched for the NUL bytes that text never has. */
const BINARY_PROBE_BYTES = 8192;

/**
 * Decodes a file's bytes as text: UTF-8 (a byte order mark is dropped), UTF-16 when its byte
 * order mark says so. Bytes that are not UTF-8 are read as Windows-1252 (Latin-1, what older
 * spreadsheets write), with a warning. Undefined, with an error, for a binary file.
 */
export function decodeText(bytes: Uint8Array, fileName: string, issues: IssueList): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
    issues.error(
      'binary-file',
      '',
      `${fileName} is a binary file, not text; the formats that open here are ${OPENABLE_FORMATS}`,
    );
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(body);
    const bad = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(bad, 0)).split('\n').length;
    issues.warning(
      'not-utf8',
      '',
      `the file is not UTF-8 (line ${line} has a byte that UTF-8 cannot read); it was read as Windows-1252 ` +
        '(Latin-1): check its accented letters, or save it as UTF-8 and open it again',
    );
    return new TextDecoder('windows-1252').decode(body);
  }
}
