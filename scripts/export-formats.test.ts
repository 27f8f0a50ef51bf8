import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_NAMES, readAtlasFiles, REAL_ATLAS_DIR } from '../tests/helpers/atlas-files';
import { TRICKY_QUOTE, trickyAtlas } from '../tests/helpers/tricky-atlas';
import { exportText } from '../src/domain/export-text';
import { validateAtlas } from '../src/domain/validate-atlas';

const seed = () => validateAtlas(readAtlasFiles(REAL_ATLAS_DIR), FILE_NAMES).atlas!;
const dir = mkdtempSync(join(tmpdir(), 'export-formats-'));
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/export.ts', ...args], { encoding: 'utf8' });

// GDAL is the reader GIS tools use; .ci/run installs it (Debian's gdal-bin) where it is missing.
const hasOgrinfo = spawnSync('ogrinfo', ['--version']).status === 0;
const CSV_OPEN = ['-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude'];
const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', ['-ro', '-al', ...args], { encoding: 'utf8' });
const featureCount = (summary: string) => Number(/^Feature Count: (\d+)$/m.exec(summary)?.[1]);

describe('npm run export -- --format', () => {
  it('writes exactly the bytes of the page’s export for each format', () => {
    for (const [format, shape] of [
      ['kml', 'places'],
      ['kml', 'facts'],
      ['csv', 'facts'],
    ] as const) {
      const out = join(dir, `${shape}.${format}`);
      const run = cli('--format', format, '--shape', shape, '--out', out);
      expect(run.status).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(exportText(seed(), format, shape));
    }
  }, 60_000);

  it('refuses bad options with a message and exit code 2', () => {
    const cases: [string[], string][] = [
      [['--format', 'shp'], '--format must be "geojson" or "kml" or "csv", not "shp"'],
      [
        ['--format', 'csv', '--shape', 'places'],
        'a CSV is always one row per fact: --shape facts or no --shape',
      ],
      [['--colour', 'red'], "Unknown option '--colour'"],
      [['--format', 'kml', '--place', 'atlantis'], 'no place "atlantis" in atlas "karabakh-peace-talks"'],
    ];
    for (const [args, message] of cases) {
      const run = cli(...args);
      expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('usage: npm run export -- [--format geojson|kml|csv]');
    }
  }, 60_000);
});

describe.skipIf(!hasOgrinfo)('GDAL (ogrinfo) reads the KML and the CSV back', () => {
  it('KML, places: one feature per place, each fact’s quotation verbatim in its description', () => {
    const out = join(dir, 'seed.kml');
    expect(cli('--format', 'kml', '--out', out).status).toBe(0);
    expect(featureCount(ogrinfo('-so', out))).toBe(9);
    const all = ogrinfo(out);
    expect([...all.matchAll(/^ {2}Name \(String\) = (.*)$/gm)].map((m) => m[1])).toEqual(
      seed().places.map((p) => p.properties.name),
    );
    expect(all).toContain(
      '“This path is not easy, it goes through internal and external shocks, and we must pursue it,” — Nikol Pashinyan',
    );
  }, 60_000);

  it('KML, facts: one feature per fact and per region', () => {
    const out = join(dir, 'seed-facts.kml');
    expect(cli('--format', 'kml', '--shape', 'facts', '--out', out).status).toBe(0);
    expect(featureCount(ogrinfo('-so', out))).toBe(seed().facts.length + 1);
  }, 60_000);

  it('CSV: one point per fact with the quotation field verbatim', () => {
    const out = join(dir, 'seed.csv');
    expect(cli('--format', 'csv', '--out', out).status).toBe(0);
    const summary = ogrinfo('-so', ...CSV_OPEN, out);
    expect(featureCount(summary)).toBe(44);
    expect(seed().facts).toHaveLength(44);
    expect(summary).toContain('Geometry: Point');
    const row = ogrinfo(...CSV_OPEN, '-where', "fact_id='pashinyan-path-not-easy'", out);
    expect(row).toContain(
      '  quotation (String) = This path is not easy, it goes through internal and external shocks, and we must pursue it,\n',
    );
  }, 60_000);

  it('CSV and KML: a quotation with quotes, commas, a line break and three scripts survives', () => {
    const csv = join(dir, 'tricky.csv');
    const kml = join(dir, 'tricky.kml');
    writeFileSync(csv, exportText(trickyAtlas(), 'csv', 'facts'));
    writeFileSync(kml, exportText(trickyAtlas(), 'kml', 'facts'));
    expect(ogrinfo(...CSV_OPEN, '-where', "fact_id='every-place-named'", csv)).toContain(
      `  quotation (String) = ${TRICKY_QUOTE}\n`,
    );
    expect(ogrinfo('-where', "fact_id='every-place-named'", kml)).toContain(
      `  quote (String) = ${TRICKY_QUOTE}\n`,
    );
  }, 60_000);
});
