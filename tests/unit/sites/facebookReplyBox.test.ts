/**
 * A reply to a Facebook comment must land in that comment's thread (the commenter is notified),
 * never in the post's own comment box; the post's box is only for a post that is itself the mention.
 */
import { describe, expect, it } from 'vitest';
import { byId, loadFixture } from './load';
import { facebookEditor } from '../../../lib/sites/facebook/editor';

const URL = 'https://www.facebook.com/';
const load = () => loadFixture('facebook', 'comment-replies.html', URL);

/** Facebook's behaviour on Reply: a composer appended to the thread's list item. */
function opensComposerIn(doc: Document, buttonId: string, threadId: string, editorId: string): void {
  byId(doc, buttonId).addEventListener('click', () => {
    byId(doc, threadId).insertAdjacentHTML(
      'beforeend',
      `<form role="presentation"><div contenteditable="true" role="textbox" aria-label="Write a reply…" id="${editorId}"><p><br></p></div></form>`,
    );
  });
}

function clicksOn(doc: Document): string[] {
  const clicked: string[] = [];
  for (const b of doc.querySelectorAll('[role="button"]')) b.addEventListener('click', () => clicked.push(b.id || (b.textContent ?? '')));
  return clicked;
}

describe('facebook: where a reply goes', () => {
  it('a post that is the mention gets the post’s own comment box', async () => {
    const doc = load();
    expect(facebookEditor.replyBoxFor(byId(doc, 'rp-post'))?.id).toBe('rp-top-editor');
    expect((await facebookEditor.openReplyBox(byId(doc, 'rp-post'), { timeoutMs: 200 }))?.id).toBe('rp-top-editor');
  });

  it.each<[string, string, string]>([
    ['rp-c1', 'rp-c1-reply', 'rp-thread-1'],
    // Localised label-less button ("Ответить").
    ['rp-c2', 'rp-c2-reply', 'rp-thread-2'],
    // A reply's own Reply: Facebook opens the composer in the thread it belongs to.
    ['rp-r1', 'rp-r1-reply', 'rp-thread-1'],
  ])('a comment (#%s) opens its own Reply (#%s) and gets the composer in its thread', async (commentId, buttonId, threadId) => {
    const doc = load();
    const clicked = clicksOn(doc);
    expect(facebookEditor.replyBoxFor(byId(doc, commentId))).toBeNull();
    opensComposerIn(doc, buttonId, threadId, 'reply-editor');
    const editor = await facebookEditor.openReplyBox(byId(doc, commentId), { timeoutMs: 1000 });
    expect(editor?.id).toBe('reply-editor');
    expect(clicked).toEqual([buttonId]);
    expect(facebookEditor.replyBoxFor(byId(doc, commentId))?.id).toBe('reply-editor');
  });

  it('reuses a reply composer already open in the comment’s thread without clicking', async () => {
    const doc = load();
    byId(doc, 'rp-thread-2').insertAdjacentHTML('beforeend', '<div contenteditable="true" role="textbox" id="open-reply"></div>');
    const clicked = clicksOn(doc);
    expect((await facebookEditor.openReplyBox(byId(doc, 'rp-c2'), { timeoutMs: 200 }))?.id).toBe('open-reply');
    expect(clicked).toEqual([]);
    // Another comment's open composer is not this one's.
    expect(facebookEditor.replyBoxFor(byId(doc, 'rp-c1'))).toBeNull();
  });

  it('the post’s box is never a reply composer, even one that comes first in the page', () => {
    const doc = load();
    byId(doc, 'rp-top-form').remove();
    byId(doc, 'rp-thread-1').insertAdjacentHTML('beforeend', '<div contenteditable="true" role="textbox" id="reply-open"></div>');
    expect(facebookEditor.replyBoxFor(byId(doc, 'rp-post'))).toBeNull();
    byId(doc, 'rp-post').insertAdjacentHTML('beforeend', '<form><div contenteditable="true" role="textbox" id="top-late"></div></form>');
    expect(facebookEditor.replyBoxFor(byId(doc, 'rp-post'))?.id).toBe('top-late');
  });

  it('a comment without a Reply action gets no box at all, never the post’s', async () => {
    const doc = load();
    const clicked = clicksOn(doc);
    expect(await facebookEditor.openReplyBox(byId(doc, 'rp-c3'), { timeoutMs: 100 })).toBeNull();
    expect(clicked).toEqual([]);
  });

  it('layouts without list items: the composer the click added below the comment', async () => {
    const page = loadFixture('facebook', 'post-page-2025.html', 'https://www.facebook.com/AcmeBakery/posts/pfbid0AcmeNov12PostPermalink7');
    const comment = byId(page, 'pp-c2');
    const clicked = clicksOn(page);
    // The post's composer is open already; the reply must not go there.
    byId(page, 'pp-post').insertAdjacentHTML('beforeend', '<div contenteditable="true" role="textbox" id="pp-top"></div>');
    const reply = comment.querySelector('ul [role="button"]');
    reply?.addEventListener('click', () => comment.insertAdjacentHTML('afterend', '<div contenteditable="true" role="textbox" id="pp-reply"></div>'));
    expect((await facebookEditor.openReplyBox(comment, { timeoutMs: 1000 }))?.id).toBe('pp-reply');
    expect(clicked).toEqual(['Ответить']);
  });
});
