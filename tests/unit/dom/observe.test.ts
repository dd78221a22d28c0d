// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observe, onNavigate } from '../../../lib/dom/observe';
import { manualScheduler } from '../support/scheduler';


const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

function div(id: string): HTMLElement {
  const el = document.createElement('div');
  el.id = id;
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('observe', () => {
  it('coalesces many mutations into one scheduled batch', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded }, { scheduler: s.scheduler });
    document.body.append(div('a'), div('b'));
    document.body.append(div('c'));
    await mutationsDelivered();
    expect(onAdded).not.toHaveBeenCalled();
    expect(s.pending()).toBe(1);
    s.run();
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(onAdded.mock.calls[0]?.[0].map((el: Element) => el.id)).toEqual(['a', 'b', 'c']);
    ac.abort();
  });

  it('reports only the outermost of nested additions and skips nodes removed before the flush', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded }, { scheduler: s.scheduler });
    const parent = div('parent');
    document.body.append(parent);
    await mutationsDelivered();
    parent.append(div('child'));
    const gone = div('gone');
    document.body.append(gone);
    gone.remove();
    await mutationsDelivered();
    s.run();
    expect(onAdded.mock.calls.flatMap((c) => c[0].map((el: Element) => el.id))).toEqual(['parent']);
    ac.abort();
  });

  it('reports exactly the outermost additions whatever their order (siblings share proven-clear parents)', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const ac = new AbortController();
    const row = div('row');
    const holder = div('holder');
    document.body.append(row, holder);
    await mutationsDelivered();
    observe(document.body, { signal: ac.signal, onAdded }, { scheduler: s.scheduler });
    // f sits under d, c under b: added child-first, then their ancestors.
    const d = div('d');
    const e = div('e');
    const f = div('f');
    const b = div('b');
    const c = div('c');
    row.append(div('a'));
    holder.append(d);
    d.append(e);
    e.append(f);
    row.append(b);
    b.append(c);
    row.append(div('g'));
    await mutationsDelivered();
    s.run();
    expect(onAdded.mock.calls.flatMap((call) => call[0].map((el: Element) => el.id))).toEqual(['a', 'd', 'b', 'g']);
    ac.abort();
  });

  it('delivers rows appended to one parent as they are, and still drops nested additions in the next batch', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const ac = new AbortController();
    const timeline = div('timeline');
    document.body.append(timeline);
    await mutationsDelivered();
    observe(document.body, { signal: ac.signal, onAdded }, { scheduler: s.scheduler, chunkSize: 2 });
    const ids = () => onAdded.mock.calls.flatMap((call) => call[0].map((el: Element) => el.id));

    // Siblings (one record, one parent), handed over in chunks of two.
    timeline.append(div('r1'), div('r2'), div('r3'));
    timeline.append(div('r4'), div('r5'));
    await mutationsDelivered();
    s.run();
    expect(ids()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);

    // Next batch: a row, then a part appended inside it (two parents): only the row.
    onAdded.mockClear();
    const row = div('r6');
    timeline.append(row);
    row.append(div('part'));
    await mutationsDelivered();
    s.run();
    expect(ids()).toEqual(['r6']);

    // A batch that starts with one parent's children and then nests inside one of them.
    onAdded.mockClear();
    const r7 = div('r7');
    timeline.append(r7, div('r8'));
    r7.append(div('inner'));
    await mutationsDelivered();
    s.run();
    expect(ids()).toEqual(['r7', 'r8']);

    // Rows from one parent, then (before the last chunk) a part nested in a row of the first chunk.
    onAdded.mockClear();
    const r9 = div('r9');
    timeline.append(r9, div('r10'), div('r11'));
    await mutationsDelivered();
    s.run(() => 0); // one chunk, then the slice is over
    r9.append(div('late'));
    await mutationsDelivered();
    s.run();
    expect(ids()).toEqual(['r9', 'r10', 'r11']);
    ac.abort();
  });

  it('hands work over in chunks and yields when the slice runs out of time', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded }, { scheduler: s.scheduler, chunkSize: 2 });
    document.body.append(div('1'), div('2'), div('3'), div('4'), div('5'));
    await mutationsDelivered();
    s.run(() => 0); // no time left after the first chunk: the rest must wait for the next slice
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(s.pending()).toBe(1);
    s.run(() => 50); // plenty of time: the remaining two chunks in one slice
    expect(onAdded).toHaveBeenCalledTimes(3);
    expect(onAdded.mock.calls.map((c) => c[0].length)).toEqual([2, 2, 1]);
    expect(s.pending()).toBe(0);
    ac.abort();
  });

  it('reports in-place text changes (recycled rows) to onTextChanged', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const onTextChanged = vi.fn();
    const row = div('row');
    row.textContent = 'old post';
    document.body.append(row);
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded, onTextChanged }, { scheduler: s.scheduler });
    const text = row.firstChild;
    if (!text) throw new Error('no text node');
    text.nodeValue = 'new post';
    await mutationsDelivered();
    s.run();
    expect(onTextChanged).toHaveBeenCalledTimes(1);
    expect(onTextChanged.mock.calls[0]?.[0]).toEqual([row]);
    expect(onAdded).not.toHaveBeenCalled();
    ac.abort();
  });

  it('reports appended rows as added, not their container as changed', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const onTextChanged = vi.fn();
    const list = div('timeline');
    document.body.append(list);
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded, onTextChanged }, { scheduler: s.scheduler });
    list.append(div('row-1'));
    list.firstElementChild?.replaceChildren();
    await mutationsDelivered();
    s.run();
    expect(onAdded.mock.calls.flatMap((c) => c[0].map((el: Element) => el.id))).toEqual(['row-1']);
    expect(onTextChanged.mock.calls.flatMap((c) => c[0].map((el: Element) => el.id))).toEqual([]);
    ac.abort();
  });

  it('delivers nothing after abort, even for work already queued', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    const onTextChanged = vi.fn();
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded, onTextChanged }, { scheduler: s.scheduler });
    document.body.append(div('before'));
    await mutationsDelivered();
    expect(s.pending()).toBe(1);
    ac.abort();
    expect(s.pending()).toBe(0); // the scheduled slice was cancelled
    document.body.append(div('after'));
    await mutationsDelivered();
    s.run();
    expect(s.pending()).toBe(0);
    expect(onAdded).not.toHaveBeenCalled();
    expect(onTextChanged).not.toHaveBeenCalled();
  });

  it('does nothing when the signal is already aborted', async () => {
    const s = manualScheduler();
    const onAdded = vi.fn();
    observe(document.body, { signal: AbortSignal.abort(), onAdded }, { scheduler: s.scheduler });
    document.body.append(div('x'));
    await mutationsDelivered();
    expect(s.pending()).toBe(0);
  });

  it('works with the default scheduler (idle callback or timer fallback)', async () => {
    const onAdded = vi.fn();
    const ac = new AbortController();
    observe(document.body, { signal: ac.signal, onAdded });
    document.body.append(div('late'));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1), { timeout: 2000 });
    ac.abort();
  });
});

