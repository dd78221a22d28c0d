/**
 * X/Twitter adapter: reads posts from the rendered DOM (no API). Every call reads the element's
 * current content, because X recycles timeline rows and swaps their content in place.
 */
import type { PageKind, Post } from '../../schemas/posts';
import { postKey } from '../../schemas/primitives';
import {
  attr,
  closestAny,
  closestOfAny,
  containsAnyOf,
  countAny,
  firstSelfOrDescendant,
  matchesAny,
  mayContainAny,
  queryAllAny,
  queryAllFirst,
  queryFirst,
  queryFirstPresent,
  selfAndDescendants,
  touchesAny,
  type SelectorChain,
} from '../../dom/query';
import { readLine, readText } from '../../dom/text';
import { parseCount } from '../counts';
import { isXUserHandle, parseXProfileHref, parseXStatusHref, xFocalStatusId, xStatusUrl, type XStatusRef } from './ids';
import type { BrandReply, ExtractResult, PeekResult, ProfileStat, SiteReader } from '../types';
import { X, X_ATTR, X_NOT_PLAIN_PROBES, X_TAG, X_VERIFIED_PROBES, xFocalTime, xProfileLink } from './x.selectors';

const HOSTS = /^(?:(?:www|mobile)\.)?(?:x|twitter)\.com$/i;
const HANDLE_TEXT = /^@([A-Za-z0-9_]{1,15})$/;
/** A character that would continue a handle ("@acme" is not in "@acmehelp"). */
const HANDLE_CHAR = /[A-Za-z0-9_]/;
const PROFILE_TABS = new Set(['with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows', 'affiliates']);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function pathOf(url: string, base?: string): string[] {
  try {
    return new URL(url, base).pathname.split('/').filter(Boolean);
  } catch {
    return [];
  }
}

export function xPageKind(url: string): PageKind {
  const [first = '', second = '', third = ''] = pathOf(url);
  const head = first.toLowerCase();
  if (head === '' || head === 'home') return 'home';
  if (head === 'search' || head === 'hashtag') return 'search';
  if (head === 'notifications') return 'notifications';
  if (head === 'i' && second === 'lists') return 'list';
  if (head === 'i' && (second === 'status' || second === 'web')) return 'conversation';
  if (['explore', 'messages', 'settings', 'compose', 'i', 'login', 'logout', 'signup'].includes(head)) return 'other';
  if (/^status(es)?$/.test(second) && /^\d+$/.test(third)) return 'conversation';
  if (second === 'lists') return 'list';
  if (/^[A-Za-z0-9_]{1,15}$/.test(first) && (second === '' || PROFILE_TABS.has(second))) return 'profile';
  return 'other';
}

// ---------------------------------------------------------------- structure of one article

/** Quoted-post containers inside `article` (they hold their own author line and text). */
export function quoteContainers(article: Element): Element[] {
  return queryAllFirst(article, X.quote).filter(
    (q) => queryFirst(q, X.userName) !== null || queryFirst(q, X.time) !== null,
  );
}

/**
 * First element outside quoted posts for the first selector of the chain that has one. `present`:
 * a part nearly every post has (time, author line, text), looked up by its preferred selector first.
 */
export function ownFirst(article: Element, chain: SelectorChain, quotes: Element[], present = false): Element | null {
  // Most posts quote nothing: then "own" is simply the first match, no list to build and filter.
  if (quotes.length === 0) return present ? queryFirstPresent(article, chain) : queryFirst(article, chain);
  for (const selector of chain) {
    for (const el of queryAllAny(article, [selector])) if (!quotes.some((q) => q.contains(el))) return el;
  }
  return null;
}

function ownAll(article: Element, chain: SelectorChain, quotes: Element[]): Element[] {
  if (quotes.length === 0) return queryAllAny(article, chain);
  return queryAllAny(article, chain).filter((el) => !quotes.some((q) => q.contains(el)));
}

/** The permalink: the link wrapping the post's own `time`, else any own status link. */
function ownStatus(article: Element, quotes: Element[], time: Element | null): XStatusRef | undefined {
  const wrapped = parseXStatusHref(time ? attr(closestAny(time, X.link), 'href') : undefined);
  if (wrapped) return wrapped;
  for (const a of ownAll(article, X.statusLink, quotes)) {
    const ref = parseXStatusHref(a.getAttribute('href'));
    if (ref) return ref;
  }
  return undefined;
}

