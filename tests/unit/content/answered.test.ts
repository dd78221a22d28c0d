// @vitest-environment happy-dom
/**
 * The "already answered" watch: it looks for brand replies only where posts sit in threads, reads
 * only the posts added or changed since its last look that name a brand handle (each once, within a
 * per-task budget), and each report carries every brand reply found for its post so far.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_READ_BUDGET_MS, startAnsweredWatch } from '@/entrypoints/content/answered';
import { xAdapter } from '@/lib/sites/x';
import { tweetCell } from '../../e2e/support/xPage';

const sent = vi.hoisted(() => ({ reports: [] as { key: string; replies: { postId: string }[] }[], failNext: 0 }));

vi.mock('@/entrypoints/content/messaging', () => ({
  sendMessage: async (name: string, data: { key: string; replies: { postId: string }[] }) => {
    if (name === 'brandHandlesGet') return { handles: ['@AcmeHelp'] };
    if (sent.failNext > 0) {
      sent.failNext -= 1;
      throw new Error('the worker is away');
    }
    sent.reports.push({ key: data.key, replies: data.replies });
    return { ok: true };
  },
}));

/** happy-dom's own handle on the window, to put the page at an x.com URL. */
function setUrl(url: string): void {
  const happy: unknown = Reflect.get(window, 'happyDOM');
  const setURL: unknown = typeof happy === 'object' && happy !== null ? Reflect.get(happy, 'setURL') : undefined;
  if (typeof setURL !== 'function') throw new Error('not running in happy-dom');
  Reflect.apply(setURL, happy, [url]);
}

const FOCAL_ID = '1850000000000000100';
const CONVERSATION = `https://x.com/jane/status/${FOCAL_ID}`;

/** A row of the thread: a brand reply or a customer's. */
function row(id: number, byBrand: boolean): string {
  return tweetCell({
    id: String(1850000000000000200n + BigInt(id)),
    handle: byBrand ? 'AcmeHelp' : `fan${id}`,
    name: byBrand ? 'Acme Help' : `Fan ${id}`,
    text: byBrand ? `Sorry about that, DM us (${id})` : `Same here ${id}`,
    createdAt: '2026-11-23T10:00:00.000Z',
    replyTo: ['jane'],
  });
}

function appendRows(rows: string): void {
  const list = document.createElement('div');
  list.innerHTML = rows;
  document.body.append(list);
}

const repliedIds = (report: { replies: { postId: string }[] } | undefined) => report?.replies.map((r) => r.postId).sort();

