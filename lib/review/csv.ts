/**
 * Interactions CSV for spreadsheets: one row per reply sent, plus (optionally) one row per queued
 * mention that got no reply, so unanswered posts are visible too.
 *
 * Safety: every cell is quoted and any field a spreadsheet could split out of it (with `,` `;` or
 * TAB as separator) that starts a formula gets a leading apostrophe (lib/spreadsheet/csvCell.ts).
 * Post and reply text is written out in full (quotes, newlines, any script). A UTF-8 BOM is
 * prepended by default so Excel reads Cyrillic and Chinese correctly.
 */
import { csvText, neutraliseFormulas } from '../spreadsheet/csvCell';
import type { ReplyLogEntry } from '../schemas/replies';
import type { MentionRecord } from '../schemas/review';

export const INTERACTION_COLUMNS = [
  'post_key',
  'site',
  'brand_id',
  'post_author',
  'post_text',
  'customer_id',
  'customer_name',
  'agent',
  'template',
  'reply_text',
  'reply_url',
  'post_created_at',
  'first_seen_at',
  'replied_at',
  'frt_wall_min',
  'frt_business_min',
  'sla_met',
  'complaint',
  'reason_codes',
  'state',
  'dismiss_reason',
] as const;

type Column = (typeof INTERACTION_COLUMNS)[number];
type Row = Record<Column, string | number | boolean>;

/** Neutralises spreadsheet formulas in a text cell (see lib/spreadsheet/csvCell.ts). */
export const escapeFormula = neutraliseFormulas;

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());
// Two decimals: minutes are the unit people read; the exact ms stay in the log.
const minutes = (ms: number): number => Math.round(ms / 600) / 100;

export interface CsvOptions {
  includeUnanswered?: boolean;
  bom?: boolean;
}

export function toInteractionsCsv(
  entries: readonly ReplyLogEntry[],
  mentions: readonly MentionRecord[] = [],
  customersById: ReadonlyMap<string, { name: string }> = new Map(),
  options: CsvOptions = {},
): string {
  const { includeUnanswered = true, bom = true } = options;
  const mentionByKey = new Map(mentions.map((m) => [m.key, m]));
  const answeredKeys = new Set(entries.map((e) => e.postKey));
  const rows: Row[] = [];
  for (const e of [...entries].sort((a, b) => a.repliedAt - b.repliedAt || (a.id < b.id ? -1 : 1))) {
    const m = mentionByKey.get(e.postKey);
    rows.push({
      post_key: e.postKey,
      site: e.site,
      brand_id: e.brandId,
      post_author: e.postAuthor,
      post_text: e.postText,
      customer_id: e.customerId ?? '',
      customer_name: (e.customerId && customersById.get(e.customerId)?.name) || '',
      agent: e.agent,
      template: e.templateShortCode ?? e.templateId ?? '',
      reply_text: e.text,
      reply_url: e.replyUrl ?? '',
      post_created_at: iso(e.postCreatedAt),
      first_seen_at: iso(e.firstSeenAt),
      replied_at: iso(e.repliedAt),
      frt_wall_min: minutes(e.frtWallMs),
      frt_business_min: minutes(e.frtBusinessMs),
      sla_met: e.slaMet,
      complaint: e.complaint,
      reason_codes: e.reasonCodes.join(' '),
      state: m?.state ?? e.outcome,
      dismiss_reason: m?.dismissReason ?? '',
    });
  }
  if (includeUnanswered) {
    for (const m of [...mentions].sort((a, b) => a.firstSeenAt - b.firstSeenAt || (a.key < b.key ? -1 : 1))) {
      if (answeredKeys.has(m.key)) continue;
      rows.push({
        post_key: m.key, site: m.site, brand_id: m.brandId, post_author: '', post_text: '',
        customer_id: '', customer_name: '', agent: m.agent, template: '', reply_text: '', reply_url: '',
        post_created_at: iso(m.postCreatedAt), first_seen_at: iso(m.firstSeenAt), replied_at: iso(m.repliedAt),
        frt_wall_min: '', frt_business_min: '', sla_met: '', complaint: m.complaint,
        reason_codes: m.reasonCodes.join(' '), state: m.state, dismiss_reason: m.dismissReason ?? '',
      });
    }
  }
  const csv = csvText([[...INTERACTION_COLUMNS], ...rows.map((row) => INTERACTION_COLUMNS.map((c) => row[c]))]);
  return bom ? `\uFEFF${csv}` : csv;
}
