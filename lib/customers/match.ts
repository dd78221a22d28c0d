/**
 * Links a post's author to a known customer. Evidence, strongest first: the X handle or Facebook
 * profile URL (≈0.95), an email written in the post (≈0.9), an order number written in the post
 * (≈0.85 when the customer's name agrees with the author's, ≈0.7 alone), and the exact full name
 * (≈0.5, and only when exactly one customer has it).
 *
 * Never auto-link on weak or conflicting evidence: callers link automatically only when
 * `isStrongMatch` holds. When two different customers are nearly as likely, the best one is capped
 * below the threshold so a human decides; when they tie, there is no best match at all.
 */
import type { Customer, CustomerMatchResult } from '../schemas/customers';
import type { Site } from '../schemas/primitives';
import type { CustomerMatch } from '../schemas/queue';
import { extractIdentifiers } from './identifiers';
import { isFullNameKey, normaliseFacebookUrl, normaliseName, normaliseXHandle } from './normalise';

export { extractIdentifiers, type ExtractedIdentifiers } from './identifiers';
export { isFullNameKey, normaliseEmail, normaliseFacebookUrl, normaliseName, normaliseOrderNumber, normaliseXHandle } from './normalise';

/** Index look-ups the DB layer implements (customers: id, email, xHandle, nameKey, facebookUrl, *orderNumbers). Keys arrive normalised. */
export interface CustomerLookup {
  byXHandle(handle: string): Promise<Customer[]>;
  byFacebookUrl(url: string): Promise<Customer[]>;
  byNameKey(nameKey: string): Promise<Customer[]>;
  byEmail(email: string): Promise<Customer[]>;
  byOrderNumber(orderNumber: string): Promise<Customer[]>;
}

export interface PostAuthor {
  site: Site;
  handle: string;
  name: string;
  profileUrl?: string;
}

/** Matches at or above this may be linked without asking the agent. */
export const AUTO_LINK_CONFIDENCE = 0.8;

export const MATCH_CONFIDENCE = {
  handle: 0.95,
  profileUrl: 0.95,
  email: 0.9,
  orderNumberWithName: 0.85,
  orderNumber: 0.7,
  /** Several customers hold the same order number (e.g. two stores' numbering collides). */
  orderNumberShared: 0.4,
  fullName: 0.5,
  /** A single word ("Jane") or one of several customers with the same name. */
  weakName: 0.25,
  ambiguousName: 0.2,
} as const;

/** A runner-up this close to the best makes the best too uncertain to link automatically. */
const AMBIGUITY_MARGIN = 0.1;
const MAX_IDENTIFIERS = 5;
const MAX_CANDIDATES = 5;

export function isStrongMatch(match: CustomerMatch | undefined): match is CustomerMatch {
  return match !== undefined && match.confidence >= AUTO_LINK_CONFIDENCE;
}

interface Evidence {
  by: CustomerMatch['by'];
  confidence: number;
  why: string;
}

function tokens(key: string): string[] {
  return key.split(' ').filter((t) => t.length > 0);
}

/** Whether the customer's name agrees with the author's display name (equal, or one's words within the other's). */
export function namesAgree(customer: Customer, authorName: string): boolean {
  const author = normaliseName(authorName);
  if (!author) return false;
  const keys = [customer.nameKey || normaliseName(customer.name), normaliseName(customer.facebookName)].filter((k) => k.length > 0);
  return keys.some((key) => {
    if (key === author) return true;
    const compactKey = key.replace(/ /g, '');
    const compactAuthor = author.replace(/ /g, '');
    if (/\p{Script=Han}/u.test(compactKey + compactAuthor)) {
      const [shorter, longer] = compactKey.length <= compactAuthor.length ? [compactKey, compactAuthor] : [compactAuthor, compactKey];
      return [...shorter].length >= 2 && longer.includes(shorter);
    }
    const a = tokens(author);
    const c = new Set(tokens(key));
    const authorInCustomer = a.every((t) => c.has(t));
    const customerInAuthor = [...c].every((t) => a.includes(t));
    return authorInCustomer || customerInAuthor;
  });
}

const clip = (s: string): string => (s.length > 300 ? `${s.slice(0, 299)}…` : s);

