import { sameWhen } from '../domain/date-filter';
import type { View } from '../domain/view';
import { sameView, type DateFilter, type LinkState } from './link';

/** What is selected: nothing, one of the article's places, or a feature of an opened file. */
export type Selection =
  { kind: 'none' } | { kind: 'place'; placeId: string } | { kind: 'feature'; fileId: string; index: number };

export const NO_SELECTION: Selection = { kind: 'none' };

/** Where a selection came from: it decides how the map frames it (see camera.ts). */
export const SELECTION_ORIGINS = ['map', 'panel', 'link'] as const;
export type SelectionOrigin = (typeof SELECTION_ORIGINS)[number];

/** The state of the page that the map, the panel, the popup and the link all follow. */
export interface PageState {
  /** The atlas shown: its id from the atlas index (null: the index's default). */
  atlasId: string | null;
  selection: Selection;
  /** How the current selection was made (null while nothing is selected). */
  origin: SelectionOrigin | null;
  /** The date filter: the facts of a day, month, year or span (null: the whole story). */
  when: DateFilter | null;
  /** The name set: the language whose names lead (null: the article's names). */
  names: string | null;
  /** The map's view, once the map reports it or a link gives it. */
  view: View | null;
}

/** What views ask of the page state. */
export type Command =
  | { type: 'select-place'; placeId: string; origin: SelectionOrigin }
  | { type: 'select-feature'; fileId: string; index: number; origin: SelectionOrigin }
  /** The reader closed the popup (button, Escape, a click elsewhere). */
  | { type: 'deselect' }
  /** An opened file was removed: a selection of one of its features ends with it. */
  | { type: 'file-removed'; fileId: string }
  /** The map stopped moving here. */
  | { type: 'view'; view: View }
  /** The reader chose a name set (null: the article's names). */
  | { type: 'names'; names: string | null }
  /** The reader chose the facts of a date or span on the timeline, or the whole story (null). */
  | { type: 'choose-when'; when: DateFilter | null }
  /** A link was followed (the page opened, or Back and Forward): its state replaces the page's. */
  | { type: 'follow-link'; link: LinkState };

/**
 * The page state a link gives, before the map reports anything; `isPlace` says which ids are the
 * article's places (a link naming anything else selects nothing).
 */
export function initialState(
  atlasId: string | null,
  link: LinkState,
  isPlace: (id: string) => boolean,
): PageState {
  const placeId = link.placeId && isPlace(link.placeId) ? link.placeId : null;
  return {
    atlasId,
    selection: placeId ? { kind: 'place', placeId } : NO_SELECTION,
    origin: placeId ? 'link' : null,
    when: link.when,
    names: link.names,
    view: link.view,
  };
}

/**
 * The next state after a command. `isPlace` says which ids are the article's places: a link or a
 * command naming anything else selects nothing. Returns the same object when nothing changes.
 */
export function nextState(state: PageState, command: Command, isPlace: (id: string) => boolean): PageState {
  switch (command.type) {
    // Choosing the selected place or feature again is a new state too: the reader asks to be shown it.
    case 'select-place':
      if (!isPlace(command.placeId)) return state;
      return { ...state, selection: { kind: 'place', placeId: command.placeId }, origin: command.origin };
    case 'select-feature':
      return {
        ...state,
        selection: { kind: 'feature', fileId: command.fileId, index: command.index },
        origin: command.origin,
      };
    case 'deselect':
      return withSelection(state, NO_SELECTION, null);
    case 'file-removed':
      return state.selection.kind === 'feature' && state.selection.fileId === command.fileId
        ? withSelection(state, NO_SELECTION, null)
        : state;
    // A view the link would write the same is no change: a link followed stays as it was written.
    case 'view':
      return state.view && sameView(state.view, command.view) ? state : { ...state, view: command.view };
    case 'names':
      return state.names === command.names ? state : { ...state, names: command.names };
    case 'choose-when':
      return sameWhen(state.when, command.when) ? state : { ...state, when: command.when };
    case 'follow-link': {
      const { link } = command;
      const placeId = link.placeId && isPlace(link.placeId) ? link.placeId : null;
      return {
        ...state,
        selection: placeId ? { kind: 'place', placeId } : NO_SELECTION,
        origin: placeId ? 'link' : null,
        when: link.when,
        names: link.names,
        // A link without a view keeps the map where it is.
        view: link.view ?? state.view,
      };
    }
  }
}

function withSelection(state: PageState, selection: Selection, origin: SelectionOrigin | null): PageState {
  if (sameSelection(state.selection, selection) && state.origin === origin) return state;
  return { ...state, selection, origin };
}

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a.kind === 'place' && b.kind === 'place') return a.placeId === b.placeId;
  if (a.kind === 'feature' && b.kind === 'feature') return a.fileId === b.fileId && a.index === b.index;
  return a.kind === b.kind;
}

/** The article's place selected now, if any. */
export function selectedPlace(state: PageState): string | null {
  return state.selection.kind === 'place' ? state.selection.placeId : null;
}

/** What the link says of a state: a file's feature is not in the link (a file is not reopened by a link). */
export function linkOf(state: PageState): LinkState {
  return { placeId: selectedPlace(state), view: state.view, when: state.when, names: state.names };
}

/**
 * How a change of state is kept in the browser's history: a new selection is a new entry (Back
 * restores the one before); a moved map or a changed filter rewrites the current entry; a followed
 * link is already where the browser is.
 */
export function historyEntry(
  before: PageState,
  after: PageState,
  command: Command,
): 'push' | 'replace' | 'none' {
  if (command.type === 'follow-link') return 'none';
  return sameSelection(before.selection, after.selection) ? 'replace' : 'push';
}
