/**
 * Tone-of-voice checks over a reply draft. Each finding carries the exact range of the offending
 * words (`text.slice(start, end)`), or an empty range at 0 when the problem is the whole reply
 * (no apology to a complaint, missing sign-off). Findings are codes + params; the UI words them.
 */
import type { ToneCheckId, ToneRules } from '../schemas/settings';
import type { PreviousReply, ToneFinding } from '../schemas/templates';
import { findPhrases, findSource, type Match } from './match';
import type { ReplyLanguage } from './language';
import { EN } from './phrases/en';
import { PRIVATE_DETAIL_PATTERNS } from './phrases/privateDetails';
import { RU } from './phrases/ru';
import { ZH } from './phrases/zh';
import { repetition, type RepetitionOptions } from './repetition';

export interface ToneOptions {
  rules: ToneRules;
  postIsComplaint: boolean;
  /** Language of the reply. When omitted, all three languages' lists apply (replies do mix). */
  language?: ReplyLanguage;
  /** The agent's own switches; replaces `rules.enabled` when given. */
  enabled?: readonly ToneCheckId[];
  previousReplies?: readonly PreviousReply[];
  /** Handle/name of the person being replied to, for the repetition check. */
  author?: string;
  now?: number;
  repetition?: Pick<RepetitionOptions, 'since' | 'sameDayThreshold' | 'similarity'>;
}

type ListName = 'overPromising' | 'apology' | 'empathy' | 'greetings' | 'dm';
const LISTS = { en: EN, ru: RU, zh: ZH } as const;

function phrases(list: ListName, language: ReplyLanguage | undefined): string[] {
  if (language === 'en' || language === 'ru' || language === 'zh') return [...LISTS[language][list]];
  return [...EN[list], ...RU[list], ...ZH[list]];
}

// Emoji shown as pictures: presentation emoji, text-default ones forced with U+FE0F, a few
// hearts/smileys people type without the selector, flags; with modifiers and ZWJ sequences.
const EMOJI =
  /(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|[\u2639\u263A\u2764\u2665])(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|\u200D(?:\p{Extended_Pictographic}\uFE0F?))*|\p{Regional_Indicator}{2}/gu;

/** Offset where the reply proper starts: after the leading @mentions X puts in a reply. */
function bodyStart(text: string): number {
  const m = /^\s*(?:@[\p{L}\p{N}_]+[\s,]*)*/u.exec(text);
  return m ? m[0].length : 0;
}

function startsWithAny(text: string, at: number, list: readonly string[]): Match | undefined {
  return findPhrases(text.slice(at, at + 200), list).find((m) => m.start === 0);
}

export function checkTone(text: string, options: ToneOptions): ToneFinding[] {
  const { rules, postIsComplaint, language } = options;
  const enabled = new Set(options.enabled ?? rules.enabled);
  const findings: ToneFinding[] = [];
  const add = (check: ToneCheckId, code: string, start: number, end: number, params: Record<string, string | number> = {}): void => {
    findings.push({ check, code, start, end, blocking: rules.blocking.includes(check), params });
  };

  if (enabled.has('bannedPhrases')) {
    for (const m of findPhrases(text, rules.bannedPhrases)) add('bannedPhrases', 'tone.banned', m.start, m.end, { phrase: m.phrase });
  }

  if (enabled.has('preferredPhrases')) {
    for (const pair of rules.preferredPhrases) {
      for (const m of findPhrases(text, [pair.avoid])) {
        add('preferredPhrases', 'tone.preferred', m.start, m.end, { avoid: pair.avoid, prefer: pair.prefer });
      }
    }
  }

  if (enabled.has('overPromising')) {
    for (const m of findPhrases(text, [...phrases('overPromising', language), ...rules.overPromisingPhrases])) {
      add('overPromising', 'tone.overPromise', m.start, m.end, { phrase: m.phrase });
    }
  }

  if (enabled.has('greeting')) {
    const at = bodyStart(text);
    const banned = startsWithAny(text, at, rules.bannedGreetings);
    if (banned) add('greeting', 'tone.greetingBanned', at + banned.start, at + banned.end, { greeting: banned.phrase });
    else if (rules.greetingRequired && !startsWithAny(text, at, phrases('greetings', language))) {
      add('greeting', 'tone.greetingMissing', 0, 0);
    }
  }

  if (enabled.has('signOff') && rules.signOff.trim() !== '') {
    const signOff = rules.signOff.trim();
    const tail = text.trimEnd().replace(/[.!。！]+$/u, '');
    if (!tail.toLocaleLowerCase().endsWith(signOff.toLocaleLowerCase())) add('signOff', 'tone.signOffMissing', 0, 0, { signOff });
  }

  if (enabled.has('emoji') && (rules.emojiPolicy === 'never' || (rules.emojiPolicy === 'noneInComplaints' && postIsComplaint))) {
    const code = rules.emojiPolicy === 'never' ? 'tone.emojiNever' : 'tone.emojiInComplaint';
    for (const m of findSource(text, EMOJI.source, '')) add('emoji', code, m.start, m.end, { emoji: text.slice(m.start, m.end) });
  }

  if (enabled.has('empathy')) {
    const apologies = findPhrases(text, phrases('apology', language));
    if (postIsComplaint && apologies.length === 0 && findPhrases(text, phrases('empathy', language)).length === 0) {
      add('empathy', 'tone.empathyMissing', 0, 0);
    }
    // "We say sorry once": every apology after the first is highlighted.
    for (const m of apologies.slice(1)) add('empathy', 'tone.apologyRepeated', m.start, m.end, { count: apologies.length });
  }

  if (enabled.has('privateDetails') && findPhrases(text, phrases('dm', language)).length === 0) {
    const requests: Match[] = [];
    for (const p of PRIVATE_DETAIL_PATTERNS) requests.push(...findSource(text, p.cjk ? p.source : boundary(p.source), p.detail));
    requests.sort((a, b) => a.start - b.start);
    let until = -1;
    for (const m of requests) {
      if (m.start < until) continue;
      until = m.end;
      add('privateDetails', 'tone.privateDetailsInPublic', m.start, m.end, { detail: m.phrase });
    }
  }

  if (enabled.has('repetition') && options.previousReplies && options.previousReplies.length > 0) {
    for (const hit of repetition(text, options.previousReplies, {
      author: options.author ?? '',
      now: options.now ?? Date.now(),
      ...options.repetition,
    })) {
      add('repetition', hit.code, 0, 0, hit.params);
    }
  }

  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

const boundary = (source: string): string => `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