/** `line`: `userName`'s text, when the caller has read it already. */
function readHandle(userName: Element | null, article: Element, quotes: Element[], permalinkHandle: string, line?: string): string | undefined {
  // The author line shows "@handle" for the permalink's owner, spelt as in the permalink: confirm
  // it in one text read (no element per piece of the line). The next character must end the
  // handle ("@acme" is not in "@acmehelp"); anything less certain takes the element walk below.
  if (userName && isXUserHandle(permalinkHandle)) {
    line ??= userName.textContent ?? '';
    for (let at = line.indexOf(`@${permalinkHandle}`); at >= 0; at = line.indexOf(`@${permalinkHandle}`, at + 1)) {
      if (!HANDLE_CHAR.test(line.charAt(at + 1 + permalinkHandle.length))) return permalinkHandle;
    }
  }
  const scope = userName ?? article;
  // Innermost first (the chain starts at span): a wrapper's text may run "@handle" into the time.
  for (const selector of X.handleText) {
    for (const el of queryAllAny(scope, [selector])) {
      if (!userName && quotes.some((q) => q.contains(el))) continue;
      const match = HANDLE_TEXT.exec((el.textContent ?? '').trim());
      if (match?.[1]) return match[1];
    }
  }
  for (const a of queryAllAny(scope, X.link)) {
    const handle = parseXProfileHref(a.getAttribute('href'));
    if (handle) return handle;
  }
  return undefined;
}

/** Display name: the first `[dir]` block of the author line that is not the @handle or "·". */
function readDisplayName(userName: Element | null, article: Element, handle: string): string {
  const scope = userName ?? (/^\w+$/.test(handle) ? article.querySelector(xProfileLink(handle)) : null);
  if (!scope) return '';
  // Almost always the first block: read it before listing them all.
  const first = queryFirst(scope, X.textBlock);
  const firstLine = first ? readLine(first) : '';
  if (isDisplayName(firstLine, handle)) return firstLine;
  for (const el of queryAllAny(scope, X.textBlock)) {
    const line = el === first ? firstLine : readLine(el);
    if (isDisplayName(line, handle)) return line;
  }
  return '';
}

/** Not the "@handle" block or the "·" separator (a display name may itself start with "@"). */
function isDisplayName(line: string, handle: string): boolean {
  return line !== '' && line !== '·' && !(line.startsWith('@') && line.slice(1).toLowerCase() === handle.toLowerCase());
}

/** "Replying to @a @b": profile links showing @handles outside the author line and the text. */
function readReplyTo(article: Element, quotes: Element[], exclude: (Element | null)[]): string[] {
  const handles: string[] = [];
  for (const a of ownAll(article, X.link, quotes)) {
    const match = HANDLE_TEXT.exec((a.textContent ?? '').trim());
    if (!match?.[1]) continue; // most links show no @handle: nothing more to ask of them
    if (exclude.some((ex) => ex?.contains(a))) continue;
    const href = parseXProfileHref(a.getAttribute('href'));
    if (href && href.toLowerCase() === match[1].toLowerCase() && !handles.includes(match[1])) {
      handles.push(match[1]);
    }
  }
  return handles;
}

/** The action bar's buttons sit at the end of the post: one walk finds all three. */
const ACTION_BUTTONS: SelectorChain = [...X.replyButton, ...X.repostButton, ...X.likeButton];

/** `[data-testid="reply"]` → 'reply': such selectors are answered by reading the attribute once. */
const TEST_ID_SELECTOR = /^\[data-testid="([\w-]+)"\]$/;

function readCount(buttons: Element[], testIds: (string | undefined)[], chain: SelectorChain): number | undefined {
  for (const selector of chain) {
    const testId = TEST_ID_SELECTOR.exec(selector)?.[1];
    for (let i = 0; i < buttons.length; i++) {
      const button = buttons[i]!;
      const hit = testId !== undefined ? testIds[i] === testId : matchesAny(button, [selector]);
      if (hit) return parseCount(attr(button, X_ATTR.count));
    }
  }
  return undefined;
}

/** Parts most posts lack: when none is present, one walk answers for all of them. */
const OPTIONAL_PARTS: SelectorChain = [...X.socialContext, ...X.showMore, ...X.verified];

