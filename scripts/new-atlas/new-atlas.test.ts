// npm run new-atlas on the two texts the repository holds, with the real drafting steps and the
// real gazetteer, each drafted into a temporary data root and compared with the hand-made atlas.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Fact, PlaceProperties } from '../../src/domain/types';
import { HAND_MADE, type HandMadeAtlas } from '../../tests/helpers/draft-fixtures';
import { ROOT } from '../node-data';
import { runNewAtlas } from './run';
import { DRAFT_STEPS } from './steps';

interface Drafted {
  code: number;
  out: string[];
  article: Article;
  places: FeatureCollection<null, PlaceProperties & { review?: unknown }>['features'];
  facts: Fact[];
}

const root = mkdtempSync(join(tmpdir(), 'new-atlas-'));
const drafted = new Map<string, Drafted>();

async function draft(atlas: HandMadeAtlas): Promise<Drafted> {
  const textFile = join(root, `${atlas.id}.txt`);
  writeFileSync(textFile, atlas.text);
  const out: string[] = [];
  const id = `${atlas.id}-draft`;
  const code = await runNewAtlas(
    ['--text', textFile, '--id', id, '--published', atlas.article.published, '--outlet', 'Outlet'],
    DRAFT_STEPS,
    { dataRoot: join(root, 'data'), stdout: (line) => out.push(line), stderr: (line) => out.push(line) },
  );
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(join(root, 'data/atlases', id, file), 'utf8'));
  const { features } = read('places.geojson') as { features: Drafted['places'] };
  return {
    code,
    out,
    article: read('article.json') as Article,
    places: features,
    facts: (read('facts.json') as { facts: Fact[] }).facts,
  };
}

beforeAll(async () => {
  // One data root for both, as an editor's repository would have them.
  for (const atlas of HAND_MADE) drafted.set(atlas.id, await draft(atlas));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(HAND_MADE.map((atlas) => [atlas.id, atlas] as const))(
  'new-atlas on the text of %s',
  (id, atlas) => {
    const result = (): Drafted => {
      const found = drafted.get(id);
      if (!found) throw new Error(`no draft of ${id}`);
      return found;
    };

    it('writes a draft that validates with no error: what is left are draft warnings', () => {
      const { code, out } = result();
      expect(out.filter((line) => line.includes('error'))).toEqual([]);
      expect(code).toBe(0);
      expect(out.some((line) => /^\d+ warning\(s\), what is left to confirm:$/.test(line))).toBe(true);
    });

    it('recovers every paragraph with its line, its section and an opening that starts its line', () => {
      const { article } = result();
      const lines = atlas.text.split(/\r?\n/);
      expect(article.paragraphs.map(({ n, line, section }) => ({ n, line, section }))).toEqual(
        atlas.article.paragraphs.map(({ n, line, section }) => ({ n, line, section })),
      );
      for (const p of article.paragraphs) expect(lines[p.line - 1]?.startsWith(p.opening)).toBe(true);
      expect(article.headline).toBe(atlas.article.headline);
    });

    it('drafts every hand-made quotation verbatim, with the right speaker for at least 9 in 10', () => {
      const { facts } = result();
      const quotes = atlas.facts.flatMap((f) => (f.quote ? [f.quote] : []));
      const draftedQuotes = facts.flatMap((f) => (f.quote ? [f.quote] : []));
      const matches = quotes.map((q) => draftedQuotes.find((d) => d.text === q.text));
      expect(matches.filter((m) => m === undefined)).toEqual([]);
      const right = quotes.filter((q, i) => matches[i]?.speaker === q.speaker).length;
      expect(right / quotes.length).toBeGreaterThanOrEqual(0.9);
    });

    it('finds every hand-made city with its GeoNames id', () => {
      const { places } = result();
      const handMade = JSON.parse(
        readFileSync(join(ROOT, 'data/atlases', atlas.id, 'places.geojson'), 'utf8'),
      ) as { features: { properties: PlaceProperties }[] };
      const cityIds = handMade.features
        .map((f) => f.properties)
        .filter((p) => p.placeType === 'city')
        .map((p) => p.coordinateSource.id);
      const draftedIds = places.map((p) => p.properties.coordinateSource.id);
      expect(cityIds.filter((geonameId) => !draftedIds.includes(geonameId))).toEqual([]);
    });
  },
);

describe('new-atlas drafts of the two texts', () => {
  it('give exactly these paragraphs, subheadings, places (GeoNames ids), quotations and right speakers', () => {
    const summary = HAND_MADE.map((atlas) => {
      const d = drafted.get(atlas.id);
      const quotes = atlas.facts.flatMap((f) => (f.quote ? [f.quote] : []));
      const right = quotes.filter((q) =>
        d?.facts.some((f) => f.quote?.text === q.text && f.quote.speaker === q.speaker),
      ).length;
      return {
        id: atlas.id,
        paragraphs: d?.article.paragraphs.length,
        sections: [...new Set(d?.article.paragraphs.map((p) => p.section).filter((s) => s !== null))],
        places: d?.places.map((p) => `${p.properties.name} ${p.properties.coordinateSource.id ?? '-'}`),
        quotations: d?.facts.filter((f) => f.quote).length,
        rightSpeakers: `${right} of ${quotes.length}`,
      };
    });
    expect(summary).toEqual([
      {
        id: 'karabakh-peace-talks',
        paragraphs: 10,
        sections: ["'Crime against humanity'", 'Putin talks to Aliyev', "'Path is not easy'"],
        places: [
          'Baku 587084',
          'Stepanakert 146970',
          'Yerevan 616052',
          'Brussels 2800866',
          'Moscow 524901',
          'New York City 5128581',
          'Kyiv 703448',
          'Washington 4140963',
          'Ankara 323786',
        ],
        quotations: 13,
        rightSpeakers: '12 of 13',
      },
      {
        id: 'cyprus-reunification-talks',
        paragraphs: 9,
        sections: [],
        places: [
          'Nicosia 146268',
          'Ankara 323786',
          'Washington 4140963',
          'Athens 264371',
          'Brussels 2800866',
          'Northern Cyprus -',
        ],
        quotations: 2,
        rightSpeakers: '2 of 2',
      },
    ]);
  });
});
