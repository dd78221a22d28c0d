/**
 * Finds emails and order numbers a customer wrote in a post, so the author can be matched even
 * when their handle is unknown. Order numbers need evidence that they are order numbers: an
 * "order"/"заказ"/"订单" keyword right before them, or a '#' prefix. Bare numbers (years, prices,
 * phone numbers, tweet ids) never count.
 */
import { normaliseEmail, normaliseOrderNumber } from './normalise';

export interface ExtractedIdentifiers {
  emails: string[];
  orderNumbers: string[];
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b(?:x|twitter|facebook|t)\.(?:com|co)\/\S+/giu;
// Latin/Cyrillic only, so an address glued to Chinese text ("邮箱是wang@qq.com谢谢") is cut cleanly.
const LOCAL_CHAR = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}.-]/u;

/**
 * Emails with their positions. Grown outwards from each '@' rather than by one regex over the
 * whole text: a regex scan re-tries every word start and costs ~20 µs per tweet; this is linear.
 */
function findEmails(text: string): { start: number; end: number; value: string }[] {
  const out: { start: number; end: number; value: string }[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text.charAt(end))) end++;
    const raw = text.slice(start, end).replace(/[.-]+$/, '');
    const value = start < at ? normaliseEmail(raw) : undefined;
    if (value) out.push({ start, end: start + raw.length, value });
    at = text.indexOf('@', Math.max(end, at + 1));
  }
  return out;
}

// Keywords in en/ru/zh. Latin and Cyrillic keywords must start a word ("reorder 1234" is not one).
const WORD_KEYWORD = String.raw`(?<![\p{L}\p{N}])(?:orders?|ord|заказ(?:а|у|ом|е|ы|ов)?)`;
const CJK_KEYWORD = String.raw`(?:订单号码|订单编号|订单号|订单|訂單編號|訂單號碼|訂單號|訂單|单号|單號)`;
// What may sit between the keyword and the number: "#", "№", "no.", "number", "id", "is", ":" …
const CONNECTOR = String.raw`(?:[\s:：#№=\-]|no\.?|n°|nr\.?|num(?:ber)?\.?|id|is|was|номер|ном\.|н\.|是|为|為|号|號)`;
// The number ends where Latin/Cyrillic letters or digits stop; Chinese text may follow directly.
const END = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}_])`;
const TOKEN = String.raw`([A-Za-z]{0,4}-?\d[\d-]{0,29}[A-Za-z]?)${END}`;

const KEYWORD_ORDER = new RegExp(`(?:${WORD_KEYWORD}|${CJK_KEYWORD})(?:${CONNECTOR}){0,6}?${TOKEN}`, 'giu');
// "#A-10023", "#12345": a hash prefix alone, not part of a word or an HTML entity.
const HASH_ORDER = new RegExp(String.raw`(?<![\p{L}\p{N}&/_])#([A-Za-z]{1,4}-?\d{3,12}|\d{4,12})(?!-)${END}`, 'gu');

const NOT_ORDER_BEFORE_HASH = /(?:flight|flt|рейс[а-я]*|航班)(?:\s*(?:no\.?|number|номер|号))?\s*$/iu;
const MAYBE_KEYWORD = /ord|заказ|订单|訂單|单号|單號/i;
const VALID_ORDER = /^(?:[A-Z]{1,4}-?)?\d+(?:-\d+)*[A-Z]?$/;

function plausibleOrder(value: string, viaHash: boolean): boolean {
  if (!VALID_ORDER.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 3) return false;
  // Unbroken runs of more than 12 digits are tweet ids, card or phone numbers, not shop orders.
  if (/\d{13,}/.test(value)) return false;
  // "#2024" is a year hashtag; after a keyword ("order 2024") it is taken as an order.
  if (viaHash && /^(?:19|20)\d{2}$/.test(value)) return false;
  return true;
}

/** Emails and order numbers written in a post, normalised, deduplicated, in order of appearance. */
export function extractIdentifiers(text: string): ExtractedIdentifiers {
  const source = text.normalize('NFKC').slice(0, 40_000);
  const emails = findEmails(source);
  // Numbers inside emails and links (status ids, tracking URLs) are not order numbers. Blank
  // them out with spaces of the same length so positions still line up.
  let prose = source;
  for (const e of emails) prose = prose.slice(0, e.start) + ' '.repeat(e.end - e.start) + prose.slice(e.end);
  if (/https?:|www\.|\.com?\//i.test(prose)) prose = prose.replace(URL_LIKE, (m) => ' '.repeat(m.length));
  const found: { at: number; value: string }[] = [];
  // Cheap pre-checks: most posts have no keyword and no '#', and the full patterns are costly.
  for (const match of MAYBE_KEYWORD.test(prose) ? prose.matchAll(KEYWORD_ORDER) : []) {
    const value = normaliseOrderNumber((match[1] ?? '').replace(/-+$/, ''));
    if (plausibleOrder(value, false)) found.push({ at: match.index, value });
  }
  for (const match of prose.includes('#') ? prose.matchAll(HASH_ORDER) : []) {
    const value = normaliseOrderNumber(match[1] ?? '');
    // "#FF5733" is a colour: a letter prefix after a bare '#' needs a hyphen or 5+ digits.
    if (/^[A-Z]/.test(value) && !value.includes('-') && value.replace(/\D/g, '').length < 5) continue;
    // "flight #3768" (common in airline support) is a flight, not an order.
    if (NOT_ORDER_BEFORE_HASH.test(prose.slice(Math.max(0, match.index - 24), match.index))) continue;
    if (plausibleOrder(value, true)) found.push({ at: match.index, value });
  }
  found.sort((a, b) => a.at - b.at);
  return { emails: [...new Set(emails.map((e) => e.value))], orderNumbers: [...new Set(found.map((f) => f.value))] };
}
