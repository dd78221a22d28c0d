/** Compact builders for hand-written review tables. */
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../../../lib/schemas/replies';
import { MentionRecordSchema, type MentionRecord } from '../../../lib/schemas/review';

export const MIN = 60_000;
let seq = 0;

export function entry(over: Partial<ReplyLogEntry> & { repliedAt: number; frtMin?: number; frtBizMin?: number }): ReplyLogEntry {
  const { frtMin = 10, frtBizMin, ...rest } = over;
  const site = rest.site ?? 'x';
  return ReplyLogEntrySchema.parse({
    id: `e${++seq}`,
    postKey: `${site}:p${seq}`,
    site,
    brandId: 'utc',
    agent: 'ann',
    text: `reply ${seq}`,
    postCreatedAt: rest.repliedAt - frtMin * MIN,
    firstSeenAt: rest.repliedAt - frtMin * MIN,
    frtWallMs: frtMin * MIN,
    frtBusinessMs: (frtBizMin ?? frtMin) * MIN,
    slaMet: (frtBizMin ?? frtMin) <= 60,
    ...rest,
  });
}

export function mention(over: Partial<MentionRecord> & { firstSeenAt: number }): MentionRecord {
  const site = over.site ?? 'x';
  return MentionRecordSchema.parse({
    key: `${site}:m${++seq}`,
    site,
    brandId: 'utc',
    state: 'new',
    postCreatedAt: over.firstSeenAt,
    agent: 'ann',
    ...over,
  });
}
