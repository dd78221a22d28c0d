/**
 * Runs the site adapters over the real DOM snapshots in ../shared/data/{x-dom,facebook-dom}
 * (when present) and prints, per file, how many posts were found and what share of them yielded
 * an id, an author, text and a time. Usage: npx tsx scripts/eval-sites.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { facebookAdapter } from '../lib/sites/facebook';
import type { SiteAdapter } from '../lib/sites/types';
import { xAdapter } from '../lib/sites/x';
import { compileMatcher } from '../lib/matching/matcher';
import { settlePostTime } from '../lib/sites/postTime';
import { BrandProfileSchema } from '../lib/schemas/settings';

/**
 * The content script only fully reads posts whose whole textContent matches a brand. Check, on
 * real markup, that this never misses: brand names taken from each post's extracted text must
 * also be found in the element's textContent. (Words only in emoji alt text would be misses.)
 */
function prefilterMisses(text: string, elementText: string): boolean {
  const words = [...new Set(text.match(/[\p{L}][\p{L}\p{N}_'-]{3,19}/gu) ?? [])];
  // The first word included: in real markup the time runs straight into it ("·5hAcme").
  const picked = words.filter((_, i) => i % Math.max(1, Math.floor(words.length / 5)) === 0).slice(0, 5);
  const handles = [...new Set(text.match(/@\w{1,15}/g) ?? [])].slice(0, 3);
  // One brand per word: any single word the exact matcher finds in the text but the page's test
  // misses in the element's text is a lost mention.
  const probes = [...picked.map((name) => ({ names: [name] })), ...handles.map((handle) => ({ handles: [handle] }))];
  return probes.some((lists) => {
    const probe = BrandProfileSchema.parse({ id: 'probe', name: 'probe', ...lists, createdAt: 0, updatedAt: 0 });
    return compileMatcher([probe]).match(text).length > 0 && compileMatcher([probe], { prefilter: true }).match(elementText).length === 0;
  });
}

const DATA = resolve(import.meta.dirname, '../../shared/data');
const SETS: ReadonlyArray<{ dir: string; adapter: SiteAdapter; url: string }> = [
  { dir: 'x-dom', adapter: xAdapter, url: 'https://x.com/home' },
  { dir: 'facebook-dom', adapter: facebookAdapter, url: 'https://www.facebook.com/' },
];

/**
 * Some snapshots are stored as a JSON string literal of the HTML, and one has a comment closed
 * with "-- >", which every HTML parser reads as running to the end of the file: repair it.
 */
function loadHtml(path: string): string {
  const raw = readFileSync(path, 'utf8').replace(/<!--([^>]*?)-- >/g, '<!--$1-->');
  if (raw.trimStart().startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // not JSON after all
    }
  }
  return raw;
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && 'querySelectorAll' in value && 'body' in value;
}

const pct = (n: number, total: number): string => (total === 0 ? '   -' : `${Math.round((100 * n) / total)}%`.padStart(4));

function main(): void {
  if (!existsSync(DATA)) {
    console.log(`skipped: ${DATA} is absent`);
    return;
  }
  const now = Date.now();
  for (const { dir, adapter, url } of SETS) {
    const folder = join(DATA, dir);
    if (!existsSync(folder)) {
      console.log(`skipped: ${folder} is absent`);
      continue;
    }
    console.log(`\n${dir}  (elements / posts ok / failures | id author text time)`);
    const totals = { elements: 0, ok: 0, failed: 0, id: 0, author: 0, text: 0, time: 0 };
    let peekDisagrees = 0;
    let ownerDisagrees = 0;
    /** Context the queue shows: quotes (whose ids X mostly omits) and whose thread a comment is in. */
    const context = { quotes: 0, quoteIds: 0, comments: 0, commentOwners: 0, unstableIds: 0, unstableNamed: 0 };
    let prefilterMissed = 0;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.html')).sort()) {
      const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true } });
      window.document.body.innerHTML = loadHtml(join(folder, file));
      // happy-dom's Document implements the DOM interface the adapters take.
      const doc: unknown = window.document;
      if (!isDocument(doc)) continue;
      const elements = adapter.findPostElements(doc.body);
      const row = { elements: elements.length, ok: 0, failed: 0, id: 0, author: 0, text: 0, time: 0 };
      const reasons = new Map<string, number>();
      for (const el of elements) {
        const result = adapter.extract(el, now);
        const peek = adapter.peekKey(el);
        if (peek.ok !== result.ok || (peek.ok && result.ok && peek.key !== result.post.key)) peekDisagrees += 1;
        // The page tests the whole text, then the part a mention can be in (a post's own, not its comments').
        if (result.ok && prefilterMisses(result.post.text, adapter.mentionText(el, el.textContent ?? ''))) prefilterMissed += 1;
        // The scanner asks threadOwner of posts that name no brand: it must say what extraction says.
        if (result.ok && adapter.threadOwner(el) !== result.post.threadOwner) ownerDisagrees += 1;
        if (!result.ok) {
          row.failed += 1;
          reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
          continue;
        }
        const { post } = result;
        row.ok += 1;
        if (post.quotedAuthorHandle || post.quotedText) context.quotes += 1;
        if (post.quotedPostId) context.quoteIds += 1;
        if (post.kind === 'comment') context.comments += 1;
        if (post.kind === 'comment' && post.threadOwner) context.commentOwners += 1;
        // pfbid permalinks change between page loads: such posts must name a key that does not.
        if (post.postId.startsWith('pfbid')) context.unstableIds += 1;
        if (post.postId.startsWith('pfbid') && post.sameAs?.length) context.unstableNamed += 1;
        if (post.postId) row.id += 1;
        if (post.authorHandle || post.authorName) row.author += 1;
        if (post.text) row.text += 1;
        // Dated as the background dates it (a Facebook label becomes a time there).
        if (settlePostTime(post).createdAt !== undefined) row.time += 1;
      }
      totals.elements += row.elements;
      totals.ok += row.ok;
      totals.failed += row.failed;
      totals.id += row.id;
      totals.author += row.author;
      totals.text += row.text;
      totals.time += row.time;
      const why = [...reasons].map(([r, n]) => `${r}×${n}`).join(' ');
      console.log(
        `${file.slice(0, 58).padEnd(58)} ${String(row.elements).padStart(3)} / ${String(row.ok).padStart(3)} / ${String(row.failed).padStart(2)} | ${pct(row.id, row.ok)} ${pct(row.author, row.ok)} ${pct(row.text, row.ok)} ${pct(row.time, row.ok)}  candidates=${adapter.countCandidates(doc)} ${why}`,
      );
      void window.happyDOM.close();
    }
    console.log(
      `${'TOTAL'.padEnd(58)} ${String(totals.elements).padStart(3)} / ${String(totals.ok).padStart(3)} / ${String(totals.failed).padStart(2)} | ${pct(totals.id, totals.ok)} ${pct(totals.author, totals.ok)} ${pct(totals.text, totals.ok)} ${pct(totals.time, totals.ok)}`,
    );
    console.log(`cheap key (peekKey) disagrees with full extraction: ${peekDisagrees} of ${totals.elements}; thread owner disagrees: ${ownerDisagrees} of ${totals.ok}; brand pre-filter misses: ${prefilterMissed} of ${totals.ok}`);
    console.log(`quotes read (author or text): ${context.quotes}, of which with the quoted id: ${context.quoteIds}; comments with a thread owner: ${context.commentOwners} of ${context.comments}; pfbid posts naming a stable key: ${context.unstableNamed} of ${context.unstableIds}`);
  }
}

main();
