/**
 * X post ids and profile handles from the links X renders, and X's permalinks. Hrefs are page
 * text: every parser here returns undefined rather than throwing on anything odd. This is the one
 * place that knows X's status-URL shape.
 */
import { toUrl } from '../url';

export interface XStatusRef {
  handle: string;
  id: string;
}

const X_HOST = /^(?:(?:www|mobile)\.)?(?:x|twitter)\.com$/i;
/** `/<handle>/status/<id>`: the one spelling of X's status path; both matchers below extend it. */
const X_STATUS = String.raw`^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})`;
const X_STATUS_PATH = new RegExp(String.raw`${X_STATUS}(?:\/|$)`);
/** Paths under x.com that are app sections, not user handles. */
const X_RESERVED = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'compose', 'hashtag',
  'intent', 'share', 'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'lists', 'bookmarks',
  'communities', 'premium', 'verified', 'i',
]);


/**
 * The shape X renders on every post (`/acme/status/123`, maybe `/photo/1` or a query after it):
 * nothing URL parsing could rewrite (no dot segments, escapes or backslashes in the path), so it
 * is read directly. `new URL` for every link of every post was a visible share of the page cost.
 */
const X_STATUS_PLAIN = new RegExp(String.raw`${X_STATUS}(?:\/[A-Za-z0-9_/]*)?(?:[?#][^]*)?$`);

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

/** A handle's shape; one object (a literal in the function was a new RegExp per extracted post). */
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** Whether `handle` can be a user's handle (not an app section such as `/i/status/…`). */
export function isXUserHandle(handle: string): boolean {
  return X_HANDLE.test(handle) && !X_RESERVED.has(handle.toLowerCase());
}

/** A profile path: `/acme` or `/acme/`. */
const X_PROFILE_PATH = /^\/([A-Za-z0-9_]{1,15})\/?$/;

/** `/acme` → 'acme' when the href is a plain profile link (not a status, not an app section). */
export function parseXProfileHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  // The relative path X renders is its own pathname on x.com (URL parsing changes nothing in it),
  // so it is read directly: `new URL` per profile link of every extracted post was dear.
  const plain = X_PROFILE_PATH.exec(href)?.[1];
  if (plain) return X_RESERVED.has(plain.toLowerCase()) ? undefined : plain;
  return parseXProfileUrl(href);
}

/** The general case of `parseXProfileHref`: any href a browser would resolve against x.com. */
export function parseXProfileUrl(href: string): string | undefined {
  const url = toUrl(href, 'https://x.com');
  if (!url || !X_HOST.test(url.hostname)) return undefined;
  const handle = X_PROFILE_PATH.exec(url.pathname)?.[1];
  if (!handle || X_RESERVED.has(handle.toLowerCase())) return undefined;
  return handle;
}

/** A post's permalink (canonical host, whatever host the page used). */
export const xStatusUrl = (handle: string, id: string): string => `https://x.com/${handle}/status/${id}`;

/** The focal post's id on a conversation page (`/<handle>/status/<id>`, `/i/web/status/<id>`), from its path segments. */
export function xFocalStatusId(path: readonly string[]): string | undefined {
  const at = path.findIndex((segment) => /^status(es)?$/.test(segment));
  const id = at > 0 && at <= 2 ? path[at + 1] : undefined;
  return id && /^\d{1,25}$/.test(id) ? id : undefined;
}
