/**
 * Normalisers shared by the CSV import and author matching. Both sides of every index look-up
 * (customers table and page author) must go through the same function, or nothing matches.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Key for exact-name matching: NFKC, case-folded, diacritics stripped (é → e, ё → е, but й stays й
 * because Russian treats it as its own letter), punctuation/emoji dropped, spaces collapsed, and
 * no spaces between CJK characters ("张 伟" = "张伟"; "玛丽·居里" = "玛丽居里").
 */
export function normaliseName(input: string): string {
  const folded = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ё/g, 'е')
    .normalize('NFD')
    // Keep the breve of й; drop every other combining mark.
    .replace(/(и)\u0306|\p{M}/gu, (_m, i: string | undefined) => (i ? 'й' : ''))
    .normalize('NFC')
    // Emoji, punctuation and symbols in display names ("Jane Doe 🌸", "O'Brien") carry no identity.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // Join CJK characters separated by spaces (a space between two CJK chars is typographic only).
  return folded.replace(/(\S) (?=\S)/gu, (m: string, prev: string, offset: number, whole: string) => {
    const next = String.fromCodePoint(whole.codePointAt(offset + m.length) ?? 32);
    return CJK.test(prev) && CJK.test(next) ? prev : m;
  });
}

/** Whether a normalised name is a full name (two words, or two CJK characters), not just "jane". */
export function isFullNameKey(nameKey: string): boolean {
  if (!nameKey) return false;
  if (CJK.test(nameKey)) return [...nameKey.replace(/\s/g, '')].length >= 2;
  return nameKey.split(' ').filter((t) => t.length > 0).length >= 2;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/u;

/** Lower-cased email, or undefined when it is not one ("mailto:" and angle brackets tolerated). */
export function normaliseEmail(input: string): string | undefined {
  const trimmed = input.trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim().toLowerCase();
  return EMAIL.test(trimmed) && trimmed.length <= 254 ? trimmed : undefined;
}

const X_HOSTS = /^(?:https?:\/\/)?(?:(?:www|mobile|m)\.)?(?:x|twitter)\.com\//i;
// First path segments on x.com that are app pages, not accounts.
const X_RESERVED = new Set(['home', 'i', 'intent', 'search', 'explore', 'settings', 'messages', 'notifications', 'share', 'hashtag', 'compose']);
const X_HANDLE = /^[a-z0-9_]{1,15}$/;

/**
 * X handle lower-cased without '@', from "@Foo", "Foo", "https://x.com/Foo" or
 * "twitter.com/foo/status/1"; undefined when it cannot be a handle.
 */
export function normaliseXHandle(input: string): string | undefined {
  let value = input.trim();
  if (X_HOSTS.test(value)) {
    const segment = value.replace(X_HOSTS, '').split(/[/?#]/)[0] ?? '';
    if (X_RESERVED.has(segment.toLowerCase())) return undefined;
    value = segment;
  }
  value = value.replace(/^@/, '').toLowerCase();
  return X_HANDLE.test(value) ? value : undefined;
}

const FB_HOSTS = /^(?:https?:\/\/)?(?:(?:www|m|web|mobile|mbasic)\.)?(?:facebook\.com|fb\.com)(?=\/|$)/i;

/**
 * Canonical Facebook profile URL ("https://www.facebook.com/<path>"): any of the www./m./web.
 * hosts, lower-case vanity path, no trailing slash, and only the `id` parameter of profile.php.
 * A bare vanity name ("jane.doe.5") becomes its URL. Undefined when it is not a profile address.
 */
export function normaliseFacebookUrl(input: string): string | undefined {
  const value = input.trim();
  if (!value) return undefined;
  if (!FB_HOSTS.test(value)) {
    // Facebook usernames: letters, digits and dots, at least 5 characters.
    return /^[a-z0-9.]{5,50}$/i.test(value) && !/^\d+$/.test(value) ? `https://www.facebook.com/${value.toLowerCase()}` : undefined;
  }
  const rest = value.replace(FB_HOSTS, '');
  const [pathPart = '', query = ''] = rest.split('?', 2);
  const path = pathPart.split('#')[0]?.replace(/\/+$/, '').replace(/^\/+/, '') ?? '';
  if (!path) return undefined;
  if (path.toLowerCase() === 'profile.php') {
    const id = /(?:^|&)id=(\d+)/.exec(query)?.[1];
    return id ? `https://www.facebook.com/profile.php?id=${id}` : undefined;
  }
  // "people/Jane-Doe/1000123" keeps its id; vanity names are case-insensitive.
  return `https://www.facebook.com/${path.toLowerCase()}`;
}

/** Order-number key: no '#', '№', "No." or spaces, upper-case ("#a-10023" → "A-10023"). */
export function normaliseOrderNumber(input: string): string {
  const compact = input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toUpperCase()
    // Upper-casing can decompose ("ῒ"); recompose so the key is stable.
    .normalize('NFKC');
  // Every leading marker goes ("##12", "№#12", "No.12"), so the key is a fixed point. NFKC has
  // already spelt "№" as "No"; "NO" only counts before a digit, '#' or a dot: "NOVA-1" is an
  // order number of its own.
  return compact.replace(/^(?:#|NO\.|NO(?=[\d#]))+/, '').slice(0, 60);
}

const CURRENCY_SIGNS: [RegExp, string][] = [
  [/₽|руб\.?|р\.(?=\s|$)|\bRUB\b/iu, 'RUB'],
  [/US\$|\bUSD\b/iu, 'USD'],
  [/€|\bEUR\b/iu, 'EUR'],
  [/£|\bGBP\b/iu, 'GBP'],
  [/元|\bCNY\b|\bRMB\b|CN¥/iu, 'CNY'],
  [/\bJPY\b/iu, 'JPY'],
  [/[¥￥]/u, 'CNY'],
  [/\$/u, 'USD'],
];

/**
 * Parses money as written in exports and spreadsheets: "$1,234.50", "1 234,50 ₽", "1.234,50 €",
 * "¥88", "(12.00)" is rejected. Returns the amount and a currency code when one is written.
 * Undefined for anything that is not a number ("abc", "1.2.3,4,5").
 */
export function parseMoney(input: string): { amount: number; currency: string } | undefined {
  let currency = '';
  let text = input.normalize('NFKC').trim();
  for (const [sign, code] of CURRENCY_SIGNS) {
    if (sign.test(text)) {
      currency = code;
      text = text.replace(new RegExp(sign.source, sign.flags.includes('g') ? sign.flags : `${sign.flags}g`), ' ');
      break;
    }
  }
  // Grouping spaces include NBSP and narrow NBSP (French/Russian locales); apostrophes (Swiss).
  text = text.replace(/[\s\u00a0\u202f']/g, '');
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return undefined;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [intPart = '', frac = ''] = text.split(decimal);
    if (text.split(decimal).length !== 2 || !validGrouping(intPart, group)) return undefined;
    normalised = `${intPart.split(group).join('')}.${frac}`;
  } else if (lastComma >= 0) {
    const parts = text.split(',');
    // One comma and 1–2 digits after it is a decimal comma; otherwise commas group thousands.
    if (parts.length === 2 && (parts[1] ?? '').length <= 2) normalised = text.replace(',', '.');
    else if (validGrouping(text, ',')) normalised = parts.join('');
    else return undefined;
  } else if (lastDot >= 0) {
    const parts = text.split('.');
    if (parts.length === 2) normalised = text;
    else if (validGrouping(text, '.')) normalised = parts.join('');
    else return undefined;
  } else {
    normalised = text;
  }
  const amount = Number(normalised);
  if (!Number.isFinite(amount)) return undefined;
  return { amount: negative ? -amount : amount, currency };
}

function validGrouping(intPart: string, group: string): boolean {
  if (!intPart.includes(group)) return /^\d+$/.test(intPart);
  const groups = intPart.split(group);
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Comma-separated tags (also the Chinese comma and semicolons), trimmed, deduplicated. */
export function splitTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，;；、]/u)) {
    const tag = raw.trim().slice(0, 80);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** Order numbers listed in one cell ("#1001, #1002" or "1001 1002"), normalised. */
export function splitOrderNumbers(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，;；\s]+/u)) {
    const value = normaliseOrderNumber(raw);
    if (value && /\d/.test(value)) seen.add(value);
  }
  return [...seen];
}

/**
 * A stable 64-bit hash (two FNV-1a variants) as hex, for ids derived from content: the same input
 * gives the same id on every import, so re-importing updates instead of duplicating.
 */
export function stableHash(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
