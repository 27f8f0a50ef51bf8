// Golden tables over two external corpora (see scripts/corpus-verdicts.ts to write them again).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GEOJSON_FIXTURES_TABLE,
  GEOJSONHINT_TABLE,
  REASON_TO_WRITE,
  geojsonFixturesEntries,
  geojsonhintEntries,
  readTable,
  type CorpusEntry,
} from '../../scripts/corpus-verdicts';
import { ROOT } from '../helpers/atlas-files';

const withoutReason = (entry: CorpusEntry): CorpusEntry => {
  const copy = { ...entry };
  delete copy.reason;
  return copy;
};

/** Every entry that differs from its corpus has a reason written by hand; no other has one. */
function expectReasons(table: readonly CorpusEntry[]): void {
  for (const e of table) {
    if (e.verdict === e.expected) expect([e.file, e.reason]).toEqual([e.file, undefined]);
    else {
      expect([e.file, e.reason === undefined || e.reason === REASON_TO_WRITE]).toEqual([e.file, false]);
      expect(e.reason?.length ?? 0).toBeGreaterThan(40);
    }
  }
}

describe('geojson-fixtures (npm, ISC): every file is read as its golden table says', () => {
  const table = readTable(join(ROOT, GEOJSON_FIXTURES_TABLE));

  it('has an entry for each of its 16 files, with the verdict, codes and counts of now', () => {
    expect(table).toHaveLength(16);
    expect(geojsonFixturesEntries(ROOT)).toEqual(table.map(withoutReason));
  });

  it('opens every file (they are all valid GeoJSON), or says why not', () => {
    expect(table.filter((e) => e.verdict === 'opened').map((e) => e.file)).toHaveLength(16);
    expectReasons(table);
  });
});

const hintData = process.env.GEOJSONHINT_DATA;
const hintReady = hintData !== undefined && existsSync(join(hintData, 'good'));

describe('mapbox/geojsonhint test/data (ISC, not held here)', () => {
  const table = readTable(join(ROOT, GEOJSONHINT_TABLE));

  it('holds 62 entries, each with a reason wherever the verdict differs from its folder', () => {
    expect(table).toHaveLength(62);
    expect(table.filter((e) => e.verdict !== e.expected).map((e) => e.file)).toEqual([
      'bad/bad-polygon-interiorring-rhr.geojson',
      'bad/badfeatureid.geojson',
      'bad/excessive_precision_truncated.geojson',
      'bad/feature_changed_semantics.geojson',
      'bad/featurecollection_changed_semantics.geojson',
      'bad/geometry_changed_semantics.geojson',
      'bad/geometrycollection_nested.geojson',
      'bad/geometrycollection_single.geojson',
      'bad/point-toomany.geojson',
      'bad/polygon_winding_order.geojson',
      'good/issue82.geojson',
      'good/nullgeometry.geojson',
    ]);
    expectReasons(table);
  });

  it.skipIf(!hintReady)(
    hintReady
      ? 'reads every file of GEOJSONHINT_DATA as the table says (same SHA-256, verdict, codes, counts)'
      : 'skipped: GEOJSONHINT_DATA does not point at geojsonhint test/data (its files may not be held here; ' +
          'see data/SOURCES.md for how to extract them)',
    () => {
      expect(geojsonhintEntries(hintData ?? '')).toEqual(table.map(withoutReason));
    },
  );
});
