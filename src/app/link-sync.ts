import { formatLink, parseLink } from './link';
import { historyEntry, linkOf, type Command, type PageState } from './page-state';
import type { PageStore } from './store';

/** The parts of `window` the link is kept in, so that a test can give its own. */
export interface LinkHost {
  location: { pathname: string; search: string; hash: string };
  history: {
    pushState(data: null, unused: string, url: string): void;
    replaceState(data: null, unused: string, url: string): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/**
 * Keeps the page state in the address bar: each change is written as the history policy says (a
 * new selection is a new entry, a moved map rewrites the current one), and Back and Forward
 * follow the link they land on. A change that leaves the link as it is writes nothing.
 */
export class LinkSync {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PageStore,
    private readonly host: LinkHost = window,
  ) {
    this.unsubscribe = store.subscribe((state, before, command) => this.write(state, before, command));
    host.addEventListener('popstate', this.onPopState);
  }

  private readonly onPopState = (): void => {
    this.store.dispatch({ type: 'follow-link', link: parseLink(this.host.location.hash) });
  };

  private write(state: PageState, before: PageState, command: Command): void {
    const how = historyEntry(before, state, command);
    if (how === 'none') return;
    const hash = formatLink(linkOf(state));
    const { pathname, search, hash: current } = this.host.location;
    if (hash === current) return;
    const url = `${pathname}${search}${hash}`;
    if (how === 'push') this.host.history.pushState(null, '', url);
    else this.host.history.replaceState(null, '', url);
  }

  remove(): void {
    this.unsubscribe();
    this.host.removeEventListener('popstate', this.onPopState);
  }
}
