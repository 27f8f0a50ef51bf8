// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { testArticle } from '../../tests/helpers/test-article';
import type { Fact, Place } from '../domain/types';
import { buildFactItem } from './fact-list';
import { buildPlaceDetails } from './place-details';

const PAYLOAD = '<img src=x onerror=alert(1)>';

const article = testArticle({ agency: 'AFP', outlet: 'Outlet', dateline: { text: 'Baku', placeId: 'p' } });

const fact: Fact = {
  id: 'f',
  placeIds: ['p'],
  kind: 'quotation',
  date: '2023-09-21',
  dateText: 'Thursday',
  text: PAYLOAD,
  quote: {
    text: `${PAYLOAD},`,
    speaker: `<b onmouseover=alert(2)>Speaker</b>`,
    speakerRole: '<script>x</script>',
  },
  figures: [
    { value: 40000, unit: 'families', qualifier: 'up to', label: '<svg onload=alert(3)>', text: '40,000' },
  ],
  paragraph: 1,
};

const place: Place = {
  type: 'Feature',
  id: 'p',
  geometry: { type: 'Point', coordinates: [46.75, 39.82] },
  properties: {
    id: 'p',
    name: `<iframe src="javascript:alert(4)">`,
    caption: PAYLOAD,
    altNames: [{ name: '"><img src=x onerror=alert(5)>', lang: 'hy', note: '<u>note</u>' }],
    placeType: 'city',
    role: PAYLOAD,
    country: { code: 'AZ', name: 'Azerbaijan' },
    status: { disputed: true, recognisedAs: 'AZ', summary: PAYLOAD },
    coordinateSource: { name: 'GeoNames', licence: 'CC BY 4.0' },
    group: 'story',
  },
};

describe('fact and place rendering', () => {
  it('shows a fact whose text is markup as literal text, creating no element from it', () => {
    const item = buildFactItem(fact, article);
    expect(item.querySelector('.fact-text')?.textContent).toBe(PAYLOAD);
    expect(item.querySelector('blockquote')?.textContent).toBe(`“${PAYLOAD}”`);
    expect(item.querySelector('cite')?.textContent).toBe('<b onmouseover=alert(2)>Speaker</b>');
    expect(item.querySelector('figcaption')?.textContent).toBe(
      '— <b onmouseover=alert(2)>Speaker</b>, <script>x</script>',
    );
    expect(item.querySelector('.fact-figures li')?.textContent).toBe(
      'up to 40,000 families <svg onload=alert(3)>',
    );
    expect(item.querySelectorAll('img, script, svg, iframe, b').length).toBe(0);
  });

  it('builds the place details from text nodes only, with the quotation, figures and source line', () => {
    const details = buildPlaceDetails(
      {
        place,
        facts: [fact],
        article,
        distances: [{ from: 'p', to: 'q', km: 273.6 }],
        placeName: () => 'Baku',
        within: [],
      },
      { headingId: 'h', level: 2 },
    );
    expect(details.querySelector('h2#h')?.textContent).toBe(place.properties.name);
    expect(details.querySelectorAll('img, script, svg, iframe, u').length).toBe(0);
    expect(details.querySelector('.alt-name')?.getAttribute('lang')).toBe('hy');
    expect(details.querySelector('.status-disputed')?.textContent).toBe(
      `Disputed territory. Internationally recognised as part of Azerbaijan.${PAYLOAD}`,
    );
    expect(details.querySelector('.fact-date')?.textContent).toBe('Thursday 21 September 2023');
    expect(details.querySelector('.fact-source')?.textContent).toBe(
      'Source: AFP · Outlet · 22 September 2023 · paragraph 1',
    );
    expect(details.querySelector('.place-distances li')?.textContent).toBe('Baku: 274 km');
  });

  it('names a country by its ISO code, whatever name the data gives or leaves out', () => {
    const inArmenia: Place = {
      ...place,
      properties: {
        ...place.properties,
        country: { code: 'AM' },
        status: { disputed: true, recognisedAs: 'US', summary: 'A summary.' },
      },
    };
    const details = buildPlaceDetails(
      { place: inArmenia, facts: [], article, distances: [], placeName: () => '', within: [] },
      { headingId: 'h', level: 2 },
    );
    expect(details.querySelector('.status-title')?.textContent).toBe(
      'Disputed territory. Internationally recognised as part of United States.',
    );
  });

  it('heads a planned fact’s date line "Planned:" and gives a span both its days', () => {
    const facts: Fact[] = [
      { ...fact, id: 'talks', date: '2023-09-21/2023-09-22', quote: undefined, figures: undefined },
      { ...fact, id: 'next-round', date: '2023-09-29', planned: true, quote: undefined, figures: undefined },
    ];
    const details = buildPlaceDetails(
      { place, facts, article, distances: [], placeName: () => '', within: [] },
      { headingId: 'h', level: 2 },
    );
    expect([...details.querySelectorAll('.fact-date')].map((h) => h.textContent)).toEqual([
      'Thursday 21 – Friday 22 September 2023',
      'Planned: Friday 29 September 2023',
    ]);
  });

  it('says once what a region’s outline is: its area within what the outline depicts', () => {
    const region: Place = {
      ...place,
      id: 'r',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [46, 39],
            [47, 39],
            [47, 40],
            [46, 39],
          ],
        ],
      },
      properties: {
        ...place.properties,
        id: 'r',
        placeType: 'region',
        coordinateSource: {
          name: 'traced',
          licence: 'CC0',
          depicts: 'outline of the former oblast; approximate, not a legal boundary',
        },
      },
    };
    const area = {
      areaKm2: 4271.4,
      centroid: [46.6, 39.6],
      bbox: [46, 39, 47, 40] as [number, number, number, number],
    };
    const input = { place: region, facts: [], article, distances: [], placeName: () => '', area, within: [] };
    const text = (p: Place) =>
      buildPlaceDetails({ ...input, place: p }, { headingId: 'h', level: 3 }).querySelector('.place-area')
        ?.textContent;
    expect(text(region)).toBe(
      'Area: about 4,271 km² within the outline of the former oblast; approximate, not a legal boundary.',
    );
    const undescribed: Place = {
      ...region,
      properties: { ...region.properties, coordinateSource: { name: 'traced', licence: 'CC0' } },
    };
    expect(text(undescribed)).toBe('Area of the outline: about 4,271 km².');
  });
});
