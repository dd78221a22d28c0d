/**
 * The contract every site adapter fulfils. Adapters only READ the page (their editor side locates,
 * never fills, the reply editor); what they return is parsed with the shared Zod schemas.
 */
import type { Strategy } from '../editor/strategies';
import type { BrandReply, PageKind, Post, ProfileStat } from '../schemas/posts';
import type { Site } from '../schemas/primitives';

export type { BrandReply, ProfileStat };

/** Why an element did not yield a post. `pending` = not rendered yet, look again on change. */
export type ExtractFailure = 'pending' | 'notAPost' | 'noId' | 'invalid';

export type ExtractResult = { ok: true; post: Post } | { ok: false; reason: ExtractFailure; detail?: string };

export type PeekResult = { ok: true; key: string } | { ok: false; reason: ExtractFailure };

/** What reads a site's pages: posts, keys, threads and profile stats. */
export interface SiteReader {
  readonly site: Site;
  matches(url: string): boolean;
  pageKind(url: string, doc?: Document): PageKind;
  /** Post (and comment) elements under `root`, `root` included, in document order. */
  findPostElements(root: ParentNode): Element[];
  /** The post or comment element containing `node` (itself included), if any. */
  closestPost(node: Element): Element | null;
  /**
   * Reads the element's CURRENT content (X recycles rows): no caching.
   * `peeked`: what `peekKey(el)` answered just now, in the same task (nothing changed the post
   * since): a reader may reuse what the key read found instead of asking the DOM again.
   * `text`: `el.textContent`, read in that same task (a reader may test it instead of the DOM).
   */
  extract(el: Element, now: number, peeked?: PeekResult, text?: string): ExtractResult;
  /**
   * The cheap first look every post gets: only its key (for the page marks). The scanner fully
   * extracts just the posts whose text may mention a brand. Agrees with `extract(el).post.key`.
   */
  peekKey(el: Element): PeekResult;
  /**
   * Whose thread `el` sits in (X: the conversation page's focal author; Facebook: the page, group
   * or profile it lives on, or the author of the post a comment is under); equals
   * `extract(el).post.threadOwner`.
   * A reply there talks to that author without naming them, so the scanner asks this of posts
   * whose text names no brand. Cheap where there is no thread (one check of the page's path).
   * `wanted`: the owners the caller cares about (the brands' handles); any other is answered
   * undefined, and the site may skip what only a wanted owner needs.
   */
  threadOwner(el: Element, wanted?: (handle: string) => boolean): string | undefined;
  /**
   * The part of `text` (`el.textContent`) a mention by this post can be in: at least every word the
   * extraction sends as the post's text. Asked only once the whole text names a brand: a Facebook
   * post holds its comments, and a comment naming the brand is its own mention, not the post's.
   */
  mentionText(el: Element, text: string): string;
  /**
   * Whether `threadOwner` answers from the post and what it sits in alone, so the answer still holds
   * for a post already taken out of the page (Facebook: its permalink, else the post it was removed
   * with). X's needs the conversation page around it.
   */
  threadOwnerOffPage: boolean;
  /** Whether posts on this page can sit in someone's thread at all (asked once per page). */
  mayHaveThreads(url: string): boolean;
  /** Elements that look like posts by structure alone, for the selector self-test. */
  countCandidates(doc: ParentNode): number;
  /** Where an in-page badge goes: next to the author line. */
  authorLineAnchor(el: Element): Element | null;
  /**
   * The site's own controls at the end of the author line (X's post menu), which the badge must
   * not cover; null where there are none.
   */
  authorLineEnd(el: Element): Element | null;
  /** Follower counts and badges visible in profile headers and hover cards. */
  readProfileStats(doc: ParentNode): ProfileStat[];
  /** Whether a changed element may hold (or sit in) a follower count: only then is the page re-read. */
  mayHoldProfileStats(el: Element): boolean;
  /**
   * Whether `el` holds only timeline rows, none of which carries a follower count: elements
   * appended to it need no look each (a flick appends a few dozen rows per frame). False when unsure.
   */
  holdsOnlyRows(el: Element): boolean;
  /**
   * Post element `el` as a reply by one of the brand's handles (`wanted`, from brandHandleSet),
   * else undefined; `now` resolves relative times.
   */
  brandReply(el: Element, wanted: ReadonlySet<string>, now: number): BrandReply | undefined;
}

/** How a site shows that the agent's reply left the page (entrypoints/content/sent.ts asks). */
export interface SentDetection {
  /** A confirmation the site shows under `root` naming the sent reply (X's "Your post was sent" toast). */
  confirmation(root: Element): { replyUrl: string } | undefined;
  /**
   * Whether a post that just appeared is the agent's reply. `sameText`: its text is the reply's;
   * `byBrand`: one of the brand's handles wrote it.
   */
  isOurReply(post: Post, evidence: { sameText: boolean; byBrand: boolean }): boolean;
  /** A URL change that does not leave the post (X's reply modal lives at /compose/…). */
  staysOnPost(fromUrl: string, toUrl: string): boolean;
}

/** Brand replies visible on a page, keyed by the post they answer ("already answered"). */
export interface AnsweredPost {
  key: string;
  replies: BrandReply[];
}

/**
 * Everything Replyline knows about one site: its reader plus the capabilities the rest of the
 * extension asks of it. A site is one folder under lib/sites exporting one of these, listed once
 * in lib/sites/registry.ts (tests/unit/sites/registry.test.ts checks every entry).
 */
export interface SiteAdapter extends SiteReader {
  /** Manifest match patterns of the site's pages (content script, host permissions, tab queries). */
  readonly matchPatterns: readonly string[];
  /**
   * When post element `el` (on the page at `url`, or just removed from it) is a reply by one of the
   * brand's handles, the posts it answers, each with that reply; else nothing.
   */
  answeredBy(el: Element, url: string, wanted: ReadonlySet<string>, now: number): AnsweredPost[];
}

/**
 * What writing a reply asks of a site (lib/sites/<site>/editor.ts). Only the editor script
 * (entrypoints/<site>-editor.ts), which the background injects before the first insertion, loads
 * it: most pages never insert, so their content script does not carry it.
 */
export interface SiteEditor {
  readonly site: Site;
  /** Ways to write into the site's editor, tried in order (lib/editor/insert.ts). */
  readonly insertStrategies: readonly Strategy[];
  readonly sent: SentDetection;
  /** The reply editor for this post if it is already open (here, not in the reader: every page loads that). */
  replyBoxFor(postEl: Element): HTMLElement | null;
  /** Clicks whatever opens the reply editor; returns the editor once present (null on timeout). */
  openReplyBox(postEl: Element, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<HTMLElement | null>;
  /** The button that sends what is in `editor`, when the site has one. */
  postButtonFor(editor: Element): HTMLElement | null;
}

/** A site's reader and its editor side together: what inserting and sent detection use. */
export type EditingAdapter = SiteAdapter & SiteEditor;
