/**
 * Evaluates lib/triage on real labelled posts in ../shared/data (skips cleanly when absent).
 *
 * Airline set (Twitter US Airline Sentiment, 14,640 rows): ground truth "complaint" = a non-empty
 * `negativereason`, which in this data is exactly the rows labelled airline_sentiment=negative
 * (9,178); neutral (3,099) and positive (2,363) rows are non-complaints. All rows count, whatever
 * their label confidence; we also print the figures for rows with confidence ≥ 0.6 for context.
 * Split: an FNV-1a hash of tweet_id puts each row in the tuning or the held-out half (≈50/50); the
 * threshold (COMPLAINT_EVIDENCE_THRESHOLD) was chosen on the tuning half. Honesty note: one early
 * error-analysis pass (reading missed complaints to find general service phrases such as "is down",
 * "been trying", "haven't heard back") used an older last-digit split that overlaps the held-out
 * half, so held-out is near-, not perfectly, untouched; no airline-specific words were added.
 * Since the trained complaint classifier (lib/triage/model) these figures are the model's: it was
 * never trained, calibrated or tuned on this set (CC BY-NC-SA: evaluation only); the notes above
 * are about the lexicon rules, which eval-complaints.ts still scores beside it.
 * Ranking: ROC AUC of priority, negative vs positive posts (Mann–Whitney U, ties count half).
 * `now` is set to each post's own time so waiting time does not blur the comparison.
 *
 * Customer Support on Twitter sample: only inbound (customer) posts; no labels, so we report how
 * many get complaint / question / spam flags, and whether brand replies are caught as own posts;
 * then how many inbound posts are mentions as the X web app shows them (leading @handles of a
 * reply moved to "Replying to"), by visible text alone and with replies to a brand handle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { defaultTriageProfile, scorePost } from '../lib/triage/index';
import { addressedBrand } from '../lib/matching/addressed';
import { compileMatcher } from '../lib/matching/matcher';
import { BrandProfileSchema } from '../lib/schemas/settings';
import { evalBaseline } from './eval-baseline';
import { evalComplaints } from './eval-complaints';
import { prf, rocAuc } from '../lib/triage/model/metrics';

const DATA = resolve(process.cwd(), '../shared/data/support');
const AIRLINE = resolve(DATA, 'airline-sentiment-2015.csv');
const CSTW = resolve(DATA, 'customer-support-on-twitter-sample.csv');

type Row = Record<string, string | undefined>;

function readCsv(path: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data;
}

interface Scored {
  id: string;
  truth: 'negative' | 'neutral' | 'positive';
  confidence: number;
  complaint: boolean;
  spam: boolean;
  priority: number;
}

/** FNV-1a of the id, low bit: a stable, even split independent of row order. */
export function halfOf(id: string): 0 | 1 {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h & 1) === 0 ? 0 : 1;
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
const f3 = (n: number): string => n.toFixed(3);

