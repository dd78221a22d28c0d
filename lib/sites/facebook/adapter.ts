/**
 * Facebook adapter: posts and comments read from the rendered DOM. Authors come from profile
 * links, never from the localised aria-label alone; ids come from permalinks.
 */
import type { PageKind, Post } from '../../schemas/posts';
import { postKey } from '../../schemas/primitives';
import {
  attr,
  closestAny,
  countAny,
  isElement,
  matchesAny,
  queryAllAny,
  queryFirstAny,
  queryAllFirst,
  queryFirst,
  selfAndDescendants,
  sortInDocumentOrder,
  touchesAny,
  type SelectorChain,
} from '../../dom/query';
import { readLine, readText } from '../../dom/text';
import { parseCount } from '../counts';
import { FB, FB_ATTR, FB_STOP_TAGS, FB_TAG } from './facebook.selectors';
import { parseFacebookHref, type FacebookRef } from './ids';
import { FACEBOOK_HOSTS, profileFromHref, RESERVED } from './profileHref';
import { contentId } from './contentKey';
import { thisTask } from '../../dom/thisTask';
import type { BrandReply, ExtractResult, PeekResult, ProfileStat, SiteReader } from '../types';

const ORIGIN = 'https://www.facebook.com';
const NUMERIC_ID = /^\d+$/;

function toUrl(href: string): URL | undefined {
  try {
    return new URL(href, ORIGIN);
  } catch {
    return undefined;
  }
}

export function facebookPageKind(url: string): PageKind {
  const parsed = toUrl(url);
  if (!parsed) return 'other';
  const segments = parsed.pathname.split('/').filter(Boolean);
  const [first = '', second = ''] = segments;
  const ref = parseFacebookHref(parsed.href);
  if (ref?.postId) return 'post';
  if (first === '' || first === 'home.php') return 'feed';
  if (first === 'groups' && (second === '' || second === 'feed')) return 'feed';
  if (first === 'groups') return 'page';
  if (first === 'profile.php' || first === 'people' || first === 'pg') return 'page';
  if (RESERVED.has(first.toLowerCase())) return 'other';
  if (/^[\w.-]{1,100}$/.test(first)) return 'page';
  return 'other';
}

// ---------------------------------------------------------------- finding posts and comments

/** What a comment or story message may sit in, in the order each question tries them. */
const POST_OR_DIALOG: SelectorChain = [...FB.post, ...FB.dialog];
const POST_DIALOG_OR_COMMENT: SelectorChain = [...POST_OR_DIALOG, ...FB.comment];
const COMMENT_POST_OR_DIALOG: SelectorChain = [...FB.comment, ...POST_OR_DIALOG];

/**
 * Articles found to be comments. Every read of a comment asks again (finding it, its key, its
 * thread, its reply), and an article that is a comment stays one: only the answer yes is kept.
 */
const knownComments = new WeakSet<Element>();

export function isComment(el: Element): boolean {
  if (knownComments.has(el)) return true;
  // A feed unit (every post the feed lists) is answered by one attribute, before any query of its links.
  if (el.hasAttribute(FB_ATTR.feedPosition) || !matchesAny(el, FB.comment)) return false;
  // A comment article carries its own comment permalink (or sits inside a post/dialog).
  const comment =
    ownAll(el, FB.commentLink).length > 0 ||
    ((el.parentElement ? closestAny(el.parentElement, POST_DIALOG_OR_COMMENT) : null) !== null && queryFirst(el, FB.message) === null);
  if (comment) knownComments.add(el);
  return comment;
}

/** Feed posts by the first post selector that matches, outermost only. */
function findFeedPosts(root: ParentNode): Element[] {
  const found = selfAndDescendants(root, FB.post).filter((el) => !isComment(el));
  return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
}