function readTime(time: Element | null): number | undefined {
  const iso = attr(time, 'datetime');
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= 0 ? Math.trunc(ms) : undefined;
}

/** The preferred post selector, tried alone first by findPostElements. */
const POST_SELECTOR = X.post[0];

/** Post elements findPostElements has returned (the scanner reads exactly those): no re-matching. */
const foundPosts = new WeakSet<Element>();
/**
 * The one post of the row findPostElements was last asked about, as nearly every row holds: the
 * scanner reads it right away, so a slot answers there without a WeakSet entry per post.
 */
let lastFoundPost: Element | undefined;

/** `el` itself when findPostElements returned it, else the post in or at `el`. */
function postAt(el: Element): Element | null {
  return el === lastFoundPost || foundPosts.has(el) ? el : firstSelfOrDescendant(el, X.post);
}

/** The page's focal post id (conversation pages), worked out once per URL: asked for every extracted post. */
let lastPage: { href: string; focalId: string | undefined } | undefined;
function pageFocalId(href: string): string | undefined {
  if (lastPage?.href !== href) lastPage = { href, focalId: xFocalStatusId(pathOf(href)) };
  return lastPage.focalId;
}


/** A conversation page's focal post, its author, and the heading that ends its replies (if any). */
interface Conversation {
  id: string;
  focal: Element;
  handle: string;
  end: Element | null;
}

/** The conversation on the page (`/<handle>/status/<id>`), once its focal post has rendered. */
function conversationOf(doc: Document): Conversation | undefined {
  const id = pageFocalId(doc.URL);
  if (!id) return undefined;
  const focalTime = doc.querySelector(xFocalTime(id));
  const focal = focalTime ? closestAny(focalTime, X.article) : null;
  // The permalink names the focal post's author (the URL's handle may be any spelling X accepts).
  const ref = focalTime ? parseXStatusHref(attr(closestAny(focalTime, X.link), 'href')) : undefined;
  if (!focal || !ref) return undefined;
  let end: Element | null = null;
  for (const heading of queryAllAny(doc, X.sectionHeading)) {
    // DOCUMENT_POSITION_FOLLOWING = 4: the first heading after the focal post, outside any post.
    if (focal.compareDocumentPosition(heading) & 4 && !focal.contains(heading) && !closestAny(heading, X.article)) {
      end = heading;
      break;
    }
  }
  return { id, focal, handle: ref.handle, end };
}

/** Whether `article` is one of the replies under the focal post (after it, before any "Discover more"). */
function inThread(conversation: Conversation, article: Element): boolean {
  const { focal, end } = conversation;
  if (focal === article || !(focal.compareDocumentPosition(article) & 4)) return false;
  return end === null || (article.compareDocumentPosition(end) & 4) !== 0;
}

/** The conversation `article` replies in, if any: its focal post's id and author. */
function threadOf(article: Element): Conversation | undefined {
  const conversation = conversationOf(article.ownerDocument);
  return conversation && inThread(conversation, article) ? conversation : undefined;
}

/**
 * `peeked`: what `peekXKey(el)` answered just now, with nothing changed since (see peekedResult);
 * `text`: `el.textContent`, read just now.
 */
export function extractX(el: Element, now: number, peeked?: PeekResult, text?: string): ExtractResult {
  const article = postAt(el);
  if (!article) return { ok: false, reason: 'notAPost' };
  return extractPlain(article, now, peeked, article === el ? text : undefined) ?? extractByParts(article, now);
}

/**
 * What the last key read found (the post's time and its permalink, parsed), under the answer it
 * gave: the scanner extracts a possible mention right after keying it and hands that answer back
 * (`extract`'s `peeked`), so the extraction reuses them instead of asking the DOM again. One slot,
 * not a map: it holds at most one post's elements, and costs no per-post bookkeeping.
 */
let peekedResult: PeekResult | undefined;
let peekedArticle: Element | undefined;
let peekedTime: Element | undefined;
let peekedStatus: XStatusRef | undefined;

/**
 * `extractByParts` for a post that quotes nothing and has no optional part (one query per part
 * says so): the same reads, with fewer DOM calls (each is dear in a content script: a post's
 * extraction costs as much as a dozen posts' key reads). Each action button is one query, not a
 * list of all of them read back one by one. Undefined: the full extraction decides.
 */