function airline(): Record<string, unknown> {
  const profile = defaultTriageProfile();
  const scored: Scored[] = [];
  for (const row of readCsv(AIRLINE)) {
    const truth = row.airline_sentiment;
    if (truth !== 'negative' && truth !== 'neutral' && truth !== 'positive') continue;
    const created = Date.parse((row.tweet_created ?? '').replace(' ', 'T').replace(' ', ''));
    const now = Number.isFinite(created) ? created : 0;
    const r = scorePost(
      { text: row.text ?? '', authorHandle: row.name ?? '', createdAt: Number.isFinite(created) ? created : undefined, counts: { reposts: Number(row.retweet_count) || 0 } },
      profile,
      { now },
    );
    scored.push({ id: row.tweet_id ?? '', truth, confidence: Number(row.airline_sentiment_confidence) || 0, complaint: r.complaint, spam: r.spam, priority: r.priority });
  }
  // Snowflake ids' last digits are not uniform, so split on a hash of the id instead.
  const isEven = (id: string): boolean => halfOf(id) === 0;
  const sets = {
    all: scored,
    tune: scored.filter((s) => isEven(s.id)),
    heldOut: scored.filter((s) => !isEven(s.id)),
    confident: scored.filter((s) => s.confidence >= 0.6),
  };
  const table: Record<string, Record<string, number>> = {};
  for (const [name, rows] of Object.entries(sets)) {
    const m = prf(rows.map((s) => ({ truth: s.truth === 'negative', predicted: s.complaint })));
    const auc = rocAuc(rows.filter((s) => s.truth === 'negative').map((s) => s.priority), rows.filter((s) => s.truth === 'positive').map((s) => s.priority));
    const aucNonNeg = rocAuc(rows.filter((s) => s.truth === 'negative').map((s) => s.priority), rows.filter((s) => s.truth !== 'negative').map((s) => s.priority));
    table[name] = { rows: rows.length, precision: m.precision, recall: m.recall, f1: m.f1, accuracy: m.accuracy, aucNegVsPos: auc, aucNegVsRest: aucNonNeg };
  }
  const byClass: Record<string, { rows: number; complaint: number; spam: number; meanPriority: number }> = {};
  for (const cls of ['negative', 'neutral', 'positive'] as const) {
    const rows = scored.filter((s) => s.truth === cls);
    byClass[cls] = {
      rows: rows.length,
      complaint: rows.filter((s) => s.complaint).length,
      spam: rows.filter((s) => s.spam).length,
      meanPriority: rows.reduce((a, s) => a + s.priority, 0) / Math.max(1, rows.length),
    };
  }
  const spamShare = scored.filter((s) => s.spam).length / Math.max(1, scored.length);

  console.log('\nAirline sentiment 2015 — complaint = negativereason non-empty (= airline_sentiment negative)');
  console.log('set        rows   precision  recall  F1     accuracy  AUC neg/pos  AUC neg/rest');
  for (const [name, t] of Object.entries(table)) {
    console.log(
      `${name.padEnd(10)} ${String(t.rows).padStart(5)}  ${f3(t.precision ?? 0).padStart(9)}  ${f3(t.recall ?? 0).padStart(6)}  ${f3(t.f1 ?? 0)}  ${f3(t.accuracy ?? 0).padStart(8)}  ${f3(t.aucNegVsPos ?? 0).padStart(11)}  ${f3(t.aucNegVsRest ?? 0).padStart(12)}`,
    );
  }
  console.log('\nclass      rows   flagged complaint  flagged spam  mean priority');
  for (const [cls, c] of Object.entries(byClass)) {
    console.log(`${cls.padEnd(10)} ${String(c.rows).padStart(5)}  ${`${c.complaint} (${pct(c.complaint / Math.max(1, c.rows))})`.padStart(17)}  ${String(c.spam).padStart(12)}  ${c.meanPriority.toFixed(1).padStart(13)}`);
  }
  console.log(`spam share: ${pct(spamShare)}`);
  return { sets: table, byClass, spamShare };
}

function customerSupport(): Record<string, unknown> {
  const profile = defaultTriageProfile();
  const rows = readCsv(CSTW);
  const inbound = rows.filter((r) => r.inbound === 'True');
  const outbound = rows.filter((r) => r.inbound === 'False');
  let complaint = 0, question = 0, spam = 0, either = 0;
  for (const r of inbound) {
    const res = scorePost({ text: r.text ?? '', authorHandle: r.author_id ?? '' }, profile, { now: 0 });
    if (res.complaint) complaint++;
    if (res.question) question++;
    if (res.spam) spam++;
    if (res.complaint || res.question) either++;
  }
  // With the brands' handles configured, their own replies must be filtered as own posts.
  const brandProfile = defaultTriageProfile({ handles: [...new Set(outbound.map((r) => r.author_id ?? '').filter(Boolean))] });
  const own = outbound.filter((r) => scorePost({ text: r.text ?? '', authorHandle: r.author_id ?? '' }, brandProfile, { now: 0 }).filteredBy?.rule === 'ownPost').length;
  // As bare text (no brand handles, as `npm run triage` without --brand): an agent's reply is no complaint.
  const outboundComplaint = outbound.filter((r) => scorePost({ text: r.text ?? '', authorHandle: r.author_id ?? '' }, profile, { now: 0 }).complaint).length;
  console.log('\nCustomer Support on Twitter sample — inbound customer posts (no labels)');
  console.log(`inbound ${inbound.length}: complaint ${complaint} (${pct(complaint / Math.max(1, inbound.length))}), question ${question} (${pct(question / Math.max(1, inbound.length))}), complaint or question ${either} (${pct(either / Math.max(1, inbound.length))}), spam ${spam}`);
  console.log(`outbound brand replies ${outbound.length}: filtered as own posts ${own}; read as bare text, complaints ${outboundComplaint}`);
  return { inbound: inbound.length, complaint, question, either, spam, outbound: outbound.length, ownPostFiltered: own, outboundComplaint };
}

