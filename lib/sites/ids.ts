/**
 * Post and comment ids from the links sites render. Hrefs are page text: every parser here
 * returns undefined rather than throwing on anything odd.
 */

export interface XStatusRef {
  handle: string;
  id: string;
}

const X_HOST = /^(?:(?:www|mobile)\.)?(?:x|twitter)\.com$/i;
const X_STATUS_PATH = /^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})(?:\/|$)/;
/** Paths under x.com that are app sections, not user handles. */
const X_RESERVED = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'compose', 'hashtag',
  'intent', 'share', 'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'lists', 'bookmarks',
  'communities', 'premium', 'verified', 'i',
]);

function toUrl(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/**
 * The shape X renders on every post (`/acme/status/123`, maybe `/photo/1` or a query after it):
 * nothing URL parsing could rewrite (no dot segments, escapes or backslashes in the path), so it
 * is read directly. `new URL` for every link of every post was a visible share of the page cost.
 */
const X_STATUS_PLAIN = /^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})(?:\/[A-Za-z0-9_/]*)?(?:[?#][^]*)?$/;

/** `/acme/status/123` (relative or on x.com/twitter.com) → `{ handle: 'acme', id: '123' }`. */
export function parseXStatusHref(href: string | null | undefined): XStatusRef | undefined {
  if (!href) return undefined;
  const plain = X_STATUS_PLAIN.exec(href);
  if (plain?.[1] && plain[2]) return { handle: plain[1], id: plain[2] };
  return parseXStatusUrl(href);
}

/** The general case: any href a browser would resolve against x.com. */
export function parseXStatusUrl(href: string): XStatusRef | undefined {
  const url = toUrl(href, 'https://x.com');
  if (!url || !X_HOST.test(url.hostname)) return undefined;
  const match = X_STATUS_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return undefined;
  return { handle: match[1], id: match[2] };
}

/** Whether `handle` can be a user's handle (not an app section such as `/i/status/…`). */
export function isXUserHandle(handle: string): boolean {
  return /^[A-Za-z0-9_]{1,15}$/.test(handle) && !X_RESERVED.has(handle.toLowerCase());
}

/** `/acme` → 'acme' when the href is a plain profile link (not a status, not an app section). */
export function parseXProfileHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const url = toUrl(href, 'https://x.com');
  if (!url || !X_HOST.test(url.hostname)) return undefined;
  const match = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(url.pathname);
  const handle = match?.[1];
  if (!handle || X_RESERVED.has(handle.toLowerCase())) return undefined;
  return handle;
}

export const xStatusUrl = (handle: string, id: string): string => `https://x.com/${handle}/status/${id}`;

// ---------------------------------------------------------------- Facebook

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
export function parseFacebookHref(href: string | null | undefined): FacebookRef | undefined {
  if (!href) return undefined;
  const url = toUrl(href, 'https://www.facebook.com');
  if (!url || !FB_HOST.test(url.hostname)) return undefined;
  const ref: FacebookRef = {};
  const segments = url.pathname.split('/').filter(Boolean);
  const params = url.searchParams;

  const storyFbid = postToken(params.get('story_fbid'));
  if (storyFbid) {
    ref.postId = storyFbid;
    const owner = params.get('id');
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
    const fbid = postToken(params.get('fbid')) ?? postToken(params.get('v'));
    if (fbid) ref.postId = fbid;
  }
  if (!ref.postId && segments.length === 1 && segments[0] && /^pfbid[0-9A-Za-z]{10,100}$/.test(segments[0])) {
    ref.postId = segments[0];
  }

  const comment = parseCommentParam(params.get('comment_id'));
  const reply = parseCommentParam(params.get('reply_comment_id'));
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
