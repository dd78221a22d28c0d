/**
 * Which profile a Facebook link names (`/acme`, `/profile.php?id=1`, `/groups/g/user/1`), if any:
 * authors are read from these links, and a permalink must be told from a comment's author link,
 * which carries `comment_id` too. Hrefs are page text: anything odd names no profile.
 */
import { rememberedByHref } from '../remembered';
import { linkParts } from './linkParts';

export const FACEBOOK_HOSTS = /^(?:(?:www|web|m|mbasic|touch)\.)?facebook\.com$/i;
const ORIGIN = 'https://www.facebook.com';
/** First path segments that are app sections, not a page or profile. */
export const RESERVED = new Set([
  'home.php', 'watch', 'marketplace', 'gaming', 'messages', 'notifications', 'settings', 'search',
  'bookmarks', 'friends', 'events', 'saved', 'reel', 'reels', 'stories', 'hashtag', 'help', 'policies',
  'login', 'login.php', 'l.php', 'photo', 'photo.php', 'permalink.php', 'story.php', 'share', 'sharer',
]);
const VANITY = /^[\w.-]{1,100}$/;
const NUMERIC_ID = /^\d{1,25}$/;

export interface FacebookProfile {
  handle: string;
  url: string;
}

/** Remembered per href: a comment's author link is asked about for its key, its author and its thread. */
export const profileFromHref = rememberedByHref((href: string): Readonly<FacebookProfile> | undefined => {
  const profile = readProfileHref(href);
  return profile && Object.freeze(profile);
});

/** A profile known by number: one URL for every link shape that names it. */
function numbered(id: string): FacebookProfile | undefined {
  return NUMERIC_ID.test(id) ? { handle: id, url: `${ORIGIN}/profile.php?id=${id}` } : undefined;
}

export function readProfileHref(href: string): FacebookProfile | undefined {
  const link = linkParts(href);
  if (!link || !FACEBOOK_HOSTS.test(link.hostname)) return undefined;
  const { segments } = link;
  const [first = '', second = '', third = '', fourth = ''] = segments;
  if (first === 'profile.php') return numbered(link.param('id') ?? '');
  if (first === 'groups' && third === 'user' && NUMERIC_ID.test(fourth)) return numbered(fourth);
  if (first === 'people' && NUMERIC_ID.test(third)) return numbered(third);
  if (segments.length !== 1 && !(segments.length === 2 && second === '')) return undefined;
  // A page or profile's own name: no app section, no post token.
  if (!VANITY.test(first) || RESERVED.has(first.toLowerCase()) || first.startsWith('pfbid')) return undefined;
  return { handle: first, url: `${ORIGIN}/${first}` };
}
