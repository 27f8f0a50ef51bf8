import type { StyleSpecification } from 'maplibre-gl';

export type RemoteStyleResult = { ok: true; style: StyleSpecification } | { ok: false; reason: string };

/**
 * Fetches an optional remote vector style. Any failure (network, HTTP status, time-out, not a
 * style) comes back as a reason, so that the caller can fall back to the embedded basemap.
 */
export async function fetchRemoteStyle(url: string, timeoutMs = 8000): Promise<RemoteStyleResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) return { ok: false, reason: `the style answered HTTP ${response.status}` };
    const style: unknown = await response.json();
    if (!isStyle(style)) return { ok: false, reason: 'the file is not a MapLibre style (version 8)' };
    return { ok: true, style };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'AbortError';
    return {
      ok: false,
      reason: timedOut ? `no answer within ${timeoutMs / 1000} s` : 'it could not be reached',
    };
  } finally {
    clearTimeout(timer);
  }
}

function isStyle(value: unknown): value is StyleSpecification {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.version === 8 && typeof v.sources === 'object' && Array.isArray(v.layers);
}
