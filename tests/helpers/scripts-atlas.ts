import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECOND_ATLAS_DIR, SECOND_ATLAS_ROOT } from './atlas-files';

/** The other names the scripts fixture gives Batumi: its Georgian one, and a Russian and an Arabic one. */
export const BATUMI_CYRILLIC = 'Батуми';
export const BATUMI_ARABIC = 'باتومي';

/**
 * Writes a data root under `dir`: the Tbilisi fixture atlas with Batumi's Russian and Arabic names
 * beside its Georgian one, so that a build of it needs the Cyrillic and Arabic fonts that the seed
 * does not all need.
 */
export function writeScriptsAtlas(dir: string): void {
  // The whole data root: its atlas folder and the article text its `source.file` names, which the
  // build checks the atlas against.
  cpSync(SECOND_ATLAS_ROOT, dir, { recursive: true });
  const path = join(dir, 'atlases/tbilisi-fixture/places.geojson');
  const places = JSON.parse(readFileSync(join(SECOND_ATLAS_DIR, 'places.geojson'), 'utf8')) as {
    features: { id: string; properties: { altNames: { name: string; lang: string }[] } }[];
  };
  const batumi = places.features.find((f) => f.id === 'batumi');
  if (!batumi) throw new Error('the Tbilisi fixture has no batumi');
  batumi.properties.altNames.push({ name: BATUMI_CYRILLIC, lang: 'ru' }, { name: BATUMI_ARABIC, lang: 'ar' });
  writeFileSync(path, `${JSON.stringify(places, null, 2)}\n`);
}