/** Story messages not inside a recognised post: climb to the largest ancestor holding only it. */
function orphanMessageHosts(root: ParentNode, known: Element[]): Element[] {
  const out: Element[] = [];
  // Every message under a post found (a feed unit added whole) is that post's.
  if (isElement(root) && known.some((post) => post.contains(root))) return [];
  for (const message of queryAllFirst(root, FB.message)) {
    if (known.some((p) => p.contains(message))) continue;
    // Inside a recognised post above `root` (a lazily added subtree): that post owns it.
    if (closestAny(message, COMMENT_POST_OR_DIALOG)) continue;
    let host: Element = message;
    for (let p = message.parentElement; p; p = p.parentElement) {
      if (matchesAny(p, FB.feed) || FB_STOP_TAGS.has(p.tagName)) break;
      if (queryAllFirst(p, FB.message).length > 1) break;
      host = p;
    }
    if (!out.includes(host)) out.push(host);
  }
  return out;
}

function findFacebookElements(root: ParentNode): Element[] {
  if (isElement(root) && matchesAny(root, FB.feedUnit)) return unitElements(root);
  const posts = findFeedPosts(root);
  const dialogs = selfAndDescendants(root, FB.dialog).filter(
    (d) => queryFirst(d, FB.message) !== null && !posts.some((p) => d.contains(p)),
  );
  const allPosts = [...posts, ...dialogs];
  allPosts.push(...orphanMessageHosts(root, allPosts));
  const comments = selfAndDescendants(root, FB.comment).filter(isComment);
  return sortInDocumentOrder([...new Set([...allPosts, ...comments])]);
}

/**
 * `findFacebookElements` of a feed unit, nearly every element the feed adds: the unit is its only
 * post (the first post selector matches it, and it holds any other match), so no post query, no
 * search for stray messages, and no sort when it holds no dialog (its comments come in page order).
 */
function unitElements(unit: Element): Element[] {
  const dialogs = selfAndDescendants(unit, FB.dialog).filter((d) => d !== unit && queryFirst(d, FB.message) !== null);
  const comments = selfAndDescendants(unit, FB.comment).filter((el) => el !== unit && isComment(el));
  return dialogs.length === 0 ? [unit, ...comments] : sortInDocumentOrder([...new Set([unit, ...dialogs, ...comments])]);
}

/** The feed, one of its units, or a child of it (Facebook wraps each unit in one). */
function isFeedOrRow(el: Element): boolean {
  if (el.hasAttribute(FB_ATTR.feedPosition) || matchesAny(el, FB.feed)) return true;
  const parent = el.parentElement;
  return parent !== null && matchesAny(parent, FB.feed);
}

export function closestFacebookPost(node: Element): Element | null {
  const comment = closestAny(node, FB.comment);
  if (comment && isComment(comment)) return comment;
  const post = closestAny(node, FB.post) ?? closestAny(node, FB.dialog);
  if (post) return post;
  return null;
}

// ---------------------------------------------------------------- reading one element

/** Each element's own matches by chain, this task (a post's links are asked for by its key, its author and its thread). */
const ownThisTask = thisTask<Map<SelectorChain, readonly Element[]>>();

/** Elements under `el` that are not a nested comment article nor inside one. */
export function ownAll(el: Element, chain: SelectorChain): readonly Element[] {
  const known = ownThisTask.get(el, () => new Map());
  const hit = known.get(chain);
  if (hit) return hit;
  const found = ownAllNow(el, chain);
  known.set(chain, found);
  return found;
}

function ownAllNow(el: Element, chain: SelectorChain): readonly Element[] {
  const found = queryAllAny(el, chain);
  if (found.length === 0) return found;
  return found.filter((node) => isOwn(el, node));
}

/**
 * One native climb to the node's nearest comment article: `el` itself, or none inside `el`, makes
 * it `el`'s own. A query of every nested comment walked the whole unit (comments and all) for each
 * post and comment read.
 */
function isOwn(el: Element, node: Element): boolean {
  const article = closestAny(node, FB.comment);
  return article === null || article === el || !el.contains(article);
}

