import { describe, expect, it } from 'vitest';
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { buildAtlasModel } from './atlas-model';
import { keyFacts } from './fact-ranking';
import type { Fact } from './types';
import { validateAtlas } from './validate-atlas';

const model = buildAtlasModel(validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!);
const keyIds = (placeId: string, max?: number) =>
  keyFacts(model.factsOf(placeId), placeId, max).map((f) => f.id);

/** A fact of place `p` (its first place unless `placeIds` says otherwise). */
const fact = (id: string, kind: Fact['kind'], paragraph: number, extra: Partial<Fact> = {}): Fact => ({
  id,
  placeIds: ['p'],
  kind,
  date: null,
  dateText: null,
  text: id,
  paragraph,
  ...extra,
});
const figure = { value: 2, unit: 'hours', qualifier: 'exact', label: 'length', text: 'two' } as const;

describe('keyFacts on the real atlas', () => {
  it('gives each place its first quotation, then figures, then events', () => {
    expect(Object.fromEntries(model.atlas.places.map((p) => [p.id, keyIds(p.id)]))).toEqual({
      // Its own quotation (with a figure), then its own facts with figures in the article's order;
      // background figures (the wars, the 1990s toll) do not count as figures.
      'nagorno-karabakh': [
        'talks-constructive',
        'separatists-agree-to-disarm',
        'armenian-population-estimate',
      ],
      // No figures: the quotation, the event, then a further quotation.
      stepanakert: ['gasparyan-exchange-of-fire', 'stepanakert-gunfire', 'gasparyan-waiting'],
      // Its own quotation before talks-constructive, which comes earlier in the data but is the
      // region's; that one is still Baku's only fact with a figure.
      baku: ['reintegration-plans', 'talks-constructive', 'azerbaijani-jubilation'],
      yerevan: ['pashinyan-no-direct-threat', 'yerevan-ready-for-families', 'border-fire'],
      // The ceasefire and the peacekeepers killed: shared facts with a figure and an event rank
      // above Moscow's own statements.
      moscow: ['peskov-question-decided', 'separatists-agree-to-disarm', 'russian-peacekeepers-killed'],
      ankara: ['erdogan-support'],
      brussels: ['eu-humanitarian-assistance', 'us-eu-peace-efforts'],
      'new-york': ['security-council-session'],
      washington: ['us-eu-peace-efforts'],
    });
  });

  it('takes at most max facts', () => {
    expect(keyIds('nagorno-karabakh', 2)).toEqual(['talks-constructive', 'separatists-agree-to-disarm']);
    expect(keyIds('nagorno-karabakh', 0)).toEqual([]);
    expect(keyIds('nagorno-karabakh', 5)).toEqual([
      'talks-constructive',
      'separatists-agree-to-disarm',
      'armenian-population-estimate',
      'separatist-death-toll',
      'evacuations',
    ]);
  });
});

describe('keyFacts ranks', () => {
  it('puts the first quotation first, then figures, events, other news and background', () => {
    const facts = [
      fact('background', 'context', 1),
      fact('background-figure', 'context', 1, { figures: [figure] }),
      fact('statement', 'statement', 1),
      fact('event', 'event', 2),
      fact('later-quotation', 'quotation', 3),
      fact('figure', 'figure', 4, { figures: [figure] }),
      fact('event-with-figure', 'event', 5, { figures: [figure] }),
      fact('quotation', 'quotation', 2),
    ];
    expect(keyFacts(facts, 'p', 10).map((f) => f.id)).toEqual([
      'quotation',
      'figure',
      'event-with-figure',
      'event',
      'statement',
      'later-quotation',
      'background',
      'background-figure',
    ]);
  });

  it('orders by paragraph, then by the data’s order, and puts the place’s own facts before shared ones', () => {
    const facts = [
      fact('shared-p1', 'event', 1, { placeIds: ['q', 'p'] }),
      fact('own-p3', 'event', 3),
      fact('own-p2-b', 'event', 2),
      fact('own-p2-a', 'event', 2),
      fact('shared-quotation', 'quotation', 1, { placeIds: ['q', 'p'] }),
    ];
    expect(keyFacts(facts, 'p', 10).map((f) => f.id)).toEqual([
      'shared-quotation',
      'own-p2-b',
      'own-p2-a',
      'own-p3',
      'shared-p1',
    ]);
  });

  it('leaves its input as it was', () => {
    const facts = [fact('a', 'context', 1), fact('b', 'quotation', 2)];
    keyFacts(facts, 'p');
    expect(facts.map((f) => f.id)).toEqual(['a', 'b']);
  });
});
