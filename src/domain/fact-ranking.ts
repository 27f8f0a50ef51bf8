import type { Fact } from './types';

/**
 * How much a fact matters to a place's summary, lower first: the place's first quotation (a voice
 * from the story), then facts with figures, then events, then the other news (statements, further
 * quotations), then background. Background figures (the toll of a war thirty years ago) rank as
 * background: a summary is about what happened now.
 */
const RANK = { firstQuotation: 0, figures: 1, event: 2, news: 3, background: 4 } as const;

function rankOf(fact: Fact, firstQuotation: Fact | undefined): number {
  if (fact === firstQuotation) return RANK.firstQuotation;
  if (fact.kind === 'context') return RANK.background;
  if (fact.kind === 'figure' || (fact.figures?.length ?? 0) > 0) return RANK.figures;
  if (fact.kind === 'event') return RANK.event;
  return RANK.news;
}

/**
 * The facts a place's summary shows, at most `max`, most important first: its first quotation,
 * then facts with figures, then events, then the rest (see RANK). Within a rank the place's own
 * facts (those whose first place it is) come before facts it shares with another place, and each
 * in the article's order (paragraph, then the data's order).
 */
export function keyFacts(facts: readonly Fact[], placeId: string, max = 3): Fact[] {
  const order = new Map(facts.map((fact, i) => [fact, i]));
  const shared = (fact: Fact) => (fact.placeIds[0] === placeId ? 0 : 1);
  const byArticle = (a: Fact, b: Fact) =>
    shared(a) - shared(b) || a.paragraph - b.paragraph || order.get(a)! - order.get(b)!;
  const firstQuotation = facts.filter((f) => f.kind === 'quotation').sort(byArticle)[0];
  return [...facts]
    .sort((a, b) => rankOf(a, firstQuotation) - rankOf(b, firstQuotation) || byArticle(a, b))
    .slice(0, Math.max(0, max));
}