/** Finds the customer who wrote a post. See the file comment for the confidence scale. */
export async function matchAuthor(author: PostAuthor, postText: string, lookup: CustomerLookup): Promise<CustomerMatchResult> {
  const evidence = new Map<string, Evidence[]>();
  const add = (customer: Customer, item: Evidence): void => {
    const list = evidence.get(customer.id) ?? [];
    if (!list.some((e) => e.by === item.by && e.why === item.why)) list.push(item);
    evidence.set(customer.id, list);
  };

  const handle = author.site === 'x' ? (normaliseXHandle(author.handle) ?? (author.profileUrl ? normaliseXHandle(author.profileUrl) : undefined)) : undefined;
  const fbUrl = author.site === 'facebook' ? normaliseFacebookUrl(author.profileUrl ?? '') ?? normaliseFacebookUrl(author.handle) : undefined;
  const nameKey = normaliseName(author.name);
  const { emails, orderNumbers } = extractIdentifiers(postText);

  const [byHandle, byUrl, byName, byEmail, byOrder] = await Promise.all([
    handle ? lookup.byXHandle(handle) : Promise.resolve([]),
    fbUrl ? lookup.byFacebookUrl(fbUrl) : Promise.resolve([]),
    nameKey ? lookup.byNameKey(nameKey) : Promise.resolve([]),
    Promise.all(emails.slice(0, MAX_IDENTIFIERS).map(async (email) => ({ email, found: await lookup.byEmail(email) }))),
    Promise.all(orderNumbers.slice(0, MAX_IDENTIFIERS).map(async (order) => ({ order, found: await lookup.byOrderNumber(order) }))),
  ]);

  for (const c of byHandle) add(c, { by: 'handle', confidence: MATCH_CONFIDENCE.handle, why: `handle @${handle ?? ''}` });
  for (const c of byUrl) add(c, { by: 'profileUrl', confidence: MATCH_CONFIDENCE.profileUrl, why: `profileUrl ${fbUrl ?? ''}` });
  for (const { email, found } of byEmail) {
    for (const c of found) add(c, { by: 'email', confidence: MATCH_CONFIDENCE.email, why: `email ${email}` });
  }
  for (const { order, found } of byOrder) {
    const distinct = new Set(found.map((c) => c.id)).size;
    for (const c of found) {
      if (distinct > 1) add(c, { by: 'orderNumber', confidence: MATCH_CONFIDENCE.orderNumberShared, why: `order #${order} shared by ${distinct}` });
      else if (namesAgree(c, author.name)) add(c, { by: 'orderNumber', confidence: MATCH_CONFIDENCE.orderNumberWithName, why: `order #${order} + name "${author.name.trim()}"` });
      else add(c, { by: 'orderNumber', confidence: MATCH_CONFIDENCE.orderNumber, why: `order #${order}` });
    }
  }
  const sameName = new Set(byName.map((c) => c.id)).size;
  for (const c of byName) {
    const confidence = sameName > 1 ? MATCH_CONFIDENCE.ambiguousName : isFullNameKey(nameKey) ? MATCH_CONFIDENCE.fullName : MATCH_CONFIDENCE.weakName;
    add(c, { by: 'name', confidence, why: sameName > 1 ? `name "${author.name.trim()}" shared by ${sameName}` : `name "${author.name.trim()}"` });
  }

  const ranked: CustomerMatch[] = [...evidence.entries()].map(([customerId, items]) => {
    items.sort((a, b) => b.confidence - a.confidence);
    const best = items[0];
    // Independent kinds of evidence agreeing make the link a little surer; never certain.
    const kinds = new Set(items.map((e) => e.by)).size;
    const confidence = Math.min(0.99, (best?.confidence ?? 0) + 0.03 * (kinds - 1));
    return { customerId, confidence: round(confidence), by: best?.by ?? 'name', why: clip(items.map((e) => e.why).join('; ')) };
  });
  ranked.sort((a, b) => b.confidence - a.confidence || a.customerId.localeCompare(b.customerId));

  const [top, second] = ranked;
  if (!top) return { candidates: [] };
  if (second && second.confidence === top.confidence) return { candidates: ranked.slice(0, MAX_CANDIDATES) };
  const candidates = ranked.slice(1, 1 + MAX_CANDIDATES);
  if (second && top.confidence - second.confidence < AMBIGUITY_MARGIN && top.confidence >= AUTO_LINK_CONFIDENCE) {
    return { match: { ...top, confidence: round(AUTO_LINK_CONFIDENCE - 0.05), why: clip(`${top.why}; conflicts with ${second.customerId}`) }, candidates };
  }
  return { match: top, candidates };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
