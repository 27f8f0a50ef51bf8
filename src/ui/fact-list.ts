import { formatFigure, groupFactsByDate, sourceLine } from '../domain/fact-groups';
import type { Article, Fact } from '../domain/types';
import { el } from '../dom/el';

const KIND_LABEL: Record<Fact['kind'], string> = {
  event: 'Event',
  figure: 'Figure',
  quotation: 'Quotation',
  statement: 'Statement',
  context: 'Background',
};

/**
 * One fact: its kind, text, quotation with speaker, figures and a source line. `compact` (for a
 * summary, whose reader has the full fact a click away) gives its text, the quotation with the
 * speaker's name, and the figures: no kind, no speaker's role, no source line.
 */
export function buildFactItem(
  fact: Fact,
  article: Article,
  options: { compact?: boolean } = {},
): HTMLLIElement {
  const compact = options.compact ?? false;
  const figures = fact.figures?.length
    ? el(
        'ul',
        { className: 'fact-figures', attrs: { 'aria-label': 'Figures' } },
        fact.figures.map((f) =>
          el('li', {}, [el('strong', { className: 'figure-value', text: formatFigure(f) }), ` ${f.label}`]),
        ),
      )
    : null;
  const quote = fact.quote
    ? el('figure', { className: 'fact-quote' }, [
        el('blockquote', {}, [el('p', { text: `“${fact.quote.text.replace(/,$/, '')}”` })]),
        el('figcaption', {}, [
          '— ',
          el('cite', { text: fact.quote.speaker }),
          fact.quote.speakerRole && !compact ? `, ${fact.quote.speakerRole}` : '',
        ]),
      ])
    : null;
  return el('li', { className: `fact fact-${fact.kind}`, attrs: { 'data-fact-id': fact.id } }, [
    compact ? null : el('span', { className: 'fact-kind', text: KIND_LABEL[fact.kind] }),
    el('p', { className: 'fact-text', text: fact.text }),
    quote,
    figures,
    compact ? null : el('p', { className: 'fact-source', text: `Source: ${sourceLine(article, fact)}` }),
  ]);
}

/** A place's facts grouped by date, each group headed by its date at heading level `level`. */
export function buildFactGroups(facts: readonly Fact[], article: Article, level: 3 | 4): HTMLElement {
  const heading = level === 3 ? 'h3' : 'h4';
  return el(
    'div',
    { className: 'fact-groups' },
    groupFactsByDate(facts).map((group) =>
      el('section', { className: 'fact-group' }, [
        el(heading, { className: 'fact-date', text: group.label }),
        el(
          'ul',
          { className: 'facts' },
          group.facts.map((f) => buildFactItem(f, article)),
        ),
      ]),
    ),
  );
}
