import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TRICKY_QUOTE, trickyAtlas } from '../../tests/helpers/tricky-atlas';
import { CSV_COLUMNS, exportCsv } from './export-csv';

const SOURCE = 'none (synthetic text written for the tests) · Article Atlas test fixtures · 14 March 2024';

describe('exportCsv', () => {
  it('writes a header and one row per fact, CRLF after every record', () => {
    const text = exportCsv(trickyAtlas());
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'fact_id,place_id,place,longitude,latitude,date,kind,text,quotation,speaker,paragraph,figures,source,coordinates_source',
    );
    expect(lines[1]).toBe(
      `committee-meets,tbilisi,Tbilisi,44.793,41.6941,2024-03-13,event,An imaginary mapping committee held a meeting in Tbilisi.,,,1,90 minutes (length of the meeting),${SOURCE} · paragraph 1,GeoNames (CC BY 4.0)`,
    );
    expect(text.endsWith('\r\n')).toBe(true);
    // No bare LF except inside the quoted quotation.
    expect(text.replaceAll('\r\n', '').split('\n')).toHaveLength(2);
  });

  it('reads back with Papa.parse: every field, the quotation verbatim, a region fact at the region’s anchor', () => {
    const parsed = Papa.parse<Record<string, string>>(exportCsv(trickyAtlas()), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data.map((r) => r['fact_id'])).toEqual([
      'committee-meets',
      'three-cities-on-map',
      'every-place-named',
      'test-readers',
      'harbour-check',
      'small-but-complete',
      'square-is-a-sketch',
    ]);
    expect(parsed.data[2]).toEqual({
      fact_id: 'every-place-named',
      place_id: 'tbilisi',
      place: 'Tbilisi',
      longitude: '44.793',
      latitude: '41.6941',
      date: '2024-03',
      kind: 'quotation',
      text: "The committee's invented spokesperson asked for a map that leaves out no place the text mentions.",
      quotation: TRICKY_QUOTE,
      speaker: 'Nino Testadze',
      paragraph: '2',
      figures: '',
      source: `${SOURCE} · paragraph 2`,
      coordinates_source: 'GeoNames (CC BY 4.0)',
    });
    expect(parsed.data[3]!['figures']).toBe('about 1,200 readers (expected test readers)');
    expect(parsed.data[6]).toMatchObject({
      place_id: 'tbilisi-test-square',
      longitude: '44.8',
      latitude: '41.7',
      date: '',
    });
  });

  it('limits the rows to the facts of the places asked for', () => {
    const parsed = Papa.parse<Record<string, string>>(exportCsv(trickyAtlas(), { placeIds: ['batumi'] }), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.map((r) => r['fact_id'])).toEqual(['harbour-check']);
  });
});
