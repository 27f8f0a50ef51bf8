import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Thousands of runs each: give them time on a slow or busy machine.
const TIMEOUT = 120_000;
import { FILE_NAMES, REAL_ATLAS_DIR, readAtlasFiles } from '../../tests/helpers/atlas-files';
import { exportAtlas, serializeGeoJson } from './export-atlas';
import { importGeoJson } from './import-geojson';
import type { Issue } from './issues';
import { ATLAS_FILES, type AtlasFile } from './types';
import { validateAtlas } from './validate-atlas';

const real = readAtlasFiles(REAL_ATLAS_DIR);
const exported = serializeGeoJson(exportAtlas(validateAtlas(real, FILE_NAMES).atlas!, 'places'));

/** Every issue names its problem: a code, a message and a severity. */
const wellFormed = (issues: readonly Issue[]) =>
  issues.every(
    (i) =>
      i.code.length > 0 &&
      i.message.trim().length > 0 &&
      (i.severity === 'error' || i.severity === 'warning'),
  );

type Path = (string | number)[];

/** Every path into a JSON value, so that a mutation can land anywhere. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return [prefix];
}

/** A copy of `root` with the value at `path` replaced, or removed when `replacement` is undefined. */
function mutate(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

const realPaths = Object.fromEntries(ATLAS_FILES.map((f) => [f, paths(real[f])])) as Record<
  AtlasFile,
  Path[]
>;

/** A mutation of the real atlas: one value anywhere in one file replaced by any JSON value, or removed. */
const atlasMutation = fc
  .record({
    file: fc.constantFrom(...ATLAS_FILES),
    at: fc.nat(),
    replacement: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
  })
  .map(({ file, at, replacement }) => {
    const list = realPaths[file];
    return { ...real, [file]: mutate(real[file], list[at % list.length]!, replacement) };
  });

describe('property: the validator never throws', () => {
  it(
    'on thousands of mutations of the real atlas, and every rejection says why',
    () => {
      fc.assert(
        fc.property(atlasMutation, (files) => {
          const result = validateAtlas(files, FILE_NAMES);
          expect(wellFormed(result.issues)).toBe(true);
          if (!result.atlas) expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
        }),
        { numRuns: 3000, seed: 7946 },
      );
    },
    TIMEOUT,
  );

  it(
    'on any JSON values as the three files',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (article, places, facts) => {
          const result = validateAtlas({ article, places, facts }, FILE_NAMES);
          expect(result.atlas).toBeUndefined();
          expect(result.issues.length).toBeGreaterThan(0);
          expect(wellFormed(result.issues)).toBe(true);
        }),
        { numRuns: 1000, seed: 2023 },
      );
    },
    TIMEOUT,
  );
});

describe('property: the importer never throws', () => {
  const parsed = JSON.parse(exported) as unknown;
  const exportPaths = paths(parsed);

  it(
    'on thousands of structural mutations of an exported atlas',
    () => {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
          (at, replacement) => {
            // Removing the root leaves nothing: an empty file.
            const text =
              JSON.stringify(mutate(parsed, exportPaths[at % exportPaths.length]!, replacement)) ?? '';
            const result = importGeoJson(text, 'mutated.geojson', text.length);
            expect(wellFormed(result.issues)).toBe(true);
            if (!result.layer) expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
          },
        ),
        { numRuns: 2000, seed: 42 },
      );
    },
    TIMEOUT,
  );

  it(
    'on text edits: cuts, insertions and deletions anywhere in the file',
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }), (at, cut, insert) => {
          const i = at % exported.length;
          const text = exported.slice(0, i) + insert + exported.slice(i + cut);
          const result = importGeoJson(text, 'edited.geojson', text.length);
          expect(wellFormed(result.issues)).toBe(true);
        }),
        { numRuns: 2000, seed: 1991 },
      );
    },
    TIMEOUT,
  );

  it(
    'on arbitrary strings',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => {
          const result = importGeoJson(text, 'any.geojson', text.length);
          expect(wellFormed(result.issues)).toBe(true);
          expect(result.layer === undefined || result.layer.features.length > 0).toBe(true);
        }),
        { numRuns: 2000, seed: 7 },
      );
    },
    TIMEOUT,
  );
});
