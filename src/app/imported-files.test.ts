import { describe, expect, it } from 'vitest';
import type { ImportedLayer, ImportResult } from '../domain/import-geojson';
import type { Issue } from '../domain/issues';
import { MAX_SHOWN_ISSUES, openedNotice, refusedNotice } from './imported-files';

const issue = (n: number, severity: Issue['severity']): Issue => ({
  code: 'test-issue',
  message: `problem ${n}`,
  severity,
  file: 'f.geojson',
  path: `features[${n}]`,
});
const layer: ImportedLayer = { fileName: 'f.geojson', features: [], bbox: [44, 39, 46, 41] };

describe('the notices for an opened file', () => {
  it('says how many features were added, with no warnings to list', () => {
    const summary = '2 features read, 2 drawn';
    expect(
      openedNotice('f.geojson', { layer, issues: [], counts: { errors: 0, warnings: 0 }, summary }),
    ).toBe('f.geojson: 2 features read, 2 drawn; added as a layer.');
    expect(
      openedNotice('w.gpx', {
        layer,
        issues: [],
        counts: { errors: 0, warnings: 0 },
        summary,
        conversion: 'read as GPX: 2 tracks',
      }),
    ).toBe('w.gpx: 2 features read, 2 drawn; read as GPX: 2 tracks; added as a layer.');
  });

  it('lists the first 5 warnings and counts every one, those the importer left out of its list too', () => {
    const warnings = Array.from({ length: 7 }, (_, i) => issue(i, 'warning'));
    const more: Issue = { ...issue(99, 'warning'), code: 'more-issues', message: '993 more' };
    const result: ImportResult & { layer: ImportedLayer } = {
      layer,
      issues: [...warnings, more],
      counts: { errors: 0, warnings: 1000 },
      summary: '0 features read, 0 drawn; 1,000 warnings',
    };
    expect(MAX_SHOWN_ISSUES).toBe(5);
    expect(openedNotice('f.geojson', result)).toBe(
      'f.geojson: 0 features read, 0 drawn; 1,000 warnings; added as a layer. Warnings: ' +
        'f.geojson: features[0]: problem 0 [test-issue]; f.geojson: features[1]: problem 1 [test-issue]; ' +
        'f.geojson: features[2]: problem 2 [test-issue]; f.geojson: features[3]: problem 3 [test-issue]; ' +
        'f.geojson: features[4]: problem 4 [test-issue] (and 995 more)',
    );
    expect(
      openedNotice('f.geojson', {
        layer,
        issues: warnings.slice(0, 2),
        counts: { errors: 0, warnings: 2 },
        summary: '0 features read, 0 drawn; 2 warnings',
      }),
    ).toBe(
      'f.geojson: 0 features read, 0 drawn; 2 warnings; added as a layer. Warnings: f.geojson: features[0]: problem 0 [test-issue]; f.geojson: features[1]: problem 1 [test-issue]',
    );
  });

  it('lists the first 5 errors of a refused file, and how many more there are', () => {
    const errors = Array.from({ length: 100 }, (_, i) => issue(i, 'error'));
    const counts = { errors: 100_000, warnings: 0 };
    expect(
      refusedNotice('f.geojson', { issues: errors, counts, summary: 'not opened: 100,000 errors' }),
    ).toBe(
      'f.geojson was not opened: f.geojson: features[0]: problem 0 [test-issue]; f.geojson: features[1]: problem 1 [test-issue]; ' +
        'f.geojson: features[2]: problem 2 [test-issue]; f.geojson: features[3]: problem 3 [test-issue]; ' +
        'f.geojson: features[4]: problem 4 [test-issue] (and 99995 more)',
    );
  });
});
