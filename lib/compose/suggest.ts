/**
 * Which templates to offer first for a queue item. Simple, explainable heuristics: the item's
 * reasons map to words we look for in a template's tags, short code and title (strong evidence)
 * and wording (weak evidence), and a template in the post's language beats one in another.
 */
import type { QueueItem } from '../schemas/queue';
import type { Template } from '../schemas/templates';
import { detectLanguage, type ReplyLanguage } from '../tone/language';

export type SuggestionReason = 'complaint' | 'question' | 'praise' | 'waiting' | 'language';

/** Stems, matched as substrings of folded text, so "apolog" finds apology/apologise. */
const CUES: Record<Exclude<SuggestionReason, 'language'>, readonly string[]> = {
  complaint: ['sorry', 'apolog', 'complain', 'broken', 'faulty', 'damage', 'refund', 'problem', 'issue', 'fix', 'извин', 'жалоб', 'слома', 'возврат', '抱歉', '投诉', '退款', '损坏', '故障'],
  waiting: ['late', 'delay', 'wait', 'where is', 'tracking', 'shipping', 'задерж', 'опазд', 'доставк', '延误', '延迟', '物流'],
  question: ['question', 'faq', 'how to', 'info', 'answer', 'help', 'вопрос', 'как ', '问题', '如何'],
  praise: ['thank', 'praise', 'love', 'спасиб', 'благодар', '谢谢', '感谢'],
};

export interface Suggestion {
  template: Template;
  score: number;
  reasons: SuggestionReason[];
}

const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase();
const PLACEHOLDER = /\{\{[^}]*\}\}/gu;

/** Language of a template's wording, ignoring placeholders ("{{customer.first_name}}" is not English). */
export function templateLanguage(template: Pick<Template, 'bodies' | 'title'>): ReplyLanguage {
  const sample = (template.bodies[0] ?? '').replace(PLACEHOLDER, ' ');
  const lang = detectLanguage(sample);
  return lang === 'other' ? detectLanguage(template.title) : lang;
}

/** What the item is about, from its flags and reason codes. */
export function itemNeeds(item: Pick<QueueItem, 'complaint' | 'question' | 'praise' | 'reasonCodes'>): Array<Exclude<SuggestionReason, 'language'>> {
  const needs = new Set<Exclude<SuggestionReason, 'language'>>();
  const codes = new Set(item.reasonCodes);
  if (item.complaint || codes.has('complaint')) needs.add('complaint');
  if (codes.has('waiting') || codes.has('complaint.late') || codes.has('late')) needs.add('waiting');
  if (item.question || codes.has('question')) needs.add('question');
  if (item.praise || codes.has('praise')) needs.add('praise');
  return [...needs];
}

const STRONG = 10;
const WEAK = 3;
const SAME_LANGUAGE = 6;
const OTHER_LANGUAGE = -20;

/**
 * Every template, best first; `reasons` is empty for ones that only sort by use. `postText`
 * drives the language preference (complaint in Russian → the Russian "late" template).
 */
export function rankSuggestions(
  templates: readonly Template[],
  item: Pick<QueueItem, 'complaint' | 'question' | 'praise' | 'reasonCodes'>,
  postText: string,
): Suggestion[] {
  const needs = itemNeeds(item);
  const postLang = detectLanguage(postText);
  const ranked = templates.map((template): Suggestion => {
    const strong = fold([template.shortCode, template.title, ...template.tags].join(' '));
    const weak = fold(template.bodies.join(' '));
    let score = 0;
    const reasons: SuggestionReason[] = [];
    for (const need of needs) {
      const cues = CUES[need];
      const points = cues.some((c) => strong.includes(c)) ? STRONG : cues.some((c) => weak.includes(c)) ? WEAK : 0;
      if (points > 0) {
        score += points;
        reasons.push(need);
      }
    }
    const lang = templateLanguage(template);
    if (postLang !== 'other' && lang !== 'other') {
      if (lang === postLang) {
        // Language only counts as a reason when the template also fits the situation.
        if (score > 0) {
          score += SAME_LANGUAGE;
          reasons.push('language');
        }
      } else {
        // Fits the situation but not the customer's language: listed, never suggested.
        score += OTHER_LANGUAGE;
        reasons.length = 0;
      }
    }
    return { template, score, reasons };
  });
  return ranked.sort(
    (a, b) => b.score - a.score || b.template.useCount - a.template.useCount || a.template.title.localeCompare(b.template.title),
  );
}

/** Templates this agent may use for this brand: the brand's shared ones, unbranded ones, and their own. */
export function visibleTemplates(templates: readonly Template[], brandId: string | undefined, agent: string): Template[] {
  const me = agent.trim().toLocaleLowerCase();
  return templates.filter((t) => {
    if (t.brandId !== undefined && brandId !== undefined && t.brandId !== brandId) return false;
    if (t.scope === 'personal') return t.owner.trim().toLocaleLowerCase() === me;
    return true;
  });
}
