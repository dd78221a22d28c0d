// @vitest-environment happy-dom
/** Sent detection (entrypoints/content/sent.ts) against X-like markup, with the messaging mocked. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => ({ calls: [] as Array<{ name: string; data: unknown }> }));
vi.mock('@/lib/messages', () => ({
  sendMessage: (name: string, data: unknown) => {
    sent.calls.push({ name, data });
    return Promise.resolve({ ok: true, written: true });
  },
}));

import { watchForSent } from '@/entrypoints/content/sent';
import { xAdapter } from '@/lib/sites';
import { tweetArticle } from '../../e2e/support/xPage';

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
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

beforeEach(() => {
  sent.calls.length = 0;
  history.replaceState(null, '', '/customer/status/111');
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('watchForSent', () => {
  it('reports the edited editor text and the toast link, exactly once', async () => {
    const { editor, postEl } = setUp();
    const outer = new AbortController();
    watchForSent({ adapter: xAdapter, key: 'x:111', postEl, editor, text: 'Inserted', insertionId: 'i1', handles: ['AcmeHelp'], context: { templateId: 't1' }, signal: outer.signal });
    // The agent edits, then clicks send: the editor is read in the capture phase, before it clears.
    const span = editor.querySelector('[data-text="true"]');
    if (span) span.textContent = 'Inserted, edited';
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    editor.replaceChildren();
    toast('999');
    toast('1000');
    await vi.waitFor(() => expect(replySents()).toHaveLength(1));
    await settle();
    expect(replySents()).toEqual([
      expect.objectContaining({ key: 'x:111', text: 'Inserted, edited', replyUrl: 'https://x.com/AcmeHelp/status/999', insertionId: 'i1', context: { templateId: 't1' } }),
    ]);
    outer.abort();
  });

  it('a new reply by the brand handle counts as sent (no toast)', async () => {
    const { editor, postEl } = setUp();
    const outer = new AbortController();
    watchForSent({ adapter: xAdapter, key: 'x:111', postEl, editor, text: 'Inserted', insertionId: 'i2', handles: ['AcmeHelp'], context: {}, signal: outer.signal });
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = tweetArticle({ id: '222', handle: 'AcmeHelp', name: 'Acme', text: 'Something else entirely', createdAt: '2026-11-23T10:00:00.000Z' });
    document.getElementById('timeline')?.append(cell);
    await vi.waitFor(() => expect(replySents()).toHaveLength(1));
    expect(replySents()[0]).toMatchObject({ replyUrl: 'https://x.com/AcmeHelp/status/222', text: 'Inserted' });
    outer.abort();
  });

  it.each([
    ['aborted (page left)', (c: AbortController) => c.abort()],
    ['replaced by a newer insertion into the same post', () => undefined],
  ])('nothing is reported once %s', async (name, act) => {
    const { editor, postEl } = setUp();
    const outer = new AbortController();
    watchForSent({ adapter: xAdapter, key: 'x:111', postEl, editor, text: 'First', insertionId: 'old', handles: [], context: {}, signal: outer.signal });
    act(outer);
    const second = new AbortController();
    if (name.startsWith('replaced')) watchForSent({ adapter: xAdapter, key: 'x:111', postEl, editor, text: 'Second', insertionId: 'new', handles: [], context: {}, signal: second.signal });
    toast('5');
    await settle();
    const ids = replySents().map((d) => (d && typeof d === 'object' ? Reflect.get(d, 'insertionId') : undefined));
    expect(ids).toEqual(name.startsWith('replaced') ? ['new'] : []);
    second.abort();
  });

  it('times out', async () => {
    const { editor, postEl } = setUp();
    watchForSent({ adapter: xAdapter, key: 'x:111', postEl, editor, text: 'x', insertionId: 't', handles: [], context: {}, signal: new AbortController().signal, timeoutMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    toast('6');
    await settle();
    expect(replySents()).toEqual([]);
  });
});
