import type { AtlasModel } from '../domain/atlas-model';
import { knownNameSet, nameLanguages, namesAnnouncement } from '../domain/name-sets';
import { NamesControl } from '../ui/names-control';
import type { PageStore } from './store';

/**
 * The names control on the map for an atlas that names its places in other languages: it sends
 * the reader's choice to the page state and follows the state (a link followed, Back). A chunk
 * loaded after the first paint. Returns a function that removes it (none where there is no choice).
 */
export function showNamesControl(store: PageStore, model: AtlasModel, container: HTMLElement): () => void {
  const languages = nameLanguages(model.atlas);
  if (!languages.length) return () => {};
  const control = new NamesControl(container, {
    languages,
    chosen: knownNameSet(model.atlas, store.state.names),
    onChange: (names) => store.dispatch({ type: 'names', names }),
  });
  const unsubscribe = store.subscribe((state, before) => {
    if (state.names === before.names) return;
    const lang = knownNameSet(model.atlas, state.names);
    control.show(lang, namesAnnouncement(languages.find((l) => l.lang === lang) ?? null));
  });
  return () => {
    unsubscribe();
    control.remove();
  };
}
