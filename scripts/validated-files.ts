import { isObject, withoutByteOrderMark } from '../src/domain/json-reader';
import { INDEX_FILE, type ValidatedFiles } from '../src/domain/load-atlas';
import type { Issue } from '../src/domain/issues';
import { validateAtlasIndex } from '../src/domain/validate-atlas';
import { fileDigest } from '../src/io/file-digest';
import { checkAtlases } from './check-atlases';
import { fileReader } from './node-data';

/** Every atlas of a data root checked (checkAtlases), and the files the page may take as they are. */
export interface ValidatedData {
  issues: Issue[];
  /** Empty when there is an error: such a build fails. */
  files: ValidatedFiles;
}

const NONE: ValidatedFiles = { digests: {}, index: [] };

/**
 * Checks every atlas of the data root as `npm run validate` does, and lists, by their digests (fileDigest),
 * the files the page may then load without its validator: the index (with its entries as
 * validated) and the three files of each atlas that the validator returns as their JSON as
 * written (an atlas whose files carry members the validator drops, a `bbox` say, is validated by
 * the page as before).
 */
export async function validatedFiles(
  dataRoot: string,
  options: { prefix?: string } = {},
): Promise<ValidatedData> {
  const check = await checkAtlases(dataRoot, options);
  if (check.issues.some((i) => i.severity === 'error')) return { issues: check.issues, files: NONE };
  const read = fileReader(dataRoot);
  const text = async (path: string) => {
    const result = await read(path);
    // The files were read a moment ago by the check: a file gone since is left to the page.
    return result.ok ? withoutByteOrderMark(result.text) : undefined;
  };
  const digests: Record<string, string> = {};
  const record = async (path: string, content: string) => {
    const digest = await fileDigest(content);
    if (digest !== undefined) digests[path] = digest;
  };
  const indexText = await text(INDEX_FILE);
  if (indexText === undefined) return { issues: check.issues, files: NONE };
  const { entries } = validateAtlasIndex(JSON.parse(indexText) as unknown, INDEX_FILE);
  await record(INDEX_FILE, indexText);
  for (const { entry, atlas } of check.atlases) {
    if (!atlas) continue;
    const paths = {
      article: `${entry.path}/article.json`,
      places: `${entry.path}/places.geojson`,
      facts: `${entry.path}/facts.json`,
    };
    const [article, places, facts] = await Promise.all([
      text(paths.article),
      text(paths.places),
      text(paths.facts),
    ]);
    if (article === undefined || places === undefined || facts === undefined) continue;
    const placesJson: unknown = JSON.parse(places);
    const factsJson: unknown = JSON.parse(facts);
    const asWritten = {
      article: JSON.parse(article) as unknown,
      places: isObject(placesJson) ? placesJson.features : undefined,
      facts: isObject(factsJson) ? factsJson.facts : undefined,
    };
    // The same values in the same order: what the page and the export make of the parsed files.
    if (JSON.stringify(asWritten) !== JSON.stringify(atlas)) continue;
    await Promise.all([
      record(paths.article, article),
      record(paths.places, places),
      record(paths.facts, facts),
    ]);
  }
  // In the order of their paths, so that a build of the same data writes the same module.
  const sorted = Object.fromEntries(Object.entries(digests).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { issues: check.issues, files: { digests: sorted, index: entries } };
}
