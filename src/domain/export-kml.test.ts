import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { TRICKY_QUOTE, trickyAtlas } from '../../tests/helpers/tricky-atlas';
import { exportAtlas } from './export-atlas';
import { exportKml } from './export-kml';

const SOURCE =
  'Source: none (synthetic text written for the tests) · Article Atlas test fixtures · 14 March 2024';

/** The KML read back by @tmcw/togeojson, as a map or GIS tool reads it. */
const readBack = (text: string) => kml(new DOMParser().parseFromString(text, 'text/xml'));

describe('exportKml', () => {
  it('places: one named placemark per place, in the order and at the coordinates of the GeoJSON export', () => {
    const atlas = trickyAtlas();
    const back = readBack(exportKml(atlas, 'places'));
    expect(back.features.map((f) => f.properties?.['name'])).toEqual([
      'Tbilisi',
      'Batumi',
      'Lagodekhi',
      'Tbilisi test square',
    ]);
    expect(back.features.map((f) => f.geometry)).toEqual(
      exportAtlas(atlas, 'places').features.map((f) => f.geometry),
    );
    expect(back.features[0]!.properties).toMatchObject({
      id: 'tbilisi',
      group: 'story',
      placeType: 'city',
      factCount: '5',
      styleUrl: '#story',
    });
    expect(back.features[3]!.properties?.['styleUrl']).toBe('#region');
  });

  it('places: each description holds every fact of the place, its quotation verbatim and its source', () => {
    const atlas = trickyAtlas();
    const back = readBack(exportKml(atlas, 'places'));
    const tbilisi = String(back.features[0]!.properties?.['description']);
    expect(tbilisi.split('\n\n')).toEqual([
      'Dateline of the synthetic article, where the imaginary committee meets.\nCoordinates: GeoNames (CC BY 4.0)',
      `2024-03-13 (Wednesday): An imaginary mapping committee held a meeting in Tbilisi.\nFigures: 90 minutes (length of the meeting)\n${SOURCE} · paragraph 1`,
      `2024-03-13 (Wednesday): The committee agreed that the test map would show three cities.\nFigures: 3 cities (cities on the test map)\n${SOURCE} · paragraph 1`,
      `2024-03: The committee's invented spokesperson asked for a map that leaves out no place the text mentions.\n“${TRICKY_QUOTE}” — Nino Testadze, spokesperson invented for this fixture\n${SOURCE} · paragraph 2`,
      `2024-03-14: The committee expects a little over a thousand people to try the map.\nFigures: about 1,200 readers (expected test readers)\n${SOURCE} · paragraph 2`,
      `The square around Tbilisi is a rough sketch, not a boundary.\n${SOURCE} · paragraph 3`,
    ]);
    for (const [i, place] of atlas.places.entries()) {
      const description = String(back.features[i]!.properties?.['description']);
      for (const fact of atlas.facts.filter((f) => f.placeIds.includes(place.id))) {
        expect(description).toContain(fact.text);
        expect(description).toContain(`${SOURCE} · paragraph ${fact.paragraph}`);
        if (fact.quote) expect(description).toContain(`“${fact.quote.text}” — ${fact.quote.speaker}`);
      }
    }
  });

  it('facts: one placemark per fact at its primary place and one per region, as the GeoJSON facts export', () => {
    const atlas = trickyAtlas();
    const back = readBack(exportKml(atlas, 'facts'));
    const geojson = exportAtlas(atlas, 'facts');
    expect(back.features.map((f) => f.properties?.['fact_id'] ?? f.properties?.['place_id'])).toEqual(
      geojson.features.map((f) => f.properties?.['fact_id'] ?? f.properties?.['place_id']),
    );
    expect(back.features.map((f) => f.geometry)).toEqual(geojson.features.map((f) => f.geometry));
    const quoted = back.features.find((f) => f.properties?.['fact_id'] === 'every-place-named')!;
    expect(quoted.properties).toMatchObject({
      name: `Tbilisi: The committee's invented spokesperson asked for a map that leaves out no place the text mentions.`,
      quote: TRICKY_QUOTE,
      speaker: 'Nino Testadze',
      styleUrl: '#story',
    });
  });

  it('writes KML 2.2 with the map’s colours as styles and the article’s source in the folder', () => {
    const text = exportKml(trickyAtlas(), 'places');
    expect(
      text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'),
    ).toBe(true);
    expect(text).toContain(
      '<Style id="story"><IconStyle><color>ff1e26b3</color></IconStyle></Style>\n' +
        '<Style id="reaction"><IconStyle><color>ffb45f1a</color></IconStyle></Style>\n' +
        '<Style id="region"><LineStyle><color>ff1e26b3</color><width>2</width></LineStyle><PolyStyle><color>261e26b3</color></PolyStyle></Style>',
    );
    const folder = new DOMParser().parseFromString(text, 'text/xml').getElementsByTagName('Folder')[0]!;
    const child = (name: string) =>
      Array.from(folder.childNodes).find((n) => n.nodeName === name)?.textContent;
    expect(child('name')).toBe('Test fixture: a synthetic three-city article for Article Atlas');
    expect(child('description')?.split('\n')[1]).toBe(
      'Coordinates: GeoNames (CC BY 4.0); approximate position, rounded for a test fixture (CC0 1.0); drawn by hand for this fixture (CC0 1.0).',
    );
  });

  it('rounds coordinates to 6 decimals', () => {
    const atlas = trickyAtlas();
    atlas.places[0]!.geometry = { type: 'Point', coordinates: [44.79301234, 41.69412876] };
    const back = readBack(exportKml(atlas, 'places'));
    expect(back.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [44.793012, 41.694129] });
  });
});
