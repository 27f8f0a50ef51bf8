import type { AtlasModel } from '../domain/atlas-model';
import type { DateFilter } from '../domain/date-filter';
import { knownNameSet, placeNameIn, type PlaceName } from '../domain/name-sets';
import type { MarkerPlace } from '../map/place-markers';
import { namePlaceNodes } from '../ui/place-names';
import { markerPlace } from './marker-places';

/** An atlas's places named under one name set, for every view that names them. */
export interface NamedPlaces {
  /** The name set shown: the one asked for when the atlas has it, else null (the article's names). */
  lang: string | null;
  /** The markers under these names, their counts those of the date filter `when`. */
  markers: (when: DateFilter | null) => MarkerPlace[];
  /** The map labels' texts by place id (null: the article's names). */
  labels: Record<string, string> | null;
  /** Renames the places in a part of the page (the panel, a popup). */
  rename: (root: ParentNode) => void;
}

/**
 * The atlas's places under the name set `names` asks for (see placeNameIn); an unknown one (a
 * link's `names=xx`) gives the article's names. A module of its own, loaded when a name set is chosen.
 */
export function namedPlaces(model: AtlasModel, names: string | null): NamedPlaces {
  const lang = knownNameSet(model.atlas, names);
  const byId = new Map<string, PlaceName>(model.atlas.places.map((p) => [p.id, placeNameIn(p, lang)]));
  const renamed = model.atlas.places.filter((p) => byId.get(p.id)?.text !== p.properties.name);
  return {
    lang,
    markers: (when) => model.atlas.places.map((p) => markerPlace(model, p, { when, name: byId.get(p.id) })),
    labels: lang ? Object.fromEntries(renamed.map((p) => [p.id, byId.get(p.id)?.text ?? ''])) : null,
    rename: (root) => namePlaceNodes(root, (id) => byId.get(id)),
  };
}
