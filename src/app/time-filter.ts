// The timeline and what it tells, loaded once a map is there (./selection, start.ts): the filter
// itself (the markers, popups and panel entries that follow it) is AtlasView's.
import type { AtlasModel } from '../domain/atlas-model';
import { factsInWhen, sameWhen, whenLabel, type DateFilter } from '../domain/date-filter';
import { factsOutside, timelineGroups, type TimelineGroup } from '../domain/timeline-groups';
import { factDate, formatDate, precisionOf, type IsoDate } from '../domain/dates';
import type { ArticlePanel } from '../ui/article-panel';
import { buildFilterNote, Timeline, type TimelineItem } from '../ui/timeline';
import type { PageStore } from './store';

const facts = (n: number) => `${n} ${n === 1 ? 'fact' : 'facts'}`;

/** `21 Sep`, `Sep`, `2020`: a date as short as the timeline's buttons show it, under its year. */
function shortDate(date: IsoDate): string {
  const precision = precisionOf(date);
  if (precision === 'year') return date;
  const month = formatDate(date.slice(0, 7)).slice(0, 3);
  return precision === 'month' ? month : `${Number(date.slice(8, 10))} ${month}`;
}

/** A timeline group as its button shows it and names it: `21 Sep`, named `21 Sep 2023, 11 facts`. */
export function timelineItem(group: TimelineGroup): TimelineItem {
  const { start, end } = group.when.kind === 'date' ? factDate(group.when.date) : group.when;
  const label = start === end ? shortDate(start) : `${shortDate(start)}–${shortDate(end)}`;
  const year = end.slice(0, 4);
  return {
    label,
    year,
    spoken: `${label.endsWith(year) ? '' : ` ${year}`}, ${facts(group.factCount)}`,
    size: group.factCount,
  };
}

/**
 * What the page says of a filter: the live region's `Showing 27 facts of 21 September 2023; 17
 * outside` (`Showing all 44 facts` for the whole story), and the panel's line on what it leaves out.
 */
export function whenMessages(
  model: AtlasModel,
  when: DateFilter | null,
): { status: string; note: string | null } {
  const all = model.atlas.facts;
  if (!when) return { status: `Showing all ${facts(all.length)}`, note: null };
  const label = whenLabel(when);
  const shown = factsInWhen(all, when).length;
  const { dated, undated } = factsOutside(all, when);
  const lie = dated === 1 ? 'lies' : 'lie';
  const hidden = undated === 1 ? '1 undated fact is hidden' : `${undated} undated facts are hidden`;
  return {
    status: `Showing ${facts(shown)} of ${label}; ${all.length - shown} outside`,
    note: `${facts(dated)} ${lie} outside ${label}${undated ? `; ${hidden}` : ''}.`,
  };
}

/**
 * The timeline on the map, in `container`, and the panel's line on what the chosen dates leave
 * out, both following the page state; choosing on the timeline sends `choose-when`. Returns the
 * function that removes them (nothing for an atlas with no dated fact).
 */
export function startTimeline(
  store: PageStore,
  model: AtlasModel,
  panel: ArticlePanel,
  container: HTMLElement,
): () => void {
  const groups = timelineGroups(model.atlas.facts);
  if (groups.length === 0) return () => {};
  const choose = (when: DateFilter | null) => store.dispatch({ type: 'choose-when', when });
  const timeline = new Timeline(container, {
    items: groups.map(timelineItem),
    onChoose: (index) => choose(index === null ? null : (groups[index]?.when ?? null)),
  });
  const show = (when: DateFilter | null) => {
    timeline.setChosen(when ? groups.findIndex((g) => sameWhen(g.when, when)) : null);
    const { note } = whenMessages(model, when);
    panel.setFilterNote(note ? buildFilterNote(note, () => choose(null)) : null);
  };
  show(store.state.when);
  const unsubscribe = store.subscribe((state, before) => {
    if (sameWhen(state.when, before.when)) return;
    show(state.when);
    timeline.announce(whenMessages(model, state.when).status);
  });
  return () => {
    unsubscribe();
    timeline.remove();
    panel.setFilterNote(null);
  };
}
