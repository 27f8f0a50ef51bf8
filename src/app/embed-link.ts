/** The query key that asks for the embedded page: `?embed=1`. */
export const EMBED_KEY = 'embed';

/** The message the embedded page sends its host whenever its height changes. */
export interface EmbedHeightMessage {
  type: 'article-atlas:height';
  /** The page's height in CSS pixels, whole. */
  height: number;
}

/**
 * The link to the full atlas for the page at `href`: the same atlas, place, view, dates and names
 * (the query's other keys and the hash as they are), without `embed`. Also the link "Copy link"
 * copies, from the full page or from an embed.
 */
export function fullAtlasUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(EMBED_KEY);
  return url.href;
}

/** Whether a page's query asks for the embedded page. */
export const isEmbed = (search: string): boolean => new URLSearchParams(search).get(EMBED_KEY) === '1';

export const heightMessage = (height: number): EmbedHeightMessage => ({
  type: 'article-atlas:height',
  height: Math.ceil(height),
});
