// What the page's first screen needs of the JSON readers, apart from the validator (json-reader.ts
// re-exports both): the validator loads only for a file the build did not validate.

/** The text without a leading byte order mark, which RFC 8259 lets a JSON reader ignore and JSON.parse does not. */
export const withoutByteOrderMark = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/** An id in lower-case kebab case (`nagorno-karabakh`): safe in URLs, element ids and file names. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
