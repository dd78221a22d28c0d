/**
 * scorePost: one post → priority 0..100 with the reasons that produced it.
 *
 * Priority formula (tests hold us to it): every reason carries integer `points`, and
 *   priority = clamp(Σ reason.points, 0, 100).
 * Each signal contributes at most its weight from `profile.weights` (a 0..1 level × weight).
 * A post caught by a noise rule gets a final `spam.<rule>` reason whose negative points cancel
 * the rest, so filtered posts sit at 0 yet still show every reason they would have had.
 * Complaint: the trained classifier's calibrated probability (lib/triage/model), nudged up by the
 * brand's own complaint phrases; its reason reads "0.86: "refunded", "still", "unbelievable"" and
 * contributes probability × the complaint weight.
 */
import type { Reason, ReasonFacts, TriageResult } from '../schemas/queue';
import type { BrandProfile } from '../schemas/settings';
import { findComplaintEvidence } from './complaint';
import { predictComplaint, shippedModel, sigmoid, type LoadedModel } from './model/classifier';
import { detectNoise } from './noise';
import { NOISE_RULES } from './rules';
import { analyzeSentiment, type Sentiment } from './sentiment';
import { findPraise, findQuestion, influenceOf } from './signals';
import { clip, tokenize } from './text';
import type { TriageContext, TriageInput } from './types';
import { dueAt, formatDuration, waitingOf } from './waiting';

export type TriageProfile = Pick<BrandProfile, 'weights' | 'complaintTerms' | 'firstResponseTargetMinutes' | 'businessHours' | 'handles'>;

/**
 * Without the trained model (`complaintModel: null`, kept for comparison), a post is a complaint when Σ phrase strengths − SCALE × sentiment reaches THRESHOLD: one clear
 * phrase (1) is enough, a weak one (0.5) needs a negative lean, clearly negative wording alone
 * (sentiment ≤ −THRESHOLD/SCALE) is enough, and praise cancels a weak phrase.
 */
export const COMPLAINT_EVIDENCE_THRESHOLD = 0.5;
export const SENTIMENT_EVIDENCE_SCALE = 2;

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
const finite = (n: number | undefined): number | undefined => (n !== undefined && Number.isFinite(n) ? n : undefined);
/** Up to three distinct driver words, quoted: `"worst", "😡"`. */
const quoteTerms = (drivers: readonly { term: string }[]): string =>
  [...new Set(drivers.map((d) => d.term))].slice(0, 3).map((t) => `"${t}"`).join(', ');
const fmtMoney = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The priority formula: the sum of the reasons' points, clamped to 0..100. */
export function priorityOf(reasons: readonly Pick<Reason, 'points'>[]): number {
  return clamp(reasons.reduce((s, r) => s + r.points, 0), 0, 100);
}

export function scorePost(input: TriageInput, profile: TriageProfile, context: TriageContext): TriageResult {
  const text = typeof input.text === 'string' ? input.text : '';
  const tokens = tokenize(text);
  const w = profile.weights;
  const reasons: Reason[] = [];
  const add = (code: string, points: number, detail: string, facts?: ReasonFacts): void => {
    reasons.push({ code, points: Number.isFinite(points) ? Math.round(points) : 0, detail: clip(detail, 300), ...(facts ? { facts } : {}) });
  };

  // Existing customer first: a buyer's post outranks a stranger's with the same words.
  const customer = context.customer;
  if (customer) {
    const orders = finite(customer.orderCount) ?? 0;
    const spent = finite(customer.totalSpent) ?? 0;
    const parts = [customer.name ?? '', `${orders} ${orders === 1 ? 'order' : 'orders'}`];
    if (spent > 0) parts.push(`${fmtMoney(spent)} spent`);
    const facts: ReasonFacts = { orders: Math.round(orders), ...(customer.name ? { name: customer.name } : {}), ...(spent > 0 ? { spent, currency: customer.currency ?? '' } : {}) };
    add('customer', w.customer * (orders > 0 ? 1 : 0.7), parts.filter(Boolean).join(', '), facts);
  }

  const sentiment = analyzeSentiment(text, tokens);
  const questionEvidence = findQuestion(text);
  const question = questionEvidence !== undefined;
  const praiseFound = findPraise(text);
  const model = context.complaintModel;
  const verdict = model === null
    ? lexiconVerdict(text, tokens, profile, sentiment)
    : modelVerdict(text, tokens, profile, { sentiment, question, praise: praiseFound !== undefined, aboutBrand: (context.matchedTerms?.length ?? 0) > 0 }, model);
  const complaint = verdict.complaint;
  if (complaint) add('complaint', w.complaint * verdict.level, verdict.detail);

  if (sentiment.score < 0) {
    const negatives = sentiment.drivers.filter((d) => d.value < 0);
    add('sentiment', w.sentiment * -sentiment.score, `${sentiment.score.toFixed(2)}: ${quoteTerms(negatives)}`);
  }

  const mentions = new Set([...(input.mentions ?? []).map((m) => m.replace(/^@/, '').toLowerCase()), ...tokens.filter((t) => t.kind === 'mention').map((t) => t.value)]);
  const brandHandles = profile.handles.map((h) => h.replace(/^@/, '').toLowerCase());
  const addressed =
    (context.matchedTerms?.length ?? 0) > 0 ||
    (brandHandles.length === 0 ? mentions.size > 0 : brandHandles.some((h) => mentions.has(h)));
  if (questionEvidence) add('question', w.question * (addressed ? 1 : 0.5), questionEvidence);

  const waiting = waitingOf(finite(input.createdAt), context.now, profile);
  if (waiting && waiting.businessMs > 0) {
    const ratio = waiting.businessMs / waiting.targetMs;
    const level = waiting.overdue ? 1 : 0.5 * ratio;
    const detail = `waiting ${waiting.atLeast ? 'over ' : ''}${formatDuration(waiting.businessMs)}, SLA ${formatDuration(waiting.targetMs)}${waiting.overdue ? ', overdue' : ''}`;
    const facts: ReasonFacts = { waitingMin: Math.floor(waiting.businessMs / 60_000), targetMin: Math.floor(waiting.targetMs / 60_000), atLeast: waiting.atLeast, overdue: waiting.overdue };
    if (Math.round(w.waiting * level) > 0) add(waiting.overdue ? 'overdue' : 'waiting', w.waiting * level, detail, facts);
  }

  const influence = influenceOf(finite(input.followers), input.authorVerified ?? false, input.counts ?? {});
  if (influence) add('influence', w.influence * influence.level, influence.detail, influence.facts);

  const praiseEvidence = complaint ? undefined : praiseFound;
  const praise = !complaint && ((praiseEvidence !== undefined && sentiment.score > 0) || sentiment.score >= 0.6);
  if (praise) add('praise', w.praise, praiseEvidence ?? quoteTerms(sentiment.drivers.filter((d) => d.value > 0)));

  const noise = detectNoise(
    { text, tokens, authorHandle: input.authorHandle ?? '', brandHandles, needsHelp: complaint || question },
    context.noiseRules ?? NOISE_RULES,
  );
  if (noise) {
    const sum = reasons.reduce((s, r) => s + r.points, 0);
    add(`spam.${noise.rule}`, -sum, noise.detail);
  }

  const priority = priorityOf(reasons);
  const due = dueAt({ createdAt: finite(input.createdAt) }, profile);
  return {
    priority,
    reasons,
    complaint,
    question,
    praise,
    spam: noise !== undefined,
    sentiment: clamp(sentiment.score, -1, 1),
    sentimentLabel: sentiment.label,
    sentimentWords: sentiment.drivers.slice(0, 10).map((d) => d.term.slice(0, 120)),
    ...(due !== undefined ? { dueAt: due } : {}),
    ...(noise ? { filteredBy: noise } : {}),
    ...(verdict.probability !== undefined ? { complaintProbability: verdict.probability } : {}),
  };
}

