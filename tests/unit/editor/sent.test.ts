// @vitest-environment happy-dom
/** Sent detection (entrypoints/content/sent.ts) against X-like markup, with the messaging mocked. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => ({ calls: [] as Array<{ name: string; data: unknown }> }));
vi.mock('@/entrypoints/content/messaging', () => ({
  sendMessage: (name: string, data: unknown) => {
    sent.calls.push({ name, data });
    return Promise.resolve({ ok: true, written: true });
  },
}));

import { watchForSent } from '@/entrypoints/content/sent';
import { xAdapter } from '@/lib/sites';
import { editingAdapter } from '@/lib/sites/editors';

const xEditing = editingAdapter(xAdapter);
import { tweetArticle } from '../../e2e/support/xPage';
import { manualScheduler } from '../support/scheduler';

const FOCAL = { id: '111', handle: 'customer', name: 'Customer', text: '@acme help', createdAt: '2026-11-23T09:00:00.000Z' };

function setUp(): { editor: HTMLElement; postEl: Element } {
  // Fixed test markup built by our own escaping helper.
  document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn"><div id="timeline"><div data-testid="cellInnerDiv">${tweetArticle(FOCAL)}</div></div>
<div class="DraftEditor-root"><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"><div data-block="true"><div><span><span data-text="true">Inserted</span></span></div></div></div></div></div></div></main>`;
  const editor = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]');
  const postEl = document.querySelector('article');
  if (!editor || !postEl) throw new Error('fixture');
  return { editor, postEl };
}

function toast(id: string): void {
  const el = document.createElement('div');
  el.setAttribute('data-testid', 'toast');
  const link = document.createElement('a');
  link.setAttribute('href', `/AcmeHelp/status/${id}`);
  link.textContent = 'View';
  el.append('Your post was sent. ', link);
  document.body.append(el);
}

const replySents = () => sent.calls.filter((c) => c.name === 'replySent').map((c) => c.data);
const insertionIds = () => replySents().map((d) => (d && typeof d === 'object' ? Reflect.get(d, 'insertionId') : undefined));

beforeEach(() => {
  sent.calls.length = 0;
  history.replaceState(null, '', '/customer/status/111');
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('watchForSent', () => {
  it('reports the edited editor text and the toast link, exactly once', async () => {
    const { editor, postEl } = setUp();
    const s = manualScheduler();
    const outer = new AbortController();
    watchForSent({ adapter: xEditing, key: 'x:111', postEl, editor, text: 'Inserted', insertionId: 'i1', handles: ['AcmeHelp'], context: { templateId: 't1' }, signal: outer.signal, scheduler: s.scheduler });
    // The agent edits, then clicks send: the editor is read in the capture phase, before it clears.
    const span = editor.querySelector('[data-text="true"]');
    if (span) span.textContent = 'Inserted, edited';
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    editor.replaceChildren();
    toast('999');
    await s.flush();
    toast('1000');
    await s.flush();
    expect(replySents()).toEqual([
      expect.objectContaining({ key: 'x:111', text: 'Inserted, edited', replyUrl: 'https://x.com/AcmeHelp/status/999', insertionId: 'i1', context: { templateId: 't1' } }),
    ]);
    outer.abort();
  });

  it('a new reply by the brand handle counts as sent (no toast)', async () => {
    const { editor, postEl } = setUp();
    const s = manualScheduler();
    const outer = new AbortController();
    watchForSent({ adapter: xEditing, key: 'x:111', postEl, editor, text: 'Inserted', insertionId: 'i2', handles: ['AcmeHelp'], context: {}, signal: outer.signal, scheduler: s.scheduler });
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = tweetArticle({ id: '222', handle: 'AcmeHelp', name: 'Acme', text: 'Something else entirely', createdAt: '2026-11-23T10:00:00.000Z' });
    document.getElementById('timeline')?.append(cell);
    await s.flush();
    expect(replySents()).toHaveLength(1);
    expect(replySents()[0]).toMatchObject({ replyUrl: 'https://x.com/AcmeHelp/status/222', text: 'Inserted' });
    outer.abort();
  });

  it('keys the posts already on the page without reading them whole, and never takes one of them for the reply', async () => {
    const { editor, postEl } = setUp();
    // An earlier answer by the brand is already in the thread.
    const earlier = document.createElement('div');
    earlier.setAttribute('data-testid', 'cellInnerDiv');
    earlier.innerHTML = tweetArticle({ id: '333', handle: 'AcmeHelp', name: 'Acme', text: 'Earlier answer', createdAt: '2026-11-23T08:00:00.000Z' });
    document.getElementById('timeline')?.append(earlier);
    const s = manualScheduler();
    const extract = vi.spyOn(xEditing, 'extract');
    const outer = new AbortController();
    watchForSent({ adapter: xEditing, key: 'x:111', postEl, editor, text: 'Inserted', insertionId: 'i3', handles: ['AcmeHelp'], context: {}, signal: outer.signal, scheduler: s.scheduler });
    expect(extract).not.toHaveBeenCalled();
    // X renders the earlier answer's row again: it is read now, and known.
    earlier.innerHTML = tweetArticle({ id: '333', handle: 'AcmeHelp', name: 'Acme', text: 'Earlier answer', createdAt: '2026-11-23T08:00:00.000Z' });
    await s.flush();
    expect(extract).toHaveBeenCalled();
    expect(replySents()).toEqual([]);
    extract.mockRestore();
    outer.abort();
  });

  // Each row has a control: a watch on another post sees the same toast, so "nothing" is not
  // merely "the page was never looked at".
  it.each([
    ['aborted (page left)', (c: AbortController) => c.abort(), []],
    ['replaced by a newer insertion into the same post', () => undefined, ['new']],
    ['still running (control)', () => undefined, ['old']],
  ] as const)('once %s, the toast reports only the expected insertion', async (name, act, expected) => {
    const { editor, postEl } = setUp();
    const s = manualScheduler();
    const outer = new AbortController();
    watchForSent({ adapter: xEditing, key: 'x:111', postEl, editor, text: 'First', insertionId: 'old', handles: [], context: {}, signal: outer.signal, scheduler: s.scheduler });
    act(outer);
    const second = new AbortController();
    if (name.startsWith('replaced')) watchForSent({ adapter: xEditing, key: 'x:111', postEl, editor, text: 'Second', insertionId: 'new', handles: [], context: {}, signal: second.signal, scheduler: s.scheduler });
    const control = new AbortController();
    watchForSent({ adapter: xEditing, key: 'x:control', postEl, editor, text: 'Other', insertionId: 'control', handles: [], context: {}, signal: control.signal, scheduler: s.scheduler });
    toast('5');
    await s.flush();
    expect(insertionIds().filter((id) => id !== 'control')).toEqual(expected);
    expect(insertionIds()).toContain('control');
    second.abort();
    control.abort();
  });

  it.each([
    [9, ['t']],
    [10, []],
  ])('with a 10 ms limit, a toast %i ms later reports %j', async (elapsed, expected) => {
    const { editor, postEl } = setUp();
    const s = manualScheduler();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    watchForSent({ adapter: xEditing, key: 'x:111', postEl, editor, text: 'x', insertionId: 't', handles: [], context: {}, signal: new AbortController().signal, timeoutMs: 10, scheduler: s.scheduler });
    vi.advanceTimersByTime(elapsed);
    vi.useRealTimers();
    toast('6');
    await s.flush();
    expect(insertionIds()).toEqual(expected);
  });
});
