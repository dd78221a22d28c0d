/**
 * Facebook post and comment ids from the links Facebook renders. Hrefs are page text: every parser
 * here returns undefined rather than throwing on anything odd.
 */
import { rememberedByHref } from '../remembered';
import { linkParts } from './linkParts';

export interface FacebookRef {
  /** Numeric story id or a `pfbid…` token. */
  postId?: string;
  commentId?: string;
  /** For replies to comments: the comment replied to. */
  parentCommentId?: string;
  /** Page/profile id or vanity name the post belongs to, when the link says. */
  ownerId?: string;
}

const FB_HOST = /(^|\.)facebook\.com$/i;
const POST_TOKEN = /^(pfbid[0-9A-Za-z]{10,100}|\d{5,25})$/;
const NUMERIC = /^\d{1,25}$/;

function postToken(value: string | null | undefined): string | undefined {
  return value && POST_TOKEN.test(value) ? value : undefined;
}

/**
 * Reads the post and comment ids out of a Facebook link: `/<page>/posts/<id>`, `pfbid…`,
 * `/permalink.php?story_fbid=…&id=…`, `/groups/<g>/posts|permalink/<id>`, `/<page>/videos/<id>`,
 * `photo?fbid=`, and `comment_id=` (numeric, or base64 of "comment:<post>_<comment>").
 */
export function parseFacebookHref(href: string | null | undefined): Readonly<FacebookRef> | undefined {
  return href ? parseRemembered(href) : undefined;
}

const parseRemembered = rememberedByHref((href: string): Readonly<FacebookRef> | undefined => {
  const ref = parseHref(href);
  // Shared by every caller that asks about the same href: frozen, so none can change another's.
  return ref && Object.freeze(ref);
});

function parseHref(href: string): FacebookRef | undefined {
  const link = linkParts(href);
  if (!link || !FB_HOST.test(link.hostname)) return undefined;
  const ref: FacebookRef = {};
  const { segments } = link;

  const storyFbid = postToken(link.param('story_fbid'));
  if (storyFbid) {
    ref.postId = storyFbid;
    const owner = link.param('id');
    if (owner && NUMERIC.test(owner)) ref.ownerId = owner;
  }
  for (let i = 0; i + 1 < segments.length && !ref.postId; i++) {
    const here = segments[i];
    const next = segments[i + 1];
    if ((here === 'posts' || here === 'permalink' || here === 'videos' || here === 'reel') && postToken(next)) {
      ref.postId = next;
      const owner = i > 0 ? segments[i - 1] : undefined;
      if (owner && owner !== 'groups' && /^[\w.-]{1,100}$/.test(owner)) ref.ownerId = owner;
    }
  }
  if (!ref.postId) {
    const fbid = postToken(link.param('fbid')) ?? postToken(link.param('v'));
    if (fbid) ref.postId = fbid;
  }
  if (!ref.postId && segments.length === 1 && segments[0] && /^pfbid[0-9A-Za-z]{10,100}$/.test(segments[0])) {
    ref.postId = segments[0];
  }

  const comment = parseCommentParam(link.param('comment_id'));
  const reply = parseCommentParam(link.param('reply_comment_id'));
  if (comment) {
    ref.commentId = comment.commentId;
    ref.postId ??= comment.postId;
  }
  if (reply && ref.commentId) {
    ref.parentCommentId = ref.commentId;
    ref.commentId = reply.commentId;
  }
  return ref.postId || ref.commentId ? ref : undefined;
}

function parseCommentParam(value: string | null): { commentId: string; postId?: string } | undefined {
  if (!value) return undefined;
  if (NUMERIC.test(value)) return { commentId: value };
  const decoded = decodeBase64(value);
  const match = decoded ? /^comment:(\d{1,25})_(\d{1,25})$/.exec(decoded) : null;
  if (match?.[1] && match[2]) return { postId: match[1], commentId: match[2] };
  return undefined;
}

function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/=_-]{4,400}$/.test(value)) return undefined;
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}
