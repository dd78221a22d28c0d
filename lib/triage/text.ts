/**
 * Text normalisation and tokenising shared by every triage signal. Works on raw post text from
 * any site and language: Latin and Cyrillic words are split on non-letters, Chinese (which has no
 * spaces) is kept as runs and scanned against lexicons by the callers.
 */

export type TokenKind = 'word' | 'cjk' | 'mention' | 'hashtag' | 'url' | 'emoji' | 'emoticon' | 'bang' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Lower-cased (for words and hashtags without '#'), original otherwise. */
  value: string;
  /** Original spelling, used for ALL-CAPS detection and evidence quotes. */
  raw: string;
}

const HTML_ENTITIES: ReadonlyMap<string, string> = new Map([['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&#39;', "'"]]);

/** Decode the few entities exports leave in, unify apostrophes and spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (m) => HTML_ENTITIES.get(m) ?? m)
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

// One alternation, tried left to right: URL before word, emoticons before punctuation.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>https?:\/\/\S+|www\.\S+)`,
    String.raw`(?<mention>@[\p{L}\p{N}_]{1,50})`,
    String.raw`(?<hashtag>[#＃][\p{L}\p{N}_]+)`,
    String.raw`(?<emoticon>>:\(|:'\(|:-?[()DP/]|;-?\)|\(:|=\)|<3|D:|-_-|\){3,}|\({3,})`,
    String.raw`(?<cjk>[\p{Script=Han}]+)`,
    String.raw`(?<word>[\p{L}\p{N}]+(?:'[\p{L}]+)*)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}\uFE0F?)`,
    String.raw`(?<bang>[!！]+)`,
    String.raw`(?<punct>[?？.,;:。，；：…]+)`,
  ].join('|'),
  'gu',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of normalizeText(text).matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    const raw = m[0];
    if (g.url !== undefined) tokens.push({ kind: 'url', value: raw, raw });
    else if (g.mention !== undefined) tokens.push({ kind: 'mention', value: raw.slice(1).toLowerCase(), raw });
    else if (g.hashtag !== undefined) tokens.push({ kind: 'hashtag', value: raw.slice(1).toLowerCase(), raw });
    else if (g.emoticon !== undefined) tokens.push({ kind: 'emoticon', value: raw, raw });
    else if (g.cjk !== undefined) tokens.push({ kind: 'cjk', value: raw, raw });
    else if (g.word !== undefined) tokens.push({ kind: 'word', value: raw.toLowerCase(), raw });
    else if (g.emoji !== undefined) tokens.push({ kind: 'emoji', value: raw.replace(/\uFE0F/g, ''), raw });
    else if (g.bang !== undefined) tokens.push({ kind: 'bang', value: raw, raw });
    else tokens.push({ kind: 'punct', value: raw, raw });
  }
  return tokens;
}

/** Handles mentioned in the text, lower-case, without '@', in order of appearance. */
export function mentionsIn(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'mention')
    .map((t) => t.value);
}

export const isCyrillic = (word: string): boolean => /\p{Script=Cyrillic}/u.test(word);

/** Shorten a quote for a reason detail, keeping whole words where possible. */
export function clip(text: string, max = 60): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
