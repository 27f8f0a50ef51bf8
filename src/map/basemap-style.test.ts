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
  tilesUrl: 'http://127.0.0.1/basemap/tiles/{z}/{x}/{y}.pbf',
  labelsUrl: 'http://127.0.0.1/basemap/labels.geojson',
  fontFaces,
  focusCountries: ['AM', 'AZ'],
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

  it('reads only the embedded vector tiles (to their last zoom), attributed to Natural Earth, and labels', () => {
    expect(style.sources).toEqual({
      [BASEMAP_SOURCE.tiles]: {
        type: 'vector',
        tiles: ['http://127.0.0.1/basemap/tiles/{z}/{x}/{y}.pbf'],
        maxzoom: 6,
        attribution: 'Natural Earth',
      },
      [BASEMAP_SOURCE.labels]: {
        type: 'geojson',
        data: 'http://127.0.0.1/basemap/labels.geojson',
        maxzoom: 12,
        promoteId: 'id',
      },
    });
  });

  it('stacks the land, its coast, borders and disputed lines, then labels', () => {
    expect(style.layers.map((l) => l.id)).toEqual([
      'background',
      'basemap-land',
      'basemap-coast',
      'basemap-border-casing',
      'basemap-border',
      'basemap-disputed',
      'basemap-label-sea',
      'basemap-label-country',
      'basemap-label-region',
      'basemap-label-party-region',
      'basemap-label-party-country',
    ]);
    const fromTiles = style.layers.filter((l) => 'source' in l && l.source === BASEMAP_SOURCE.tiles);
    expect(fromTiles.map((l) => ('source-layer' in l ? l['source-layer'] : ''))).toEqual([
      'land',
      'coast',
      'border',
      'border',
      'disputed',
    ]);
  });

  it('draws the disputed lines dashed, in the border colour, with no casing', () => {
    const disputed = style.layers.find((l) => l.id === 'basemap-disputed');
    expect(disputed?.type === 'line' && disputed.paint).toEqual({
      'line-color': LOCATOR_THEME.border,
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1, 12, 2.2],
      'line-dasharray': [3, 2],
    });
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
      // A party's label shows wherever the layer does; another from its own first zoom.
      const until = ['<', ['zoom'], ['get', 'until']];
      expect(party.filter).toEqual([
        'all',
        ['==', ['get', 'kind'], kind],
        isParty,
        ['>=', ['zoom'], ['get', 'from']],
        until,
      ]);
      expect(other.filter).toEqual([
        'all',
        ['==', ['get', 'kind'], kind],
        ['!', isParty],
        ['>=', ['zoom'], ['get', 'minzoom']],
        until,
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

  it('paints focus countries, by ISO code, lighter than the other land', () => {
    const land = style.layers.find((l) => l.id === 'basemap-land');
    expect(land?.paint).toEqual({
      'fill-color': ['match', ['get', 'country'], ['AM', 'AZ'], LOCATOR_THEME.landFocus, LOCATOR_THEME.land],
      'fill-antialias': false,
    });
  });

  it('uses a plain land colour when there is no focus', () => {
    const plain = buildBasemapStyle({ tilesUrl: 't/{z}/{x}/{y}.pbf', labelsUrl: 'l', fontFaces });
    const land = plain.layers.find((l) => l.id === 'basemap-land');
    expect(land?.paint?.['fill-color' as keyof typeof land.paint]).toBe(LOCATOR_THEME.land);
  });
});
