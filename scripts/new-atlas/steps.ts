// The drafting steps new-atlas runs: the text's structure, quotations, figures and dates
// (src/domain/draft) and the places it names in the offline gazetteer (scripts/gazetteer).
import { draftArticleText } from '../../src/domain/draft/article-text';
import { findFigures } from '../../src/domain/draft/figures';
import { findPlaceNames } from '../../src/domain/draft/place-names';
import { findQuotations } from '../../src/domain/draft/quotations';
import { findDates } from '../../src/domain/draft/relative-dates';
import { loadGazetteer } from '../gazetteer/load-gazetteer';
import type { DraftSteps } from './run';

export const DRAFT_STEPS: DraftSteps = {
  draftArticleText,
  findQuotations,
  findFigures,
  findDates,
  loadGazetteer: async () => {
    const gazetteer = await loadGazetteer();
    return { findPlaceNames: (paragraphTexts) => findPlaceNames(paragraphTexts, gazetteer) };
  },
};
