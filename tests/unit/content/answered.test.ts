// @vitest-environment happy-dom
/**
 * The "already answered" watch looks for brand replies under a post only where posts sit in
 * threads: on X's timelines and search (no focal post) it never scans, however many rows stream in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAnsweredWatch } from '@/entrypoints/content/sent';
import { xAdapter } from '@/lib/sites/x';

vi.mock('@/entrypoints/content/messaging', () => ({
  sendMessage: async (name: string) => (name === 'brandHandlesGet' ? { handles: ['acme'] } : { ok: true }),
}));

/** happy-dom's own handle on the window, to put the page at an x.com URL. */
function setUrl(url: string): void {
  const happy: unknown = Reflect.get(window, 'happyDOM');
  const setURL: unknown = typeof happy === 'object' && happy !== null ? Reflect.get(happy, 'setURL') : undefined;
  if (typeof setURL !== 'function') throw new Error('not running in happy-dom');
  Reflect.apply(setURL, happy, [url]);
}

describe('startAnsweredWatch', () => {
  let scope: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    scope = new AbortController();
  });
  afterEach(() => {
    scope.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it.each([
    ['a search page', 'https://x.com/search?q=acme', 0],
    ['a conversation page', 'https://x.com/jane/status/1850000000000000100', 1],
  ])('on %s scans for brand replies %i time(s) after rows stream in', async (_, url, scans) => {
    setUrl(url);
    const answered = vi.spyOn(xAdapter, 'answeredOnPage');
    startAnsweredWatch(xAdapter, scope.signal);
    await vi.advanceTimersByTimeAsync(1000); // the handles arrive and the first look is over
    answered.mockClear();
    for (let i = 0; i < 3; i++) {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(answered).toHaveBeenCalledTimes(scans);
  });
});
