/**
 * A post as the page sends it: without undefined fields or fields equal to PostSchema's defaults.
 * The background parses every post with PostSchema (`ingest`), which puts the defaults back, so
 * nothing is lost and each batch is smaller for the browser to serialise on the page's thread.
 * Generic over the fields, so a field added to the schema later still goes out.
 */
import type { Post } from '@/lib/schemas/posts';

/** PostSchema's defaults for scalar fields (lib/schemas/posts.ts). */
const DEFAULTS = new Map<string, unknown>([
  ['kind', 'post'],
  ['authorHandle', ''],
  ['authorName', ''],
  ['authorVerified', false],
  ['truncated', false],
  ['isReply', false],
]);
/** Fields whose default is empty (`[]`, `{}`): left out when empty. */
const EMPTY_BY_DEFAULT = new Set(['replyToHandles', 'counts']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` without its undefined members; undefined when nothing is left (the default `{}`). */
function compactRecord(value: Record<string, unknown>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const name in value) {
    const member = value[name];
    if (member === undefined) continue;
    out ??= {};
    out[name] = member;
  }
  return out;
}

export function wirePost(post: Post): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(post)) {
    if (value === undefined || DEFAULTS.get(name) === value) continue;
    if (Array.isArray(value) && value.length === 0 && EMPTY_BY_DEFAULT.has(name)) continue;
    if (isRecord(value)) {
      const members = compactRecord(value);
      if (members) out[name] = members;
      else if (!EMPTY_BY_DEFAULT.has(name)) out[name] = {};
      continue;
    }
    out[name] = value;
  }
  return out;
}