/**
 * `ownAll(el, chain)[0]`: a post's own parts (its time, language, message, menu) come before its
 * comments in page order, so the first match is nearly always the answer, one native query and one
 * climb, where listing every match climbed from each of every comment's.
 */
function ownFirst(el: Element, chain: SelectorChain): Element | null {
  const first = queryFirstAny(el, chain);
  if (first === null || isOwn(el, first)) return first;
  return ownAll(el, chain)[0] ?? null;
}

interface Author {
  handle: string;
  name: string;
  profileUrl?: string;
  link: Element;
}

/** Each element's author by chain, this task (a post's is asked for by each of its comments' thread and by its own read). */
const authorThisTask = thisTask<Map<SelectorChain, Author | null>>();

function findAuthor(el: Element, chain: SelectorChain): Author | undefined {
  const known = authorThisTask.get(el, () => new Map());
  let author = known.get(chain);
  if (author === undefined) {
    // Every link is looked at only when none of the chain's names a profile (the chain's come first).
    author = authorAmong(el, chain) ?? (chain === FB.link ? undefined : authorAmong(el, FB.link)) ?? null;
    known.set(chain, author);
  }
  return author ?? undefined;
}

/**
 * The first of `el`'s own matches of `chain` that links a named profile. Ownership is asked of each
 * match in turn until one answers: the author leads a post, and a post's list holds every
 * comment's author link too.
 */
function authorAmong(el: Element, chain: SelectorChain): Author | undefined {
  for (const node of queryAllAny(el, chain)) {
    if (!isOwn(el, node)) continue;
    const link = node.tagName === FB_TAG.link ? node : (closestAny(node, FB.link) ?? queryFirst(node, FB.link));
    if (!link || link.getAttribute(FB_ATTR.hidden) === 'true') continue;
    const profile = profileFromHref(attr(link, 'href'));
    const name = readLine(link);
    if (profile && name) return { handle: profile.handle, name, profileUrl: profile.url, link };
  }
  return undefined;
}

interface Ids {
  own?: FacebookRef;
  fromComments?: FacebookRef;
  permalink?: Element;
}

/** Each element's ids read as a comment and as a post, this task. */
const idsThisTask = thisTask<{ comment?: Ids; post?: Ids }>();

/** The element's own permalink (not a comment's), and what its comments' links say. */
function readIds(el: Element, wantComment: boolean): Ids {
  const known = idsThisTask.get(el, () => ({}));
  return (known[wantComment ? 'comment' : 'post'] ??= readIdsNow(el, wantComment));
}

function readIdsNow(el: Element, wantComment: boolean): Ids {
  // Only links that can carry the id wanted: the same answer as every link's, for fewer links (a
  // post's own list of all links also holds its author's, hashtags and more). A comment's were
  // listed when it was told from a post (isComment).
  const own = wantComment ? ownIdLink(ownAll(el, FB.commentLink), true) : (leadingPermalink(el) ?? ownIdLink(ownAll(el, FB.postLink), false));
  if (own) return { own: own.ref, permalink: own.link };
  const fromComments = wantComment ? undefined : idFromComments(el);
  return fromComments ? { fromComments } : {};
}

function carriesId(ref: Readonly<FacebookRef> | undefined, wantComment: boolean): ref is Readonly<FacebookRef> {
  return ref !== undefined && (wantComment ? ref.commentId !== undefined : !ref.commentId && ref.postId !== undefined);
}

/**
 * The first permalink with the id, in page order. A comment's author link carries comment_id too:
 * it is parsed for the id only when no permalink has it (then the last profile link carrying it,
 * as the reader always chose), so a comment's id costs one parsed link, not two.
 */
function ownIdLink(links: readonly Element[], wantComment: boolean): IdLink | undefined {
  for (const link of links) {
    const permalink = asPermalink(link, wantComment);
    if (permalink) return permalink;
  }
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i];
    const ref = link ? parseFacebookHref(attr(link, 'href')) : undefined;
    if (link && carriesId(ref, wantComment)) return { ref, link };
  }
  return undefined;
}

