/**
 * Sightings → team queue items. The same post seen by several agents is one item; a post seen
 * under several keys (Facebook pfbids change per page load, `Post.sameAs`) is filed under the first
 * key any teammate saw it with, as the extension files it locally (lib/db/aliases.ts).
 */
import { z } from 'zod';
import type { Sighting, SightingsResponse } from '../../lib/team/protocol';
import type { Queryable } from '../db/types';
import type { Caller } from './context';

const AliasRow = z.object({ alias: z.string(), key: z.string() });
const ExistingRow = z.object({ key: z.string(), data: z.record(z.string(), z.unknown()), version: z.coerce.number().int() });

/** `facebook:123` → `123`. */
const idOfKey = (key: string): string => key.slice(key.indexOf(':') + 1);

type Data = Record<string, unknown>;
const KeyList = z.array(z.string()).catch([]);

/** Fields a later sighting refreshes; everything the team did to the item (state, notes…) stays. */
function triageOf(s: Sighting): Data {
  return {
    brandId: s.brandId,
    priority: s.priority,
    reasons: s.reasons,
    reasonCodes: s.reasonCodes,
    matchedTerms: s.matchedTerms,
    complaint: s.complaint,
    question: s.question,
    praise: s.praise,
    filteredBy: s.filteredBy,
    sentiment: s.sentiment,
    dueAt: s.dueAt,
    customerMatch: s.customerMatch,
    customerId: s.customerId,
  };
}

const minDefined = (a: unknown, b: number): number => (typeof a === 'number' ? Math.min(a, b) : b);

function merge(existing: Data | undefined, s: Sighting, filed: string, aliases: readonly string[], now: number): Data {
  const post = { ...s.post, key: filed, postId: idOfKey(filed), sameAs: undefined };
  const previousPost = existing?.post;
  const firstSeen = minDefined(existing?.firstSeenAt, s.post.seenAt);
  const triage = triageOf(s);
  // A restored item stays restored: noise rules no longer apply to it.
  if (existing?.restored === true) triage.filteredBy = undefined;
  if (existing?.customerUnlinked === true) {
    triage.customerMatch = undefined;
    triage.customerId = undefined;
  }
  const seenAt = typeof previousPost === 'object' && previousPost !== null ? minDefined(Reflect.get(previousPost, 'seenAt'), post.seenAt) : post.seenAt;
  return {
    restored: false,
    customerUnlinked: false,
    ...existing,
    ...triage,
    site: s.post.site,
    post: { ...post, seenAt },
    aliases: [...new Set([...KeyList.parse(existing?.aliases), ...aliases])].filter((k) => k !== filed).sort(),
    postCreatedAt: s.post.createdAt ?? existing?.postCreatedAt ?? now,
    queuedAt: existing?.queuedAt ?? now,
    firstSeenAt: firstSeen,
    updatedAt: existing?.updatedAt ?? now,
  };
}

/** JSON without undefined members, with sorted keys: equal data compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export async function ingestSightings(
  tx: Queryable,
  caller: Caller,
  sightings: readonly Sighting[],
  now: number,
): Promise<{ response: SightingsResponse; changedKeys: string[] }> {
  // Alias filing must see every earlier sighting of this team: one filer per team at a time.
  await tx.query("SELECT pg_advisory_xact_lock(7310416, hashtext($1::text))", [caller.teamId]);
  const wanted = [...new Set(sightings.flatMap((s) => [s.post.key, ...(s.post.sameAs ?? [])]))];
  const known = new Map<string, string>();
  for (const r of await tx.query('SELECT alias, key FROM aliases WHERE team_id = $1 AND alias = ANY($2::text[])', [caller.teamId, wanted])) {
    const row = AliasRow.parse(r);
    known.set(row.alias, row.key);
  }
  const newAliases: { alias: string; key: string }[] = [];
  const filedKeys = sightings.map((s) => {
    const keys = [s.post.key, ...(s.post.sameAs ?? [])];
    const filed = known.get(s.post.key) ?? keys.map((k) => known.get(k)).find((k) => k !== undefined) ?? s.post.key;
    for (const alias of keys) {
      if (known.has(alias)) continue;
      known.set(alias, filed);
      newAliases.push({ alias, key: filed });
    }
    return filed;
  });
  if (newAliases.length > 0) {
    await tx.query(
      'INSERT INTO aliases (team_id, alias, key) SELECT $1, a, k FROM unnest($2::text[], $3::text[]) AS t(a, k) ON CONFLICT DO NOTHING',
      [caller.teamId, newAliases.map((a) => a.alias), newAliases.map((a) => a.key)],
    );
  }

  const uniqueFiled = [...new Set(filedKeys)].sort();
  const existing = new Map<string, { data: Data; version: number }>();
  for (const r of await tx.query('SELECT key, data, version FROM items WHERE team_id = $1 AND key = ANY($2::text[]) ORDER BY key FOR UPDATE', [
    caller.teamId,
    uniqueFiled,
  ])) {
    const row = ExistingRow.parse(r);
    existing.set(row.key, { data: row.data, version: row.version });
  }
  const before = new Map([...existing].map(([k, v]) => [k, canonical(v.data)]));
  const created = new Set<string>();
  const results: SightingsResponse['results'] = [];
  sightings.forEach((s, i) => {
    const filed = filedKeys[i] ?? s.post.key;
    const current = existing.get(filed);
    const aliases = [s.post.key, ...(s.post.sameAs ?? [])];
    const data = merge(current?.data, s, filed, aliases, now);
    if (!current) created.add(filed);
    existing.set(filed, { data, version: current?.version ?? 0 });
  });

  const writes: { key: string; data: Data; state: string; version: number }[] = [];
  for (const key of uniqueFiled) {
    const entry = existing.get(key);
    if (!entry) continue;
    const isNew = created.has(key);
    if (!isNew && before.get(key) === canonical(entry.data)) continue;
    const data: Data = { ...entry.data, updatedAt: now };
    const version = entry.version + 1;
    writes.push({ key, data, state: data.filteredBy ? 'filtered' : 'new', version });
    entry.version = version;
  }
  if (writes.length > 0) {
    await tx.query(
      `INSERT INTO items (team_id, key, data, state, version, updated_at)
         SELECT $1, w->>'key', w->'data', w->>'state', (w->>'version')::integer, $3 FROM jsonb_array_elements($2::jsonb) AS w
       ON CONFLICT (team_id, key) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at`,
      [caller.teamId, JSON.stringify(writes), now],
    );
  }
  sightings.forEach((s, i) => {
    const filed = filedKeys[i] ?? s.post.key;
    results.push({ key: s.post.key, filedUnder: filed, created: created.has(filed), version: existing.get(filed)?.version ?? 1 });
  });
  return { response: { results }, changedKeys: writes.map((w) => w.key) };
}
