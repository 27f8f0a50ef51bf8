import type { StyleSpecification } from 'maplibre-gl';
import type { RemoteStyleResult } from './remote-style';

export interface BasemapChoice {
  style: StyleSpecification;
  source: 'embedded' | 'remote';
  /** Set when a remote style was asked for and could not be used: a message for the reader. */
  fallbackMessage?: string;
}

/** What the reader is told when the remote basemap gives way to the embedded one. */
export const basemapFallbackMessage = (reason: string): string =>
  `The remote basemap could not be used (${reason}); showing the embedded offline basemap.`;

/**
 * Uses the remote style when one is configured and loads; otherwise the embedded basemap, with a
 * message that says why when a remote style was asked for.
 */
export async function chooseBasemap(
  remoteUrl: string | undefined,
  embedded: () => StyleSpecification,
  loadRemote: (url: string) => Promise<RemoteStyleResult>,
): Promise<BasemapChoice> {
  if (!remoteUrl) return { style: embedded(), source: 'embedded' };
  const remote = await loadRemote(remoteUrl);
  if (remote.ok) return { style: remote.style, source: 'remote' };
  return {
    style: embedded(),
    source: 'embedded',
    fallbackMessage: basemapFallbackMessage(remote.reason),
  };
}
