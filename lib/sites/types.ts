/**
 * The contract every site adapter fulfils. Adapters only READ the page (and locate, never fill,
 * the reply editor); what they return is parsed with the shared Zod schemas.
 */
import type { BrandReply, PageKind, Post, ProfileStat, Site } from '../schemas';

export type { BrandReply, ProfileStat };

/** Why an element did not yield a post. `pending` = not rendered yet, look again on change. */
export type ExtractFailure = 'pending' | 'notAPost' | 'noId' | 'invalid';

export type ExtractResult = { ok: true; post: Post } | { ok: false; reason: ExtractFailure; detail?: string };

export type PeekResult = { ok: true; key: string } | { ok: false; reason: ExtractFailure };

export interface SiteAdapter {
  readonly site: Site;
  matches(url: string): boolean;
  pageKind(url: string, doc?: Document): PageKind;
  /** Post (and comment) elements under `root`, `root` included, in document order. */
  findPostElements(root: ParentNode): Element[];
  /** The post or comment element containing `node` (itself included), if any. */
  closestPost(node: Element): Element | null;
  /** Reads the element's CURRENT content (X recycles rows): no caching. */
  extract(el: Element, now: number): ExtractResult;
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
   */
  threadOwner(el: Element): string | undefined;
  /** Whether posts on this page can sit in someone's thread at all (asked once per page). */
  mayHaveThreads(url: string): boolean;
  /** Elements that look like posts by structure alone, for the selector self-test. */
  countCandidates(doc: ParentNode): number;
  /** Where an in-page badge goes: next to the author line. */
  authorLineAnchor(el: Element): Element | null;
  /** Follower counts and badges visible in profile headers and hover cards. */
  readProfileStats(doc: ParentNode): ProfileStat[];
  /** Whether a changed element may hold (or sit in) a follower count: only then is the page re-read. */
  mayHoldProfileStats(el: Element): boolean;
  /** Replies by any of `handles` (the brand's own) already visible; `now` resolves relative times. */
  findBrandReplies(doc: ParentNode, handles: readonly string[], now?: number): BrandReply[];
  /** The reply editor for this post if it is already open. */
  replyBoxFor(postEl: Element): HTMLElement | null;
  /** Clicks whatever opens the reply editor; returns the editor once present (null on timeout). */
  openReplyBox(postEl: Element, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<HTMLElement | null>;
  /** The button that sends what is in `editor`, when the site has one. */
  postButtonFor(editor: Element): HTMLElement | null;
}