function extractPlain(article: Element, now: number, peek: PeekResult | undefined, articleText: string | undefined): ExtractResult | undefined {
  if (containsAnyOf(article, X_NOT_PLAIN_PROBES)) return undefined;
  const peeked = peek !== undefined && peek === peekedResult && peekedArticle === article;
  const time = peeked ? (peekedTime ?? null) : queryFirstPresent(article, X.time);
  const status = peeked ? peekedStatus : parseXStatusHref(time ? attr(closestAny(time, X.link), 'href') : undefined);
  if (!status) return undefined; // the full extraction looks at every status link
  const userName = queryFirstPresent(article, X.userName);
  if (!userName) return undefined;
  // A verified mark counts only in the author line (as the full extraction reads it): a few
  // elements to look through, not the whole post. A verified author's post is still plain.
  const verified = containsAnyOf(userName, X_VERIFIED_PROBES);
  const textEl = queryFirstPresent(article, X.text);
  const line = userName.textContent ?? '';
  const handle = readHandle(userName, article, [], status.handle, line) ?? status.handle;
  // The probes found no "Show more" link: nothing to skip, a shorter query for the text read.
  const text = textEl ? readText(textEl) : '';
  const replyTo = atSignsOnlyIn(articleText, userName, line, textEl) ? [] : readReplyTo(article, [], [userName, textEl]);
  const thread = threadOf(article);
  const parentPostId = thread && thread.id !== status.id ? thread.id : undefined;
  const lang = attr(textEl, 'lang');
  const post = postOf({ status, handle, userName, article, text, time, lang, now, replyTo, thread, parentPostId }, verified ? PLAIN_PARTS_VERIFIED : PLAIN_PARTS, plainCounts(article));
  return { ok: true, post };
}

/** The parts a plain post lacks. */
const PLAIN_PARTS: OtherParts = {
  authorVerified: false,
  truncated: false,
  quotedPostId: undefined,
  quotedAuthorHandle: undefined,
  quotedText: undefined,
  repostedBy: undefined,
};
const PLAIN_PARTS_VERIFIED: OtherParts = { ...PLAIN_PARTS, authorVerified: true };

interface OwnParts {
  status: { handle: string; id: string };
  handle: string;
  userName: Element | null;
  article: Element;
  text: string;
  time: Element | null;
  lang: string | null | undefined;
  now: number;
  replyTo: string[];
  thread: { handle: string; id: string } | undefined;
  parentPostId: string | undefined;
}

/** What only the full extraction reads (a plain post has none of it). */
type OtherParts = Pick<Post, 'authorVerified' | 'truncated' | 'quotedPostId' | 'quotedAuthorHandle' | 'quotedText' | 'repostedBy'>;

/**
 * The post from its own parts, read the same way by both extractions, and the rest. One literal:
 * spreading a part object into the post cost a copy per extracted post.
 */
function postOf(p: OwnParts, o: OtherParts, counts: Post['counts']): Post {
  return {
    key: postKey('x', p.status.id),
    site: 'x' as const,
    postId: p.status.id,
    kind: 'post' as const,
    url: xStatusUrl(p.status.handle, p.status.id),
    authorHandle: p.handle,
    authorName: readDisplayName(p.userName, p.article, p.handle).slice(0, 300),
    authorProfileUrl: `https://x.com/${p.handle}`,
    text: p.text.slice(0, 40000),
    createdAt: readTime(p.time),
    lang: p.lang ? p.lang.slice(0, 20) : undefined,
    seenAt: Math.max(0, Math.trunc(p.now)),
    isReply: p.replyTo.length > 0 || p.parentPostId !== undefined,
    replyToHandles: p.replyTo,
    parentPostId: p.parentPostId,
    threadOwner: p.parentPostId !== undefined ? p.thread?.handle : undefined,
    authorVerified: o.authorVerified,
    truncated: o.truncated,
    quotedPostId: o.quotedPostId,
    quotedAuthorHandle: o.quotedAuthorHandle,
    quotedText: o.quotedText,
    repostedBy: o.repostedBy,
    counts,
  };
}

/**
 * Whether every "@" of the post's text (`articleText`) is in its author line (`line`, the text of
 * `userName`) or its body: then no link elsewhere shows an @handle, and the "Replying to" read
 * (a text read per link of the post) has nothing to find. Two parts nested in one another would
 * count their "@"s twice: then, or without the post's text, the links are read.
 */
