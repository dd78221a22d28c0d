/**
 * Reads what a person sees in a piece of page markup as plain text. Only node values and attributes
 * are read (markup is never parsed), so hostile markup-looking text in a post stays inert text.
 */
import { isElement, type SelectorChain } from './query';

export interface ReadTextOptions {
  /** Elements (and their subtrees) to leave out, e.g. "Show more" buttons or nested quotes. */
  skip?: SelectorChain;
  /**
   * Normal flow (Facebook): newlines inside text nodes are spaces and block elements break lines.
   * Default is X's `pre-wrap` tweetText: text-node newlines are the author's, divs are inline.
   */
  collapseNewlines?: boolean;
}

/** Elements after which a reader sees a line break (Facebook splits paragraphs into divs). */
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE']);
const IGNORED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'VIDEO', 'AUDIO', 'BUTTON']);
const ELLIPSIS = /[…]$|\.\.\.$/;
const URLISH = /^(https?:\/\/|www\.)/i;

/**
 * Text of `root` with emoji images as their `alt`, `<br>`/blocks as newlines and shortened link
 * labels expanded (X renders `https://` and the tail of a URL in aria-hidden spans, then "…").
 */
export function readText(root: Element, options: ReadTextOptions = {}): string {
  return normaliseWhitespace(plainText(root, options) ?? walkedText(root, options));
}

/** The node walk alone (what `readText` falls back to); exported so tests can compare both paths. */
export function walkedText(root: Element, options: ReadTextOptions = {}, maxNodes = MAX_WALK_NODES): string {
  const parts: string[] = [];
  walk(root, parts, options, maxNodes);
  return parts.join('');
}

/**
 * Nodes one read visits at most. A real post has a few hundred; hostile markup can have millions,
 * and the text past this point is not worth a frozen page (what was read so far is kept).
 */
export const MAX_WALK_NODES = 50_000;

/** Descendants the walk treats differently from `textContent` (links: see `onlyPlainLinks`). */
const SPECIAL_BUT_LINKS = 'img, br, script, style, noscript, template, svg, video, audio, button, [aria-hidden="true"]';
const SPECIAL = `a, ${SPECIAL_BUT_LINKS}`;
const BLOCKS = 'div, p, li, ul, ol, h1, h2, h3, h4, h5, h6, blockquote';
/** The special-descendant queries per option set (with and without links), built once (skip chains are module constants). */
const specialSelectors = new WeakMap<SelectorChain, { plain: [string, string]; links: [string, string] }>();
const NO_SKIP: SelectorChain = [];

function specialSelector(options: ReadTextOptions, allowLinks = false): string {
  const skip = options.skip ?? NO_SKIP;
  let set = specialSelectors.get(skip);
  if (!set) {
    const tail = skip.length > 0 ? `, ${skip.join(', ')}` : '';
    set = {
      plain: [`${SPECIAL}${tail}`, `${SPECIAL}, ${BLOCKS}${tail}`],
      links: [`${SPECIAL_BUT_LINKS}${tail}`, `${SPECIAL_BUT_LINKS}, ${BLOCKS}${tail}`],
    };
    specialSelectors.set(skip, set);
  }
  const pair = allowLinks ? set.links : set.plain;
  return options.collapseNewlines ? pair[1] : pair[0];
}

/**
 * Whether every special descendant is a link the walk reads as its own text (`linkText`: no URL in
 * its title or label, as for an @mention or a #hashtag): then `textContent` says what the walk
 * says. Every X mention has such a link, and the walk costs a few native calls per node.
 */
function onlyPlainLinks(root: Element, options: ReadTextOptions): boolean {
  if (root.querySelector(specialSelector(options, true)) !== null) return false;
  for (const link of root.querySelectorAll('a')) {
    if (URLISH.test(link.getAttribute('title')?.trim() ?? '')) return false;
    if (URLISH.test((link.textContent ?? '').replace(/\s+/g, ' ').trim())) return false;
  }
  return true;
}

/**
 * Most post texts and names are plain spans: one native query proves it, and then `textContent`
 * (no per-node wrappers, no recursion) says exactly what the walk would. Undefined = walk.
 */