/**
 * A post's `ownIdLink` answer when it is the first link under `el` that can name a post (the
 * permalink leads a post's header): one query that stops there, instead of listing every such link
 * of the unit down to its last comment's and climbing from each. Undefined: the list decides.
 */
function leadingPermalink(el: Element): IdLink | undefined {
  const first = queryFirstAny(el, FB.postLink);
  return first && isOwn(el, first) ? asPermalink(first, false) : undefined;
}

interface IdLink {
  ref: Readonly<FacebookRef>;
  link: Element;
}

/** `link` with the id wanted, when it is no profile link (a comment's author link carries comment_id too). */
function asPermalink(link: Element, wantComment: boolean): IdLink | undefined {
  const href = attr(link, 'href');
  if (profileFromHref(href) !== undefined) return undefined;
  const ref = parseFacebookHref(href);
  return carriesId(ref, wantComment) ? { ref, link } : undefined;
}

/** A post without its own permalink, named by its comments' links (one that also names the page preferred, for the URL). */
function idFromComments(el: Element): Readonly<FacebookRef> | undefined {
  let found: Readonly<FacebookRef> | undefined;
  for (const a of queryAllAny(el, FB.commentLink)) {
    const ref = parseFacebookHref(a.getAttribute('href'));
    if (ref?.postId && (!found || (!found.ownerId && ref.ownerId))) found = ref;
  }
  return found;
}

/** The post's number as its comments' base64 ids spell it (`comment:<post>_<comment>`), when shown. */
function numericIdFromComments(el: Element): string | undefined {
  for (const a of queryAllAny(el, FB.commentLink)) {
    const id = parseFacebookHref(a.getAttribute('href'))?.postId;
    if (id && /^\d+$/.test(id)) return id;
  }
  return undefined;
}

function postUrl(ref: FacebookRef): string {
  if (ref.ownerId && /^\d+$/.test(ref.ownerId) && /^\d+$/.test(ref.postId ?? '')) {
    return `${ORIGIN}/permalink.php?story_fbid=${ref.postId}&id=${ref.ownerId}`;
  }
  if (ref.ownerId) return `${ORIGIN}/${ref.ownerId}/posts/${ref.postId}`;
  return `${ORIGIN}/${ref.postId}`;
}

/**
 * The other key a post may arrive under that only the page can tell: its numeric id, when its
 * comments' links carry it (a post keyed by number in one view is `pfbid…` in the next, and
 * `pfbid…` permalinks change between page loads). Its content key the background works out from
 * the author and text sent (lib/sites/postKeys.ts), so no post's text is normalised in the page.
 */
function sameAsKeys(postId: string, numericId: string | undefined): string[] | undefined {
  return numericId && numericId !== postId ? [postKey('facebook', numericId)] : undefined;
}

/**
 * A timestamp when the markup has one; else the permalink's words (its label, then its text) for
 * the background to read against `seenAt` (lib/sites/postTime.ts): the page carries no date parser.
 */
function readTime(el: Element, permalink: Element | undefined): Pick<Parts, 'createdAt' | 'timeLabels'> {
  const abbr = ownFirst(el, FB.utime);
  const ms = Math.trunc(Number(attr(abbr, FB_ATTR.utime)) * 1000);
  if (abbr && Number.isSafeInteger(ms) && ms > 0) return { createdAt: ms };
  const time = ownFirst(el, FB.time);
  const iso = Date.parse(attr(time, 'datetime'));
  if (time && Number.isFinite(iso) && iso >= 0) return { createdAt: iso };
  if (!permalink) return {};
  const labels = [attr(permalink, FB_ATTR.label), readLine(permalink)].map((label) => label.trim().slice(0, 200)).filter((label) => label !== '');
  return labels.length > 0 ? { timeLabels: labels } : {};
}

