/**
 * Words a customer is found by, for the customers table's multi-entry `searchTokens` index: every
 * word of the name, the Facebook name, the email (and its parts), the X handle (and its parts) and
 * each order number (and its digit runs). A query matches when each of its words starts one of
 * them, so "petrov", "ПЕТРОВ", "gmail", "2291" and "@jane" all find their customer with one
 * indexed prefix look-up.
 *
 * Insensitive to case, diacritics (é = e, ё = е) and script: Cyrillic words are stored and queried
 * in Latin transliteration, so "Иванов", "ivanov" and "иванов" are one token. Chinese, Japanese and
 * Korean names have no spaces: every suffix of a CJK run is a token, so any part of 王小明 finds it.
 */
import { normaliseOrderNumber } from './normalise';

export interface Searchable {
  name: string;
  facebookName: string;
  email: string;
  xHandle: string;
  orderNumbers: readonly string[];
}

/** Bounds what one customer adds to the index (a 300-character name is already generous). */
const MAX_TOKENS = 64;
const MAX_TOKEN_CHARS = 40;
const MAX_CJK_RUN = 12;

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'i', є: 'e', ґ: 'g',
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Case, width and diacritics folded; Cyrillic letters spelled in Latin. */
export function foldForSearch(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC_TO_LATIN[c] ?? c);
}

/** The words of a text: letters and digits; CJK runs stand alone (they carry no spaces). */
function words(folded: string): string[] {
  const out: string[] = [];
  for (const part of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!part) continue;
    if (!CJK.test(part)) {
      out.push(part);
      continue;
    }
    for (const run of part.split(CJK_RUN)) if (run) out.push(run);
    for (const run of part.match(CJK_RUN) ?? []) out.push(run);
  }
  return out;
}

function cjkSuffixes(run: string): string[] {
  const chars = [...run].slice(0, MAX_CJK_RUN);
  return chars.map((_c, i) => chars.slice(i).join(''));
}

/** Index entries for one customer: distinct, bounded, each short enough for a key. */
export function searchTokensOf(c: Searchable): string[] {
  const tokens = new Set<string>();
  const add = (token: string) => {
    if (token && tokens.size < MAX_TOKENS) tokens.add(token.slice(0, MAX_TOKEN_CHARS));
  };
  for (const text of [c.name, c.facebookName]) {
    for (const word of words(foldForSearch(text))) {
      if (CJK.test(word)) cjkSuffixes(word).forEach(add);
      else add(word);
    }
  }
  // Whole email and handle too: a query like "jane.doe@ex" is one token of the query as well.
  const email = foldForSearch(c.email.trim());
  add(email);
  words(email).forEach(add);
  const handle = foldForSearch(c.xHandle.replace(/^@/, ''));
  add(handle);
  words(handle).forEach(add);
  for (const order of c.orderNumbers) {
    const normalised = normaliseOrderNumber(order).toLowerCase();
    add(normalised);
    for (const run of normalised.match(/\d+/g) ?? []) add(run);
  }
  return [...tokens];
}

/**
 * A query's words, folded the same way. A word with an '@' inside ("user42@", "jane.doe@ex") is
 * the start of an email and stays whole: it matches the whole-email token, so "user42@" finds
 * user42@… and not user420@…; a leading '@' or '#' is only how people type handles and orders.
 */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  for (const raw of query.trim().split(/\s+/u)) {
    const part = raw.replace(/^[@#№]+/u, '');
    if (!part) continue;
    const folded = foldForSearch(part);
    if (folded.includes('@')) {
      out.add(folded.slice(0, MAX_TOKEN_CHARS));
      continue;
    }
    for (const word of words(folded)) out.add(CJK.test(word) ? [...word].slice(0, MAX_CJK_RUN).join('') : word.slice(0, MAX_TOKEN_CHARS));
  }
  return [...out].slice(0, 8);
}

/** Whether a customer's tokens answer every word of the query (each word starts some token). */
export function tokensMatch(tokens: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => tokens.some((t) => t.startsWith(q)));
}
