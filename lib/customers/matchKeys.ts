/**
 * The identifiers the author matcher looks customers up by (lib/customers/match.ts), as one key
 * list per post and per customer: `x:<handle>`, `f:<profile url>`, `n:<name key>`, `e:<email>`,
 * `o:<order number>`. A post and a customer share a key exactly when `matchAuthor` would find that
 * customer for that post, so a changed customer finds the posts to re-match through one index.
 */
import type { Customer } from '../schemas/customers';
import type { Post } from '../schemas/posts';
import { extractIdentifiers } from './identifiers';
import { normaliseFacebookUrl, normaliseName, normaliseXHandle } from './normalise';

/** As many as matchAuthor looks up (MAX_IDENTIFIERS there). */
const MAX_PER_KIND = 5;

export type MatchablePost = Pick<Post, 'site' | 'authorHandle' | 'authorName' | 'authorProfileUrl' | 'text'>;
export type MatchableCustomer = Pick<Customer, 'xHandle' | 'facebookUrl' | 'nameKey' | 'email' | 'orderNumbers'>;

export function postMatchKeys(post: MatchablePost): string[] {
  const keys: string[] = [];
  if (post.site === 'x') {
    const handle = normaliseXHandle(post.authorHandle) ?? (post.authorProfileUrl ? normaliseXHandle(post.authorProfileUrl) : undefined);
    if (handle) keys.push(`x:${handle}`);
  } else {
    const url = normaliseFacebookUrl(post.authorProfileUrl ?? '') ?? normaliseFacebookUrl(post.authorHandle);
    if (url) keys.push(`f:${url}`);
  }
  const nameKey = normaliseName(post.authorName);
  if (nameKey) keys.push(`n:${nameKey.slice(0, 300)}`);
  const { emails, orderNumbers } = extractIdentifiers(post.text);
  for (const email of emails.slice(0, MAX_PER_KIND)) keys.push(`e:${email}`);
  for (const order of orderNumbers.slice(0, MAX_PER_KIND)) keys.push(`o:${order}`);
  return [...new Set(keys)];
}

export function customerMatchKeys(c: MatchableCustomer): string[] {
  const keys: string[] = [];
  if (c.xHandle) keys.push(`x:${c.xHandle}`);
  if (c.facebookUrl) keys.push(`f:${c.facebookUrl}`);
  if (c.nameKey) keys.push(`n:${c.nameKey}`);
  if (c.email) keys.push(`e:${c.email}`);
  for (const order of c.orderNumbers) keys.push(`o:${order}`);
  return [...new Set(keys)];
}
