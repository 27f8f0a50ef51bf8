import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleDraft } from '../../src/domain/draft/assemble';
import { FIXTURE_TEXT, fixtureInput } from '../../src/domain/draft/assemble.fixture';
import { ROOT } from '../node-data';
import { firstNonUtf8Byte, runNewAtlas, USAGE, type DraftSteps } from './run';

const OTHER_INDEX = {
  atlases: [{ id: 'other-atlas', path: 'atlases/other-atlas', title: 'Another atlas', default: true }],
};

let dir: string;
let dataRoot: string;
/** What the fake text step was given. */
let received: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-atlas-'));
  dataRoot = join(dir, 'data');
  mkdirSync(join(dataRoot, 'atlases/other-atlas'), { recursive: true });
  writeFileSync(join(dataRoot, 'atlases/index.json'), `${JSON.stringify(OTHER_INDEX, null, 2)}\n`);
  writeFileSync(join(dataRoot, 'atlases/other-atlas/article.json'), '{"kept": true}\n');
  writeFileSync(join(dir, 'article.txt'), FIXTURE_TEXT);
  received = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const steps = (overrides: Partial<DraftSteps> = {}): DraftSteps => ({
  draftArticleText: (text) => {
    received.push(text);
    return fixtureInput().text;
  },
  findQuotations: () => fixtureInput().quotations,
  findFigures: () => fixtureInput().figures,
  findDates: (_d, published) => (published === '2024-03-12' ? fixtureInput().dates : []),
  loadGazetteer: () => Promise.resolve({ findPlaceNames: () => fixtureInput().places }),
  ...overrides,
});

