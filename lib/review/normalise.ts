/**
 * Near-verbatim repeat detection. Two replies count as "the same text" when they are equal after
 * normalising away what legitimately differs between customers: the customer's name, @handles,
 * numbers (order numbers, times, amounts), links, case, punctuation and spacing. Works for any
 * script (Cyrillic, CJK) because it only strips Unicode punctuation/symbols, never letters.
 */

const URL_RE = /https?:\/\/\S+|www\.\S+/giu;
const HANDLE_RE = /@[\p{L}\p{N}_.]+/gu;
const NUMBER_RE = /\p{N}+/gu;
const PUNCT_RE = /[\p{P}\p{S}]+/gu;
const SPACE_RE = /\s+/gu;

/** Normalised reply text; `postAuthor` is the customer's display name as seen on the post. */
export function normaliseReplyText(text: string, postAuthor = ''): string {
  let t = text.normalize('NFKC').toLowerCase();
  // Placeholders are control characters: neither letters, punctuation nor spaces, so they survive.
  t = t.replace(URL_RE, ' \u0001 ').replace(HANDLE_RE, ' \u0002 ');
  // Name parts of the customer (2+ letters) wherever they appear: "Hi Anna," vs "Hi Boris,".
  const parts = postAuthor
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((p) => p.length >= 2);
  for (const part of parts) t = t.split(part).join(' \u0003 ');
  t = t.replace(NUMBER_RE, ' \u0004 ').replace(PUNCT_RE, ' ');
  return t.replace(SPACE_RE, ' ').trim();
}

/** 53-bit string hash (cyrb53), base-36: collisions among 10^5 distinct texts are ~10^-6 likely. */
export function textHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function replyTextHash(text: string, postAuthor = ''): string {
  return textHash(normaliseReplyText(text, postAuthor));
}
