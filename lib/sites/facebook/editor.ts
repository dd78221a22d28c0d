/** Facebook's editor side (see SiteEditor): loaded by the editor script only, never by every Facebook page. */
import { asHTMLElement, closestAny, matchesAny, queryAllAny, queryFirst } from '../../dom/query';
import { readLine } from '../../dom/text';
import { waitFor } from '../../dom/wait';
import { strategiesFor } from '../../editor/strategies';
import type { SiteEditor } from '../types';
import { closestFacebookPost, isComment, ownAll } from './adapter';
import { FB } from './facebook.selectors';
import { facebookSent } from './sent';

/** The post (or dialog) a post or comment element belongs to. */
function owningPost(el: Element): Element {
  const own = closestFacebookPost(el) ?? el;
  if (!isComment(own) || !own.parentElement) return own;
  return closestAny(own.parentElement, [...FB.post, ...FB.dialog]) ?? own;
}

/** The post's Comment action: by data attribute or label, else the button that only says "Comment". */
function commentButtonOf(post: Element): HTMLElement | null {
  const labelled = queryFirst(post, FB.commentButton);
  if (labelled) return asHTMLElement(labelled);
  const wanted = new Set(FB.commentButtonText.map((text) => text.toLowerCase()));
  // Not a comment's own buttons: ownAll skips everything inside comments.
  const button = ownAll(post, FB.inlineButton).find((b) => wanted.has(readLine(b).toLowerCase()));
  return asHTMLElement(button);
}

/** Where a post's composers live: a dialog showing the post has its own. */
function composerScope(el: Element): Element {
  return closestAny(el, FB.dialog) ?? owningPost(el);
}

/** Whether an editor sits in a comment's thread (a reply composer), not under the post itself. */
function inCommentThread(editor: Element, scope: Element): boolean {
  for (let p = editor.parentElement; p && p !== scope; p = p.parentElement) {
    if (matchesAny(p, FB.commentThread) && queryFirst(p, FB.comment)) return true;
  }
  return false;
}

/** The post's own comment box, never a reply composer opened under one of its comments. */
function postEditorFor(postEl: Element): HTMLElement | null {
  const scope = composerScope(postEl);
  return asHTMLElement(queryAllAny(scope, FB.editor).find((editor) => !inCommentThread(editor, scope)));
}

/** The reply composer open in the comment's thread (innermost thread first), if any. */
function commentEditorFor(comment: Element): HTMLElement | null {
  const scope = composerScope(comment);
  for (let p = comment.parentElement; p && p !== scope && scope.contains(p); p = p.parentElement) {
    if (!matchesAny(p, FB.commentThread)) continue;
    const editor = queryFirst(p, FB.editor);
    if (editor) return asHTMLElement(editor);
  }
  return null;
}

/** `Node.DOCUMENT_POSITION_FOLLOWING`, spelled out: the unit tests' realm has no global `Node`. */
const DOCUMENT_POSITION_FOLLOWING = 4;

/** The comment's own Reply action (not one of its replies'), by its whole localised text. */
function replyButtonOf(comment: Element): HTMLElement | null {
  const wanted = new Set(FB.commentReplyText.map((text) => text.toLowerCase()));
  return asHTMLElement(ownAll(comment, FB.inlineButton).find((b) => wanted.has(readLine(b).toLowerCase())));
}

/**
 * A reply to a comment goes into that comment's thread, so the commenter is notified: click its
 * Reply and take the composer that opens in its thread, or (layouts without list items) the one
 * the click added below it. Never the post's own box: that reply would reach nobody.
 */
async function openCommentReplyBox(comment: Element, options: { timeoutMs?: number; signal?: AbortSignal }): Promise<HTMLElement | null> {
  const existing = commentEditorFor(comment);
  if (existing) return existing;
  const button = replyButtonOf(comment);
  if (!button) return null;
  const scope = composerScope(comment);
  const before = new Set(queryAllAny(scope, FB.editor));
  const addedBelow = (): HTMLElement | null =>
    asHTMLElement(
      queryAllAny(scope, FB.editor).find(
        (editor) => !before.has(editor) && (comment.compareDocumentPosition(editor) & DOCUMENT_POSITION_FOLLOWING) !== 0,
      ),
    );
  button.click();
  return waitFor(() => commentEditorFor(comment) ?? addedBelow(), options);
}

export const facebookEditor: SiteEditor = {
  site: 'facebook',
  // Lexical today (every way in reaches its state); a Draft.js composer of older pages takes a paste only.
  insertStrategies: strategiesFor(),
  sent: facebookSent,
  replyBoxFor: (el) => (isComment(el) ? commentEditorFor(el) : postEditorFor(el)),
  openReplyBox: async (postEl, options = {}) => {
    if (isComment(postEl)) return openCommentReplyBox(postEl, options);
    const existing = postEditorFor(postEl);
    if (existing) return existing;
    const button = commentButtonOf(owningPost(postEl));
    if (!button) return null;
    button.click();
    return waitFor(() => postEditorFor(postEl), options);
  },
  postButtonFor: (editor) => {
    const scope = closestAny(editor, FB.form) ?? editor.parentElement?.parentElement ?? null;
    return scope ? asHTMLElement(queryFirst(scope, FB.submit)) : null;
  },
};
