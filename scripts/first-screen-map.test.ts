import { beforeAll, describe, expect, it } from 'vitest';
import { overlaps } from '../src/domain/first-screen/label-placement';
import {
  firstScreenLabels,
  HATCH_PATTERN_ID,
  type FirstScreenInput,
} from '../src/domain/first-screen/render';
import { loadAtlas } from '../src/domain/load-atlas';
import { LOCATOR_THEME } from '../src/domain/map-look';
import type { Atlas } from '../src/domain/types';
import { DESKTOP_MAP_SIZE, firstScreenInput, firstScreenMap } from './first-screen-map';
import { DATA_ROOT, fileReader } from './node-data';

let seed: Atlas;
let input: FirstScreenInput;
let markup: string;

beforeAll(async () => {
  const load = await loadAtlas(fileReader(DATA_ROOT), { id: 'karabakh-peace-talks' });
  if (!load.atlas) throw new Error('the seed atlas does not load');
  seed = load.atlas;
  input = firstScreenInput(seed, DESKTOP_MAP_SIZE);
  markup = firstScreenMap(seed);
}, 60_000);

/** The markup of the one link to a place. */
function linkOf(id: string): string {
  const start = markup.indexOf(`<a href="#place=${id}"`);
  return start < 0 ? '' : markup.slice(start, markup.indexOf('</a>', start) + 4);
}

/** The path data of the one path with an attribute value. */
const pathWith = (attribute: string) => markup.match(new RegExp(`<path d="([^"]*)" ${attribute}`))?.[1] ?? '';

describe("the seed atlas's first screen, drawn without WebGL", () => {
  it('is one svg framing the default desktop view, named for what it shows', () => {
    expect(markup.slice(0, markup.indexOf('>') + 1)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" class="first-screen-map" viewBox="316.2465 188.9672 13.7713 9.9038" ' +
        'preserveAspectRatio="xMidYMid meet" aria-label="Map of Azerbaijan and Armenia: places Nagorno-Karabakh, ' +
        'Stepanakert, Baku, Yerevan" data-zoom="5.949426" data-prerendered="" ' +
        // The frame grown by 0.75 of its larger side (GROWTH) on every side.
        'data-area="305.9181 178.6388 34.4282 30.5607">',
    );
    expect(markup.endsWith('</svg>')).toBe(true);
  });

  it('names every story place beside its symbol, in a link to the place', () => {
    const story: [string, string][] = [
      ['nagorno-karabakh', 'Nagorno-Karabakh'],
      ['stepanakert', 'Stepanakert'],
      ['baku', 'Baku'],
      ['yerevan', 'Yerevan'],
    ];
    for (const [id, name] of story) {
      const link = linkOf(id);
      expect(link.startsWith(`<a href="#place=${id}" data-place="${id}" aria-label="${name}">`)).toBe(true);
      expect(link).toMatch(new RegExp(`>${name}</(text|tspan)>`));
    }
    // A contested place's other names under its name, as its marker gives them: every side's.
    expect(linkOf('nagorno-karabakh')).toContain('>Dağlıq Qarabağ · Արցախ</tspan>');
    expect(linkOf('stepanakert')).toContain('>Xankəndi · Ստեփանակերտ</tspan>');
    expect(linkOf('baku')).not.toContain('<tspan');
    // MapLibre's radius at zoom 5.95 is 5.77 px, its 2 px ring outside it: a circle of 6.77 stroked 2 px.
    expect(linkOf('stepanakert')).toContain(
      '<circle r="6.77" fill="#b3261e" stroke="#ffffff" stroke-width="2"/>',
    );
  });

  it('places its labels in MapLibre’s order, none overlapping another', () => {
    const labels = firstScreenLabels(input);
    expect(labels.map((l) => l.text)).toEqual([
      'AZERBAIJAN',
      'ARMENIA',
      'Nakhchivan (Azerbaijan)',
      'Nagorno-Karabakh',
      'Stepanakert',
      'Baku',
      'Yerevan',
      'IRAN',
      'TURKMENISTAN',
      'IRAQ',
      'SYRIA',
      'GEORGIA',
      'LEBANON',
      'PALESTINE',
      'Caspian Sea',
      'Sea of Azov',
    ]);
    const pairs = labels.flatMap((a, i) =>
      labels
        .slice(i + 1)
        .filter((b) => overlaps(a.box, b.box))
        .map((b) => [a.text, b.text]),
    );
    expect(pairs).toEqual([]);
  });

  it('hatches the disputed region, and only it, with a dashed outline', () => {
    // MapLibre's 8 px image, grown with the fractional zoom as MapLibre grows it (2^0.949...), in
    // tenths of a pixel.
    const side = Math.round(80 * 2 ** (5.949426243009032 - 5) * 1000) / 1000;
    expect(markup).toContain(
      `<pattern id="${HATCH_PATTERN_ID}" patternUnits="userSpaceOnUse" width="${side}" height="${side}" viewBox="0 0 8 8">`,
    );
    expect(linkOf('nagorno-karabakh')).toContain(`fill="url(#${HATCH_PATTERN_ID})" opacity="0.55"`);
    expect(linkOf('nagorno-karabakh')).toContain(
      'stroke="#b3261e" stroke-width="1.69" stroke-dasharray="5.07 3.38"',
    );
    expect(markup.split(`url(#${HATCH_PATTERN_ID})`)).toHaveLength(2);
  });

  it('draws the story’s countries in the focus colour, the rest of the land in the land colour', () => {
    const rings = (codes: (c: string) => boolean) =>
      input.basemap.land.filter((l) => codes(l.country)).reduce((n, l) => n + l.rings.length, 0);
    const focus = pathWith(`fill="${LOCATOR_THEME.landFocus}"`);
    const land = pathWith(`fill="${LOCATOR_THEME.land}"`);
    // Armenia's 4 rings and Azerbaijan's 7 (its exclave and islands of the Caspian).
    expect(focus.split('M')).toHaveLength(1 + 11);
    expect(rings((c) => c === 'AM' || c === 'AZ')).toBe(11);
    expect(land.split('M')).toHaveLength(1 + rings((c) => c !== 'AM' && c !== 'AZ'));
  });

  it('writes no style attribute and no script: the page’s policy allows neither', () => {
    expect(markup).not.toMatch(/ style=|<script|<style| on\w+=/);
  });
});