describe('onNavigate', () => {
  it('shares one native observer per root among default-option watchers, each getting every chunk', async () => {
    const Native = window.MutationObserver;
    let created = 0;
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super(callback);
        created += 1;
      }
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const one = new AbortController();
      const two = new AbortController();
      const seenOne: string[] = [];
      const seenTwo: string[] = [];
      observe(document.body, { signal: one.signal, onAdded: (els) => seenOne.push(...els.map((e) => e.id)) });
      // A failing subscriber must not starve the others.
      observe(document.body, { signal: two.signal, onAdded: () => { throw new Error('boom'); } });
      observe(document.body, { signal: two.signal, onAdded: (els) => seenTwo.push(...els.map((e) => e.id)) });
      expect(created).toBe(1);
      document.body.append(div('a'), div('b'));
      await vi.waitFor(() => expect(seenTwo).toEqual(['a', 'b']));
      expect(seenOne).toEqual(['a', 'b']);
      expect(error).toHaveBeenCalled();

      two.abort();
      document.body.append(div('c'));
      await vi.waitFor(() => expect(seenOne).toEqual(['a', 'b', 'c']));
      expect(seenTwo).toEqual(['a', 'b']);

      one.abort();
      // Everyone left: the next watcher starts a fresh native observer.
      const three = new AbortController();
      const seenThree: string[] = [];
      observe(document.body, { signal: three.signal, onAdded: (els) => seenThree.push(...els.map((e) => e.id)) });
      expect(created).toBe(2);
      document.body.append(div('d'));
      await vi.waitFor(() => expect(seenThree).toEqual(['d']));
      expect(seenOne).toEqual(['a', 'b', 'c']);
      three.abort();
    } finally {
      window.MutationObserver = Native;
      error.mockRestore();
    }
  });

  it('hands an immediate subscriber every addition and change in the observer callback, even rows removed at once', async () => {
    const s = manualScheduler();
    const list = div('timeline');
    const row = div('row-0');
    row.textContent = 'old';
    list.append(row);
    document.body.append(list);
    const now = { added: [] as string[], changed: [] as string[] };
    const idle: string[] = [];
    const ac = new AbortController();
    const scheduler = s.scheduler;
    observe(document.body, { signal: ac.signal, immediate: true, onAdded: (els) => now.added.push(...els.map((e) => e.id)), onTextChanged: (els) => now.changed.push(...els.map((e) => e.id)) }, { scheduler });
    observe(document.body, { signal: ac.signal, onAdded: (els) => idle.push(...els.map((e) => e.id)) }, { scheduler });
    const gone = div('row-1');
    gone.append(div('inner')); // nested in an addition of the same callback: not repeated
    list.append(gone, div('row-2'));
    gone.firstElementChild?.append(div('deeper'));
    const text = row.firstChild;
    if (text) text.nodeValue = 'new';
    await mutationsDelivered();
    gone.remove(); // X drops the row before any idle time
    await mutationsDelivered();
    expect(now.added).toEqual(['row-1', 'row-2']);
    expect(now.changed).toEqual(['row-0', 'timeline']);
    expect(idle).toEqual([]); // the other subscriber still waits for its idle chunk
    s.run();
    expect(idle).toEqual(['row-2']);
    expect(now.added).toEqual(['row-1', 'row-2']); // not again from the idle chunk
    ac.abort();
  });

  it.each([
    ['immediate', true],
    ['idle', false],
  ])('tells an %s subscriber the parent rows were appended to, and null when they came from several', async (_, immediate) => {
    const s = manualScheduler();
    const list = div('timeline');
    const other = div('sidebar');
    document.body.append(list, other);
    const calls: [string[], string | null][] = [];
    const ac = new AbortController();
    const onAdded = (els: Element[], parent: Node | null) => calls.push([els.map((e) => e.id), parent instanceof Element ? parent.id : null]);
    observe(document.body, { signal: ac.signal, immediate, onAdded }, { scheduler: s.scheduler });
    list.append(div('row-0'), div('row-1'));
    await mutationsDelivered();
    s.run();
    list.append(div('row-2'));
    other.append(div('card'));
    await mutationsDelivered();
    s.run();
    expect(calls).toEqual([
      [['row-0', 'row-1'], 'timeline'],
      [['row-2', 'card'], null],
    ]);
    ac.abort();
  });

  it('a shared observer starts watching text once a subscriber wants text changes', async () => {
    const row = div('row');
    row.textContent = 'old';
    document.body.append(row);
    const ac = new AbortController();
    const added: string[] = [];
    const changed: string[] = [];
    observe(document.body, { signal: ac.signal, onAdded: (els) => added.push(...els.map((e) => e.id)) });
    observe(document.body, { signal: ac.signal, onAdded: () => undefined, onTextChanged: (els) => changed.push(...els.map((e) => e.id)) });
    const text = row.firstChild;
    if (!text) throw new Error('no text node');
    text.nodeValue = 'new';
    await vi.waitFor(() => expect(changed).toEqual(['row']));
    expect(added).toEqual([]);
    ac.abort();
  });

  it('reports SPA navigations from popstate and the URL poll, once each, until aborted', () => {
    // The poll runs on a fake clock the test moves: no waiting for real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const seen: string[] = [];
      const ac = new AbortController();
      onNavigate(ac.signal, (url) => seen.push(new URL(url).pathname), { pollMs: 50 });
      window.history.pushState({}, '', '/one');
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(seen).toEqual(['/one']);
      window.history.pushState({}, '', '/two'); // pushState fires no event: the poll catches it
      expect(seen).toEqual(['/one']);
      vi.advanceTimersByTime(50);
      expect(seen).toEqual(['/one', '/two']);
      vi.advanceTimersByTime(500); // nothing new: reported once
      expect(seen).toEqual(['/one', '/two']);
      ac.abort();
      window.history.pushState({}, '', '/three');
      window.dispatchEvent(new PopStateEvent('popstate'));
      vi.advanceTimersByTime(500);
      expect(seen).toEqual(['/one', '/two']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('listens to the Navigation API when the page has one', () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const seen: string[] = [];
    const ac = new AbortController();
    onNavigate(ac.signal, (url) => seen.push(new URL(url).pathname), { pollMs: 60_000 });
    window.history.pushState({}, '', '/via-navigation-api');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual(['/via-navigation-api']);
    ac.abort();
    Reflect.deleteProperty(window, 'navigation');
  });
});