function readBody(container: Element | null): { text: string; truncated: boolean } {
  if (!container) return { text: '', truncated: false };
  const buttons = queryAllAny(container, FB.inlineButton).filter((b) => readLine(b).length < 40);
  const text = readText(container, { skip: FB.inlineButton, collapseNewlines: true });
  return { text, truncated: buttons.length > 0 };
}

function extractPost(el: Element, now: number): ExtractResult {
  const ids = readIds(el, false);
  const ref = ids.own ?? ids.fromComments;
  const author = findAuthor(el, FB.postAuthor);
  const body = readBody(ownFirst(el, FB.message));
  let postId = ref?.postId;
  let url = ref ? postUrl(ref) : undefined;
  if (!postId) {
    // Facebook often leaves the timestamp link as href="#" until it is hovered (and always for
    // ads). With an author and a message we key the post on their content instead.
    if (!author || !body.text) return { ok: false, reason: queryFirst(el, FB.message) ? 'noId' : 'pending' };
    postId = contentId(author.handle, body.text);
    url = author.profileUrl ?? `${ORIGIN}/${author.handle}`;
  }
  return finish(el, {
    postId,
    kind: 'post',
    sameAs: sameAsKeys(postId, numericIdFromComments(el)),
    url: url ?? ORIGIN,
    threadOwner: threadOwnerFrom(ref?.ownerId, null, () => author?.handle),
    author,
    body,
    ...readTime(el, ids.own ? ids.permalink : undefined),
    now,
  });
}

/**
 * The key of the comment a reply answers, from the reply's own permalink (`reply_comment_id` beside
 * its parent's `comment_id`): Facebook lists replies beside their comment, not inside it.
 */
export function repliedCommentKey(el: Element): string | undefined {
  const parent = readIds(el, true).own?.parentCommentId;
  return parent ? postKey('facebook', parent) : undefined;
}

function extractComment(el: Element, now: number): ExtractResult {
  const ids = readIds(el, true);
  const ref = ids.own;
  if (!ref?.commentId) return { ok: false, reason: 'pending' };
  const hostPost = el.parentElement ? closestAny(el.parentElement, POST_OR_DIALOG) : null;
  const hostRef = hostPost ? (readIds(hostPost, false).own ?? readIds(hostPost, false).fromComments) : undefined;
  const parentPostId = ref.postId ?? hostRef?.postId;
  const author = findAuthor(el, FB.link);
  const threadOwner = threadOwnerFrom(ref.ownerId ?? hostRef?.ownerId, hostPost, () => author?.handle);
  const body = readBody(commentTextScope(el, author));
  const base = parentPostId ? postUrl({ ...(hostRef ?? {}), ...ref, postId: parentPostId }) : `${ORIGIN}/`;
  return finish(el, {
    postId: ref.commentId,
    kind: 'comment',
    url: `${base}${base.includes('?') ? '&' : '?'}comment_id=${ref.commentId}`,
    author,
    body,
    ...readTime(el, ids.permalink),
    parentPostId,
    threadOwner,
    isReply: ref.parentCommentId !== undefined,
    now,
  });
}

/**
 * Where a post or comment lives, which is who it talks to: the page, group or profile its permalink
 * names (`/<page>/posts/<id>`: a visitor post on the brand's page, a comment under the page's post),
 * else, for a comment, the author of the post it sits under (a numeric `permalink.php?id=` says
 * nothing a brand profile would list). A post's own author is not its owner. `author` is read only
 * for an owner `wanted` accepts (the scanner asks only whether a brand owns the thread, and reading
 * an author's name was most of the cost of asking that of every comment).
 */
/** The extraction asks whose thread a post is in, whoever it is. */
const ANY_OWNER = (): boolean => true;

function threadOwnerFrom(
  linkOwner: string | undefined,
  hostPost: Element | null,
  author: () => string | undefined,
  wanted: (handle: string) => boolean = ANY_OWNER,
): string | undefined {
  const named = linkOwner && !NUMERIC_ID.test(linkOwner) ? linkOwner : undefined;
  // A post's numeric owner is nearly always its author's own page, under another number.
  const owner = hostPost ? (named ?? findAuthor(hostPost, FB.postAuthor)?.handle ?? linkOwner) : named;
  if (!owner || !wanted(owner.slice(0, 120))) return undefined;
  return owner.toLowerCase() !== author()?.toLowerCase() ? owner.slice(0, 120) : undefined;
}

