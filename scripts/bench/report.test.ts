import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS } from './config';
import { renderReport } from './report';
import type { BenchReport } from './types';

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as BenchReport;

describe('renderReport', () => {
  it('renders the committed latest.json as the committed latest.md, byte for byte', () => {
    const md = renderReport(readReport(join(RESULTS, 'latest.json')));
    expect(md).toBe(readFileSync(join(RESULTS, 'latest.md'), 'utf8'));
  });

  // Golden files: fixtures/<case>.json rendered as fixtures/<case>.expected.txt (.txt, so that
  // Prettier leaves the Markdown as it is). The expected files were made by the bench before it
  // was split (scripts/bench.ts), for the branches latest.json does not reach: every target met and
  // the atlas faster than the bare page; the article's layers costing more than the whole app;
  // no page with the article's layers.
  const fixtures = join(import.meta.dirname, 'fixtures');
  const cases = readdirSync(fixtures)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));

  it('has the three golden cases', () => {
    expect(cases).toEqual(['all-met', 'layers-cost-more', 'no-layers-page']);
  });

  it.each(cases)('renders fixtures/%s.json as fixtures/%s.expected.txt', (name) => {
    const md = renderReport(readReport(join(fixtures, `${name}.json`)));
    expect(md).toBe(readFileSync(join(fixtures, `${name}.expected.txt`), 'utf8'));
  });
});
