/**
 * A real X timeline post as the stream's row template: the bench's own rows (xPage.ts) hold about
 * 35 elements, X's hold 120–220, and every walk of a post (ours and the floor's) grows with them.
 * Read from ../shared/data at run time, never copied into the repository; undefined without it.
 * The page clones it per row and swaps in the row's author, id, time and text (streamPage.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A timeline row (time inside the author line), not a focal post; 2024-10 markup, the newest such snapshot. */
const SNAPSHOT = resolve(import.meta.dirname, '../../../../shared/data/x-dom/mnemosyne-2024-10-tweet.html');

export interface RealRowTemplate {
  /** The article's HTML, whitespace between tags removed (X renders none). */
  html: string;
  /** The author handle, status id and display name the page replaces in each clone. */
  handle: string;
  id: string;
  name: string;
  source: string;
}

export function realRowTemplate(): RealRowTemplate | undefined {
  if (!existsSync(SNAPSHOT)) return undefined;
  const page = readFileSync(SNAPSHOT, 'utf8');
  const at = page.indexOf('data-testid="tweet"');
  const start = page.lastIndexOf('<article', at);
  const end = page.indexOf('</article>', at);
  if (at < 0 || start < 0 || end < 0) return undefined;
  const html = page
    .slice(start, end + '</article>'.length)
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .replace(/ >/g, '>')
    // Most customers are not verified: a verified mark sends every post down the full extraction.
    .replace(/<svg[^>]*data-testid="icon-verified"[^>]*>.*?<\/svg>/s, '')
    // Each row gets a short text of its own: no "Show more" link under it.
    .replace(/<a [^>]*data-testid="tweet-text-show-more-link".*?<\/a>/s, '');
  const status = /href="\/(\w{1,15})\/status\/(\d+)"/.exec(html);
  // The display name: the first text of the author line.
  const name = /data-testid="User-Name".*?>([^<>]+)</.exec(html);
  if (!status?.[1] || !status[2] || !name?.[1]) return undefined;
  return { html, handle: status[1], id: status[2], name: name[1], source: 'mnemosyne-2024-10-tweet.html' };
}
