import type { Article } from '../../src/domain/types';

/** An article for tests that need one but test nothing of it; `overrides` sets what a test reads. */
export function testArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'test',
    slug: 'test',
    headline: 'A headline',
    outlet: 'An outlet',
    agency: 'An agency',
    published: '2023-09-22',
    dateline: { text: 'Baku, September 22', placeId: 'baku' },
    language: 'en',
    source: { file: 'article.txt', note: 'written for this test' },
    summary: 'A summary.',
    paragraphs: [{ n: 1, line: 1, section: null, opening: 'The opening' }],
    ...overrides,
  };
}
