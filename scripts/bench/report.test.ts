import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS } from './config';
import { openedFilesSection, renderReport } from './report';
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

describe('openedFilesSection', () => {
  it('is left out of a report without opened files', () => {
    expect(openedFilesSection(undefined)).toEqual([]);
    expect(openedFilesSection([])).toEqual([]);
  });

  it('gives each file’s two pages, the ratios on the atlas’s row, and every run', () => {
    const run = (drawnMs: number, longestGapMs: number) => ({ drawnMs, longestGapMs });
    const lines = openedFilesSection([
      {
        points: 10000,
        bytes: 1_572_864,
        runs: 2,
        atlas: run(900, 450),
        bare: run(450, 150),
        drawnRatio: 2,
        gapRatio: 3,
        atlasRuns: [run(800, 400), run(1000, 500)],
        bareRuns: [run(400, 100), run(500, 200)],
      },
    ]);
    expect(lines.slice(-4)).toEqual([
      '| ---: | ---: | --- | ---: | ---: | --- | --- |',
      '| 10000 | 1.5 MB | Article Atlas | 900 (2x) | 450 (3x) | 800, 1000 | 400, 500 |',
      '| 10000 | 1.5 MB | bare MapLibre, clustered source | 450 | 150 | 400, 500 | 100, 200 |',
      '',
    ]);
    expect(lines[0]).toBe('## Opened files of points');
  });
});
