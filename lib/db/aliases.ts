/**
 * One post, several keys: Facebook's `pfbid…` permalinks change between page loads, so a post
 * names its other keys (`Post.sameAs`: content key, numeric id). Every sighting is filed under the
 * key the post was first seen with; the page keeps marking elements with the key it shows.
 */
import { PostAliasSchema, type Post, type PostAlias } from '../schemas/posts';
import type { ReplylineDb } from './db';

/** `facebook:123` → `123`. */
export function idOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/**
 * The key each post is filed under, and the alias rows to add. Call inside a transaction that
 * includes `postAliases` and `posts`. Posts without `sameAs` (every X post) cost nothing here.
 */
export async function fileUnder(db: ReplylineDb, posts: readonly Post[]): Promise<{ keys: string[]; writes: PostAlias[] }> {
  const named = posts.filter((p) => p.sameAs && p.sameAs.length > 0);
  if (named.length === 0) return { keys: posts.map((p) => p.key), writes: [] };
  const wanted = [...new Set(named.flatMap((p) => [p.key, ...(p.sameAs ?? [])]))];
  const known = new Map<string, string>();
  (await db.postAliases.bulkGet(wanted)).forEach((row, i) => {
    const alias = wanted[i];
    if (row && alias) known.set(alias, row.key);
  });
  // A post first seen with no permalink was filed under its content key, naming no other.
  const unknown = wanted.filter((key) => !known.has(key));
  (await db.posts.bulkGet(unknown)).forEach((row, i) => {
    const key = unknown[i];
    if (row && key) known.set(key, key);
  });
  const writes: PostAlias[] = [];
  const keys = posts.map((post) => {
    const others = post.sameAs ?? [];
    if (others.length === 0) return post.key;
    const filed = known.get(post.key) ?? others.map((k) => known.get(k)).find((k) => k !== undefined) ?? post.key;
    for (const alias of [post.key, ...others]) {
      if (known.has(alias)) continue;
      known.set(alias, filed);
      writes.push(PostAliasSchema.parse({ alias, key: filed }));
    }
    return filed;
  });
  return { keys, writes };
}

/** The key a post the page showed under `key` is filed under. */
export async function resolvePostKey(db: ReplylineDb, key: string): Promise<string> {
  return (await db.postAliases.get(key))?.key ?? key;
}

/** Every other key the post filed under `key` arrived under (to find it on a page). */
export async function aliasesOf(db: ReplylineDb, key: string): Promise<string[]> {
  const aliases = await db.postAliases.where('key').equals(key).primaryKeys();
  return aliases.filter((alias) => alias !== key);
}