function threadOwnerOf(el: Element, wanted?: (handle: string) => boolean): string | undefined {
  if (!isComment(el)) {
    const ids = readIds(el, false);
    return threadOwnerFrom((ids.own ?? ids.fromComments)?.ownerId, null, () => findAuthor(el, FB.postAuthor)?.handle, wanted);
  }
  const own = readIds(el, true).own;
  const author = () => findAuthor(el, FB.link)?.handle;
  // A permalink naming its page answers alone: the post around the comment is not looked for.
  if (own?.ownerId && !NUMERIC_ID.test(own.ownerId)) return threadOwnerFrom(own.ownerId, null, author, wanted);
  const hostPost = el.parentElement ? closestAny(el.parentElement, POST_OR_DIALOG) : null;
  const hostIds = hostPost && !own?.ownerId ? readIds(hostPost, false) : undefined;
  return threadOwnerFrom(own?.ownerId ?? (hostIds?.own ?? hostIds?.fromComments)?.ownerId, hostPost, author, wanted);
}

/**
 * A post's text is its own message (extractPost sends nothing else), which its comments are not in;
 * without one (markup drift) the whole text, so the post is still read and a failure counted.
 */
function facebookMentionText(el: Element, text: string): string {
  if (isComment(el)) return text;
  const message = ownFirst(el, FB.message);
  return message ? (message.textContent ?? '') : text;
}

/** The comment's text block: first selector of the chain with a match outside the author link. */
function commentTextScope(el: Element, author: Author | undefined): Element | null {
  for (const selector of FB.commentText) {
    const found = ownAll(el, [selector]).find(
      (node) => !(author && (author.link.contains(node) || node.contains(author.link))),
    );
    if (found) return found;
  }
  return null;
}

interface Parts {
  postId: string;
  kind: 'post' | 'comment';
  url: string;
  author: Author | undefined;
  body: { text: string; truncated: boolean };
  createdAt?: number;
  timeLabels?: string[];
  parentPostId?: string;
  threadOwner?: string;
  isReply?: boolean;
  sameAs?: string[];
  now: number;
}

/**
 * Every field is valid by construction (ids and handles come from checked patterns, text and names
 * are cut to their limits, times are non-negative integers), so the page does not Zod-parse each
 * post: the background parses every post it receives, and a unit test checks extracted posts
 * against PostSchema (as X's extraction).
 */
function finish(el: Element, parts: Parts): ExtractResult {
  const nameScope = parts.author?.link.parentElement ?? null;
  const post: Post = {
    key: postKey('facebook', parts.postId),
    site: 'facebook',
    postId: parts.postId,
    kind: parts.kind,
    url: parts.url,
    authorHandle: parts.author?.handle.slice(0, 120) ?? '',
    authorName: parts.author?.name.slice(0, 300) ?? '',
    authorVerified: nameScope ? queryFirst(nameScope, FB.verified) !== null : false,
    authorProfileUrl: parts.author?.profileUrl,
    text: parts.body.text.slice(0, 40000),
    truncated: parts.body.truncated,
    createdAt: parts.createdAt,
    timeLabels: parts.timeLabels,
    lang: attr(ownFirst(el, FB.lang), 'lang').slice(0, 20) || undefined,
    seenAt: Math.max(0, Math.trunc(parts.now)),
    isReply: parts.isReply ?? false,
    parentPostId: parts.parentPostId,
    replyToHandles: [],
    threadOwner: parts.threadOwner,
    counts: {},
    sameAs: parts.sameAs,
  };
  return { ok: true, post };
}

export function extractFacebook(el: Element, now: number): ExtractResult {
  return isComment(el) ? extractComment(el, now) : extractPost(el, now);
}

