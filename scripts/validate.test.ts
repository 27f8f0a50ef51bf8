import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_ARTICLE } from './node-data';

describe('npm run validate', () => {
  it('exits 0 on the real data and prints one line per atlas and the summary', () => {
    // execFileSync throws when the exit status is not 0, so returning is the exit-0 check.
    const stdout = execFileSync('npx', ['tsx', 'scripts/validate.ts'], { cwd: ROOT, encoding: 'utf8' });
    const atlasLine = existsSync(SEED_ARTICLE)
      ? 'data/atlases/karabakh-peace-talks: 9 places, 44 facts, 13 quotations checked against shared/seed/article.txt'
      : 'data/atlases/karabakh-peace-talks: quotations not checked: shared/seed/article.txt is absent';
    expect(stdout).toBe(`${atlasLine}\n1 atlas(es) checked: 0 error(s), 0 warning(s)\n`);
  }, 60_000);
});
