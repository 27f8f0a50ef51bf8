// Builds what the bench serves: the app, the bare MapLibre pages, and the data with the synthetic
// atlases beside the real one.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../node-data';
import { BASEMAP_LABELS } from '../atlas-font-texts';
import { atlasFonts } from '../vite-plugin-atlas-fonts';
import { syntheticAtlas, syntheticAtlasFiles, syntheticIndexEntry } from '../synthetic-atlas';
import { BARE_DIST, DATA, SYNTHETIC_ATLASES } from './config';

/** The app as `npm run build` makes it (into dist/), and the bare pages into dist-bench/. */
export async function buildPages(): Promise<void> {
  console.log('building the app and the bare MapLibre page…');
  await build({ logLevel: 'warn', configFile: join(ROOT, 'vite.config.ts') });
  await build({
    logLevel: 'warn',
    configFile: false,
    root: join(ROOT, 'bench/bare'),
    base: '/bare/',
    publicDir: join(ROOT, 'public'),
    // The same font list as the app's, for the same basemap.
    plugins: [atlasFonts({ dataRoot: join(ROOT, 'data'), labelsFile: join(ROOT, BASEMAP_LABELS.file) })],
    build: {
      outDir: BARE_DIST,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: { bare: join(ROOT, 'bench/bare/index.html'), layers: join(ROOT, 'bench/bare/layers.html') },
      },
    },
  });
}

/** A synthetic atlas written for the bench: its id in the index, its places and its facts. */
export interface SyntheticData {
  id: string;
  places: number;
  facts: number;
}

/**
 * Copies the real atlases to bench/.cache/data and writes the synthetic atlases beside them, each
 * listed in the index, so that the app opens one with `?atlas=<id>`.
 */
export function writeBenchData(): SyntheticData[] {
  rmSync(DATA, { recursive: true, force: true });
  cpSync(join(ROOT, 'data/atlases'), join(DATA, 'atlases'), { recursive: true });
  const index = JSON.parse(readFileSync(join(DATA, 'atlases/index.json'), 'utf8')) as { atlases: unknown[] };
  const made = SYNTHETIC_ATLASES.map(({ places, factsPerPlace }) => {
    const atlas = syntheticAtlas(places, factsPerPlace);
    for (const [path, value] of Object.entries(syntheticAtlasFiles(atlas))) {
      mkdirSync(dirname(join(DATA, path)), { recursive: true });
      writeFileSync(join(DATA, path), JSON.stringify(value));
    }
    index.atlases.push(syntheticIndexEntry(atlas));
    return { id: atlas.id, places, facts: places * factsPerPlace };
  });
  writeFileSync(join(DATA, 'atlases/index.json'), JSON.stringify(index));
  return made;
}
