import { describe, expect, it } from 'vitest';
import { pageAtlasId } from './page-atlas';

const page = (dataset: Record<string, string>) => ({ dataset });

describe('pageAtlasId', () => {
  it('is the atlas the page was built for', () => {
    expect(pageAtlasId('', page({ atlas: 'cyprus-reunification-talks' }))).toBe('cyprus-reunification-talks');
  });

  it('is the link’s ?atlas= when it names one, on any page', () => {
    expect(pageAtlasId('?atlas=beta', page({ atlas: 'alpha' }))).toBe('beta');
    expect(pageAtlasId('?x=1&atlas=nope', page({ atlas: 'alpha', atlasDefault: '' }))).toBe('nope');
    expect(pageAtlasId('?atlas=', page({ atlas: 'alpha' }))).toBe('');
  });

  it('is null (the index’s default) on the default atlas’s page and on a page that names none', () => {
    expect(pageAtlasId('', page({ atlas: 'alpha', atlasDefault: '' }))).toBeNull();
    expect(pageAtlasId('?x=1', page({}))).toBeNull();
  });
});
