// The two atlases whose hand-made files the drafts of src/domain/draft are tested against: each
// with its article text and its article and facts as the project wrote them.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, Fact } from '../../src/domain/types';
import { ROOT, readJsonFile } from './atlas-files';

export interface HandMadeAtlas {
  id: string;
  text: string;
  article: Article;
  facts: Fact[];
}

function handMade(id: string): HandMadeAtlas {
  const dir = join(ROOT, 'data/atlases', id);
  // The files are the validated examples of data/atlases; a test of the validator keeps them valid.
  const article = readJsonFile(join(dir, 'article.json')) as Article;
  const { facts } = readJsonFile(join(dir, 'facts.json')) as { facts: Fact[] };
  const text = readFileSync(resolve(dir, article.source.file), 'utf8');
  return { id, text, article, facts };
}

/** The seed (karabakh-peace-talks, its text in ../shared/seed) and the cyprus atlas. */
export const HAND_MADE: readonly HandMadeAtlas[] = [
  handMade('karabakh-peace-talks'),
  handMade('cyprus-reunification-talks'),
];
