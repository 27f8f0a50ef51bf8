// The editor's requests to the dev server's endpoints (scripts/atlas-editor-api.ts).
import type { GazetteerEntry } from '../domain/draft/types';
import type { Issue } from '../domain/issues';
import { isObject } from '../domain/json-reader';
import type { AtlasFiles } from '../domain/types';
import { EDITOR_API } from './editor-endpoints';

/** An atlas as the editor opens it: its raw files, its text (null when unreadable) and the server's issues. */
export interface OpenedAtlas {
  files: AtlasFiles;
  text: string | null;
  issues: Issue[];
}

export type Answer<T> = ({ ok: true } & T) | { ok: false; message: string };

const isIssue = (v: unknown): v is Issue =>
  isObject(v) &&
  typeof v.code === 'string' &&
  typeof v.message === 'string' &&
  (v.severity === 'error' || v.severity === 'warning') &&
  typeof v.file === 'string' &&
  typeof v.path === 'string';

const issuesOf = (v: unknown): Issue[] => (Array.isArray(v) ? v.filter(isIssue) : []);

async function request(url: string, init?: RequestInit): Promise<Answer<{ body: Record<string, unknown> }>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    return { ok: false, message: `the dev server did not answer (${String(error)}): is npm start running?` };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!isObject(body))
    return { ok: false, message: `the dev server answered HTTP ${response.status} with no JSON` };
  if (!response.ok) {
    const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    return { ok: false, message };
  }
  return { ok: true, body };
}

/** Opens atlas `id`. */
export async function fetchAtlas(id: string): Promise<Answer<{ atlas: OpenedAtlas }>> {
  const answer = await request(`${EDITOR_API}/atlases/${encodeURIComponent(id)}`);
  if (!answer.ok) return answer;
  const { files, text, issues } = answer.body;
  if (!isObject(files)) return { ok: false, message: 'the dev server sent no files' };
  return {
    ok: true,
    atlas: {
      files: { article: files.article, places: files.places, facts: files.facts },
      text: typeof text === 'string' ? text : null,
      issues: issuesOf(issues),
    },
  };
}

/** Saves the three files; the answer lists the problems the server found in what it saved. */
export async function saveAtlas(id: string, files: AtlasFiles): Promise<Answer<{ issues: Issue[] }>> {
  const answer = await request(`${EDITOR_API}/atlases/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(files),
  });
  return answer.ok ? { ok: true, issues: issuesOf(answer.body.issues) } : answer;
}

const isEntry = (v: unknown): v is GazetteerEntry =>
  isObject(v) &&
  typeof v.name === 'string' &&
  typeof v.country === 'string' &&
  typeof v.population === 'number' &&
  typeof v.featureCode === 'string' &&
  typeof v.kind === 'string' &&
  Array.isArray(v.coordinates) &&
  Array.isArray(v.localNames) &&
  isObject(v.source);

/** Searches the gazetteer through the dev server. */
export async function searchGazetteer(query: string): Promise<Answer<{ entries: GazetteerEntry[] }>> {
  const answer = await request(`${EDITOR_API}/gazetteer?q=${encodeURIComponent(query)}`);
  if (!answer.ok) return answer;
  return { ok: true, entries: Array.isArray(answer.body.entries) ? answer.body.entries.filter(isEntry) : [] };
}
