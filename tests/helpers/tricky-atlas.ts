import type { Atlas } from '../../src/domain/types';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { FILE_NAMES, readAtlasFiles, SECOND_ATLAS_DIR } from './atlas-files';

/** A quotation with a comma, straight and curly quotes, a line break, `<&>` and three scripts. */
export const TRICKY_QUOTE = 'He said "no", then, after a pause,\nadded: «нет» — لا <&> ]]> 不';

/**
 * The second atlas (tests/fixtures/valid/second-atlas: Tbilisi, Batumi, Lagodekhi and a square,
 * seven facts), with TRICKY_QUOTE as the quotation of its fact `every-place-named`.
 */
export function trickyAtlas(): Atlas {
  const atlas = validateAtlas(readAtlasFiles(SECOND_ATLAS_DIR), FILE_NAMES).atlas!;
  const fact = atlas.facts.find((f) => f.id === 'every-place-named')!;
  fact.quote = { ...fact.quote!, text: TRICKY_QUOTE };
  return atlas;
}
