import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRemoteStyle } from './remote-style';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const answer = (body: unknown, status = 200) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status }));

describe('fetchRemoteStyle', () => {
  it('returns a version 8 style', async () => {
    const style = { version: 8, sources: {}, layers: [] };
    vi.stubGlobal('fetch', answer(style));
    expect(await fetchRemoteStyle('https://x/style.json')).toEqual({ ok: true, style });
  });

  it('reports an HTTP error status', async () => {
    vi.stubGlobal('fetch', answer({}, 404));
    expect(await fetchRemoteStyle('https://x/style.json')).toEqual({
      ok: false,
      reason: 'the style answered HTTP 404',
    });
  });

  it('rejects JSON that is not a style', async () => {
    vi.stubGlobal('fetch', answer({ version: 7, layers: [] }));
    expect(await fetchRemoteStyle('https://x/style.json')).toEqual({
      ok: false,
      reason: 'the file is not a MapLibre style (version 8)',
    });
  });

  it('reports an unreachable server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await fetchRemoteStyle('https://x/style.json')).toEqual({
      ok: false,
      reason: 'it could not be reached',
    });
  });

  it('gives up after the time-out', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    );
    const result = fetchRemoteStyle('https://x/style.json', 5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toEqual({ ok: false, reason: 'no answer within 5 s' });
  });
});