function atSignsOnlyIn(articleText: string | undefined, userName: Element, line: string, textEl: Element | null): boolean {
  if (articleText === undefined) return false;
  const outside = countAtSigns(articleText) - countAtSigns(line);
  if (outside === 0) return true;
  if (!textEl || userName.contains(textEl) || textEl.contains(userName)) return false;
  return outside === countAtSigns(textEl.textContent ?? '');
}

function countAtSigns(text: string): number {
  let count = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) count += 1;
  return count;
}

/**
 * The three counts of a post without quotes. The action bar (`role="group"` in every snapshot
 * 2021–2026) holds the three buttons: once the reply button is found, the other two are looked
 * for in the bar, not through the whole post again (and in the post when the bar lacks one).
 */
function plainCounts(article: Element): Post['counts'] {
  const reply = queryFirstPresent(article, X.replyButton);
  const bar = reply?.closest(X.actionBar[0]);
  const inBar = bar && bar !== article && article.contains(bar) ? bar : undefined;
  const count = (chain: SelectorChain) => {
    const button = (inBar && firstOf(inBar, chain)) ?? firstOf(article, chain);
    return button ? parseCount(attr(button, X_ATTR.count)) : undefined;
  };
  return {
    replies: reply ? parseCount(attr(reply, X_ATTR.count)) : undefined,
    reposts: count(X.repostButton),
    likes: count(X.likeButton),
  };
}

/** The first button of the first selector that has one (each selector alone: see X_NOT_PLAIN_PROBES). */
function firstOf(root: Element, chain: SelectorChain): Element | null {
  for (const selector of chain) {
    const button = queryFirstPresent(root, [selector]);
    if (button) return button;
  }
  return null;
}

/** The full extraction: every part by its own query, quoted posts read around. Exported for tests. */
export function extractByParts(article: Element, now: number): ExtractResult {
  const quotes = quoteContainers(article);
  const time = ownFirst(article, X.time, quotes, true);
  const status = ownStatus(article, quotes, time);
  // Rows render in stages; without a permalink there is nothing stable to key on yet.
  if (!status) return { ok: false, reason: 'pending' };

  const userName = ownFirst(article, X.userName, quotes, true);
  const textEl = ownFirst(article, X.text, quotes, true);
  const hasOptional = mayContainAny(article, OPTIONAL_PARTS);
  const social = hasOptional ? ownFirst(article, X.socialContext, quotes) : null;
  const handle = readHandle(userName, article, quotes, status.handle) ?? status.handle;
  const showMore = hasOptional ? ownFirst(article, X.showMore, quotes) : null;
  const text = textEl ? readText(textEl, { skip: X.showMore }) : '';
  const replyTo = readReplyTo(article, quotes, [userName, textEl, social]);
  const thread = threadOf(article);
  const parentPostId = thread && thread.id !== status.id ? thread.id : undefined;
  let quotedPostId: string | undefined;
  for (const q of quotes) {
    for (const a of queryAllAny(q, X.statusLink)) {
      const ref = parseXStatusHref(a.getAttribute('href'));
      if (ref && ref.id !== status.id) quotedPostId ??= ref.id;
    }
  }
  const quoted = quotes[0] ? readQuoted(quotes[0]) : undefined;
  const repostedBy = social ? readRepostedBy(social) : undefined;
  const lang = attr(textEl, 'lang');
  const buttons = ownAll(article, ACTION_BUTTONS, quotes);
  const buttonIds = buttons.map((b) => b.getAttribute('data-testid') ?? undefined);

  // Every field is valid by construction (ids are 1–25 digits, handles ≤ 50 word characters, text
  // and names are cut to their limits, counts and times are non-negative integers), so the per-post
  // Zod parse here was pure cost on the page's main thread. The background still Zod-parses every
  // payload it receives (`handle()`), and a unit test checks extracted posts against PostSchema.
  const other: OtherParts = {
    authorVerified: hasOptional && (userName ? queryFirst(userName, X.verified) : ownFirst(article, X.verified, quotes)) !== null,
    truncated: showMore !== null,
    quotedPostId,
    quotedAuthorHandle: quoted?.handle,
    quotedText: quoted?.text,
    repostedBy,
  };
  const counts = {
    replies: readCount(buttons, buttonIds, X.replyButton),
    reposts: readCount(buttons, buttonIds, X.repostButton),
    likes: readCount(buttons, buttonIds, X.likeButton),
  };
  const post = postOf({ status, handle, userName, article, text, time, lang, now, replyTo, thread, parentPostId }, other, counts);
  return { ok: true, post };
}


