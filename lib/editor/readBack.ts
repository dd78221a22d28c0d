/**
 * Reads what a rich-text editor (Draft.js, Lexical, plain contenteditable) shows, as plain text
 * with one line per block, so an insertion can be verified against the text we meant to write.
 * Draft.js renders one `div[data-block]` per line; Lexical one `<p>` per paragraph with `<br>` for
 * soft breaks and an extra trailing `<br>` it manages itself (ignored here).
 */
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE']);

function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

/** Children that carry something: empty text nodes (whitespace between tags) do not count. */
function meaningful(node: Node | null): boolean {
  return node !== null && !(node.nodeType === 3 && (node.nodeValue ?? '') === '');
}

/** A `<br>` that only keeps an empty (or newline-ended) block open; editors add these themselves. */
function isPlaceholderBreak(br: Node): boolean {
  for (let node: Node | null = br; node; node = node.parentNode) {
    let next = node.nextSibling;
    while (next && !meaningful(next)) next = next.nextSibling;
    if (next) return false;
    const parent: Node | null = node.parentNode;
    if (!parent || isBlock(parent)) return true;
  }
  return true;
}

function hasBlockSiblingBefore(node: Node): boolean {
  for (let prev = node.previousSibling; prev; prev = prev.previousSibling) if (meaningful(prev)) return true;
  return false;
}

/** Plain text of an editor element, blocks separated by `\n`. */
export function readEditorText(root: Element): string {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    // Placeholders (Draft's "Post your reply", aria-hidden decorations) are not content.
    if (el.getAttribute('aria-hidden') === 'true' || tag === 'STYLE' || tag === 'SCRIPT') return;
    if (tag === 'BR') {
      if (!isPlaceholderBreak(el)) out.push('\n');
      return;
    }
    if (node !== root && isBlock(el) && hasBlockSiblingBefore(el)) out.push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return out.join('');
}

// Zero-width space / non-joiner / BOM: editors insert them as caret anchors. U+200D (joiner) is kept:
// it is part of emoji sequences.
const INVISIBLE = /[\u200B\u200C\uFEFF]/g;
const SPACE_LIKE = /[\u00A0\u202F\u2007]/g;

/**
 * The comparison form: NFC, `\r\n` → `\n`, no-break spaces as spaces, no caret anchors, no trailing
 * spaces on a line, no leading/trailing blank lines. Blank lines INSIDE the text are kept: losing
 * them is exactly the failure we verify against.
 */
export function normaliseEditorText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function sameEditorText(a: string, b: string): boolean {
  return normaliseEditorText(a) === normaliseEditorText(b);
}

/** Looser form for text the site re-rendered (a posted comment): all whitespace runs collapse. */
export function looseText(text: string): string {
  return normaliseEditorText(text).replace(/\s+/g, ' ').trim();
}
