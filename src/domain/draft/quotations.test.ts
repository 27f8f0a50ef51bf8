import { describe, expect, it } from 'vitest';
import { HAND_MADE } from '../../../tests/helpers/draft-fixtures';
import { draftArticleText } from './article-text';
import { findQuotations } from './quotations';

const quotationsOf = (text: string) => findQuotations(draftArticleText(text));

describe('findQuotations on the hand-made atlases', () => {
  const rows = HAND_MADE.flatMap((atlas) => {
    const found = quotationsOf(atlas.text);
    return atlas.facts.flatMap((fact) => {
      if (!fact.quote) return [];
      const quote = fact.quote;
      const whole = found.find((q) => q.text === quote.text);
      const part = found.find((q) => q.text.includes(quote.text));
      const match = whole ?? part;
      return [
        {
          atlas: atlas.id,
          fact: fact.id,
          paragraph: match?.paragraph ?? null,
          found: whole ? 'whole' : part ? 'part' : 'none',
          handMade: quote.speaker,
          drafted: match?.speaker ?? null,
        },
      ];
    });
  });

  it('finds every hand-made quotation verbatim, as a whole quotation, in its paragraph', () => {
    const facts = HAND_MADE.flatMap((a) =>
      a.facts.filter((f) => f.quote).map((f) => ({ id: f.id, paragraph: f.paragraph })),
    );
    expect(rows.map((r) => ({ id: r.fact, paragraph: r.paragraph, found: r.found }))).toEqual(
      facts.map((f) => ({ ...f, found: 'whole' })),
    );
  });

  it('drafts the hand-made speaker for 14 of the 15 quotations', () => {
    expect(rows.map((r) => [r.fact, r.handMade, r.drafted])).toEqual([
      ['talks-constructive', 'Presidency of Azerbaijan', 'Presidency of Azerbaijan'],
      // The sentence has no speech verb ("Baku's negotiators presented plans for the …"): the
      // speaker before it in the paragraph is drafted, for the editor to correct.
      ['reintegration-plans', 'Azerbaijani negotiators', 'Presidency of Azerbaijan'],
      ['gasparyan-exchange-of-fire', 'Arutyun Gasparyan', 'Arutyun Gasparyan'],
      ['gasparyan-waiting', 'Arutyun Gasparyan', 'Arutyun Gasparyan'],
      [
        'ombudsman-displaced-people',
        'Human rights ombudsman of Nagorno-Karabakh',
        'Human rights ombudsman of Nagorno-Karabakh',
      ],
      ['pashinyan-no-direct-threat', 'Nikol Pashinyan', 'Nikol Pashinyan'],
      ['eu-humanitarian-assistance', 'European Union', 'European Union'],
      ['baku-peaceful-reintegration', 'Government of Azerbaijan', 'Government of Azerbaijan'],
      ['pashinyan-peacekeeper-failures', 'Nikol Pashinyan', 'Nikol Pashinyan'],
      ['erdogan-support', 'Recep Tayyip Erdogan', 'Recep Tayyip Erdogan'],
      ['pashinyan-path-not-easy', 'Nikol Pashinyan', 'Nikol Pashinyan'],
      ['aliyev-positive-impact', 'Ilham Aliyev', 'Ilham Aliyev'],
      ['peskov-question-decided', 'Dmitry Peskov', 'Dmitry Peskov'],
      ['anastasiades-difficulties-ahead', 'Nicos Anastasiades', 'Nicos Anastasiades'],
      ['biden-support', 'Joe Biden', 'Joe Biden'],
    ]);
    const right = rows.filter((r) => r.drafted === r.handMade).length;
    expect(right / rows.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds no quotation the hand-made facts lack, with roles and attributions for the editor', () => {
    const [seed, cyprus] = HAND_MADE;
    expect(quotationsOf(seed?.text ?? '').length).toBe(13);
    expect(quotationsOf(cyprus?.text ?? '')).toEqual([
      {
        text: 'I want to say that the most major difficulties are those that are ahead of us - the joint communiqué is not the solution to the Cyprus problem, it just dictates the parameters which the two communities, but also Turkey, must operate within, so that we achieve a solution that will be acceptable to the Greek Cypriots, without ignoring the rights of the Turkish Cypriots.',
        paragraph: 4,
        speaker: 'Nicos Anastasiades',
        speakerRole: 'The president of the Greek Cypriot government',
        attribution: 'Nicos Anastasiades said',
        partial: false,
      },
      {
        text: 'unwavering U.S. support',
        paragraph: 5,
        speaker: 'Joe Biden',
        speakerRole: 'U.S. Vice President',
        attribution: 'U.S. Vice President Joe Biden expressed',
        partial: true,
      },
    ]);
  });
});

describe('findQuotations on other attributions', () => {
  it('reads a speaker after "said", with the role in apposition, and curly marks', () => {
    expect(
      quotationsOf(
        'Headline\n“We will not give up,” said Hikmet Hajiyev, foreign policy adviser to the president. The talks went on.',
      ),
    ).toEqual([
      {
        text: 'We will not give up,',
        paragraph: 1,
        speaker: 'Hikmet Hajiyev',
        speakerRole: 'foreign policy adviser to the president',
        attribution: 'said Hikmet Hajiyev, foreign policy adviser to the president',
        partial: false,
      },
    ]);
  });

  it('keeps an institution as the text names it, and "according to"', () => {
    const found = quotationsOf(
      'Headline\n"All weapons must go," the defence ministry said. The plan, according to the UN envoy, is "a first step".',
    );
    expect(found.map((q) => [q.text, q.speaker, q.partial])).toEqual([
      ['All weapons must go,', 'the defence ministry', false],
      ['a first step', 'the UN envoy', true],
    ]);
  });

  it('runs a quotation left open to the end of its paragraph and takes the speaker of its continuation', () => {
    const found = quotationsOf(
      [
        'Headline',
        'The minister spoke at length.',
        '"We came here to talk.',
        '"And we will stay," said Anna Weber, the minister.',
      ].join('\n'),
    );
    expect(found.map((q) => [q.paragraph, q.text, q.speaker])).toEqual([
      [2, 'We came here to talk.', 'Anna Weber'],
      [3, 'And we will stay,', 'Anna Weber'],
    ]);
  });

  it('finds nothing in a text without double quotation marks', () => {
    expect(quotationsOf("Headline\nThe 'talks' went on all day, officials said.")).toEqual([]);
  });
});
