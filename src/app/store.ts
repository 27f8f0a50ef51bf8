import { nextState, type Command, type PageState } from './page-state';

export type StateListener = (state: PageState, before: PageState, command: Command) => void;

/**
 * Holds the page state: views send commands, and every listener hears each change once, in the
 * order they subscribed. A command sent by a listener is handled after the current change has
 * reached every listener, so that all of them see the changes in the same order.
 */
export class PageStore {
  private current: PageState;
  private readonly listeners = new Set<StateListener>();
  private readonly queue: Command[] = [];
  private dispatching = false;

  constructor(
    initial: PageState,
    private readonly isPlace: (id: string) => boolean,
  ) {
    this.current = initial;
  }

  get state(): PageState {
    return this.current;
  }

  /** Calls `listener` on every change from now on; the function returned unsubscribes it. */
  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(command: Command): void {
    this.queue.push(command);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const before = this.current;
        const after = nextState(before, next, this.isPlace);
        if (after === before) continue;
        this.current = after;
        for (const listener of [...this.listeners]) listener(after, before, next);
      }
    } finally {
      this.dispatching = false;
      this.queue.length = 0;
    }
  }
}
