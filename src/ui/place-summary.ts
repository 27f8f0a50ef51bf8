import './place-summary.css';
import { articleSource } from '../domain/fact-groups';
import type { Article, Fact, Place } from '../domain/types';
import { el } from '../dom/el';
import { buildFactItem } from './fact-list';
import { buildAltNames, buildDisputeLine, factCountText, type FactFilter } from './place-details';

export interface PlaceSummaryInput {
  place: Place;
  /** The facts the summary shows, in the order given (see keyFacts). */
  keyFacts: readonly Fact[];
  /** How many facts the place has in all (the panel lists them), or of the filter's dates. */
  factCount: number;
  article: Article;
  /** Set while a date filter is chosen: `keyFacts` and `factCount` are of the facts it shows. */
  filter?: FactFilter;
}

export interface PlaceSummaryOptions {
  /** The id of the summary's heading (h2), which names it. */
  headingId: string;
  /** The reader asked for all the place's facts (in the panel). */
  onAllFacts: () => void;
  /** More buttons after "All N facts" (the place's export). */
  actions?: readonly HTMLElement[];
}

/** "All 33 facts"; a place with one fact (or none in the chosen dates) has its details in the panel. */
export function allFactsLabel(count: number): string {
  return count <= 1 ? 'Details in the panel' : `All ${count} facts`;
}

/**
 * A place in short, for its popup: the name and its other names in one line, the dispute line
 * where there is one, the caption, the few facts that matter most, and a button to all of them.
 * The panel keeps the complete text (buildPlaceDetails); this repeats none of its longer parts.
 */
export function buildPlaceSummary(input: PlaceSummaryInput, options: PlaceSummaryOptions): HTMLElement {
  const { place, article } = input;
  const p = place.properties;
  const allFacts = el('button', {
    className: 'button all-facts',
    text: allFactsLabel(input.factCount),
    attrs: { type: 'button' },
  });
  allFacts.addEventListener('click', () => options.onAllFacts());
  return el(
    'article',
    {
      className: 'place-summary',
      attrs: { 'aria-labelledby': options.headingId, 'data-place-id': place.id },
    },
    [
      el('h2', { className: 'place-name', text: p.name, attrs: { id: options.headingId } }),
      buildAltNames(place, { compact: true }),
      buildDisputeLine(place),
      p.caption ? el('p', { className: 'place-caption', text: p.caption }) : null,
      input.filter
        ? el('p', { className: 'summary-filter', text: `${factCountText(input.factCount, input.filter)}.` })
        : null,
      input.keyFacts.length
        ? el(
            'ul',
            { className: 'facts summary-facts', attrs: { 'aria-label': 'Key facts' } },
            input.keyFacts.map((f) => buildFactItem(f, article, { compact: true })),
          )
        : null,
      input.keyFacts.length
        ? el('p', {
            className: 'summary-source',
            text: `Source: ${articleSource(article)}`,
          })
        : null,
      el('div', { className: 'place-actions' }, [allFacts, ...(options.actions ?? [])]),
    ],
  );
}
