// Builds what the bench serves: the app, the bare MapLibre pages, and the data with the synthetic
// atlases beside the real one.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../node-data';
import { BASEMAP_LABELS } from '../atlas-font-texts';
import { atlasFonts } from '../vite-plugin-atlas-fonts';
import { syntheticAtlas, syntheticAtlasFiles, syntheticIndexEntry } from '../synthetic-atlas';
import { buildAtlasModel } from '../../src/domain/atlas-model';
import { mapFeatures } from '../../src/domain/atlas-summary';
import { validateAtlas } from '../../src/domain/validate-atlas';
import { planAtlasLayers } from '../../src/map/atlas-layers';
import { BARE_DIST, DATA, LEAFLET_CLIP, OPENED_FILE_POINTS, SYNTHETIC_ATLASES } from './config';
import { pointFile, pointFileName } from './point-file';
import { leafletBasemap } from './leaflet-basemap';

/** The app as `npm run build` makes it (into dist/), and the bare pages into dist-bench/. */
export async function buildPages(): Promise<void> {
  console.log('building the app and the bare MapLibre page…');
  // The app from the bench's data (the real atlases and the synthetic ones, writeBenchData), so
  // that each atlas measured has its own page, as the build writes one for every atlas it serves.
  process.env.ATLAS_DATA_DIR = DATA;
  try {
    await build({ logLevel: 'warn', configFile: join(ROOT, 'vite.config.ts') });
  } finally {
    delete process.env.ATLAS_DATA_DIR;
  }
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
      // For the profile split, which reads script positions back to their source files.
      sourcemap: true,
      rolldownOptions: {
        input: {
          bare: join(ROOT, 'bench/bare/index.html'),
          layers: join(ROOT, 'bench/bare/layers.html'),
          leaflet: join(ROOT, 'bench/bare/leaflet.html'),
          file: join(ROOT, 'bench/bare/file.html'),
        },
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

const writeJson = (path: string, value: unknown) => {
  mkdirSync(dirname(join(DATA, path)), { recursive: true });
  writeFileSync(join(DATA, path), JSON.stringify(value));
};

/**
 * The Leaflet peer page's land and borders (leaflet/countries.geojson, leaflet/borders.geojson):
 * world-atlas's countries-10m, the embedded basemap's source, clipped to LEAFLET_CLIP.
 */
function writeLeafletBasemap(): void {
  const topology = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/world-atlas/countries-10m.json'), 'utf8'),
  ) as Parameters<typeof leafletBasemap>[0] & {
    objects: Record<string, Parameters<typeof leafletBasemap>[1]>;
  };
  const countries = topology.objects['countries'];
  if (!countries) throw new Error('world-atlas countries-10m.json has no countries object');
  const { countries: land, borders } = leafletBasemap(topology, countries, LEAFLET_CLIP);
  writeJson('leaflet/countries.geojson', land);
  writeJson('leaflet/borders.geojson', borders);
}

/**
 * Copies the real atlases to bench/.cache/data and writes the synthetic atlases beside them, each
 * listed in the index, so that the app opens one with `?atlas=<id>`; with each synthetic atlas its
 * map layers as the atlas plans them (plans/<id>.json, for the bare page with its places), and the
 * Leaflet page's basemap, and the files of points the pages open (files/points-<n>.geojson).
 */
export function writeBenchData(): SyntheticData[] {
  rmSync(DATA, { recursive: true, force: true });
  cpSync(join(ROOT, 'data/atlases'), join(DATA, 'atlases'), { recursive: true });
  const index = JSON.parse(readFileSync(join(DATA, 'atlases/index.json'), 'utf8')) as {
    atlases: { path?: unknown }[];
  };
  // An article's text named relative to its atlas's folder (the seed's, in ../shared) is named
  // again from the copy's folder, so that the build checks the copy against the same text.
  for (const { path } of index.atlases) {
    if (typeof path !== 'string') continue;
    const file = join(DATA, path, 'article.json');
    const article = JSON.parse(readFileSync(file, 'utf8')) as { source?: { file?: unknown } };
    const text = article.source?.file;
    if (!article.source || typeof text !== 'string' || isAbsolute(text)) continue;
    const original = resolve(ROOT, 'data', path, text);
    article.source.file = relative(dirname(file), original).split(sep).join('/');
    writeFileSync(file, `${JSON.stringify(article, null, 2)}\n`);
  }
  const made = SYNTHETIC_ATLASES.map(({ places, factsPerPlace }) => {
    const atlas = syntheticAtlas(places, factsPerPlace);
    // Its article's text, beside it, as every atlas has one: each paragraph at its line, holding
    // the quotations and figures its facts cite, so that the build checks it as it checks any.
    const { path: folder } = syntheticIndexEntry(atlas);
    const lines = [atlas.article.headline, '', '', '', '', ''];
    for (const paragraph of atlas.article.paragraphs) {
      const cited = atlas.facts.facts.filter((f) => f.paragraph === paragraph.n);
      const quotes = cited.flatMap((f) => (f.quote ? [`"${f.quote.text}"`] : []));
      lines[paragraph.line - 1] = [paragraph.opening, ...quotes, 'n'].join(' ');
    }
    mkdirSync(join(DATA, folder), { recursive: true });
    writeFileSync(join(DATA, folder, 'article.txt'), `${lines.join('\n')}\n`);
    atlas.article.source = { ...atlas.article.source, file: 'article.txt' };
    for (const [path, value] of Object.entries(syntheticAtlasFiles(atlas))) writeJson(path, value);
    const { atlas: valid } = validateAtlas(
      { article: atlas.article, places: atlas.places, facts: atlas.facts },
      { article: 'article.json', places: 'places.geojson', facts: 'facts.json' },
    );
    if (!valid) throw new Error(`the synthetic atlas ${atlas.id} does not validate`);
    writeJson(`plans/${atlas.id}.json`, planAtlasLayers(mapFeatures(buildAtlasModel(valid))));
    index.atlases.push(syntheticIndexEntry(atlas));
    return { id: atlas.id, places, facts: places * factsPerPlace };
  });
  writeFileSync(join(DATA, 'atlases/index.json'), JSON.stringify(index));
  writeLeafletBasemap();
  for (const points of OPENED_FILE_POINTS) writeJson(`files/${pointFileName(points)}`, pointFile(points));
  return made;
}
