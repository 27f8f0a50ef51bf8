// wawoff2 ships no types: the one function the social card uses (Google's woff2 decoder, as wasm).
declare module 'wawoff2/decompress.js' {
  /** The TrueType/OpenType font inside a WOFF2 file. */
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
