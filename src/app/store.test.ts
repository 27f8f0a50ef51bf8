import { describe, expect, it } from 'vitest';
import { EMPTY_LINK } from './link';
import { initialState, type Command, type PageState } from './page-state';
import { PageStore } from './store';

const isPlace = (id: string) => id === 'baku' || id === 'yerevan';

describe('PageStore', () => {
  it('tells every listener of each change once, with the state before and the command', () => {
    const store = new PageStore(initialState(null, EMPTY_LINK, isPlace), isPlace);
    const heard: [string, PageState, PageState, Command][] = [];
    store.subscribe((state, before, command) => heard.push(['first', state, before, command]));
    store.subscribe((state, before, command) => heard.push(['second', state, before, command]));
    const before = store.state;
    const command: Command = { type: 'select-place', placeId: 'baku', origin: 'panel' };
    store.dispatch(command);
    expect(store.state.selection).toEqual({ kind: 'place', placeId: 'baku' });
    expect(heard).toEqual([
      ['first', store.state, before, command],
      ['second', store.state, before, command],
    ]);
  });

  it('tells no one of a command that changes nothing', () => {
    const store = new PageStore(initialState(null, EMPTY_LINK, isPlace), isPlace);
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.dispatch({ type: 'deselect' });
    store.dispatch({ type: 'select-place', placeId: 'hadrut', origin: 'map' });
    expect(calls).toBe(0);
  });

  it('handles a command sent by a listener after every listener has heard the change before it', () => {
    const store = new PageStore(initialState(null, EMPTY_LINK, isPlace), isPlace);
    const order: string[] = [];
    store.subscribe((state, _before, command) => {
      order.push(`a:${command.type}`);
      if (command.type === 'select-place')
        store.dispatch({ type: 'view', view: { lng: 1, lat: 2, zoom: 3 } });
    });
    store.subscribe((_state, _before, command) => order.push(`b:${command.type}`));
    store.dispatch({ type: 'select-place', placeId: 'yerevan', origin: 'map' });
    expect(order).toEqual(['a:select-place', 'b:select-place', 'a:view', 'b:view']);
    expect(store.state.view).toEqual({ lng: 1, lat: 2, zoom: 3 });
  });

  it('stops telling a listener that unsubscribed', () => {
    const store = new PageStore(initialState(null, EMPTY_LINK, isPlace), isPlace);
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'map' });
    unsubscribe();
    store.dispatch({ type: 'deselect' });
    expect(calls).toBe(1);
  });

  it('keeps working after a listener throws', () => {
    const store = new PageStore(initialState(null, EMPTY_LINK, isPlace), isPlace);
    const unsubscribe = store.subscribe(() => {
      throw new Error('a broken view');
    });
    expect(() => store.dispatch({ type: 'select-place', placeId: 'baku', origin: 'map' })).toThrow(
      'a broken view',
    );
    unsubscribe();
    store.dispatch({ type: 'deselect' });
    expect(store.state.selection).toEqual({ kind: 'none' });
  });
});