/**
 * The key alone, from the permalinks the full read keys on (a comment's own, a post's own or its
 * comments'): author, text and time are read only for mentions. A post without a permalink id is
 * keyed on its content, which only the full read has.
 */
export function peekFacebookKey(el: Element): PeekResult {
  const comment = isComment(el);
  const ids = readIds(el, comment);
  const id = comment ? ids.own?.commentId : (ids.own ?? ids.fromComments)?.postId;
  if (id) return { ok: true, key: postKey('facebook', id) };
  const full = extractFacebook(el, Date.now());
  return full.ok ? { ok: true, key: full.post.key } : { ok: false, reason: full.reason };
}

// ---------------------------------------------------------------- page-level reads

export function readFacebookProfileStats(doc: ParentNode): ProfileStat[] {
  const out = new Map<string, ProfileStat>();
  for (const link of queryAllAny(doc, FB.followersLink)) {
    const url = toUrl(attr(link, 'href'));
    if (!url) continue;
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    const handle = first === 'profile.php' ? (url.searchParams.get('id') ?? '') : first;
    const followers = parseCount(readLine(link));
    // Valid by construction (a handle of 1–120 characters, a count from parseCount): the background
    // parses what the page sends (ProfileStatSchema), so the page does not load that schema.
    if (!handle || handle.length > 120 || followers === undefined || out.has(handle.toLowerCase())) continue;
    out.set(handle.toLowerCase(), { handle, followers });
  }
  return [...out.values()];
}

/** Composed with the site's capabilities in ./index.ts. */
export const facebookReader: SiteReader = {
  site: 'facebook',
  matches: (url) => {
    try {
      return FACEBOOK_HOSTS.test(new URL(url).hostname);
    } catch {
      return false;
    }
  },
  pageKind: (url) => facebookPageKind(url),
  findPostElements: findFacebookElements,
  closestPost: closestFacebookPost,
  extract: extractFacebook,
  threadOwner: threadOwnerOf,
  mentionText: facebookMentionText,
  // Read from the comment's own permalink or the post it sits under, both removed with it.
  threadOwnerOffPage: true,
  // Comments and visitor posts can appear on any Facebook page.
  mayHaveThreads: () => true,
  peekKey: peekFacebookKey,
  countCandidates: (doc) => countAny(doc, FB.candidate),
  authorLineAnchor: (el) => {
    const author = isComment(el) ? findAuthor(el, FB.link) : findAuthor(el, FB.postAuthor);
    if (!author) return null;
    return closestAny(author.link, FB.authorHeading) ?? author.link;
  },
  // Its own menu, not a nested comment's; the fit ignores it unless it sits on the badge's line.
  authorLineEnd: (el) => ownFirst(el, FB.authorLineEnd),
  readProfileStats: readFacebookProfileStats,
  // The feed and its rows (a post, or the feed's own child around one) never show a follower count:
  // those are in a page's header and in hover cards. Asked of every element added or changed (the
  // feed changes whenever a unit is swapped out), so the feed's are answered without a walk.
  mayHoldProfileStats: (el) => !isFeedOrRow(el) && touchesAny(el, FB.followersLink),
  // The feed's rows are not told apart from the page around them: each added element is looked at.
  holdsOnlyRows: () => false,
  brandReply: (el, wanted, now): BrandReply | undefined => {
    // Only a comment by the brand is read whole: the author first (the comment's own read finds the same one).
    if (!isComment(el)) return undefined;
    const author = findAuthor(el, FB.link);
    if (!author || (!wanted.has(author.handle.toLowerCase()) && !wanted.has(author.name.toLowerCase()))) return undefined;
    const result = extractComment(el, now);
    if (!result.ok) return undefined;
    const { authorHandle, postId, createdAt, timeLabels, seenAt } = result.post;
    return timeLabels ? { handle: authorHandle, postId, timeLabels, readAt: seenAt } : { handle: authorHandle, postId, createdAt };
  },
};
