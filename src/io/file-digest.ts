/**
 * A file's digest: the first 128 bits of the SHA-256 of its text's UTF-8 bytes, hex (32
 * characters), by Web Crypto (the browser's, and Node's for the build). 128 bits are plenty to
 * tell a file from the one the build validated (finding another text with the same digest is out
 * of reach) at half the bytes of the whole hash in the page's code. `undefined` where there is no
 * Web Crypto: a browser offers it only to a secure context (HTTPS or localhost), not to a page
 * served over plain HTTP.
 */
export async function fileDigest(text: string): Promise<string | undefined> {
  const subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const hash = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
    return Array.from(hash.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}
