// Writes the atlas as GeoJSON, exactly the bytes the page's "Export GeoJSON" downloads.
//   npm run export -- [--shape places|facts] [--place ID] [--atlas ID] [--out FILE]
// Without --out the GeoJSON goes to standard output; messages go to standard error.
import { writeFileSync } from 'node:fs';
import { formatIssue } from '../src/domain/issues';
import { EXPORT_SHAPES, exportAtlas, exportFileName, serializeGeoJson } from '../src/domain/export-atlas';
import { isOneOf } from '../src/domain/json-reader';
import { loadAtlas } from '../src/domain/load-atlas';
import { DATA_ROOT, fileReader } from './node-data';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const shape = option('shape') ?? 'places';
if (!isOneOf(EXPORT_SHAPES, shape)) {
  console.error(`--shape must be ${EXPORT_SHAPES.map((s) => `"${s}"`).join(' or ')}, not "${shape}"`);
  process.exit(2);
}
const load = await loadAtlas(fileReader(DATA_ROOT), { id: option('atlas') ?? null, prefix: 'data/' });
if (!load.atlas) {
  for (const issue of load.issues) console.error(formatIssue(issue));
  process.exit(1);
}
const placeId = option('place');
if (placeId && !load.atlas.places.some((p) => p.id === placeId)) {
  console.error(`no place "${placeId}" in atlas "${load.atlas.article.id}"`);
  process.exit(2);
}
const text = serializeGeoJson(exportAtlas(load.atlas, shape, placeId ? { placeIds: [placeId] } : {}));
const out = option('out');
if (out) {
  writeFileSync(out, text);
  console.error(
    `${out}: ${Buffer.byteLength(text)} bytes (the page names this file ${exportFileName(load.atlas.article, shape, placeId)})`,
  );
} else {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  process.stdout.write(text);
}
