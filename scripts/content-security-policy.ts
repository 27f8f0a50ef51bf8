import { createHash } from 'node:crypto';

/** The CSP source that allows one inline script or style attribute, exactly this text, and no other. */
export const sourceHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline parts a page carries, each allowed by its hash. */
export interface InlineSources {
  /** The texts of the page's inline scripts. */
  scripts?: readonly string[];
  /** The values of the style attributes in the page's markup (the prerendered panel's, for example). */
  styleAttributes?: readonly string[];
}

/**
 * The production page's Content-Security-Policy: everything from the page's own origin, no inline
 * script or style but those the page names (by their hash: style attributes through
 * 'unsafe-hashes', which allows exactly the values hashed), no plugins, no base rewriting. A
 * remote basemap style, when one is configured at build time, adds its origin to connect-src (and
 * to img-src for its sprites) and nothing else.
 */
export function contentSecurityPolicy(remoteStyleUrl?: string, inline: InlineSources = {}): string {
  const remote = remoteStyleUrl ? ` ${new URL(remoteStyleUrl).origin}` : '';
  const attributes = [...new Set(inline.styleAttributes ?? [])];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(inline.scripts ?? []).map(sourceHash)].join(' '),
    "worker-src 'self'",
    [
      "style-src 'self'",
      ...(attributes.length ? ["'unsafe-hashes'", ...attributes.map(sourceHash)] : []),
    ].join(' '),
    `img-src 'self' data: blob:${remote}`,
    "font-src 'self'",
    // blob: the map reads an opened file's features from blob URLs the page made of the import
    // worker's text (src/map/imported-layers.ts), so that no large collection is copied to it.
    `connect-src 'self' blob:${remote}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}
