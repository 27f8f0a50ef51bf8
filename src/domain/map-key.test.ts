import { describe, expect, it } from 'vitest';
import { syntheticAtlas } from '../../scripts/synthetic-atlas';
import {
  FILE_NAMES,
  readAtlasFiles,
  REAL_ATLAS_DIR,
  SECOND_ATLAS_DIR,
} from '../../tests/helpers/atlas-files';
import { mapKey, type MapKeyEntry } from './map-key';
import type { Atlas } from './types';
import { validateAtlas } from './validate-atlas';

const loadDir = (dir: string): Atlas => validateAtlas(readAtlasFiles(dir), FILE_NAMES).atlas!;

const STORY: MapKeyEntry = {
  id: 'story-place',
  label: 'Place in the story',
  explanation: 'Red dot: where the reported events take place',
};
const REACTION: MapKeyEntry = {
  id: 'reaction-place',
  label: 'Reaction from elsewhere',
  explanation: 'Blue dot: where they were commented on from afar',
};
const DISPUTED_AREA: MapKeyEntry = {
  id: 'disputed-area',
  label: 'Disputed area',
  explanation: 'Hatched, with a dashed outline; the outline is approximate and not a legal boundary',
};
const AREA: MapKeyEntry = {
  id: 'area',
  label: 'Area',
  explanation: 'Tinted, with a dashed outline; the outline is approximate and not a legal boundary',
};
const BADGE: MapKeyEntry = {
  id: 'disputed-badge',
  label: '“Disputed” tag',
  explanation: 'Beside a name: the status of the place is disputed',
};
const CLUSTER: MapKeyEntry = {
  id: 'cluster',
  label: 'Group of places',
  explanation: 'Blue circle with a number: that many places close together; zoom in to see them',
};

describe('mapKey', () => {
  it('explains the Karabakh atlas: red and blue dots, the hatched disputed region, the tag', () => {
    expect(mapKey(loadDir(REAL_ATLAS_DIR), { clustered: false })).toEqual([
      STORY,
      REACTION,
      DISPUTED_AREA,
      BADGE,
    ]);
  });

  it('gives the second atlas (story places and an undisputed square, nothing abroad) two entries', () => {
    expect(mapKey(loadDir(SECOND_ATLAS_DIR), { clustered: false })).toEqual([STORY, AREA]);
  });

  it('explains the clusters of a crowded synthetic atlas, which has no dispute', () => {
    const synthetic = syntheticAtlas(1000, 1);
    const atlas = validateAtlas(
      { article: synthetic.article, places: synthetic.places, facts: synthetic.facts },
      FILE_NAMES,
    ).atlas!;
    expect(mapKey(atlas, { clustered: true })).toEqual([STORY, REACTION, AREA, CLUSTER]);
  });

  it('lists clusters only when the map clusters', () => {
    expect(mapKey(loadDir(REAL_ATLAS_DIR), { clustered: true }).map((e) => e.id)).toEqual([
      'story-place',
      'reaction-place',
      'disputed-area',
      'disputed-badge',
      'cluster',
    ]);
  });

  it('gives a disputed point the tag but no disputed area, and an area of any group its entry', () => {
    const atlas = loadDir(REAL_ATLAS_DIR);
    const places = atlas.places.map((p) =>
      p.id === 'nagorno-karabakh'
        ? { ...p, properties: { ...p.properties, status: undefined, group: 'reaction' as const } }
        : p,
    );
    expect(mapKey({ ...atlas, places }, { clustered: false })).toEqual([STORY, REACTION, AREA, BADGE]);
  });

  it('leaves out the reactions of an atlas that has none, and keeps the fixed order', () => {
    const atlas = loadDir(REAL_ATLAS_DIR);
    const places = atlas.places.filter((p) => p.properties.group === 'story').reverse();
    expect(mapKey({ ...atlas, places }, { clustered: false })).toEqual([STORY, DISPUTED_AREA, BADGE]);
  });
});
