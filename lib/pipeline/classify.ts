/** Decides, for one post, whether it mentions a brand and how urgent it is. */
import type { ReplylineDb } from '../db/db';
import type { Classification } from '../db/ingest';
import type { Post } from '../schemas';

export async function classifyPost(post: Post, db: ReplylineDb): Promise<Classification> {
  const brands = await db.brands.toArray();
  const text = post.text.toLowerCase();
  for (const brand of brands) {
    const own = brand.handles.some((h) => h.toLowerCase() === post.authorHandle.toLowerCase());
    const terms = [...brand.handles.map((h) => `@${h}`), ...brand.names].filter((t) => text.includes(t.toLowerCase()));
    if (terms.length > 0 || own) {
      return {
        matched: true,
        own,
        brandId: brand.id,
        terms,
        autoQueue: brand.autoQueue,
        triage: { priority: 50, reasons: [], complaint: false, question: false, praise: false },
      };
    }
  }
  return { matched: false, own: false, terms: [], autoQueue: false };
}