function plainText(root: Element, options: ReadTextOptions): string | undefined {
  const tag = root.tagName.toUpperCase();
  if (IGNORED_TAGS.has(tag) || tag === 'BR' || tag === 'IMG' || root.getAttribute('aria-hidden') === 'true') return undefined;
  try {
    if (root.querySelector(specialSelector(options)) !== null && !onlyPlainLinks(root, options)) return undefined;
  } catch {
    return undefined; // a skip selector this engine rejects: the walk matches one by one
  }
  const text = root.textContent ?? '';
  return options.collapseNewlines ? text.replace(/\s+/g, ' ') : text;
}

/** The walk's work list: a node to read, text to add once a block closes, or a link to finish. */
type Step = { node: Node; isRoot: boolean } | { text: string } | { link: Element; from: number };

/**
 * Depth-first, in document order, with its own stack: markup nested tens of thousands of levels
 * deep overflowed the call stack of a recursive walk (and took every later post with it).
 */
function walk(root: Node, parts: string[], options: ReadTextOptions, maxNodes: number): void {
  const stack: Step[] = [{ node: root, isRoot: true }];
  let budget = maxNodes;
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ('text' in step) parts.push(step.text);
    else if ('link' in step) parts.push(linkText(step.link, parts.splice(step.from)));
    else if (budget > 0) {
      budget -= 1;
      visit(step.node, step.isRoot, parts, options, stack);
    }
  }
}

/** Reads one node; its children go on the stack (last first, so they come off in order). */
function visit(node: Node, isRoot: boolean, parts: string[], options: ReadTextOptions, stack: Step[]): void {
  if (node.nodeType === 3) {
    const value = node.nodeValue ?? '';
    parts.push(options.collapseNewlines ? value.replace(/\s+/g, ' ') : value);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName.toUpperCase();
  if (IGNORED_TAGS.has(tag)) return;
  if (!isRoot && options.skip && skipped(node, options.skip)) return;
  if (tag === 'BR') {
    parts.push('\n');
    return;
  }
  if (tag === 'IMG') {
    // Emoji and custom emoji are images whose alt is the character itself.
    parts.push(node.getAttribute('alt') ?? '');
    return;
  }
  if (tag === 'A' && !isRoot) {
    stack.push({ link: node, from: parts.length });
  } else {
    if (isTrailingLinkEllipsis(node)) return;
    // X lays out mentions and links in inline-flex divs: blocks only break lines in "normal" flow.
    if (options.collapseNewlines === true && BLOCK_TAGS.has(tag) && !isRoot) {
      parts.push('\n');
      stack.push({ text: '\n' });
    }
  }
  for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, isRoot: false });
}

function skipped(el: Element, chain: SelectorChain): boolean {
  for (const selector of chain) {
    try {
      if (el.matches(selector)) return true;
    } catch {
      // unsupported selector: it skips nothing
    }
  }
  return false;
}

/** A link's label as the reader understands it (`inner`: its walked parts): the full URL when the page shortened it. */
function linkText(anchor: Element, inner: readonly string[]): string {
  const label = inner.join('').replace(/\s+/g, ' ').trim();
  const title = anchor.getAttribute('title')?.trim() ?? '';
  const bare = (url: string): string => url.replace(/^https?:\/\/(www\.)?/i, '').replace(ELLIPSIS, '');
  // The title holds the full URL when the label is a shortened display form of it.
  if (URLISH.test(title) && (label === '' || URLISH.test(label) || bare(title).startsWith(bare(label)))) return title;
  if (URLISH.test(label)) return label.replace(ELLIPSIS, '');
  return inner.join('');
}

/** X appends an aria-hidden "…" to shortened URLs; the reader knows it is not part of the URL. */
function isTrailingLinkEllipsis(el: Element): boolean {
  if (el.getAttribute('aria-hidden') !== 'true') return false;
  if ((el.textContent ?? '').trim() !== '…') return false;
  const host = el.parentElement;
  return host !== null && URLISH.test((host.textContent ?? '').trim());
}

/** Anything the replacements below would change: CR, tab/nbsp, doubled spaces, spaces at line ends or the edges. */
const NEEDS_NORMALISING = /[\r\t\u00a0\u202f]| {2}| \n|\n |\n{3}|^\s|\s$/;

/** Collapses runs of spaces and blank lines the markup introduced, keeping the author's line breaks. */
export function normaliseWhitespace(text: string): string {
  // Most names and many posts have nothing to collapse: one test instead of five replacements.
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0\u202f]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Single-line text of an element (names, labels). */
export function readLine(root: Element, options: ReadTextOptions = {}): string {
  return readText(root, options).replace(/\s+/g, ' ').trim();
}
