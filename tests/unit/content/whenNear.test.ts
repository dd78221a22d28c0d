// @vitest-environment happy-dom
/**
 * Badges wait until their post nears the viewport; the marks do not. Driven with a fake
 * IntersectionObserver (the test plays the browser reporting intersections).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

class FakeIO {
  static last: FakeIO | undefined;
  readonly observed = new Set<Element>();
  constructor(
    private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeIO.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
    this.disconnected = true;
  }
  disconnected = false;
  report(el: Element, isIntersecting: boolean) {
    this.callback([{ target: el, isIntersecting }]);
  }
}

async function load() {
  vi.resetModules();
  return import('@/entrypoints/content/whenNear');
}

const page = () => new AbortController();

describe('whenNear', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeIO.last = undefined;
  });

  it('runs work only once the element comes near, once, with a screen of look-ahead', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIO);
    const { whenNear } = await load();
    const scope = page();
    const el = document.createElement('article');
    const work = vi.fn();
    whenNear(el, work, scope.signal);
    const io = FakeIO.last;
    if (!io) throw new Error('no observer');
    expect(io.options.rootMargin).toMatch(/^\d+px/);
    io.report(el, false);
    expect(work).not.toHaveBeenCalled();
    io.report(el, true);
    expect(work).toHaveBeenCalledTimes(1);
    expect(io.observed.has(el)).toBe(false);
    io.report(el, true);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('newer work replaces older work for the same element; cancel forgets it', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIO);
    const { whenNear, cancelNear } = await load();
    const scope = page();
    const a = document.createElement('article');
    const b = document.createElement('article');
    const first = vi.fn();
    const second = vi.fn();
    const other = vi.fn();
    whenNear(a, first, scope.signal);
    whenNear(a, second, scope.signal);
    whenNear(b, other, scope.signal);
    cancelNear(b);
    const io = FakeIO.last;
    if (!io) throw new Error('no observer');
    expect(io.observed.has(b)).toBe(false);
    io.report(a, true);
    io.report(b, true);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('forgets waiting elements that left the page once many wait (X drops far rows)', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIO);
    const { whenNear, waitingCount } = await load();
    const scope = page();
    const gone = Array.from({ length: 200 }, () => document.createElement('article'));
    for (const el of gone) whenNear(el, () => undefined, scope.signal);
    const kept = document.createElement('article');
    document.body.append(kept);
    const work = vi.fn();
    whenNear(kept, work, scope.signal);
    const io = FakeIO.last;
    if (!io) throw new Error('no observer');
    expect(waitingCount()).toBe(1);
    expect([...io.observed]).toEqual([kept]);
    io.report(kept, true);
    expect(work).toHaveBeenCalledTimes(1);
    kept.remove();
  });

  it("a page's abort disconnects its observer and drops its waiting work", async () => {
    vi.stubGlobal('IntersectionObserver', FakeIO);
    const { whenNear, waitingCount } = await load();
    const scope = page();
    const el = document.createElement('article');
    const work = vi.fn();
    whenNear(el, work, scope.signal);
    const io = FakeIO.last;
    if (!io) throw new Error('no observer');
    expect(waitingCount()).toBe(1);
    scope.abort();
    expect(io.disconnected).toBe(true);
    expect(waitingCount()).toBe(0);
    io.report(el, true);
    expect(work).not.toHaveBeenCalled();
    whenNear(el, work, scope.signal);
    expect(waitingCount()).toBe(0);
    // The next page gets an observer of its own.
    const next = page();
    whenNear(el, work, next.signal);
    expect(FakeIO.last).not.toBe(io);
    FakeIO.last?.report(el, true);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at once where IntersectionObserver does not exist', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { whenNear } = await load();
    const scope = page();
    const work = vi.fn();
    whenNear(document.createElement('article'), work, scope.signal);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
