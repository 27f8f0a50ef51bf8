import type { Plugin } from 'vite';

/**
 * The production page's Content-Security-Policy: everything from the page's own origin, no inline
 * script or style, no plugins, no base rewriting. A remote basemap style, when one is configured
 * at build time, adds its origin to connect-src (and to img-src for its sprites) and nothing else.
 */
export function contentSecurityPolicy(remoteStyleUrl?: string): string {
  const remote = remoteStyleUrl ? ` ${new URL(remoteStyleUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${remote}`,
    "font-src 'self'",
    `connect-src 'self'${remote}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/**
 * Puts the policy into the built index.html as a meta tag. Only in the build: the dev server
 * injects inline styles for hot reloading, which a strict policy rightly refuses.
 */
export function cspMetaTag(remoteStyleUrl?: string): Plugin {
  return {
    name: 'article-atlas-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(remoteStyleUrl) },
        injectTo: 'head-prepend',
      },
    ],
  };
}
