/**
 * Every selector the X adapter uses, each list ordered: test id → role/aria → structure.
 * Never generated class names (`css-…`, `r-…`): they change with every X deploy.
 * Observed in public snapshots 2021–2026 (see ../shared/data/SOURCES.md) and our fixtures.
 */
export const X = {
  /** Timeline row; X recycles these (virtualised list), so content may be swapped in place. */
  cell: ['[data-testid="cellInnerDiv"]'],
  /** One post. 2021–2026 all carry `data-testid="tweet"`; the fallback keeps working if the id is renamed. */
  post: ['article[data-testid="tweet"]', '[data-testid="cellInnerDiv"] article[role="article"]'],
  /** Structural look-alikes for the self-test: any article in the main column. */
  candidate: ['[data-testid="primaryColumn"] article', 'main article', '[data-testid="cellInnerDiv"] article', 'article[role="article"]'],
  /** Author line: `User-Name` since 2023-ish; `User-Names` in 2023 snapshots. */
  userName: ['[data-testid="User-Name"]', '[data-testid="User-Names"]'],
  /**
   * X's own "More" (···) post menu at the end of the author row, in every snapshot 2021–2026. The
   * badge must leave it clickable, and with it the column it sits in: since 2025 that column also
   * holds the "Grok actions" button, which has no test id (its label is English-only).
   */
  authorLineEnd: ['[data-testid="caret"]'],
  /** Post body; before 2022 it was a bare `div[lang][dir=auto]`. */
  text: ['[data-testid="tweetText"]', 'div[lang][dir="auto"]'],
  /** Long posts are cut with a "Show more" link. */
  showMore: ['[data-testid="tweet-text-show-more-link"]'],
  /** Blue/gold/grey check; the aria-label is English-only so it is the second choice. */
  verified: ['[data-testid="icon-verified"]', 'svg[aria-label="Verified account"]', '[aria-label="Verified account"]'],
  /** "X reposted", "Pinned", "X liked": the line above the author. */
  socialContext: ['[data-testid="socialContext"]'],
  /** The post's own timestamp; its wrapping link is the permalink. */
  time: ['time[datetime]', 'time'],
  /** A quoted post is a focusable `div[role=link]` inside the article (never an `<a>`). */
  quote: ['div[role="link"][tabindex]', 'div[role="link"]'],
  /** Action bar buttons; the aria-label carries the count ("12 Replies. Reply"). */
  replyButton: ['[data-testid="reply"]'],
  repostButton: ['[data-testid="retweet"]', '[data-testid="unretweet"]'],
  likeButton: ['[data-testid="like"]', '[data-testid="unlike"]'],
  /** The action bar around the buttons above, in every snapshot 2021–2026 (its label is localised). */
  actionBar: ['[role="group"]'],
  /** Draft.js reply editor (2026-02 logged-in snapshot), inline or in the reply modal. */
  replyEditor: [
    'div[contenteditable="true"][role="textbox"][data-testid="tweetTextarea_0"]',
    '[data-testid="tweetTextarea_0RichTextInputContainer"] [contenteditable="true"]',
    '.DraftEditor-root [contenteditable="true"][role="textbox"]',
  ],
  /** Send button: inline under a conversation, `tweetButton` in the modal. */
  postButton: ['[data-testid="tweetButtonInline"]', '[data-testid="tweetButton"]'],
  /** The reply modal. */
  dialog: ['[role="dialog"]'],
  /** Profile hover card. */
  hoverCard: ['[data-testid="HoverCard"]', '[data-testid="hoverCardParent"]'],
  /** Profile header name block (`UserName`, no hyphen, unlike a post's `User-Name`). */
  profileName: ['[data-testid="UserName"]'],
  /** Follower count link; since 2023 the header links to /verified_followers. */
  followersLink: ['a[href$="/verified_followers"]', 'a[href$="/followers"]'],
  /** The timeline column. */
  primaryColumn: ['[data-testid="primaryColumn"]', 'main[role="main"]', 'main'],
  /** Any link: permalinks (around the time), profile links, "Replying to @…" and reposter links. */
  link: ['a[href]'],
  /** Status links: a post's permalink and its analytics/photo sub-pages, or a quoted post's link. */
  statusLink: ['a[href*="/status/"]'],
  /**
   * Author-line pieces, one of which shows the "@handle" text: a span in every snapshot 2021–2026,
   * then divs and the link. Searched in this order, so a wrapper whose text runs the handle into
   * the time ("@acme3h") is never read before the span inside it.
   */
  handleText: ['span', 'div', 'a'],
  /** Bidi text blocks (`dir="auto"/"ltr"`): the display name is the first that is not the handle. */
  textBlock: ['[dir]'],
  /**
   * A section heading between timeline rows ("Discover more" under a conversation, an `h2
   * role=heading` row): posts after it are suggestions, not replies. Any such row ends the thread,
   * whatever its (localised) words: missing a reply that names no brand is safer than queueing
   * suggestions. Headings inside posts (cards) do not count; the caller checks.
   */
  sectionHeading: ['[data-testid="cellInnerDiv"] h2', '[data-testid="cellInnerDiv"] [role="heading"]'],
  /** The post element by tag, for climbing from a part of it (the focal post's time). */
  article: ['article'],
  /**
   * The nearest quote or post around a time, for the cheap key read. Every `quote` selector is a
   * `div[role="link"]` and every `post` one an `article`, so this finds the same element as the two
   * lists joined, testing two simple selectors per ancestor instead of four (one with a descendant
   * combinator).
   */
  quoteOrPost: ['div[role="link"]', 'article'],
  /** "Your post was sent. View": the toast (role=alert where the test id is missing); the link is the reply. */
  sentToast: ['[data-testid="toast"]', '[role="alert"]'],
} as const;

