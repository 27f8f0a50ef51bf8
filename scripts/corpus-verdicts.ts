// The golden tables of two external GeoJSON corpora: what the importer makes of every file (opened
// or refused, its issue codes, its counts), with the reason written by hand wherever that differs
// from what the corpus expects. tests/unit/corpora.test.ts compares; this script writes the tables
// again after a deliberate change, keeping every reason already written:
//   GEOJSONHINT_DATA=/tmp/geojsonhint/test/data npx tsx scripts/corpus-verdicts.ts
// (without GEOJSONHINT_DATA only the geojson-fixtures table is written; see data/SOURCES.md).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importGeoJson } from '../src/domain/import-geojson';

export type Verdict = 'opened' | 'refused';

export interface CorpusEntry {
  /** The path under the corpus's data folder. */
  file: string;
  /** SHA-256 of the file, so that a changed corpus is noticed (the geojsonhint files are not held here). */
  sha256: string;
  /** What the corpus means the file to be: its folder (good/bad), or valid for geojson-fixtures. */
  expected: Verdict;
  verdict: Verdict;
  /** The codes of the issues, in the order the importer gives them. */
  codes: string[];
  counts: { errors: number; warnings: number };
  /** Why the verdict is not the one expected, written by hand; only where they differ. */
  reason?: string;
}

/** What a regenerated entry holds in place of a reason nobody has written yet: the test refuses it. */
export const REASON_TO_WRITE = 'TO WRITE: why the importer differs from the corpus';

export const GEOJSON_FIXTURES_DATA = 'node_modules/geojson-fixtures/data';
export const GEOJSON_FIXTURES_TABLE = 'tests/corpora/geojson-fixtures.verdicts.json';
export const GEOJSONHINT_TABLE = 'tests/corpora/geojsonhint.verdicts.json';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.geojson'))
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** The entry for one file, as the importer reads it now (without a reason). */
export function judge(dir: string, file: string, expected: Verdict): CorpusEntry {
  const bytes = readFileSync(join(dir, file));
  const result = importGeoJson(bytes.toString('utf8'), file, bytes.length);
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    expected,
    verdict: result.layer ? 'opened' : 'refused',
    codes: result.issues.map((i) => i.code),
    counts: result.counts,
  };
}

/** Every file of geojson-fixtures: all of them valid GeoJSON. */
export const geojsonFixturesEntries = (root: string): CorpusEntry[] =>
  filesUnder(join(root, GEOJSON_FIXTURES_DATA)).map((f) =>
    judge(join(root, GEOJSON_FIXTURES_DATA), f, 'opened'),
  );

/** Every .geojson of geojsonhint's test/data: those in good/ valid, those in bad/ not. */
export const geojsonhintEntries = (dataDir: string): CorpusEntry[] =>
  filesUnder(dataDir).map((f) => judge(dataDir, f, f.startsWith('good/') ? 'opened' : 'refused'));

/** The entries with the reasons of `previous` kept, and a placeholder where one is missing. */
export function withReasons(entries: CorpusEntry[], previous: readonly CorpusEntry[]): CorpusEntry[] {
  const reasons = new Map(previous.map((e) => [e.file, e.reason]));
  return entries.map((e) => {
    if (e.verdict === e.expected) return e;
    return { ...e, reason: reasons.get(e.file) ?? REASON_TO_WRITE };
  });
}

export const readTable = (path: string): CorpusEntry[] =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CorpusEntry[]) : [];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const write = (path: string, entries: CorpusEntry[]) => {
    const table = withReasons(entries, readTable(path));
    writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
    const todo = table.filter((e) => e.reason === REASON_TO_WRITE).length;
    console.error(`${path}: ${table.length} files${todo ? `, ${todo} reason(s) to write` : ''}`);
  };
  write(GEOJSON_FIXTURES_TABLE, geojsonFixturesEntries('.'));
  const hint = process.env.GEOJSONHINT_DATA;
  if (hint) write(GEOJSONHINT_TABLE, geojsonhintEntries(hint));
  else console.error(`GEOJSONHINT_DATA is not set: ${GEOJSONHINT_TABLE} is left as it is`);
}
