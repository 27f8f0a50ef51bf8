import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildBasemapStyle, BASEMAP_SOURCE } from './basemap-style';
import { LOCATOR_THEME } from './basemap-theme';
import { FONT } from './font-names';

const fontFaces = {
  [FONT.regular]: [{ url: 'http://127.0.0.1/fonts/r.woff2', 'unicode-range': ['U+0000-00FF'] }],
  [FONT.italic]: [{ url: 'http://127.0.0.1/fonts/i.woff2', 'unicode-range': ['U+0000-00FF'] }],
  [FONT.semibold]: [{ url: 'http://127.0.0.1/fonts/s.woff2', 'unicode-range': ['U+0000-00FF'] }],
};

const style = buildBasemapStyle({
  regionUrl: 'http://127.0.0.1/basemap/region-10m.geojson',
  worldUrl: 'http://127.0.0.1/basemap/world-110m.geojson',
  fontFaces,
  focusCountries: ['Armenia', 'Azerbaijan'],
  partyCountries: ['AZ', 'AM'],
});

describe('buildBasemapStyle', () => {
  it('passes the MapLibre style spec validator with no error', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('has no glyphs URL and draws labels with the self-hosted font faces', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style['font-faces']).toEqual(fontFaces);
    const fonts = new Set(
      style.layers.flatMap((l) => (l.type === 'symbol' ? (l.layout?.['text-font'] as string[]) : [])),
    );
    expect([...fonts].sort()).toEqual([FONT.italic, FONT.regular, FONT.semibold]);
  });

  it('reads only the two embedded GeoJSON files, both attributed to Natural Earth', () => {
    expect(style.sources).toEqual({
      [BASEMAP_SOURCE.world]: {
        type: 'geojson',
        data: 'http://127.0.0.1/basemap/world-110m.geojson',
        attribution: 'Natural Earth',
        tolerance: 0.5,
      },
      [BASEMAP_SOURCE.region]: {
        type: 'geojson',
        data: 'http://127.0.0.1/basemap/region-10m.geojson',
        attribution: 'Natural Earth',
        tolerance: 0.3,
        maxzoom: 12,
        promoteId: 'name',
      },
    });
  });

  it('stacks the world, then the region on its own water, then labels', () => {
    expect(style.layers.map((l) => l.id)).toEqual([
      'background',
      'world-land',
      'world-coast',
      'world-border-casing',
      'world-border',
      'region-sea',
      'region-land',
      'region-coast',
      'region-border-casing',
      'region-border',
      'basemap-label-sea',
      'basemap-label-country',
      'basemap-label-region',
      'basemap-label-party-region',
      'basemap-label-party-country',
    ]);
  });

  it('labels the parties’ land in layers of their own, always placed, never faded, and looking like the others', () => {
    const layer = (id: string) => {
      const found = style.layers.find((l) => l.id === id);
      if (found?.type !== 'symbol') throw new Error(`no symbol layer ${id}`);
      return found;
    };
    const isParty = ['in', ['get', 'country'], ['literal', ['AZ', 'AM']]];
    for (const kind of ['country', 'region']) {
      const party = layer(`basemap-label-party-${kind}`);
      const other = layer(`basemap-label-${kind}`);
      expect(party.filter).toEqual([
        'all',
        ['==', ['get', 'layer'], 'label'],
        ['==', ['get', 'kind'], kind],
        isParty,
      ]);
      expect(other.filter).toEqual([
        'all',
        ['==', ['get', 'layer'], 'label'],
        ['==', ['get', 'kind'], kind],
        ['!', isParty],
      ]);
      expect([party.minzoom, party.maxzoom]).toEqual([other.minzoom, other.maxzoom]);
      expect(party.layout).toEqual({ ...other.layout, 'text-allow-overlap': true });
      // The same paint, without the fading of a label under a marker.
      expect(JSON.stringify(party.paint)).not.toContain('covered');
      expect(JSON.stringify(other.paint)).toContain('covered');
    }
    expect(layer('basemap-label-party-country').paint?.['text-opacity']).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      8,
      1,
      10,
      0.6,
    ]);
  });

  it('paints focus countries lighter than the other land', () => {
    const land = style.layers.find((l) => l.id === 'region-land');
    expect(land?.paint).toEqual({
      'fill-color': [
        'match',
        ['get', 'name'],
        ['Armenia', 'Azerbaijan'],
        LOCATOR_THEME.landFocus,
        LOCATOR_THEME.land,
      ],
      'fill-antialias': false,
    });
  });

  it('uses a plain land colour when there is no focus', () => {
    const plain = buildBasemapStyle({ regionUrl: 'r', worldUrl: 'w', fontFaces });
    const land = plain.layers.find((l) => l.id === 'world-land');
    expect(land?.paint?.['fill-color' as keyof typeof land.paint]).toBe(LOCATOR_THEME.land);
  });
});
