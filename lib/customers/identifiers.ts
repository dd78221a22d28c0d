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
const EMAIL_IN_TEXT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}._%+-]+@[\p{Script=Latin}\p{Script=Cyrillic}\p{N}.-]+\.[\p{Script=Latin}\p{Script=Cyrillic}]{2,}/gu;

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
  const emails = new Set<string>();
  for (const match of source.matchAll(EMAIL_IN_TEXT)) {
    const email = normaliseEmail(match[0].replace(/[.-]+$/, ''));
    if (email) emails.add(email);
  }
  // Numbers inside links (status ids, tracking URLs) and emails are not order numbers.
  const prose = source.replace(URL_LIKE, ' ').replace(EMAIL_IN_TEXT, ' ');
  const found: { at: number; value: string }[] = [];
  for (const match of prose.matchAll(KEYWORD_ORDER)) {
    const value = normaliseOrderNumber((match[1] ?? '').replace(/-+$/, ''));
    if (plausibleOrder(value, false)) found.push({ at: match.index, value });
  }
  for (const match of prose.matchAll(HASH_ORDER)) {
    const value = normaliseOrderNumber(match[1] ?? '');
    // "#FF5733" is a colour: a letter prefix after a bare '#' needs a hyphen or 5+ digits.
    if (/^[A-Z]/.test(value) && !value.includes('-') && value.replace(/\D/g, '').length < 5) continue;
    if (plausibleOrder(value, true)) found.push({ at: match.index, value });
  }
  found.sort((a, b) => a.at - b.at);
  return { emails: [...emails], orderNumbers: [...new Set(found.map((f) => f.value))] };
}
