// Validates every atlas under data/ and prints each problem with its file and JSON path.
//   npm run validate            exit 0 when there is no error, 1 otherwise
import { formatIssue } from '../src/domain/issues';
import { checkAtlases } from './check-atlases';
import { DATA_ROOT } from './node-data';

const prefix = 'data/';
const { atlases, issues } = await checkAtlases(DATA_ROOT, { prefix });
for (const { entry, atlas, textFile } of atlases) {
  if (!atlas || textFile === undefined) continue;
  const { facts, places } = atlas;
  console.log(
    `${prefix}${entry.path}: ${places.length} places, ${facts.length} facts, ` +
      `${facts.filter((f) => f.quote).length} quotations checked against ${textFile}`,
  );
}
for (const issue of issues) console.log(`${issue.severity}: ${formatIssue(issue)}`);
const errors = issues.filter((i) => i.severity === 'error').length;
const warnings = issues.length - errors;
const checked = atlases.filter((a) => a.atlas).length;
console.log(`${checked} atlas(es) checked: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
