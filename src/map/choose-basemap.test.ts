import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import { chooseBasemap } from './choose-basemap';

const embedded: StyleSpecification = { version: 8, sources: {}, layers: [] };
const remote: StyleSpecification = { version: 8, name: 'remote', sources: {}, layers: [] };

describe('chooseBasemap', () => {
  it('uses the embedded basemap and asks no server when no remote style is configured', async () => {
    const load = vi.fn();
    expect(await chooseBasemap(undefined, () => embedded, load)).toEqual({
      style: embedded,
      source: 'embedded',
    });
    expect(load).not.toHaveBeenCalled();
  });

  it('uses the remote style when it loads', async () => {
    const choice = await chooseBasemap(
      'https://tiles.example/style.json',
      () => embedded,
      async () => ({
        ok: true,
        style: remote,
      }),
    );
    expect(choice).toEqual({ style: remote, source: 'remote' });
  });

  it('falls back to the embedded basemap with a message that gives the reason', async () => {
    const choice = await chooseBasemap(
      'https://tiles.example/style.json',
      () => embedded,
      async () => ({
        ok: false,
        reason: 'the style answered HTTP 404',
      }),
    );
    expect(choice).toEqual({
      style: embedded,
      source: 'embedded',
      fallbackMessage:
        'The remote basemap could not be used (the style answered HTTP 404); showing the embedded offline basemap.',
    });
  });
});
