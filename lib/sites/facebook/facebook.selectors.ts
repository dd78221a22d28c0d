/**
 * Every selector the Facebook adapter uses, each list ordered: data attribute → role/aria →
 * structure. Never the atomic class names (`x1…`, and the 2020–21 `du4w35lb` kind): they rotate.
 * Sources: public 2020–21 snapshots and the facts in ../shared/data/SOURCES.md (2025–26 tools).
 */
/**
 * A feed unit, the post Facebook lists with its comments inside (`aria-posinset`, 2020–2026): the
 * first post selector, and what the feed adds one at a time, so the adapter asks it of each added
 * element before any query.
 */
const FEED_UNIT = 'div[aria-posinset]';

export const FB = {
  /** The news feed list. */
  feed: ['[role="feed"]'],
  /**
   * Feed posts: `aria-posinset` (2020–2026); some accounts only get `aria-describedby`; some
   * views render `role=feed > role=article`. The first selector that matches anything wins.
   */
  post: [
    FEED_UNIT,
    '[role="feed"] div[aria-describedby][aria-labelledby]',
    '[role="feed"] > [role="article"]',
    '[role="feed"] > div > [role="article"]',
  ],
  feedUnit: [FEED_UNIT],
  /** Post body text: 2025–26 `story_message`; older `data-ad-comet-preview` / `data-ad-preview`. */
  message: [
    '[data-ad-rendering-role="story_message"]',
    '[data-ad-comet-preview="message"]',
    '[data-ad-preview="message"]',
  ],
  /** Comments and replies are articles (aria-label "Comment by …", localised: never parsed for the author). */
  comment: ['[role="article"]'],
  /** Links that carry a comment id. */
  commentLink: ['a[href*="comment_id="]'],
  /**
   * Every link that can name a post without a comment (ids.ts: `/posts/`, `/permalink/`,
   * `/videos/`, `/reel/`, `story_fbid=`/`fbid=`, `v=`, a `pfbid…` path), and some that cannot: a
   * post's key is read from these alone, not from every author, hashtag and comment link it holds.
   * facebookLinks.test.ts checks that no link parsed as a post's is left out. Parameter names are
   * matched as Facebook writes them, never escaped (`comment%5Fid`), here and in `commentLink`.
   */
  postLink: ['a[href*="/posts/"]', 'a[href*="/permalink"]', 'a[href*="/videos/"]', 'a[href*="/reel/"]', 'a[href*="fbid="]', 'a[href*="v="]', 'a[href*="pfbid"]'],
  /** "View more comments" opens the post in a dialog. */
  dialog: ['div[role="dialog"]'],
  /**
   * Post author: the 2025–26 `profile_name` block, then the profile link in the post header
   * (heading or bold name).
   */
  postAuthor: ['[data-ad-rendering-role="profile_name"] a[href]', 'h2 a[href]', 'h3 a[href]', 'h4 a[href]', 'strong a[href]', 'a[href] strong'],
  /** The post's language as Facebook marks it (a `lang` attribute on the text block, when there is one). */
  lang: ['[lang]'],
  /** Comment text: the localised `lang` block (2021), then the text-align block (2024+). */
  commentText: ['span[lang][dir="auto"]', 'div[dir="auto"][style*="text-align"]', 'div[dir="auto"]'],
  /**
   * The post's own "…" menu ("Actions for this post"; on a comment "Hide or report this"): the
   * badge in the author line must leave it clickable. Labels are localised, so matched by role and
   * popup; the first one of a post comes in its header, before any "Most relevant" sort menu.
   */
  authorLineEnd: ['[role="button"][aria-haspopup="menu"]'],
  /** Timestamps: `abbr[data-utime]` (classic), `time[datetime]` when present. */
  utime: ['abbr[data-utime]'],
  time: ['time[datetime]'],
  /** "See more" inside a message is a role=button; its presence means the text is cut. */
  inlineButton: ['[role="button"]'],
  /** Comment composer: a contenteditable textbox (Lexical), 2021 outline editor as fallback. */
  editor: [
    'div[contenteditable="true"][role="textbox"]',
    '[role="textbox"][contenteditable]',
    'form [role="textbox"]',
  ],
  /** The post's "Comment" action; the data attribute is 2024+, the labels are localised fallbacks. */
  commentButton: [
    '[data-ad-rendering-role="comment_button"]',
    '[role="button"][aria-label="Leave a comment"]',
    '[role="button"][aria-label="Comment"]',
    '[role="button"][aria-label="Оставьте комментарий"]',
    '[role="button"][aria-label="Комментировать"]',
    '[role="button"][aria-label="发表评论"]',
    '[role="button"][aria-label="评论"]',
  ],
  /**
   * What the Comment action says when it carries no label or data attribute (2025 post pages):
   * matched against a button's whole text, never a part of it ("3 comments" is the count).
   */
  commentButtonText: ['Comment', 'Leave a comment', 'Комментировать', 'Комментарий', '评论', '发表评论', '留言'],
  /**
   * A comment's own Reply action: a role=button inside the comment's action list with no label,
   * only its localised text (2021 snapshots and 2025 pages alike), matched against the whole text.
   * Clicking it opens a composer in that comment's thread, which notifies the commenter; the post's
   * own comment box would not.
   */
  commentReplyText: ['Reply', 'Ответить', '回复', '回覆', '答复'],
  /**
   * The thread a comment and its replies share: the list item around the comment article, whose
   * nested list holds the replies (2021 snapshots: li > … > article + ul of replies). Facebook opens
   * the reply composer inside it; a reply's Reply opens the composer of its parent's thread.
   */
  commentThread: ['li'],
  /** Send button next to the composer (newer layouts); Enter sends when there is none. */
  submit: ['#focused-state-composer-submit', 'form [type="submit"]', '[role="button"][aria-label="Comment"]'],
  /** Verified badge on names. */
  verified: ['[aria-label="Verified account"]', '[aria-label="Verified Account"]', '[aria-label="Verified"]'],
  /** Page/profile follower count link. */
  followersLink: ['a[href$="/followers"]', 'a[href$="/followers/"]', 'a[href*="sk=followers"]'],
  /** Structural look-alikes for the self-test. */
  candidate: ['div[aria-posinset]', '[role="feed"] > [role="article"]', '[role="article"]'],
  /** Any link: authors, permalinks and comment links are plain anchors with an href. */
  link: ['a[href]'],
  /** What wraps a post author's name link (heading levels vary by view; comments use bold). */
  authorHeading: ['h2, h3, h4, strong'],
  /** The comment composer's form, when the layout has one. */
  form: ['form'],
} as const;

/**
 * Tag names compared with `tagName` instead of matching a selector: a node that is itself a link is
 * its own `FB.link` (no climb), and the walk up from a comment stops at the document's own roots.
 */
export const FB_TAG = { link: 'A' } as const;
/**
 * Attributes read off matched elements: `data-utime` (epoch seconds on the 2020–21 `abbr`),
 * `aria-hidden` on the duplicate avatar link beside the author's name (skipped: it has no name),
 * and the permalink's `aria-label`, whose localised words are the post's age when no timestamp is there;
 * `aria-posinset`, a feed unit's place in the feed (ARIA's feed pattern), which a comment never has.
 */
export const FB_ATTR = { utime: 'data-utime', hidden: 'aria-hidden', label: 'aria-label', feedPosition: 'aria-posinset' } as const;
export const FB_STOP_TAGS: ReadonlySet<string> = new Set(['BODY', 'HTML']);
