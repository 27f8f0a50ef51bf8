import type { ReadText } from '../domain/load-atlas';

/** Reads atlas files over HTTP from `base` (the app's own `/data/`), for the domain loader. */
export function fetchReader(base: string): ReadText {
  return async (path) => {
    try {
      const response = await fetch(new URL(path, base));
      if (!response.ok) return { ok: false, message: `the server answered HTTP ${response.status}` };
      return { ok: true, text: await response.text() };
    } catch {
      return { ok: false, message: 'the file could not be fetched' };
    }
  };
}
