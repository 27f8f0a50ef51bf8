import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas, AtlasIndexEntry } from '../src/domain/types';
import { checkAtlases } from './check-atlases';
import { ROOT } from './node-data';
import { socialCardPng, socialCardSvg } from './social-card';
import { atlasPageHtml, socialCardFile, socialCardTags } from './vite-plugin-prerender';

let cyprus: { entry: AtlasIndexEntry; atlas: Atlas };

beforeAll(async () => {
  const found = (await checkAtlases(`${ROOT}/data`)).atlases.find(
    (a) => a.entry.id === 'cyprus-reunification-talks',
  );
  if (!found?.atlas) throw new Error('the Cyprus atlas did not load');
  cyprus = { entry: found.entry, atlas: found.atlas };
});

/** The Cyprus atlas with a headline and summary that hold markup and quotes. */
const withText = (headline: string, summary: string): Atlas => ({
  ...cyprus.atlas,
  article: { ...cyprus.atlas.article, headline, summary },
});

describe('socialCardTags', () => {
  it('writes the Open Graph and Twitter card tags, the text escaped as attribute values', () => {
    const atlas = withText('Talks "resume" <b>&</b> more', "The island's <two> sides");
    expect(socialCardTags(atlas, 'https://atlas.example.org/social/cyprus.png')).toBe(
      [
        '    <meta property="og:type" content="article" />',
        '    <meta property="og:title" content="Talks &quot;resume&quot; &lt;b&gt;&amp;&lt;/b&gt; more" />',
        `    <meta property="og:description" content="The island's &lt;two&gt; sides" />`,
        '    <meta property="og:image" content="https://atlas.example.org/social/cyprus.png" />',
        '    <meta property="og:image:width" content="1200" />',
        '    <meta property="og:image:height" content="630" />',
        '    <meta property="og:image:alt" content="Map: Talks &quot;resume&quot; &lt;b&gt;&amp;&lt;/b&gt; more" />',
        '    <meta name="twitter:card" content="summary_large_image" />',
        '    <meta name="twitter:title" content="Talks &quot;resume&quot; &lt;b&gt;&amp;&lt;/b&gt; more" />',
        `    <meta name="twitter:description" content="The island's &lt;two&gt; sides" />`,
        '    <meta name="twitter:image" content="https://atlas.example.org/social/cyprus.png" />',
      ].join('\n'),
    );
  });
});

describe('atlasPageHtml with a social card', () => {
  const template = [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta name="description" content="x" />',
    '    <title>Article Atlas</title>',
    '  </head>',
    '  <body><section id="panel" class="article-panel"></section><div id="map"></div></body>',
    '</html>',
  ].join('\n');
  const page = () => ({
    entry: cyprus.entry,
    atlas: withText('Cyprus talks', 'Two sides'),
    isDefault: false,
    title: '<title>Cyprus talks · Article Atlas</title>',
    description: '<meta name="description" content="Two sides">',
    panel: '<section id="panel"></section>',
    styleAttributes: [],
  });

  it('puts the tags after the description, naming the card by the path given', () => {
    const html = atlasPageHtml(template, page(), cyprus.entry, {
      socialImage: `/${socialCardFile(cyprus.entry.id)}`,
    });
    const head = html.slice(html.indexOf('<head>'), html.indexOf('<title>'));
    expect(head.split('\n').map((line) => line.trim())).toEqual([
      '<head>',
      '<meta name="description" content="Two sides">',
      '<meta property="og:type" content="article" />',
      '<meta property="og:title" content="Cyprus talks" />',
      '<meta property="og:description" content="Two sides" />',
      '<meta property="og:image" content="/social/cyprus-reunification-talks.png" />',
      '<meta property="og:image:width" content="1200" />',
      '<meta property="og:image:height" content="630" />',
      '<meta property="og:image:alt" content="Map: Cyprus talks" />',
      '<meta name="twitter:card" content="summary_large_image" />',
      '<meta name="twitter:title" content="Cyprus talks" />',
      '<meta name="twitter:description" content="Two sides" />',
      '<meta name="twitter:image" content="/social/cyprus-reunification-talks.png" />',
      '',
    ]);
  });

  it('writes no card tags without a card (the dev server)', () => {
    expect(atlasPageHtml(template, page(), cyprus.entry)).not.toContain('og:');
  });
});

describe('the social card', () => {
  it('draws the source line, the headline, the credits and every side’s name of the disputed places', () => {
    const svg = socialCardSvg(cyprus.atlas);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"')).toBe(true);
    for (const text of [
      'VOA News · Voice of America',
      'Cyprus Reunification Talks to Resume',
      'Map data: Natural Earth (public domain) · GeoNames (CC BY 4.0)',
      'Northern Cyprus',
      'Kuzey Kıbrıs',
      'Λευκωσία',
    ])
      expect(svg).toContain(text);
  });

  it('is a 1200x630 PNG', async () => {
    const png = PNG.sync.read(Buffer.from(await socialCardPng(cyprus.atlas)));
    expect([png.width, png.height]).toEqual([1200, 630]);
  });
});
