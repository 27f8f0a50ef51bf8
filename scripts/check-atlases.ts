import { join, relative } from 'node:path';
import { checkAgainstArticle } from '../src/domain/check-against-article';
import { formatIssue, IssueList, type Issue } from '../src/domain/issues';
import { loadAtlas, type AtlasLoad } from '../src/domain/load-atlas';
import type { Atlas, AtlasIndexEntry } from '../src/domain/types';
import { fileReader, readArticleText, ROOT } from './node-data';

/** One atlas of the index, checked. */
export interface AtlasCheck {
  entry: AtlasIndexEntry;
  /** The atlas, when it passed validation. */
  atlas?: Atlas;
  /** Its article text's path from the repository root, when it was read and checked against. */
  textFile?: string;
}

export interface AtlasesCheck {
  atlases: AtlasCheck[];
  /** Every issue of the index and of each atlas, each once, files named with the prefix. */
  issues: Issue[];
}

/**
 * Validates every atlas that a data root's index lists (loadAtlas, as the page does) and checks
 * each against its article text (checkAgainstArticle), which its `source.file` names relative to
 * its folder. A text that cannot be read is an error. What `npm run validate` prints and what
 * fails the build.
 */
export async function checkAtlases(
  dataRoot: string,
  options: { prefix?: string } = {},
): Promise<AtlasesCheck> {
  const prefix = options.prefix ?? '';
  const read = fileReader(dataRoot);
  const first = await loadAtlas(read, { prefix });
  const loads: AtlasLoad[] = first.index.length
    ? await Promise.all(first.index.map((entry) => loadAtlas(read, { id: entry.id, prefix })))
    : [first];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const add = (list: readonly Issue[]) => {
    for (const issue of list) {
      // The index's issues come with every atlas loaded from it.
      const key = `${issue.severity} ${formatIssue(issue)}`;
      if (!seen.has(key)) issues.push(issue);
      seen.add(key);
    }
  };
  const atlases: AtlasCheck[] = [];
  for (const load of loads) {
    add(load.issues);
    if (!load.entry) continue;
    if (!load.atlas) {
      atlases.push({ entry: load.entry });
      continue;
    }
    const files = {
      article: `${prefix}${load.entry.path}/article.json`,
      facts: `${prefix}${load.entry.path}/facts.json`,
    };
    const sourceFile = load.atlas.article.source.file;
    const text = readArticleText(join(dataRoot, load.entry.path), sourceFile);
    const textFile = relative(ROOT, text.path);
    if (!text.ok) {
      const list = new IssueList(files.article);
      list.error(
        'article-text-unreadable',
        'source.file',
        `cannot read the article's text at ${textFile} (${text.reason}): "${sourceFile}" is relative to the atlas's folder`,
      );
      add(list.items);
      atlases.push({ entry: load.entry, atlas: load.atlas });
      continue;
    }
    add(checkAgainstArticle(load.atlas, text.text, files));
    atlases.push({ entry: load.entry, atlas: load.atlas, textFile });
  }
  return { atlases, issues };
}

/** The errors among `issues`, one a line as `npm run validate` prints them, under a heading; undefined when there is none. */
export function errorReport(issues: readonly Issue[]): string | undefined {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return undefined;
  return [
    `the atlas data did not pass validation (npm run validate): ${errors.length} error(s)`,
    ...errors.map(formatIssue),
  ].join('\n');
}
