// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { testArticle } from '../../tests/helpers/test-article';
import { buildAtlasModel } from '../domain/atlas-model';
import { keyFacts } from '../domain/fact-ranking';
import type { Fact, Place } from '../domain/types';
import { validateAtlas } from '../domain/validate-atlas';
import { el } from '../dom/el';
import { allFactsLabel, buildPlaceSummary } from './place-summary';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);

function summaryOf(placeId: string, onAllFacts = vi.fn(), actions?: HTMLElement[]) {
  const place = model.placeById.get(placeId)!;
  const facts = model.factsOf(placeId);
  return buildPlaceSummary(
    { place, keyFacts: keyFacts(facts, placeId), factCount: facts.length, article: model.atlas.article },
    { headingId: `popup-${placeId}-title`, onAllFacts, ...(actions ? { actions } : {}) },
  );
}

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent);

afterEach(() => document.body.replaceChildren());

describe('buildPlaceSummary', () => {
  it('gives Stepanakert its names, the dispute line, the caption, three key facts and All 4 facts', () => {
    const summary = summaryOf('stepanakert');
    expect(summary.tagName).toBe('ARTICLE');
    expect(summary.getAttribute('aria-labelledby')).toBe('popup-stepanakert-title');
    expect([...summary.children].map((c) => `${c.tagName.toLowerCase()}.${c.className}`)).toEqual([
      'h2.place-name',
      'div.alt-names',
      'p.status-line',
      'p.place-caption',
      'ul.facts summary-facts',
      'p.summary-source',
      'div.place-actions',
    ]);
    const heading = summary.querySelector('h2')!;
    expect([heading.id, heading.textContent]).toEqual(['popup-stepanakert-title', 'Stepanakert']);
    // One line of names, each in its language, without the notes the panel gives.
    expect(
      [...summary.querySelectorAll('.alt-name')].map((n) => [n.textContent, n.getAttribute('lang')]),
    ).toEqual([
      ['Khankendi', 'en'],
      ['Xankəndi', 'az'],
      ['Ստեփանակերտ', 'hy'],
    ]);
    expect(summary.querySelector('.alt-names')?.textContent).toBe(
      'Also known as KhankendiXankəndiՍտեփանակերտ',
    );
    expect(summary.querySelector('.status-line')?.textContent).toBe(
      'Disputed territory, internationally recognised as part of Azerbaijan.',
    );
    expect(summary.querySelector('.place-caption')?.textContent).toBe(
      'Gunfire during the talks; streets full of displaced people',
    );
    expect([...summary.querySelectorAll('.fact')].map((f) => (f as HTMLElement).dataset.factId)).toEqual([
      'gasparyan-exchange-of-fire',
      'stepanakert-gunfire',
      'gasparyan-waiting',
    ]);
    // Compact facts: no kind label, no speaker's role, no source line but one for all.
    expect(summary.querySelectorAll('.fact-kind, .fact-source').length).toBe(0);
    expect(texts(summary, 'figcaption')).toEqual(['— Arutyun Gasparyan', '— Arutyun Gasparyan']);
    expect(summary.querySelector('.summary-source')?.textContent).toBe(
      'Source: AFP · Kuwait Times · 22 September 2023',
    );
    expect(texts(summary, 'blockquote')).toEqual([
      '“There was a small exchange of fire outside the city”',
      '“We are sitting at home and waiting for the results of the talks.”',
    ]);
    expect(texts(summary, '.place-actions button')).toEqual(['All 4 facts']);
    // Nothing of the panel's longer parts.
    expect(
      summary.querySelectorAll('.status-disputed, .place-role, .place-distances, .fact-groups').length,
    ).toBe(0);
  });

  it('shows the figures of a key fact, and no dispute line for an undisputed place', () => {
    const yerevan = summaryOf('yerevan');
    expect(yerevan.querySelector('.status-line')).toBeNull();
    expect(yerevan.querySelector('.alt-names')?.textContent).toBe('Also known as Երևան');
    expect(texts(yerevan, '.fact-figures li')).toEqual(['40,000 families families Armenia is ready to host']);
    expect(texts(yerevan, '.place-actions button')).toEqual(['All 10 facts']);
    const ankara = summaryOf('ankara');
    expect(ankara.querySelector('.alt-names')).toBeNull();
    expect(texts(ankara, '.place-actions button')).toEqual(['Details in the panel']);
  });

  it('calls onAllFacts once per press, and puts the given actions after the button', () => {
    const onAllFacts = vi.fn();
    const exportButton = el('button', { text: 'Export this place' });
    const summary = summaryOf('nagorno-karabakh', onAllFacts, [exportButton]);
    document.body.append(summary);
    expect(texts(summary, '.place-actions button')).toEqual(['All 33 facts', 'Export this place']);
    expect(onAllFacts).toHaveBeenCalledTimes(0);
    summary.querySelector<HTMLButtonElement>('.all-facts')!.click();
    expect(onAllFacts).toHaveBeenCalledTimes(1);
    exportButton.click();
    expect(onAllFacts).toHaveBeenCalledTimes(1);
  });

  it('shows markup in the data as text, creating no element from it', () => {
    const PAYLOAD = '<img src=x onerror=alert(1)>';
    const place: Place = {
      type: 'Feature',
      id: 'p',
      geometry: { type: 'Point', coordinates: [46.75, 39.82] },
      properties: {
        id: 'p',
        name: '<iframe src="javascript:alert(4)">',
        caption: PAYLOAD,
        altNames: [{ name: '"><svg onload=alert(5)>', lang: 'hy' }],
        placeType: 'city',
        role: PAYLOAD,
        country: { code: 'AZ', name: '<b>Azerbaijan</b>' },
        status: { disputed: true, recognisedAs: 'AZ', summary: PAYLOAD },
        coordinateSource: { name: 'GeoNames', licence: 'CC BY 4.0' },
        group: 'story',
      },
    };
    const fact: Fact = {
      id: 'f',
      placeIds: ['p'],
      kind: 'quotation',
      date: null,
      dateText: null,
      text: PAYLOAD,
      quote: { text: PAYLOAD, speaker: '<script>x</script>' },
      paragraph: 1,
    };
    const summary = buildPlaceSummary(
      { place, keyFacts: [fact], factCount: 2, article: testArticle({ agency: '<u>AFP</u>' }) },
      { headingId: 'h', onAllFacts: () => {} },
    );
    expect(summary.querySelectorAll('img, iframe, svg, b, script, u').length).toBe(0);
    expect(summary.querySelector('#h')?.textContent).toBe('<iframe src="javascript:alert(4)">');
    expect(summary.querySelector('.place-caption')?.textContent).toBe(PAYLOAD);
    expect(summary.querySelector('.alt-name')?.textContent).toBe('"><svg onload=alert(5)>');
    // The country is named by its code (countryName), never by the name the data gives.
    expect(summary.querySelector('.status-line')?.textContent).toBe(
      'Disputed territory, internationally recognised as part of Azerbaijan.',
    );
    expect(summary.querySelector('.fact-text')?.textContent).toBe(PAYLOAD);
    expect(summary.querySelector('.summary-source')?.textContent).toBe(
      'Source: <u>AFP</u> · An outlet · 22 September 2023',
    );
  });
});

describe('allFactsLabel', () => {
  it('counts the facts, and sends a place with one fact to its details', () => {
    expect([allFactsLabel(2), allFactsLabel(33), allFactsLabel(1)]).toEqual([
      'All 2 facts',
      'All 33 facts',
      'Details in the panel',
    ]);
  });
});