/**
 * Tag names the hot paths compare with `localName` instead of matching a selector (no native call):
 * every `X.post` selector is an `article`, X's post time is a `time`, and its permalink wraps the
 * time directly in an `a`. If X changes one, the cheap path misses and the selector path answers.
 */
export const X_TAG = { post: 'article', time: 'time', permalink: 'a' } as const;
/** The action buttons' `aria-label` ("12 Replies. Reply") holds the count even where no number is drawn. */
export const X_ATTR = { count: 'aria-label' } as const;


/**
 * The quote and the parts most posts lack (socialContext, "Show more"), one selector per part, for
 * the plain post's "none of them here" test; the verified mark is looked for in the author line
 * only (X_VERIFIED_PROBES), where the full extraction reads it. Each `X.quote`, `X.socialContext`,
 * `X.showMore` and `X.verified` selector matches only elements one of these matches
 * (`div[role="link"][tabindex]` is a `div[role="link"]`, the `svg[aria-label]` a `[aria-label]`):
 * xPlain.test.ts checks that every part is caught. Asked one by one, not as one selector list:
 * Chromium walks a post for a list of attribute selectors at 1.5–2× the cost of the same selectors
 * asked separately (measured in an isolated world on the bench markup).
 */
export const X_NOT_PLAIN_PROBES = [X.quote[1], X.socialContext[0], X.showMore[0]] as const;
export const X_VERIFIED_PROBES = [X.verified[0], X.verified[2]] as const;

/** The focal post's own time, found by its permalink on a conversation page (`…/status/<id>`). */
export function xFocalTime(statusId: string): string {
  return `a[href$="/status/${statusId}"] time`;
}

/**
 * The author's visible profile link, for markup without an author line (pre-2023): the avatar
 * link is `aria-hidden`, the name link is not. Callers pass a handle of [A-Za-z0-9_] only.
 */
export function xProfileLink(handle: string): string {
  return `a[role="link"][href="/${handle}"]:not([aria-hidden="true"])`;
}
