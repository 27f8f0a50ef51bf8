import type { AtlasModel } from '../domain/atlas-model';
import { keyFacts } from '../domain/fact-ranking';
import type { Place } from '../domain/types';
import { buildPlaceSummary } from '../ui/place-summary';

/**
 * A place in short, for its popup: its names, status, caption and key facts (see keyFacts). A
 * module apart from the panel's details: it could load with the popup's code, but a dynamic
 * import of it makes the bundler split the modules it shares with the first screen and the export
 * into chunks of their own, which costs the first screen more bytes than it saves.
 */
export function placeSummary(
  m: AtlasModel,
  place: Place,
  headingId: string,
  options: { onAllFacts: () => void; actions: readonly HTMLElement[] },
): HTMLElement {
  const facts = m.factsOf(place.id);
  return buildPlaceSummary(
    { place, keyFacts: keyFacts(facts, place.id), factCount: facts.length, article: m.atlas.article },
    { headingId, ...options },
  );
}
