import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addPlace,
  confirmItem,
  issueTarget,
  kebabId,
  makeQuotation,
  movePoint,
  NO_PLACE_NOTE,
  paragraphHighlights,
  pickCandidate,
  rejectItem,
  stillToWrite,
  uncoveredParagraphs,
  updateFact,
  updatePlace,
  validateDraft,
  type Draft,
} from './editor-state';
import { readDraft } from './read-draft';

const FIXTURE = join(import.meta.dirname, '../../tests/fixtures/draft/cyprus-talks-draft');
const read = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURE, file), 'utf8'));
const text = readFileSync(join(FIXTURE, 'article.txt'), 'utf8');
const fixture = (): Draft =>
  readDraft({ article: read('article.json'), places: read('places.geojson'), facts: read('facts.json') });

const place = (d: Draft, id: string) => d.places.find((p) => p.id === id);
const fact = (d: Draft, id: string) => d.facts.find((f) => f.id === id);

describe('the editor state', () => {
  it('reads the fixture with its review marks, and it validates with no error', () => {
    const d = fixture();
    expect(place(d, 'nicosia')?.properties.review?.confirm.map((n) => n.field)).toEqual(['role', 'geometry']);
    expect(d.article.review?.lines?.map((l) => l.line)).toEqual([3, 10]);
    expect(validateDraft(d, text).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('confirms a place: its review mark goes, nothing else changes', () => {
    const d = fixture();
    const next = confirmItem(d, { kind: 'place', id: 'nicosia' });
    expect(place(next, 'nicosia')?.properties).toEqual({
      id: 'nicosia',
      name: 'Nicosia',
      altNames: [],
      placeType: 'city',
      role: 'Drafted: the capital of Cyprus, named in the text.',
      country: { code: 'CY' },
      coordinateSource: { name: 'GeoNames', id: 146268, licence: 'CC BY 4.0' },
      group: 'story',
    });
    expect(place(d, 'nicosia')?.properties.review?.confirm.length).toBe(2);
    expect(next.facts).toBe(d.facts);
    expect(place(next, 'ankara')).toBe(place(d, 'ankara'));
  });

  it('confirms a fact and the article', () => {
    const d = confirmItem(confirmItem(fixture(), { kind: 'fact', id: 'biden-support' }), { kind: 'article' });
    expect(fact(d, 'biden-support')?.review).toBeUndefined();
    expect(d.article.review).toBeUndefined();
    expect(fact(d, 'talks-next-week')?.review?.confirm.length).toBe(2);
  });

  it('rejects a place: it goes, and so does its id from the facts; a fact left with none gets a note', () => {
    const d = rejectItem(fixture(), { kind: 'place', id: 'nicosia' });
    expect(d.places.map((p) => p.id)).toEqual(['ankara', 'washington']);
    expect(fact(d, 'biden-support')?.placeIds).toEqual(['washington']);
    expect(fact(d, 'declaration-agreed')).toEqual({
      id: 'declaration-agreed',
      placeIds: [],
      kind: 'statement',
      date: '2014-02-07',
      dateText: 'Friday',
      text: 'The Turkish Cypriot presidency said both sides had agreed a joint text.',
      paragraph: 2,
      review: { confirm: [{ field: 'text', note: 'check the paraphrase' }, NO_PLACE_NOTE('nicosia')] },
    });
    expect(NO_PLACE_NOTE('nicosia')).toEqual({
      field: 'placeIds',
      note: 'tie the fact to a place: its place "nicosia" was rejected',
    });
  });

  it('rejects a fact', () => {
    const d = rejectItem(fixture(), { kind: 'fact', id: 'declaration-agreed' });
    expect(d.facts.map((f) => f.id)).toEqual(['talks-next-week', 'biden-support']);
    expect(uncoveredParagraphs(d)).toEqual([2, 3, 4]);
  });

  it('makes a quotation of the selected characters, less the marks, after the facts before it', () => {
    const d = fixture();
    const line = text.split('\n')[7] ?? '';
    const next = makeQuotation(d, text, { paragraph: 4, start: 0, end: line.length });
    const quoted = line.slice(1, -1);
    expect(next?.facts.map((f) => f.id)).toEqual([
      'talks-next-week',
      'declaration-agreed',
      'quote-paragraph-4',
      'biden-support',
    ]);
    expect(fact(next ?? d, 'quote-paragraph-4')).toEqual({
      id: 'quote-paragraph-4',
      placeIds: ['nicosia'],
      kind: 'quotation',
      date: '2014-02-07',
      dateText: null,
      text: '',
      quote: { text: quoted, speaker: '' },
      paragraph: 4,
      review: {
        confirm: [
          { field: 'speaker', note: 'write the speaker: no quotation before it names one' },
          { field: 'text', note: 'write the paraphrase in the project’s own words' },
        ],
      },
    });
    expect(quoted.startsWith('I want to say')).toBe(true);
    // Its empty speaker and paraphrase are what its notes say to write: warnings, not errors.
    const issues = validateDraft(next ?? d, text);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.path.startsWith('facts[2]'))).toEqual([
      {
        code: 'draft',
        message: 'draft: write the speaker: no quotation before it names one',
        severity: 'warning',
        file: 'facts.json',
        path: 'facts[2].quote.speaker',
      },
      {
        code: 'draft',
        message: 'draft: write the paraphrase in the project’s own words',
        severity: 'warning',
        file: 'facts.json',
        path: 'facts[2].text',
      },
    ]);
  });

  it('takes the exact characters between the offsets, in either order; an empty selection makes none', () => {
    const d = fixture();
    const next = makeQuotation(d, text, { paragraph: 5, start: 97, end: 76 });
    expect(next?.facts.at(-1)?.quote).toEqual({ text: 'expressed "unwavering', speaker: 'Joe Biden' });
    expect(makeQuotation(d, text, { paragraph: 5, start: 3, end: 3 })).toBeUndefined();
    expect(makeQuotation(d, text, { paragraph: 9, start: 0, end: 5 })).toBeUndefined();
  });

  it('picks a candidate: its point, country, name and id, and moves it first', () => {
    const d = pickCandidate(fixture(), 'washington', 1);
    const p = place(d, 'washington');
    expect(p?.geometry).toEqual({ type: 'Point', coordinates: [-1.5186, 54.9] });
    expect(p?.properties.name).toBe('Washington');
    expect(p?.properties.country).toEqual({ code: 'GB' });
    // This candidate has no GeoNames id: the source keeps none.
    expect(p?.properties.coordinateSource).toEqual({ name: 'GeoNames', licence: 'CC BY 4.0' });
    expect(p?.properties.review?.candidates?.map((c) => c.country)).toEqual(['GB', 'US']);
    const back = pickCandidate(d, 'washington', 1);
    expect(place(back, 'washington')?.properties.coordinateSource).toEqual({
      name: 'GeoNames',
      id: 4140963,
      licence: 'CC BY 4.0',
    });
    expect(place(back, 'washington')?.properties.name).toBe('Washington, D.C.');
    expect(pickCandidate(d, 'washington', 5)).toEqual(d);
  });

  it('moves a point by hand: rounded, and the source no longer claims the gazetteer id', () => {
    const d = movePoint(fixture(), 'nicosia', [33.123456, 35.987654]);
    expect(place(d, 'nicosia')?.geometry).toEqual({ type: 'Point', coordinates: [33.1235, 35.9877] });
    expect(place(d, 'nicosia')?.properties.coordinateSource).toEqual({
      name: 'Moved by hand from GeoNames 146268',
      licence: 'CC BY 4.0',
    });
    const again = movePoint(d, 'nicosia', [33, 35]);
    expect(place(again, 'nicosia')?.properties.coordinateSource.name).toBe(
      'Moved by hand from GeoNames 146268',
    );
  });

  it('adds a place from the gazetteer with a review mark', () => {
    const d = addPlace(fixture(), {
      geonameId: 146384,
      name: 'Limassol',
      names: ['Limassol', 'Lemesos'],
      localNames: [{ name: 'Λεμεσός', lang: 'el' }],
      country: 'CY',
      population: 154000,
      featureCode: 'PPLA',
      kind: 'city',
      coordinates: [33.0333, 34.675],
      source: { name: 'GeoNames', licence: 'CC BY 4.0' },
    });
    expect(d.places.at(-1)).toEqual({
      type: 'Feature',
      id: 'limassol',
      geometry: { type: 'Point', coordinates: [33.0333, 34.675] },
      properties: {
        id: 'limassol',
        name: 'Limassol',
        altNames: [{ name: 'Λεμεσός', lang: 'el' }],
        placeType: 'city',
        role: '',
        country: { code: 'CY' },
        coordinateSource: { name: 'GeoNames', id: 146384, licence: 'CC BY 4.0' },
        group: 'story',
        review: {
          confirm: [
            { field: 'role', note: 'write the place’s part in this story, in the project’s own words' },
            { field: 'group', note: 'say whether the story happens here or a reaction comes from here' },
          ],
        },
      },
    });
    // An area as new-atlas drafts it: its outline simplified and wound as RFC 7946 wants, with its source.
    const area = addPlace(d, {
      name: 'Northern Cyprus',
      names: ['Northern Cyprus'],
      localNames: [],
      country: 'CY',
      population: 0,
      featureCode: 'region',
      kind: 'region',
      coordinates: [33.5, 35.25],
      outline: {
        type: 'Polygon',
        coordinates: [
          [
            [32.7, 35],
            [32.7, 35.7],
            [33.5, 35.7003],
            [34.6, 35.7],
            [34.6, 35],
            [32.7, 35],
          ],
        ],
      },
      outlineSource: 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2',
      outlineLicence: 'public domain',
      source: { name: 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2', licence: 'public domain' },
    }).places.at(-1);
    expect([area?.id, area?.geometry, area?.properties.placeType, area?.properties.coordinateSource]).toEqual(
      [
        'northern-cyprus',
        {
          type: 'Polygon',
          coordinates: [
            [
              [32.7, 35],
              [34.6, 35],
              [34.6, 35.7],
              [32.7, 35.7],
              [32.7, 35],
            ],
          ],
        },
        'admin-region',
        {
          name: 'Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2',
          licence: 'public domain',
          depicts:
            'outline of Northern Cyprus as Natural Earth 1:10m Admin 0 countries, world-atlas 2.0.2 draws it, simplified to 4 vertices',
        },
      ],
    );
    expect(area?.properties.review?.confirm.map((n) => n.field)).toEqual(['geometry', 'role', 'group']);
    expect(kebabId('Washington, D.C.')).toBe('washington-d-c');
    expect(kebabId('Λευκωσία')).toBe('place');
  });

  it('highlights quotations where they stand, and lists the paragraphs no fact covers', () => {
    const d = fixture();
    const line = text.split('\n')[8] ?? '';
    expect(paragraphHighlights(d, 5, line)).toEqual([
      { start: 87, end: 110, kind: 'quotation', factId: 'biden-support' },
    ]);
    expect(line.slice(87, 110)).toBe('unwavering U.S. support');
    expect(uncoveredParagraphs(d)).toEqual([3, 4]);
  });

  it('reads an issue as the item and field it concerns', () => {
    const d = fixture();
    const issue = { code: 'x', message: 'm', severity: 'error' as const };
    expect(issueTarget(d, { ...issue, file: 'facts.json', path: 'facts[2].quote.text' })).toEqual({
      item: { kind: 'fact', id: 'biden-support' },
      field: 'quote.text',
    });
    expect(issueTarget(d, { ...issue, file: 'places.geojson', path: 'features[1].properties.role' })).toEqual(
      {
        item: { kind: 'place', id: 'ankara' },
        field: 'role',
      },
    );
    expect(issueTarget(d, { ...issue, file: 'article.json', path: 'summary' })).toEqual({
      item: { kind: 'article' },
      field: 'summary',
    });
  });

  it('says what is still to write before an item is confirmed, and nothing once it is written', () => {
    const d = fixture();
    const emptied: Draft = { ...d, article: { ...d.article, summary: ' ' } };
    expect(stillToWrite(emptied, { kind: 'article' })).toEqual([{ path: 'summary', label: 'the summary' }]);
    const noRole = updatePlace(d, 'nicosia', { role: '' });
    expect(stillToWrite(noRole, { kind: 'place', id: 'nicosia' })).toEqual([
      { path: 'role', label: 'the role in the story' },
    ]);
    const quoted = makeQuotation(d, text, { paragraph: 4, start: 1, end: 40 });
    const added = quoted?.facts.find((f) => f.paragraph === 4 && f.text === '');
    if (!quoted || !added) throw new Error('no quotation made');
    const speakerless: Draft = updateFact(quoted, added.id, {
      quote: { text: added.quote?.text ?? '', speaker: '' },
    });
    expect(stillToWrite(speakerless, { kind: 'fact', id: added.id })).toEqual([
      { path: 'text', label: 'the paraphrase' },
      { path: 'quote.speaker', label: 'the speaker' },
    ]);
    const written = updateFact(speakerless, added.id, {
      text: 'Anastasiades said the hardest part was still to come.',
      quote: { text: added.quote?.text ?? '', speaker: 'Nicos Anastasiades' },
    });
    expect(stillToWrite(written, { kind: 'fact', id: added.id })).toEqual([]);
  });
});
