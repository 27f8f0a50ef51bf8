import { describe, expect, it } from 'vitest';
import { fullAtlasUrl, heightMessage, isEmbed } from './embed-link';

describe('fullAtlasUrl', () => {
  it('keeps the atlas, the place, the view, the dates and the names, and drops embed', () => {
    expect(
      fullAtlasUrl(
        'http://localhost:4173/?embed=1&atlas=cyprus-reunification-talks#place=nicosia&map=7.5/35.1/33.4&when=2023-09-21&names=el',
      ),
    ).toBe(
      'http://localhost:4173/?atlas=cyprus-reunification-talks#place=nicosia&map=7.5/35.1/33.4&when=2023-09-21&names=el',
    );
  });

  it('leaves no empty query where embed was the only key', () => {
    expect(fullAtlasUrl('https://example.org/atlases/cyprus/?embed=1#place=nicosia')).toBe(
      'https://example.org/atlases/cyprus/#place=nicosia',
    );
  });

  it('returns the full page’s link unchanged', () => {
    expect(fullAtlasUrl('https://example.org/#place=baku')).toBe('https://example.org/#place=baku');
  });
});

describe('isEmbed', () => {
  it('is true for embed=1 only', () => {
    expect([isEmbed('?embed=1'), isEmbed('?atlas=x&embed=1'), isEmbed('?embed=0'), isEmbed('')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('heightMessage', () => {
  it('names the message and rounds the height up to a whole pixel', () => {
    expect(heightMessage(400.2)).toEqual({ type: 'article-atlas:height', height: 401 });
  });
});
