// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildAtlasModel } from '../domain/atlas-model';
import { assembleDraft } from '../domain/draft/assemble';
import { fixtureInput } from '../domain/draft/assemble.fixture';
import { validateAtlas } from '../domain/validate-atlas';
import { el } from '../dom/el';
import { ArticlePanel } from '../ui/article-panel';
import { placeDetails } from './place-details';

const NAMES = { article: 'article.json', places: 'places.geojson', facts: 'facts.json' };

describe('a fresh draft on the page', () => {
  it('shows its empty summary, roles, paraphrases and speaker as they are, without failing', () => {
    const model = buildAtlasModel(validateAtlas(assembleDraft(fixtureInput()), NAMES).atlas!);
    const element = el('section');
    document.body.replaceChildren(element);
    new ArticlePanel(element, {
      article: model.atlas.article,
      places: model.orderedPlaces,
      factCount: (id) => model.factsOf(id).length,
      details: (place, headingId) => placeDetails(model, place, headingId, 3),
      onChoose: () => {},
    });
    expect(element.querySelector('.panel-summary')?.textContent).toBe('');
    expect([...element.querySelectorAll('.place-role')].map((n) => n.textContent)).toEqual(['', '', '', '']);
    // Under each of its places: the last quotation is Georgia's and Kakheti's.
    expect([...element.querySelectorAll('.fact-text')].map((n) => n.textContent)).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);
    expect([...element.querySelectorAll('blockquote')].map((n) => n.textContent)).toEqual([
      '“We want peace for all 3 villages”',
      '“It is a start.”',
      '“It is a start.”',
    ]);
  });
});
