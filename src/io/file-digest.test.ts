import { describe, expect, it } from 'vitest';
import { fileDigest } from './file-digest';

describe('fileDigest', () => {
  it('is the first 128 bits of the SHA-256 of the text’s UTF-8 bytes, in hex (FIPS 180-2 "abc"; a text beyond ASCII)', async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a396177a9cb410ff61f20015ad
    expect(await fileDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223');
    // "é" is the two bytes C3 A9 in UTF-8.
    expect(await fileDigest('é')).toBe('4a99557e4033c3539de2eb65472017ca');
  });
});