/**
 * The same inbound posts as the X web app shows them: a reply's leading @handles are not in its
 * text but on a "Replying to" line above it. Brands are configured with their handles only (the
 * least a shop sets up). How many inbound posts count as mentions by their visible text alone, and
 * how many once a reply to a brand handle counts too.
 */
function mentionsAsTheWebShows(): Record<string, unknown> {
  const rows = readCsv(CSTW);
  const handles = [...new Set(rows.filter((r) => r.inbound === 'False').map((r) => r.author_id ?? '').filter(Boolean))];
  const brands = handles.map((h) => BrandProfileSchema.parse({ id: h, name: h, handles: [h], createdAt: 0, updatedAt: 0 }));
  const matcher = compileMatcher(brands);
  const LEADING = /^(?:[@＠]\w{1,15}\s+)+/u;
  let replies = 0, byText = 0, byTextOrReply = 0, repliesByText = 0, repliesByReply = 0;
  const inbound = rows.filter((r) => r.inbound === 'True');
  for (const r of inbound) {
    const raw = r.text ?? '';
    const isReply = Boolean(r.in_response_to_tweet_id);
    const leading = isReply ? (LEADING.exec(raw)?.[0] ?? '') : '';
    const text = raw.slice(leading.length);
    const replyToHandles = [...leading.matchAll(/[@＠](\w{1,15})/gu)].map((m) => m[1] ?? '');
    const named = matcher.match(text).length > 0;
    const addressed = addressedBrand(brands, { replyToHandles, threadOwner: undefined, quotedAuthorHandle: undefined }) !== undefined;
    if (named) byText++;
    if (named || addressed) byTextOrReply++;
    if (isReply) {
      replies++;
      if (named) repliesByText++;
      if (named || addressed) repliesByReply++;
    }
  }
  console.log('\nCustomer Support on Twitter sample — inbound posts as the X web app shows them (brand handles only)');
  console.log(`inbound ${inbound.length} (${replies} replies): a mention by visible text ${byText}; by text or "Replying to" a brand handle ${byTextOrReply}`);
  console.log(`replies: by visible text ${repliesByText} of ${replies}; with "Replying to" ${repliesByReply} of ${replies} (the rest answer anonymised ids)`);
  return { inbound: inbound.length, replies, byText, byTextOrReply, repliesByText, repliesByReply };
}

function main(): void {
  const result: Record<string, unknown> = {};
  const complaints = evalComplaints();
  if (complaints) result.complaintClassifier = complaints;
  const baseline = evalBaseline();
  if (baseline) result.plainBaseline = baseline;
  if (!existsSync(DATA)) {
    console.log(`eval: ${DATA} not found — skipping (the shared data folder is optional).`);
    if (complaints) console.log(`\n${JSON.stringify({ eval: 'triage', ...result })}`);
    return;
  }
  if (existsSync(AIRLINE)) result.airline = airline();
  else console.log('eval: airline-sentiment-2015.csv not found — skipped.');
  if (existsSync(CSTW)) {
    result.customerSupport = customerSupport();
    result.mentionsAsShown = mentionsAsTheWebShows();
  }
  else console.log('eval: customer-support-on-twitter-sample.csv not found — skipped.');
  console.log(`\n${JSON.stringify({ eval: 'triage', ...result })}`);
}

main();
