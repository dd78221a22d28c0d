/**
 * Reads what a person sees in a piece of page markup as plain text. Only node values and attributes
 * are read (never innerHTML), so hostile markup-looking text in a post stays inert text.
 */
import { isElement } from './query';

export interface ReadTextOptions {
  /** Elements (and their subtrees) to leave out, e.g. "Show more" buttons or nested quotes. */
  skip?: (el: Element) => boolean;
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
  const parts: string[] = [];
  walk(root, parts, options, true);
  return normaliseWhitespace(parts.join(''));
}

function walk(node: Node, parts: string[], options: ReadTextOptions, isRoot: boolean): void {
  if (node.nodeType === 3) {
    const value = node.nodeValue ?? '';
    parts.push(options.collapseNewlines ? value.replace(/\s+/g, ' ') : value);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName.toUpperCase();
  if (IGNORED_TAGS.has(tag)) return;
  if (!isRoot && options.skip?.(node)) return;
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
    parts.push(linkText(node, options));
    return;
  }
  if (isTrailingLinkEllipsis(node)) return;
  // X lays out mentions and links in inline-flex divs: blocks only break lines in "normal" flow.
  const block = options.collapseNewlines === true && BLOCK_TAGS.has(tag) && !isRoot;
  if (block) parts.push('\n');
  for (const child of Array.from(node.childNodes)) walk(child, parts, options, false);
  if (block) parts.push('\n');
}

/** A link's label as the reader understands it: the full URL when the page shortened it. */
function linkText(anchor: Element, options: ReadTextOptions): string {
  const inner: string[] = [];
  for (const child of Array.from(anchor.childNodes)) walk(child, inner, options, false);
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

/** Collapses runs of spaces and blank lines the markup introduced, keeping the author's line breaks. */
export function normaliseWhitespace(text: string): string {
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
