/** X's editor side (see SiteEditor): loaded by the editor script only, never by every X page. */
import { asHTMLElement, closestAny, firstSelfOrDescendant, queryAllAny, queryFirst } from '../../dom/query';
import { waitFor } from '../../dom/wait';
import { strategiesFor } from '../../editor/strategies';
import type { SiteEditor } from '../types';
import { ownFirst, quoteContainers } from './adapter';
import { xSent } from './sent';
import { X } from './x.selectors';

function editorIn(scope: ParentNode): HTMLElement | null {
  return asHTMLElement(queryFirst(scope, X.replyEditor));
}

export function xReplyBoxFor(postEl: Element): HTMLElement | null {
  const doc = postEl.ownerDocument;
  // The modal opened by this post's Reply button takes precedence over the inline box.
  for (const dialog of queryAllAny(doc, X.dialog)) {
    const editor = editorIn(dialog);
    if (editor) return editor;
  }
  // Inline box under the focal post of a conversation.
  return editorIn(closestAny(postEl, X.primaryColumn) ?? doc);
}

export const xEditor: SiteEditor = {
  site: 'x',
  // X's composer is Draft.js: only a paste reaches its state.
  insertStrategies: strategiesFor(),
  sent: xSent,
  replyBoxFor: xReplyBoxFor,
  openReplyBox: async (postEl, options = {}) => {
    const existing = xReplyBoxFor(postEl);
    if (existing) return existing;
    const article = firstSelfOrDescendant(postEl, X.post) ?? postEl;
    const button = asHTMLElement(ownFirst(article, X.replyButton, quoteContainers(article)));
    if (!button) return null;
    button.click();
    return waitFor(() => xReplyBoxFor(postEl), options);
  },
  postButtonFor: (editor) => {
    for (let scope: Element | null = editor.parentElement; scope; scope = scope.parentElement) {
      const button = asHTMLElement(queryFirst(scope, X.postButton));
      if (button) return button;
    }
    return null;
  },
};
