// @vitest-environment happy-dom
/**
 * A content script orphaned by an extension update stops cleanly: it notices (periodically, or at
 * once after a failed send), removes what it drew, and asks for a reload unless a fresh copy has
 * taken over the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, RUN_ATTR, claimPage, watchLifetime } from '@/entrypoints/content/lifetime';

/** Plays WXT's context: `isInvalid` aborts the signal once the extension is gone. */
function context() {
  const controller = new AbortController();
  let gone = false;
  return {
    signal: controller.signal,
    isInvalid: () => {
      if (gone) controller.abort();
      return controller.signal.aborted && gone;
    },
    goAway: () => {
      gone = true;
    },
    abort: () => controller.abort(),
  };
}

/** An interval the test ticks by hand. */
function manualEvery() {
  const tasks = new Set<() => void>();
  const every = (task: () => void, ms: number) => {
    expect(ms).toBe(CHECK_EVERY_MS);
    tasks.add(task);
    return () => void tasks.delete(task);
  };
  return { every, tick: () => [...tasks].forEach((t) => t()), running: () => tasks.size };
}

function drawnPage(): void {
  document.body.innerHTML = '<article data-replyline-post="x:1" data-replyline-priority="80"><span>post</span><replyline-badge></replyline-badge></article>';
}
const drawn = () => document.querySelectorAll('replyline-badge, [data-replyline-priority]').length;
const notices = () => document.querySelectorAll('replyline-notice').length;
const NOTICE = 'Replyline was updated. Reload this tab to keep collecting mentions.';

describe('watchLifetime', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.documentElement.removeAttribute(RUN_ATTR);
  });

  it.each(['its periodic check', 'a failed send asking at once'])('notices the extension is gone through %s, stops, clears its marks and asks for a reload', (how) => {
    drawnPage();
    const ctx = context();
    const timer = manualEvery();
    claimPage(document, 'old');
    const lifetime = watchLifetime({ runId: 'old', signal: ctx.signal, isInvalid: ctx.isInvalid, noticeText: () => NOTICE, every: timer.every });
    timer.tick();
    expect([ctx.signal.aborted, drawn(), notices()]).toEqual([false, 2, 0]);
    ctx.goAway();
    if (how === 'its periodic check') timer.tick();
    else lifetime.check();
    expect(ctx.signal.aborted).toBe(true);
    expect(drawn()).toBe(0);
    expect(document.querySelector('[data-replyline-post]')).not.toBeNull(); // the test contract's key stays
    expect(notices()).toBe(1);
    expect(timer.running()).toBe(0);
  });

  it('leaves the page alone when a fresh copy has already taken it over', () => {
    drawnPage();
    const ctx = context();
    claimPage(document, 'old');
    watchLifetime({ runId: 'old', signal: ctx.signal, isInvalid: ctx.isInvalid, noticeText: () => NOTICE, every: manualEvery().every });
    claimPage(document, 'new'); // the background re-attached; the new copy drew its own badge
    ctx.goAway();
    ctx.isInvalid();
    expect([ctx.signal.aborted, drawn(), notices()]).toEqual([true, 2, 0]);
  });

  it('a fresh copy removes an earlier copy\'s notice', () => {
    drawnPage();
    const ctx = context();
    claimPage(document, 'old');
    watchLifetime({ runId: 'old', signal: ctx.signal, isInvalid: ctx.isInvalid, noticeText: () => NOTICE, every: manualEvery().every });
    ctx.goAway();
    ctx.isInvalid();
    expect(notices()).toBe(1);
    claimPage(document, 'new');
    expect(notices()).toBe(0);
  });

  it.each<[string, string | undefined]>([
    ['stopped for another reason while the extension is there', NOTICE],
    ['gone before the notice\'s words arrived', undefined],
  ])('shows no notice when %s', (label, text) => {
    drawnPage();
    const ctx = context();
    claimPage(document, 'old');
    watchLifetime({ runId: 'old', signal: ctx.signal, isInvalid: ctx.isInvalid, noticeText: () => text, every: manualEvery().every });
    if (text === undefined) ctx.goAway();
    if (label.startsWith('stopped')) ctx.abort();
    else ctx.isInvalid();
    expect([drawn(), notices()]).toEqual([0, 0]);
  });
});
