/** Reply-log entries as the repetition check reads them, and where "today" starts for a brand. */
import type { ReplyLogEntry } from '../schemas/replies';
import type { PreviousReply } from '../schemas/templates';
import { localDayNumber, wallToUtc } from '../time/zoned';

const DAY_MS = 86_400_000;

export function previousReplies(entries: readonly Pick<ReplyLogEntry, 'id' | 'text' | 'postAuthor' | 'repliedAt'>[]): PreviousReply[] {
  const seen = new Set<string>();
  const out: PreviousReply[] = [];
  for (const e of entries) {
    if (seen.has(e.id)) continue; // the same entry can come from the "today" and "this author" reads
    seen.add(e.id);
    out.push({ text: e.text, toAuthor: e.postAuthor, at: e.repliedAt });
  }
  return out;
}

/** Midnight of `now`'s local day in the brand's time zone. */
export function startOfDay(now: number, timeZone: string): number {
  try {
    return wallToUtc(localDayNumber(now, timeZone) * DAY_MS, timeZone);
  } catch {
    return now - DAY_MS;
  }
}