/**
 * The key alone, for every post on the timeline. In X's markup the post's own timestamp comes
 * before any quoted post's, and its wrapping link is the permalink; anything less clear-cut (no
 * time yet, the first time inside a quote) takes the full extraction's path, so both always agree.
 */
export function peekXKey(el: Element): PeekResult {
  // Elements findPostElements just returned are posts: no need to match them again.
  const article = postAt(el);
  if (!article) return { ok: false, reason: 'notAPost' };
  // The common case in two single-selector calls (Chromium answers a selector list by a slower
  // path: on real X rows, cold, this read takes ~3 µs against ~4 µs with one list): the post's
  // first timestamp, inside no quote of this post, wrapped directly in the permalink.
  const first = article.querySelector(X.time[0]);
  const quote = first?.closest(X.quoteOrPost[0]);
  const link = first && (quote == null || !article.contains(quote)) ? first.parentElement : null;
  if (first && link?.localName === X_TAG.permalink) {
    const ref = parseXStatusHref(link.getAttribute('href')?.trim());
    if (ref) {
      const result: PeekResult = { ok: true, key: postKey('x', ref.id) };
      peekedResult = result;
      peekedArticle = article;
      peekedTime = first;
      peekedStatus = ref;
      return result;
    }
  }
  const time = queryFirstPresent(article, X.time);
  // The nearest quote-or-post around the time stops at the post: no walk up to the document root.
  const nearest = time ? closestOfAny(time, X.quoteOrPost) : null;
  if (time && nearest && (nearest === article || !matchesAny(nearest, X.quote))) {
    const ref = parseXStatusHref(attr(closestAny(time, X.link), 'href'));
    if (ref) return { ok: true, key: postKey('x', ref.id) };
  }
  const full = extractX(article, 0);
  return full.ok ? { ok: true, key: full.post.key } : { ok: false, reason: full.reason };
}

/**
 * Who a quoted post is by and what it says. X links most quotes by click alone (no status link in
 * the markup), so the id is often unknown; author and text are always shown.
 */
function readQuoted(quote: Element): { handle?: string; text?: string } {
  const userName = queryFirst(quote, X.userName);
  const handle = userName ? readHandle(userName, quote, [], '') : undefined;
  const textEl = queryFirst(quote, X.text);
  const text = textEl ? readText(textEl, { skip: X.showMore }).slice(0, 2000) : '';
  return { handle, text: text || undefined };
}

/** Only a socialContext that links to a profile is a repost ("Pinned" has no link). */
function readRepostedBy(social: Element): string | undefined {
  const link = closestAny(social, X.link) ?? queryFirst(social, X.link);
  const handle = parseXProfileHref(link?.getAttribute('href'));
  return handle ? handle.slice(0, 300) : undefined;
}

// ---------------------------------------------------------------- profile stats

export function readXProfileStats(doc: ParentNode): ProfileStat[] {
  const byHandle = new Map<string, ProfileStat>();
  // Chain order: a handle's /verified_followers link (the header's total) beats a /followers one.
  // One pass over the document for the whole chain (this runs on every settled page change).
  const links = queryAllAny(doc, X.followersLink);
  for (const selector of X.followersLink) {
    for (const link of links) {
      if (!matchesAny(link, [selector])) continue;
      const [owner = '', tab = '', extra] = pathOf(attr(link, 'href'), 'https://x.com');
      const ownerMatch = /^(verified_)?followers$/.test(tab) && extra === undefined ? /^[A-Za-z0-9_]{1,15}$/.exec(owner) : null;
      const handle = ownerMatch?.[0];
      if (!handle || byHandle.has(handle.toLowerCase())) continue;
      const container = closestAny(link, X.hoverCard) ?? profileHeaderFor(doc, handle);
      const stat: ProfileStat = { handle };
      const followers = parseCount(readLine(link));
      if (followers !== undefined) stat.followers = followers;
      if (container) stat.verified = queryFirst(container, X.verified) !== null;
      byHandle.set(handle.toLowerCase(), stat);
    }
  }
  // Valid by construction (a 1–15 character handle, a count from parseCount): the background parses
  // what the page sends (ProfileStatSchema), so the page does not load that schema.
  return [...byHandle.values()];
}

