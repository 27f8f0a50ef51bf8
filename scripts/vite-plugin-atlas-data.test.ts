import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { readInvalidFixtureFiles } from '../tests/helpers/atlas-files';
import { writeDataRoot } from '../tests/helpers/data-root';
import type { AtlasFiles } from '../src/domain/types';
import { ROOT } from './node-data';
import { atlasData, VALIDATED_FILES_MODULE, type AtlasDataOptions } from './vite-plugin-atlas-data';

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project of one empty page whose data root, `data/`, holds `files` (and the article text unless null). */
function project(files?: AtlasFiles, text?: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  projects.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>\n');
  writeDataRoot(files, text, join(dir, 'data'));
  return dir;
}

/** Builds the project in memory with the data plugin, as `vite build` does; the emitted file names. */
async function buildProject(root: string, options: AtlasDataOptions = {}): Promise<string[]> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [atlasData(options)],
    build: { write: false },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => ('output' in o ? o.output.map((f) => f.fileName) : [])).sort();
}

const unknownPlace = (): AtlasFiles => readInvalidFixtureFiles('unknown-place-in-fact.json');

describe('atlasData in a build', () => {
  it('builds valid data and copies every data file into the build', async () => {
    expect(await buildProject(project())).toEqual([
      'data/atlases/index.json',
      'data/atlases/tbilisi-fixture/article.json',
      'data/atlases/tbilisi-fixture/facts.json',
      'data/atlases/tbilisi-fixture/places.geojson',
      'index.html',
    ]);
  }, 30_000);

  it('fails on an invalid atlas with the validator’s words', async () => {
    await expect(buildProject(project(unknownPlace()))).rejects.toThrow(
      'the atlas data did not pass validation (npm run validate): 1 error(s)\n' +
        'data/atlases/tbilisi-fixture/facts.json: facts[2].placeIds[0]: no place "tbilsi" [unknown-place]',
    );
  }, 30_000);

  it('fails when an atlas’s article text is missing, naming the path it tried', async () => {
    const root = project(undefined, null);
    const tried = relative(ROOT, join(root, 'data/article.txt'));
    await expect(buildProject(root)).rejects.toThrow(
      'the atlas data did not pass validation (npm run validate): 1 error(s)\n' +
        `data/atlases/tbilisi-fixture/article.json: source.file: cannot read the article's text at ${tried} ` +
        `(ENOENT): "../../article.txt" is relative to the atlas's folder [article-text-unreadable]`,
    );
  }, 30_000);

  it('builds invalid data when told not to validate, for a test of how the page refuses it', async () => {
    expect(await buildProject(project(unknownPlace()), { validate: false })).toContain(
      'data/atlases/tbilisi-fixture/facts.json',
    );
  }, 30_000);
});

describe('atlasData: the files the build validated, for the page', () => {
  /** The list the page is given, as a project whose entry imports it builds it. */
  async function pageList(root: string, options: AtlasDataOptions = {}): Promise<unknown> {
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/main.js"></script></head><body></body></html>\n',
    );
    writeFileSync(
      join(root, 'main.js'),
      `import files from '${VALIDATED_FILES_MODULE}';\nwindow.validated = JSON.stringify(files);\n`,
    );
    const result = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [atlasData(options)],
      build: { write: false, minify: false, modulePreload: { polyfill: false } },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const chunk = outputs
      .flatMap((o) => ('output' in o ? o.output : []))
      .find((f) => f.type === 'chunk' && f.isEntry);
    // The module's value, as the page's entry evaluates it.
    const code = chunk && 'code' in chunk ? chunk.code : '';
    const page: { validated?: string } = {};
    new Function('window', code.replace(/^import .*$/gm, ''))(page);
    return JSON.parse(page.validated ?? 'null') as unknown;
  }

  const digestOf = (root: string, path: string) =>
    createHash('sha256')
      .update(readFileSync(join(root, 'data', path)))
      .digest('hex')
      .slice(0, 32);

  it('gives the page the digest of every file it validated and the index’s entries', async () => {
    const root = project();
    const paths = [
      'atlases/index.json',
      'atlases/tbilisi-fixture/article.json',
      'atlases/tbilisi-fixture/facts.json',
      'atlases/tbilisi-fixture/places.geojson',
    ];
    expect(await pageList(root)).toEqual({
      digests: Object.fromEntries(paths.map((p) => [p, digestOf(root, p)])),
      index: [{ id: 'tbilisi-fixture', path: 'atlases/tbilisi-fixture', title: 'Fixture', default: false }],
    });
  }, 30_000);

  it('gives the page none when it does not validate: the page validates every file', async () => {
    expect(await pageList(project(unknownPlace()), { validate: false })).toEqual({ digests: {}, index: [] });
  }, 30_000);
});
