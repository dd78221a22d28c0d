/**
 * Builds Facebook-like pages for end-to-end tests and the demo, modelled on real feed markup:
 * `role="feed"` with posts `div[aria-posinset]` (role=article), the message in
 * `data-ad-rendering-role="story_message"` / `data-ad-preview="message"`, a permalink with the post
 * id, and comments as `role="article"` with a localised "Comment by …" label and a `comment_id`
 * link. Text is escaped.
 */
import { escapeHtml } from './xPage';

export interface FakeComment {
  id: string;
  author: string;
  profile: string;
  text: string;
  age?: string;
}

export interface FakeFbPost {
  id: string;
  page: string; // vanity of the page the post is on
  author: string;
  text: string;
  createdAt: string; // ISO
  comments: FakeComment[];
}

/**
 * Facebook, like X, writes no text between elements (a comment's textContent runs the author's
 * name into the text). The templates below are laid out on lines for reading; this joins them.
 * Only newlines between two tags go: page text is escaped, so it never holds a raw `>` or `<`.
 */
const glued = (html: string): string => html.replace(/>\n</g, '><');

function comment(post: FakeFbPost, c: FakeComment): string {
  const link = `https://www.facebook.com/${escapeHtml(post.page)}/posts/${post.id}?comment_id=${c.id}`;
  return glued(`<li><div role="article" tabindex="-1" aria-label="Comment by ${escapeHtml(c.author)} ${escapeHtml(c.age ?? '2h')}">
<div><a role="link" tabindex="0" href="https://www.facebook.com/${escapeHtml(c.profile)}?comment_id=${c.id}"><span><span dir="auto">${escapeHtml(c.author)}</span></span></a>
<div><span lang="en" dir="auto"><div dir="auto">${escapeHtml(c.text)}</div></span></div></div>
<ul><li><div role="button" tabindex="0">Like</div></li><li><div role="button" tabindex="0">Reply</div></li>
<li><a role="link" href="${link}"><span>${escapeHtml(c.age ?? '2h')}</span></a></li></ul></div></li>`);
}

export function fbPost(p: FakeFbPost, index: number): string {
  const permalink = `https://www.facebook.com/${escapeHtml(p.page)}/posts/${p.id}`;
  return glued(`<div aria-posinset="${index + 1}" aria-setsize="-1" role="article" aria-labelledby="h-${p.id}">
<div><h2 id="h-${p.id}"><span><a role="link" href="https://www.facebook.com/${escapeHtml(p.page)}"><strong><span>${escapeHtml(p.author)}</span></strong></a></span></h2>
<span><a role="link" href="${permalink}" aria-label="${escapeHtml(p.createdAt)}"><span>3h</span></a></span></div>
<div data-ad-comet-preview="message" data-ad-preview="message" data-ad-rendering-role="story_message"><div dir="auto">${escapeHtml(p.text)}</div></div>
<div><div role="button" tabindex="0" aria-label="Like">Like</div><div role="button" tabindex="0" aria-label="Leave a comment">Comment</div></div>
<ul>${p.comments.map((c) => comment(p, c)).join('')}</ul>
<form><div contenteditable="true" role="textbox" aria-label="Write a comment…" spellcheck="true"><p><br></p></div></form>
</div>`);
}

/** Just enough of Facebook's look for demo screenshots; layout only, no behaviour. */
const FB_LOOK = `body{margin:0;background:#f0f2f5;font:15px/20px "Segoe UI",Helvetica,Arial,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#050505}
[role=feed]{width:590px;max-width:calc(100% - 16px);margin:16px auto;display:flex;flex-direction:column;gap:16px}[aria-posinset]{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.2)}
h2{font-size:15px;margin:0}a{color:inherit;text-decoration:none}h2+span a{color:#65676b;font-size:13px}[data-ad-rendering-role=story_message]{margin:8px 0}
[aria-posinset]>div:nth-child(3){display:flex;gap:24px;color:#65676b;border-top:1px solid #ced0d4;border-bottom:1px solid #ced0d4;padding:6px 0}
ul{list-style:none;padding:0;margin:8px 0}li>[role=article]{background:#f0f2f5;border-radius:18px;padding:8px 12px;margin:6px 0;display:inline-block}
li>[role=article] a span{font-weight:600;font-size:13px}li>[role=article] ul{display:flex;gap:12px;font-size:12px;color:#65676b;margin:2px 0 0}
[contenteditable]{background:#f0f2f5;border-radius:18px;padding:8px 12px;color:#65676b}`;

export function fbPage(posts: FakeFbPost[], title = 'Facebook'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${FB_LOOK}</style></head>
<body><div id="mount"><div role="banner"></div><div role="main"><div role="feed">${posts.map(fbPost).join('')}</div></div></div></body></html>`;
}
