import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedAtlases, readJsonFile } from '../tests/helpers/atlas-files';
import { formatIssue } from '../src/domain/issues';
import { checkAtlases } from './check-atlases';
import { DATA_ROOT, ROOT } from './node-data';

/** What validate.ts says of an atlas, worked out here from its files. */
function atlasLine(path: string, dir: string): string {
  const article = readJsonFile(join(dir, 'article.json')) as { source: { file: string } };
  const places = readJsonFile(join(dir, 'places.geojson')) as { features: unknown[] };
  const facts = (readJsonFile(join(dir, 'facts.json')) as { facts: { quote?: unknown }[] }).facts;
  const text = relative(ROOT, resolve(dir, article.source.file));
  return (
    `data/${path}: ${places.features.length} places, ${facts.length} facts, ` +
    `${facts.filter((f) => f.quote).length} quotations checked against ${text}`
  );
}

describe('npm run validate', () => {
  it('exits 0 on the real data and prints one line per atlas of the index, its warnings and the summary', async () => {
    const atlases = indexedAtlases();
    const { issues } = await checkAtlases(DATA_ROOT, { prefix: 'data/' });
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    // execFileSync throws when the exit status is not 0, so returning is the exit-0 check.
    const stdout = execFileSync('npx', ['tsx', 'scripts/validate.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout).toBe(
      [
        ...atlases.map((a) => atlasLine(a.path, a.dir)),
        ...issues.map((i) => `warning: ${formatIssue(i)}`),
        `${atlases.length} atlas(es) checked: 0 error(s), ${issues.length} warning(s)`,
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('checks the seed against the text beside the project, which its source.file reaches from its folder', () => {
    const seed = indexedAtlases().find((a) => a.id === 'karabakh-peace-talks')!;
    expect(atlasLine(seed.path, seed.dir)).toBe(
      'data/atlases/karabakh-peace-talks: 9 places, 44 facts, 13 quotations checked against ../shared/seed/article.txt',
    );
  });
});
