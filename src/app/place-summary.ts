import type { AtlasModel } from '../domain/atlas-model';
import { factsInWhen, whenLabel, type DateFilter } from '../domain/date-filter';
import { keyFacts } from '../domain/fact-ranking';
import type { Place } from '../domain/types';
import { buildPlaceSummary } from '../ui/place-summary';

/**
 * A place in short, for its popup: its names, status, caption and key facts (see keyFacts). A
 * module apart from the panel's details: it loads with the camera's framing (./selection), off
 * the first screen. With a date filter, of the facts it shows.
 */
export function placeSummary(
  m: AtlasModel,
  place: Place,
  headingId: string,
  options: { onAllFacts: () => void; actions: readonly HTMLElement[] },
  when: DateFilter | null = null,
): HTMLElement {
  const all = m.factsOf(place.id);
  const facts = factsInWhen(all, when);
  return buildPlaceSummary(
    {
      place,
      keyFacts: keyFacts(facts, place.id),
      factCount: facts.length,
      article: m.atlas.article,
      ...(when ? { filter: { label: whenLabel(when), total: all.length } } : {}),
    },
    { headingId, ...options },
  );
}