/** Every file under the data root with its bytes, to show that a run changed nothing. */
function listing(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        files[`${relative(root, path)}/`] = '';
        walk(path);
      } else files[relative(root, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(root);
  return files;
}

async function run(argv: string[], stepsUsed = steps()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runNewAtlas(argv, stepsUsed, {
    dataRoot,
    cwd: dir,
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
  });
  return { code, stdout, stderr };
}

const GOOD = ['--text', 'article.txt', '--id', 'ardvale-border-talks', '--published', '2024-03-12'];
const withFlag = (flag: string, value: string) => {
  const argv = [...GOOD];
  argv[argv.indexOf(flag) + 1] = value;
  return argv;
};

describe('runNewAtlas: bad input writes nothing', () => {
  const cases: [string, () => string[], number, string][] = [
    ['no flags', () => [], 2, `new-atlas: missing --text, --id, --published\n${USAGE}`],
    ['a missing --published', () => GOOD.slice(0, 4), 2, `new-atlas: missing --published\n${USAGE}`],
    [
      'an unknown flag',
      () => [...GOOD, '--colour', 'red'],
      2,
      `new-atlas: Unknown option '--colour'\n${USAGE}`,
    ],
    [
      'a text that cannot be read',
      () => withFlag('--text', 'missing.txt'),
      1,
      'new-atlas: cannot read the text missing.txt (ENOENT)',
    ],
    [
      'a Latin-1 text',
      () => {
        writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Talks\nCaf\xe9 crowd\n', 'latin1'));
        return withFlag('--text', 'latin1.txt');
      },
      1,
      'new-atlas: latin1.txt is not UTF-8: byte 9 (line 2) is not part of a UTF-8 character (0xE9)',
    ],
    [
      'an empty text (a byte order mark and spaces)',
      () => {
        writeFileSync(join(dir, 'empty.txt'), '\ufeff  \n\n');
        return withFlag('--text', 'empty.txt');
      },
      1,
      'new-atlas: empty.txt is empty: there is no text to draft from',
    ],
    [
      'an id not in kebab-case',
      () => withFlag('--id', 'Ardvale_Talks'),
      1,
      'new-atlas: --id "Ardvale_Talks" must be kebab-case (a-z, 0-9, single hyphens)',
    ],
    [
      'a date that is no day',
      () => withFlag('--published', '2024-02-30'),
      1,
      'new-atlas: --published "2024-02-30" is not a calendar date (YYYY-MM-DD)',
    ],
    [
      'an id the index lists',
      () => withFlag('--id', 'other-atlas'),
      1,
      'new-atlas: atlas "other-atlas" exists already in data/atlases/index.json: pass --force to replace its files',
    ],
    [
      'an id whose folder exists',
      () => {
        mkdirSync(join(dataRoot, 'atlases/ardvale-border-talks'));
        return GOOD;
      },
      1,
      'new-atlas: atlas "ardvale-border-talks" exists already as the folder data/atlases/ardvale-border-talks: pass --force to replace its files',
    ],
  ];

  it.each(cases)(
    'refuses %s with one message, the data root unchanged',
    async (_name, argv, code, message) => {
      const args = argv();
      const before = listing(dataRoot);
      expect(await run(args)).toEqual({ code, stdout: [], stderr: [message] });
      expect(listing(dataRoot)).toEqual(before);
    },
  );

  it('writes nothing when a step fails', async () => {
    const before = listing(dataRoot);
    const failing = steps({ loadGazetteer: () => Promise.reject(new Error('no gazetteer installed')) });
    expect(await run(GOOD, failing)).toEqual({
      code: 1,
      stdout: [],
      stderr: ['new-atlas: no gazetteer installed'],
    });
    expect(listing(dataRoot)).toEqual(before);
  });
});

describe('runNewAtlas: a draft', () => {
  it("writes the text, the three files formatted as the repository's Prettier does, and the index's new entry", async () => {
    writeFileSync(join(dir, 'article.txt'), `\ufeff${FIXTURE_TEXT}`);
    const before = listing(dataRoot);
    const { code, stdout, stderr } = await run([...GOOD, '--outlet', 'The Test Courier']);
    expect([code, stderr]).toEqual([0, []]);
    expect(received).toEqual([FIXTURE_TEXT]);
    const folder = join(dataRoot, 'atlases/ardvale-border-talks');
    expect(readdirSync(folder).sort()).toEqual([
      'article.json',
      'article.txt',
      'facts.json',
      'places.geojson',
    ]);
    // The text byte for byte, without its byte order mark.
    expect(readFileSync(join(folder, 'article.txt'))).toEqual(Buffer.from(FIXTURE_TEXT, 'utf8'));
    const expected = assembleDraft(fixtureInput());
    const config = (await prettier.resolveConfig(join(ROOT, 'data/atlases/x/article.json'))) ?? {};
    for (const [name, value] of [
      ['article.json', expected.article],
      ['places.geojson', expected.places],
      ['facts.json', expected.facts],
    ] as const) {
      const written = readFileSync(join(folder, name), 'utf8');
      expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(value)));
      expect(await prettier.check(written, { ...config, parser: 'json' })).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dataRoot, 'atlases/index.json'), 'utf8'))).toEqual({
      atlases: [
        ...OTHER_INDEX.atlases,
        {
          id: 'ardvale-border-talks',
          path: 'atlases/ardvale-border-talks',
          title: 'Border talks to resume after Ardvale crossings',
        },
      ],
    });
    // Nothing else changed.
    const after = listing(dataRoot);
    expect(Object.keys(after).filter((k) => !k.startsWith('atlases/ardvale-border-talks'))).toEqual(
      Object.keys(before),
    );
    expect(after['atlases/other-atlas/article.json']).toEqual(before['atlases/other-atlas/article.json']);
    expect(stdout[0]).toBe(
      'Drafted data/atlases/ardvale-border-talks/ from article.txt: 4 paragraphs, 4 places, 2 quotations, 2 figures, 1 dated facts',
    );
    expect(stdout[1]).toBe('38 warning(s), what is left to confirm:');
    expect(stdout.filter((l) => l.startsWith('  data/'))).toEqual([
      '  data/atlases/ardvale-border-talks/article.json (7)',
      '  data/atlases/ardvale-border-talks/places.geojson (15)',
      '  data/atlases/ardvale-border-talks/facts.json (16)',
    ]);
    expect(stdout).toContain(
      "    features[0].properties.altNames: draft: confirm the local names, picked from the gazetteer's untagged alternate names: არდვალე (ka); add any side's name it lacks",
    );
    expect(stdout).toContain(
      '    features[1]: draft: pick one of 2 places named “Slavyansk”: Sloviansk (UA, pop. 124,800), Slavyansk-na-Kubani (RU, pop. 65,196)',
    );
    expect(stdout.at(-1)).toBe(
      'Next: npm start and open http://127.0.0.1:5173/edit/ardvale-border-talks, or edit the files; npm run validate',
    );
  });

  it('drafts a text with no quotation, and says so', async () => {
    const { code, stdout } = await run(GOOD, steps({ findQuotations: () => [] }));
    expect(code).toBe(0);
    expect(stdout.slice(0, 2)).toEqual([
      'Drafted data/atlases/ardvale-border-talks/ from article.txt: 4 paragraphs, 4 places, 0 quotations, 3 figures, 1 dated facts',
      'no quotations found',
    ]);
  });

  it("with --force replaces that atlas's files and its index entry's title only", async () => {
    expect((await run(GOOD)).code).toBe(0);
    writeFileSync(join(dataRoot, 'atlases/ardvale-border-talks/notes.md'), 'kept\n');
    const before = listing(dataRoot);
    const retitled = steps({
      draftArticleText: () => ({
        ...fixtureInput().text,
        headline: 'Border talks to resume after Ardvale crossings',
      }),
      findFigures: () => [],
    });
    expect((await run(GOOD, retitled)).stderr).toEqual([
      'new-atlas: atlas "ardvale-border-talks" exists already in data/atlases/index.json: pass --force to replace its files',
    ]);
    expect(listing(dataRoot)).toEqual(before);
    const { code } = await run([...GOOD, '--force'], retitled);
    expect(code).toBe(0);
    const after = listing(dataRoot);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual(['atlases/ardvale-border-talks/facts.json']);
    expect(after['atlases/ardvale-border-talks/notes.md']).toBe(
      before['atlases/ardvale-border-talks/notes.md'],
    );
  });

  it('with --force keeps the entry in its place and its default, and retitles it', async () => {
    writeFileSync(join(dir, 'article.txt'), FIXTURE_TEXT);
    expect((await run(withFlag('--id', 'other-atlas').concat('--force'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dataRoot, 'atlases/index.json'), 'utf8'))).toEqual({
      atlases: [
        {
          id: 'other-atlas',
          path: 'atlases/other-atlas',
          title: 'Border talks to resume after Ardvale crossings',
          default: true,
        },
      ],
    });
  });
});

describe('firstNonUtf8Byte', () => {
  it('finds the first byte of the first sequence that is not UTF-8, a cut-off last character included', () => {
    expect(
      [
        Buffer.from('Ağdam – Şuşa', 'utf8'),
        Buffer.from([0x61, 0xff, 0x62]),
        Buffer.from([0x61, 0xc3, 0x41]),
        Buffer.from([0x61, 0x62, 0x63, 0xe2, 0x80]),
        Buffer.from([0x61, 0xed, 0xa0, 0x80]),
      ].map((b) => firstNonUtf8Byte(b)),
    ).toEqual([undefined, 1, 1, 3, 1]);
  });
});