interface Verdict {
  complaint: boolean;
  /** 0..1 share of the complaint weight. */
  level: number;
  detail: string;
  probability?: number;
}

/**
 * Each of the brand's own complaint phrases adds this much to the model's log-odds: one phrase
 * lifts a 0.3 post over the line, so a brand's words for its own problems still count.
 */
export const OWN_TERM_LOGIT = 1.5;

/** The trained classifier's calibrated probability, plus the brand's own phrases. */
function modelVerdict(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  profile: TriageProfile,
  signals: { sentiment: Sentiment; question: boolean; praise: boolean; aboutBrand: boolean },
  given: LoadedModel | undefined,
): Verdict {
  const model = given ?? shippedModel();
  const builtIn = findComplaintEvidence(text, tokens);
  const own = profile.complaintTerms.length > 0 ? findComplaintEvidence(text, tokens, profile.complaintTerms, { builtIn: false }) : [];
  const prediction = predictComplaint(
    text,
    { sentiment: signals.sentiment.score, complaintStrength: builtIn.reduce((s, h) => s + h.strength, 0), question: signals.question, praise: signals.praise, aboutBrand: signals.aboutBrand },
    model,
    own.length > 0 ? 'always' : 'ifComplaint',
  );
  const boost = OWN_TERM_LOGIT * own.reduce((s, h) => s + h.strength, 0);
  const p = boost > 0 ? sigmoid(Math.log(prediction.probability / Math.max(1e-9, 1 - prediction.probability)) + boost) : prediction.probability;
  const probability = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
  const words = [...new Set([...own.map((h) => h.evidence), ...prediction.drivers.map((d) => `"${d}"`)])].slice(0, 4);
  return {
    complaint: probability >= model.threshold,
    level: probability,
    detail: `${probability.toFixed(2)}${words.length > 0 ? `: ${words.join(', ')}` : ''}`,
    probability,
  };
}

/** The rules before the trained model (kept for comparison in `npm run eval`). */
function lexiconVerdict(text: string, tokens: ReturnType<typeof tokenize>, profile: TriageProfile, sentiment: Sentiment): Verdict {
  const hits = findComplaintEvidence(text, tokens, profile.complaintTerms);
  const strong = hits.filter((h) => h.strength >= 1);
  const weak = hits.filter((h) => h.strength < 1);
  // Evidence adds up: phrases by strength, sentiment by its sign (positive posts need more proof).
  const evidenceScore = hits.reduce((s, h) => s + h.strength, 0) - SENTIMENT_EVIDENCE_SCALE * sentiment.score;
  const evidence = [...new Set((strong.length > 0 ? strong : weak).map((h) => h.evidence))].slice(0, 4);
  return {
    complaint: evidenceScore >= COMPLAINT_EVIDENCE_THRESHOLD,
    level: Math.min(1, evidenceScore / 2),
    detail: evidence.length > 0 ? evidence.join(', ') : quoteTerms(sentiment.drivers.filter((d) => d.value < 0)),
  };
}
