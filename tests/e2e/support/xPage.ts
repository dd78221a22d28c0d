/**
 * Builds X-like pages for end-to-end tests, modelled on real 2024–2025 markup: timeline rows
 * (`cellInnerDiv`) holding `article[data-testid="tweet"]` with `User-Name`, `tweetText`, a
 * `/status/<id>` link around `time[datetime]` and the reply/repost/like buttons. Text is escaped:
 * hostile payloads appear on the page as text, as they do on X.
 */
import type { Page } from '@playwright/test';

export interface FakeTweet {
  id: string;
  handle: string;
  name: string;
  text: string;
  createdAt: string; // ISO
  replies?: number;
  /** Handles on the "Replying to" line above the text (X leaves them out of the text itself). */
  replyTo?: string[];
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** X's "Replying to @a and @b" line (2024 markup: each handle a profile link in its own div). */
function replyingTo(handles: string[]): string {
  if (handles.length === 0) return '';
  const links = handles.map((h) => `<div><a dir="ltr" href="/${escapeHtml(h)}" role="link"><span>@${escapeHtml(h)}</span></a></div>`);
  return `<div dir="ltr">Replying to ${links.join(' <span>and</span> ')}</div>`;
}

/**
 * X's controls at the end of the author row, in a column of their own beside it (2025 markup): the
 * "Grok actions" button and the "More" (···) post menu, `data-testid="caret"`.
 */
const ROW_END = [
  '<div><div><button aria-label="Grok actions" role="button" type="button"><svg viewBox="0 0 33 32" aria-hidden="true"></svg></button>',
  '<button aria-expanded="false" aria-haspopup="menu" aria-label="More" role="button" data-testid="caret" type="button"><svg viewBox="0 0 24 24" aria-hidden="true"></svg></button></div></div>',
].join('');

/**
 * One post as X renders it. No text between elements, as in X's markup: a post's textContent runs
 * its parts together ("@jane·1hAcme lost…"), which page code must cope with.
 */
export function tweetArticle(t: FakeTweet): string {
  const h = escapeHtml(t.handle);
  const replies = t.replies ?? 0;
  return [
    '<article role="article" tabindex="-1" data-testid="tweet"><div>',
    `<div data-testid="Tweet-User-Avatar"><a href="/${h}" role="link"><img alt="" src="data:,"></a></div>`,
    `<div><div><div><div data-testid="User-Name"><div><a href="/${h}" role="link"><div dir="ltr"><span><span>${escapeHtml(t.name)}</span></span></div></a></div>`,
    `<div><a href="/${h}" role="link" tabindex="-1"><div dir="ltr"><span>@${h}</span></div></a><div dir="ltr"><span>·</span></div>`,
    `<div><a href="/${h}/status/${t.id}" aria-label="${escapeHtml(t.createdAt)}" role="link"><time datetime="${t.createdAt}">1h</time></a></div></div></div></div>${ROW_END}</div>`,
    replyingTo(t.replyTo ?? []),
    `<div dir="auto" lang="en" data-testid="tweetText"><span>${escapeHtml(t.text)}</span></div>`,
    `<div role="group" aria-label="${replies} replies"><button aria-label="${replies} Replies. Reply" role="button" data-testid="reply" type="button"><span>${replies}</span></button>`,
    '<button aria-label="0 reposts. Repost" role="button" data-testid="retweet" type="button"></button><button aria-label="0 Likes. Like" role="button" data-testid="like" type="button"></button></div>',
    '</div></div></article>',
  ].join('');
}

export function tweetCell(t: FakeTweet): string {
  return `<div data-testid="cellInnerDiv" style="position:relative">${tweetArticle(t)}</div>`;
}

/** Just enough of X's look for demo screenshots; layout only, no behaviour. */
const X_LOOK = `body{margin:0;font:15px/20px -apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#0f1419;background:#fff}
main{display:flex;justify-content:center}[data-testid=primaryColumn]{width:600px;max-width:100%;min-width:0;border-left:1px solid #eff3f4;border-right:1px solid #eff3f4}
h1{font-size:20px;padding:12px 16px;margin:0;border-bottom:1px solid #eff3f4}[data-testid=sidebarColumn]{width:350px}
article{padding:12px 16px;border-bottom:1px solid #eff3f4}article>div{display:flex;gap:12px}article>div>div+div{flex:1;min-width:0}[data-testid=Tweet-User-Avatar] img{width:40px;height:40px;border-radius:50%;background:#cfd9de}
a{color:inherit;text-decoration:none}[data-testid=User-Name]{display:flex;gap:4px;align-items:baseline;min-width:0}[data-testid=User-Name]>div{display:flex;gap:4px;min-width:0}
[data-testid=User-Name] a{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}@media (max-width:960px){[data-testid=sidebarColumn]{display:none}}
[data-testid=User-Name] span{font-weight:700}[data-testid=User-Name]>div+div span,[data-testid=User-Name] time{font-weight:400;color:#536471}
article>div>div+div>div:first-child{display:flex;gap:8px;align-items:start}article>div>div+div>div:first-child>div:first-child{flex:1;min-width:0}
article>div>div+div>div:first-child>div+div>div{display:flex}[data-testid=caret],[aria-label="Grok actions"]{width:34px;height:20px;border:0;padding:0;background:none}
[data-testid=tweetText]{margin:2px 0 8px;white-space:pre-wrap}[role=group]{display:flex;gap:48px}[role=group] button{border:0;background:none;color:#536471;min-width:20px;min-height:16px}`;

/** A page shell like x.com: primary column with a timeline; `script` runs as the site's own code. */
export function xPage(tweets: FakeTweet[], script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X</title><style>${X_LOOK}</style></head>
<body><div id="react-root"><main role="main"><div data-testid="primaryColumn"><section role="region"><h1>Your Home Timeline</h1>
<div aria-label="Timeline: Your Home Timeline"><div id="timeline">${tweets.map(tweetCell).join('\n')}</div></div></section></div>
<div data-testid="sidebarColumn"></div></main></div>
<script>${script}</script></body></html>`;
}

export function makeTweets(count: number, mention: (i: number) => string, base = 1750000000000000000n): FakeTweet[] {
  return Array.from({ length: count }, (_, i) => {
    return {
      id: String(base + BigInt(i)),
      handle: `customer_${i}`,
      name: `Customer ${i}`,
      text: mention(i),
      createdAt: new Date(Date.UTC(2026, 10, 23, 9, 0, 0) - i * 60_000).toISOString(),
      replies: i % 3,
    };
  });
}

// ---------------------------------------------------------------- badges (closed shadow roots)

/** The subset of a CDP DOM node these helpers read. */
interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface BadgeInfo {
  /** `data-replyline-post` of the post element holding the badge. */
  postKey: string | undefined;
  /** The badge's visible text (score, term, buttons), concatenated. */
  text: string;
  /** Element names inside the shadow root (proves page text never became markup). */
  tags: string[];
  buttons: { label: string; backendNodeId: number }[];
}

function attrOf(node: CdpNode, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join('');
}

function elementsOf(node: CdpNode, out: CdpNode[] = []): CdpNode[] {
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    if (child.nodeType === 1) out.push(child);
    elementsOf(child, out);
  }
  return out;
}

/**
 * Every Replyline badge in the page, read through CDP: the badge lives in a CLOSED shadow root,
 * which neither page scripts nor Playwright locators can enter (that is the point of it).
 */
export async function readBadges(page: Page): Promise<BadgeInfo[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const out: BadgeInfo[] = [];
    const walk = (node: CdpNode, postKey: string | undefined) => {
      const key = attrOf(node, 'data-replyline-post') ?? postKey;
      if (node.nodeName === 'REPLYLINE-BADGE') {
        const inside = (node.shadowRoots ?? []).flatMap((r) => elementsOf(r));
        out.push({
          postKey: key,
          text: (node.shadowRoots ?? []).map(textOf).join(''),
          tags: inside.map((el) => el.nodeName.toLowerCase()),
          buttons: inside.filter((el) => el.nodeName === 'BUTTON').map((el) => ({ label: textOf(el), backendNodeId: el.backendNodeId })),
        });
      }
      for (const child of node.children ?? []) walk(child, key);
    };
    walk(root, undefined);
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Clicks a badge button like a user would: real mouse events at the button's position. */
export async function clickBadgeButton(page: Page, postKey: string, label: string | RegExp): Promise<void> {
  const badge = (await readBadges(page)).find((b) => b.postKey === postKey);
  const button = badge?.buttons.find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!button) throw new Error(`no badge button ${String(label)} on ${postKey}: ${JSON.stringify(badge)}`);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId });
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}
