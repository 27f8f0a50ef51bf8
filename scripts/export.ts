// Writes the atlas's export, exactly the bytes the page's "Export" downloads in that format.
//   npm run export -- [--format geojson|kml|csv] [--shape places|facts] [--place ID] [--atlas ID] [--out FILE]
// Without --out the text goes to standard output; messages go to standard error. A CSV is always
// one row per fact. Bad options: a message and exit code 2.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatIssue } from '../src/domain/issues';
import { exportFileName } from '../src/domain/export-atlas';
import { EXPORT_FORMATS, EXPORT_SHAPES } from '../src/domain/export-shapes';
import { exportText } from '../src/domain/export-text';
import { isOneOf } from '../src/domain/json-reader';
import { loadAtlas } from '../src/domain/load-atlas';
import { DATA_ROOT, fileReader } from './node-data';

const USAGE =
  'usage: npm run export -- [--format geojson|kml|csv] [--shape places|facts] [--atlas ID] [--place ID] [--out FILE]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: { format?: string; shape?: string; atlas?: string; place?: string; out?: string };
try {
  ({ values } = parseArgs({
    options: {
      format: { type: 'string' },
      shape: { type: 'string' },
      atlas: { type: 'string' },
      place: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const quoted = (names: readonly string[]) => names.map((s) => `"${s}"`).join(' or ');
const format = values.format ?? 'geojson';
if (!isOneOf(EXPORT_FORMATS, format)) fail(`--format must be ${quoted(EXPORT_FORMATS)}, not "${format}"`);
const shape = values.shape ?? (format === 'csv' ? 'facts' : 'places');
if (!isOneOf(EXPORT_SHAPES, shape)) fail(`--shape must be ${quoted(EXPORT_SHAPES)}, not "${shape}"`);
if (format === 'csv' && shape !== 'facts')
  fail('a CSV is always one row per fact: --shape facts or no --shape');

const load = await loadAtlas(fileReader(DATA_ROOT), { id: values.atlas ?? null, prefix: 'data/' });
if (!load.atlas) {
  for (const issue of load.issues) console.error(formatIssue(issue));
  process.exit(1);
}
const placeId = values.place;
if (placeId !== undefined && !load.atlas.places.some((p) => p.id === placeId)) {
  fail(`no place "${placeId}" in atlas "${load.atlas.article.id}"`);
}
const text = exportText(load.atlas, format, shape, placeId ? { placeIds: [placeId] } : {});
const out = values.out;
if (out) {
  writeFileSync(out, text);
  console.error(
    `${out}: ${Buffer.byteLength(text)} bytes (the page names this file ${exportFileName(load.atlas.article, shape, { format, placeId })})`,
  );
} else {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  process.stdout.write(text);
}
