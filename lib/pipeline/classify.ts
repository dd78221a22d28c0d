/**
 * Decides, for one post: which brand it mentions (matcher), whether it is the brand's own post,
 * who the author is among known customers, and how urgent it is (triage).
 */
import type { ReplylineDb } from '../db/db';
import type { Classification } from '../db/ingest';
import { dbCustomerLookup } from '../db/customerLookup';
import { addressedBrand } from '../matching/addressed';
import { compileMatcher, isBrandAuthor, summarise, type Matcher } from '../matching/matcher';
import { isStrongMatch, matchAuthor } from '../customers/match';
import { NOISE_RULES, scorePost } from '../triage';
import type { Post } from '../schemas/posts';
import type { BrandProfile } from '../schemas/settings';

/** The compiled matcher is reused until a brand profile changes. */
let cached: { signature: string; brands: BrandProfile[]; matcher: Matcher } | undefined;

async function brandsAndMatcher(db: ReplylineDb): Promise<{ brands: BrandProfile[]; matcher: Matcher }> {
  const brands = await db.brands.toArray();
  const signature = `${db.name}|${brands.map((b) => `${b.id}@${b.updatedAt}`).join('|')}`;
  if (cached?.signature !== signature) cached = { signature, brands, matcher: compileMatcher(brands) };
  return cached;
}

const MENTION = /[@＠]([A-Za-z0-9_]{1,15})/g;

export async function classifyPost(post: Post, db: ReplylineDb, now = Date.now()): Promise<Classification> {
  const { brands, matcher } = await brandsAndMatcher(db);
  const ownBrand = brands.find((b) => isBrandAuthor(b, post.authorHandle));
  const summaries = summarise(matcher.match(post.text));
  const best = summaries.sort((a, b) => b.count - a.count)[0];
  const named = ownBrand ?? brands.find((b) => b.id === best?.brandId);
  const addressed = named ? undefined : addressedBrand(brands, post);
  const brand = named ?? addressed?.brand;
  if (!brand) return { matched: false, own: false, terms: [], autoQueue: false };
  const terms = best?.brandId === brand.id ? best.terms : addressed ? [addressed.term] : [];
  if (ownBrand) return { matched: true, own: true, brandId: brand.id, terms, autoQueue: false };

  const { match } = await matchAuthor(
    { site: post.site, handle: post.authorHandle, name: post.authorName, profileUrl: post.authorProfileUrl },
    post.text,
    dbCustomerLookup(db),
  );
  const customer = match && isStrongMatch(match) ? await db.customers.get(match.customerId) : undefined;
  const stats = post.authorHandle ? await db.authors.get(`${post.site}:${post.authorHandle.toLowerCase()}`) : undefined;

  const result = scorePost(
    {
      text: post.text,
      authorHandle: post.authorHandle,
      authorName: post.authorName,
      authorVerified: post.authorVerified || stats?.verified === true,
      followers: stats?.followers,
      counts: post.counts,
      createdAt: post.createdAt,
      mentions: [...post.text.matchAll(MENTION)].map((m) => m[1] ?? ''),
    },
    brand,
    {
      now,
      customer: customer ? { orderCount: customer.orderCount, totalSpent: customer.totalSpent, name: customer.name, currency: customer.currency } : undefined,
      matchedTerms: terms,
      // The brand's triage settings can switch rules off; a missing field (older record) means none.
      noiseRules: NOISE_RULES.filter((r) => !(brand.disabledNoiseRules ?? []).includes(r.id)),
    },
  );
  return {
    matched: true,
    own: false,
    brandId: brand.id,
    terms,
    autoQueue: brand.autoQueue,
    triage: {
      priority: result.priority,
      reasons: result.reasons,
      complaint: result.complaint,
      question: result.question,
      praise: result.praise,
      filteredBy: result.filteredBy,
      customerMatch: match,
      sentiment: result.sentiment,
      dueAt: result.dueAt,
    },
  };
}
