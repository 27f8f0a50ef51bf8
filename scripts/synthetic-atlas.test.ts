import { describe, expect, it } from 'vitest';
import { loadAtlas, type ReadText } from '../src/domain/load-atlas';
import { syntheticAtlas, syntheticAtlasFiles, syntheticIndexEntry } from './synthetic-atlas';

describe('syntheticAtlasFiles', () => {
  it('puts the atlas where the app reads it: the app loads it from an index with its entry', async () => {
    const atlas = syntheticAtlas(12, 3);
    const files: Record<string, unknown> = {
      'atlases/index.json': { atlases: [syntheticIndexEntry(atlas)] },
      ...syntheticAtlasFiles(atlas),
    };
    const read: ReadText = async (path) =>
      path in files ? { ok: true, text: JSON.stringify(files[path]) } : { ok: false, message: `no ${path}` };
    const load = await loadAtlas(read, { id: 'synthetic-12' });
    expect(Object.keys(files).sort()).toEqual([
      'atlases/index.json',
      'atlases/synthetic-12/article.json',
      'atlases/synthetic-12/facts.json',
      'atlases/synthetic-12/places.geojson',
    ]);
    expect(load.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(load.entry?.path).toBe('atlases/synthetic-12');
    expect(load.atlas?.places).toHaveLength(12);
    expect(load.atlas?.facts).toHaveLength(36);
  });
});
