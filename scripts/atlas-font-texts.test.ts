import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECOND_ATLAS_ROOT } from '../tests/helpers/atlas-files';
import { atlasFontTexts, BASEMAP_LABELS } from './atlas-font-texts';
import { ROOT } from './node-data';

const dir = mkdtempSync(join(tmpdir(), 'font-texts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const labels = join(dir, 'labels.geojson');
writeFileSync(
  labels,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'Georgia', name_local: 'საქართველო' }, geometry: null },
      { type: 'Feature', properties: { kind: 'sea' }, geometry: null },
    ],
  }),
);

describe('atlasFontTexts', () => {
  const found = atlasFontTexts(SECOND_ATLAS_ROOT, labels);

  it('takes every string of each atlas in the index, in the article’s language or a name’s own', () => {
    expect(found.texts).toContainEqual({
      text: 'Test fixture: a synthetic three-city article for Article Atlas',
      lang: 'en',
    });
    expect(found.texts).toContainEqual({ text: 'თბილისი', lang: 'ka' });
    expect(found.texts).toContainEqual({ text: 'Tbilisi', lang: 'en' });
    expect(found.unreadable).toEqual([]);
  });

  it('takes the basemap labels’ drawn text only, not the names kept beside it', () => {
    const fromLabels = found.texts.filter((t) => t.lang === undefined);
    expect(fromLabels).toEqual([{ text: 'Georgia' }]);
  });

  it('reads a file that starts with a byte order mark, as the page does', () => {
    const bom = join(dir, 'bom-labels.geojson');
    writeFileSync(
      bom,
      `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Ελλάδα' }, geometry: null }] })}`,
    );
    const read = atlasFontTexts(join(dir, 'nothing-here'), bom);
    expect(read.texts).toEqual([{ text: 'Ελλάδα' }]);
  });

  it('skips an atlas file it cannot read, and says which', () => {
    const broken = atlasFontTexts(join(dir, 'nothing-here'), labels);
    expect(broken.texts).toEqual([{ text: 'Georgia' }]);
    expect(broken.unreadable).toHaveLength(1);
    expect(broken.unreadable[0]).toMatch(/nothing-here\/atlases\/index\.json: ENOENT/);
  });

  it('stops the build when the basemap’s label file is not where BASEMAP_LABELS says', () => {
    expect(() => atlasFontTexts(SECOND_ATLAS_ROOT, join(dir, 'moved.geojson'))).toThrow(
      `The basemap's label file ${join(dir, 'moved.geojson')} does not exist: set BASEMAP_LABELS in scripts/atlas-font-texts.ts`,
    );
  });

  it('reads the real basemap’s label file', () => {
    const real = atlasFontTexts(join(ROOT, 'data'), join(ROOT, BASEMAP_LABELS.file));
    expect(real.texts).toContainEqual({ text: 'Caspian Sea' });
    expect(real.texts).toContainEqual({ text: 'Москва', lang: 'ru' });
  });
});