describe('startAnsweredWatch', () => {
  let scope: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    scope = new AbortController();
    sent.reports = [];
    sent.failNext = 0;
  });
  afterEach(() => {
    scope.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it.each([
    ['a search page', 'https://x.com/search?q=acme', 0],
    ['a conversation page', CONVERSATION, 3],
  ])('on %s reads %i streamed rows for brand replies', async (_, url, reads) => {
    setUrl(url);
    const answered = vi.spyOn(xAdapter, 'answeredBy');
    startAnsweredWatch(xAdapter, scope.signal);
    await vi.advanceTimersByTimeAsync(1000); // the handles arrive and the first look is over
    answered.mockClear();
    for (let i = 0; i < 3; i++) {
      appendRows(row(i, true));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(answered).toHaveBeenCalledTimes(reads);
  });

  it("never searches customers' rows, which name no brand handle", async () => {
    setUrl(CONVERSATION);
    startAnsweredWatch(xAdapter, scope.signal);
    await vi.advanceTimersByTimeAsync(1000);
    const found = vi.spyOn(xAdapter, 'findPostElements');
    const answered = vi.spyOn(xAdapter, 'answeredBy');
    appendRows(row(1, false) + row(2, false));
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).not.toHaveBeenCalled();
    expect(answered).not.toHaveBeenCalled();
    // The same rows with the brand's reply among them are read, and the reply found.
    appendRows(row(3, false) + row(4, true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(answered).toHaveBeenCalledTimes(2);
    expect(repliedIds(sent.reports[0])).toEqual(['1850000000000000204']);
  });

  it('reads only what changed since its last look, and each report carries all the replies found for the post', async () => {
    setUrl(CONVERSATION);
    appendRows(row(1, true) + row(2, false));
    const answered = vi.spyOn(xAdapter, 'answeredBy');
    startAnsweredWatch(xAdapter, scope.signal);
    await vi.advanceTimersByTimeAsync(1000);
    expect(answered).toHaveBeenCalledTimes(2); // the page as it was when the handles arrived
    expect(sent.reports).toHaveLength(1);
    expect(sent.reports[0]?.key).toBe(`x:${FOCAL_ID}`);

    answered.mockClear();
    appendRows(row(3, true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(answered).toHaveBeenCalledTimes(1); // the new row only
    expect(sent.reports).toHaveLength(2);
    expect(repliedIds(sent.reports[1])).toEqual(['1850000000000000201', '1850000000000000203']);

    // A reply already reported is not sent again.
    appendRows(row(2, false));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.reports).toHaveLength(2);
  });

  it('reads nothing again when a row leaves the thread, though the rows left name the brand', async () => {
    setUrl(CONVERSATION);
    startAnsweredWatch(xAdapter, scope.signal);
    await vi.advanceTimersByTimeAsync(1000);
    appendRows(row(1, true) + row(2, false) + row(3, true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(repliedIds(sent.reports.at(-1))).toEqual(['1850000000000000201', '1850000000000000203']);
    const found = vi.spyOn(xAdapter, 'findPostElements');
    const answered = vi.spyOn(xAdapter, 'answeredBy');
    // The page drops a row (as X and Facebook do for far-off rows): its list changed, no post in it did.
    document.querySelectorAll('article')[1]?.closest('[data-testid="cellInnerDiv"]')?.remove();
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).not.toHaveBeenCalled();
    expect(answered).not.toHaveBeenCalled();
    // A row added to that list is still read.
    document.querySelector('article')?.closest('[data-testid="cellInnerDiv"]')?.parentElement?.insertAdjacentHTML('beforeend', row(4, true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(answered).toHaveBeenCalledTimes(1);
    expect(repliedIds(sent.reports.at(-1))).toEqual(['1850000000000000201', '1850000000000000203', '1850000000000000204']);
  });

  it('sends a report the worker missed again with the next look', async () => {
    setUrl(CONVERSATION);
    startAnsweredWatch(xAdapter, scope.signal);
    await vi.advanceTimersByTimeAsync(1000);
    sent.failNext = 1;
    appendRows(row(1, true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.reports).toEqual([]);
    appendRows(row(2, false));
    await vi.advanceTimersByTimeAsync(1000);
    expect(repliedIds(sent.reports[0])).toEqual(['1850000000000000201']);
  });

  it('reads a big insertion over several tasks, each within its budget, and finds every reply', async () => {
    setUrl(CONVERSATION);
    // Each reading of the clock is one ms later: a task may read about ANSWER_READ_BUDGET_MS posts.
    let clock = 0;
    startAnsweredWatch(xAdapter, scope.signal, { now: () => clock++ });
    await vi.advanceTimersByTimeAsync(1000);
    const answered = vi.spyOn(xAdapter, 'answeredBy');
    const reads = () => answered.mock.calls.length;
    const readsPerTask: number[] = [];
    const rows = Array.from({ length: 40 }, (_, i) => row(i, i % 10 === 0)).join('');
    appendRows(rows);
    await vi.advanceTimersByTimeAsync(499);
    expect(reads()).toBe(0); // changes gather first
    await vi.advanceTimersByTimeAsync(1);
    readsPerTask.push(reads());
    while (reads() < 40) {
      const before = reads();
      await vi.advanceTimersToNextTimerAsync();
      readsPerTask.push(reads() - before);
    }
    expect(readsPerTask.length).toBeGreaterThan(2);
    expect(Math.max(...readsPerTask)).toBeLessThanOrEqual(ANSWER_READ_BUDGET_MS + 1);
    expect(repliedIds(sent.reports.at(-1))).toEqual(['1850000000000000200', '1850000000000000210', '1850000000000000220', '1850000000000000230']);
  });
});