function profileHeaderFor(doc: ParentNode, handle: string): Element | null {
  for (const header of queryAllAny(doc, X.profileName)) {
    if (readHandle(header, header, [], '')?.toLowerCase() === handle.toLowerCase()) return header;
  }
  return null;
}

/** A timeline row, or a post: neither holds the profile header or a hover card (those are layers). */
function isPostRow(el: Element): boolean {
  return matchesAny(el, X.cell) || matchesAny(el, X.post);
}

/**
 * The timeline's row container (first and last children are rows): it holds only rows, so no
 * follower count either. Its children change on every scroll step (rows removed), and a walk of
 * every row in it each time cost more than reading the rows.
 */
function isRowList(el: Element): boolean {
  const first = el.firstElementChild;
  const last = el.lastElementChild;
  return first !== null && last !== null && matchesAny(first, X.cell) && matchesAny(last, X.cell);
}

/** A hover card fills in its follower line after it appears: changes anywhere inside it count. */
const PROFILE_STATS_PARTS = [...X.followersLink, ...X.hoverCard];

/** Composed with the site's capabilities in ./index.ts. */
export const xReader: SiteReader = {
  site: 'x',
  matches: (url) => HOSTS.test(hostOf(url)),
  pageKind: (url) => xPageKind(url),
  findPostElements: (root) => {
    // A timeline row (no article itself) holding one post, as nearly every added node is: one
    // native list, no array copied from it and no match of the row against the post selectors.
    // `in` asks the prototype chain (no native call); only an element has a `localName`.
    if (!('localName' in root && root.localName === X_TAG.post)) {
      const list = root.querySelectorAll(POST_SELECTOR);
      const only = list.length === 1 ? list[0] : undefined;
      if (only) {
        lastFoundPost = only;
        return [only];
      }
    }
    const posts = selfAndDescendants(root, X.post);
    for (const post of posts) foundPosts.add(post);
    return posts;
  },
  closestPost: (node) => closestOfAny(node, X.post),
  extract: extractX,
  peekKey: peekXKey,
  threadOwner: (el, wanted) => {
    const article = postAt(el);
    const owner = article ? threadOf(article)?.handle : undefined;
    return owner !== undefined && (wanted === undefined || wanted(owner)) ? owner : undefined;
  },
  // A row holds one post (a quote's words are sent with it).
  mentionText: (_el, text) => text,
  // The focal post a reply answers is elsewhere in the page: a removed row cannot tell it.
  threadOwnerOffPage: false,
  // Only a conversation page shows a thread (replies elsewhere say "Replying to" in their text).
  mayHaveThreads: (url) => xFocalStatusId(pathOf(url)) !== undefined,
  countCandidates: (doc) => countAny(doc, X.candidate),
  authorLineAnchor: (el) => {
    const article = firstSelfOrDescendant(el, X.post) ?? el;
    return ownFirst(article, X.userName, quoteContainers(article));
  },
  authorLineEnd: (el) => {
    const article = firstSelfOrDescendant(el, X.post) ?? el;
    const quotes = quoteContainers(article);
    const caret = ownFirst(article, X.authorLineEnd, quotes);
    const line = ownFirst(article, X.userName, quotes);
    if (!caret || !line) return caret;
    // The caret's whole column (the Grok button beside it too): its widest ancestor off the author line.
    let column = caret;
    for (let up = caret.parentElement; up && up !== article && !up.contains(line); up = up.parentElement) column = up;
    return column;
  },
  readProfileStats: readXProfileStats,
  // Timeline rows and posts never carry a follower count (the header and hover cards are outside
  // them): the common case is answered without walking the row.
  mayHoldProfileStats: (el) => !isPostRow(el) && !isRowList(el) && touchesAny(el, PROFILE_STATS_PARTS),
  holdsOnlyRows: isRowList,
  brandReply: (el, wanted, now): BrandReply | undefined => {
    const result = extractX(el, now);
    if (!result.ok || !result.post.isReply || !wanted.has(result.post.authorHandle.toLowerCase())) return undefined;
    return { handle: result.post.authorHandle, postId: result.post.postId, createdAt: result.post.createdAt };
  },
};
