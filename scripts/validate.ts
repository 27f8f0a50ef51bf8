// Validates every atlas under data/ and prints each problem with its file and JSON path.
//   npm run validate            exit 0 when there is no error, 1 otherwise
import { checkAgainstArticle } from '../src/domain/check-against-article';
import { formatIssue, type Issue } from '../src/domain/issues';
import { loadAtlas } from '../src/domain/load-atlas';
import { DATA_ROOT, fileReader, readArticleText } from './node-data';

const read = fileReader(DATA_ROOT);
const prefix = 'data/';
const issues: Issue[] = [];
const first = await loadAtlas(read, { prefix });
const loads = first.index.length
  ? await Promise.all(first.index.map((entry) => loadAtlas(read, { id: entry.id, prefix })))
  : [first];
let checked = 0;
for (const load of loads) {
  issues.push(...load.issues.filter((i) => !issues.some((j) => formatIssue(i) === formatIssue(j))));
  if (!load.atlas || !load.entry) continue;
  checked += 1;
  const text = readArticleText(load.atlas.article.source.file);
  if (text === undefined) {
    console.log(
      `${prefix}${load.entry.path}: quotations not checked: ${load.atlas.article.source.file} is absent`,
    );
    continue;
  }
  issues.push(
    ...checkAgainstArticle(load.atlas, text, {
      article: `${prefix}${load.entry.path}/article.json`,
      facts: `${prefix}${load.entry.path}/facts.json`,
    }),
  );
  const { facts, places } = load.atlas;
  console.log(
    `${prefix}${load.entry.path}: ${places.length} places, ${facts.length} facts, ` +
      `${facts.filter((f) => f.quote).length} quotations checked against ${load.atlas.article.source.file}`,
  );
}
for (const issue of issues) console.log(`${issue.severity}: ${formatIssue(issue)}`);
const errors = issues.filter((i) => i.severity === 'error').length;
const warnings = issues.length - errors;
console.log(`${checked} atlas(es) checked: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
