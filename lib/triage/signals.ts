/** Question, praise and influence signals: small, explainable detectors. */
import type { ReasonFacts } from '../schemas/queue';
import { clip, normalizeText } from './text';

// Question openers at the start of a clause; a bare "?" anywhere also counts.
const QUESTION_OPENERS = new RegExp(
  [
    String.raw`(?:^|[.!?]\s+)(how\s+(do|can|does|long|much|come|to)|can\s+(you|i|we|someone|anyone)|could\s+(you|i|someone)|would\s+you|will\s+you|is\s+(there|it|this|my)|are\s+(there|you)|do\s+(you|i)|does\s+(anyone|this|it)|why|where|when\s+(will|is|are|can|do)|what\s+(is|are|do|does|should|happened)|which|who\s+(do|can|is)|any\s+(update|news|idea)s?|anyone\s+know|please\s+advise|pls\s+advise)\b`,
    String.raw`(?:^|[.!?]\s+)(как|почему|зачем|где|когда|что\s+делать|можно\s+ли|подскажите|скажите|кто\s+(может|знает))(?![\p{L}])`,
    String.raw`吗|怎么|为什么|如何|能不能|可不可以|什么时候|何时|哪里|请问|有没有`,
  ].join('|'),
  'iu',
);

/** Evidence for a question, or undefined. */
export function findQuestion(text: string): string | undefined {
  const body = normalizeText(text)
    .replace(/^(?:[@＠][\p{L}\p{N}_]+\s*)+/u, '')
    .replace(/https?:\/\/\S+/g, '');
  const mark = /[^.!?。！？]*[?？]/u.exec(body);
  if (mark) return `"${clip(mark[0].trim(), 60)}"`;
  const opener = QUESTION_OPENERS.exec(body);
  if (opener) return `"${clip(body.slice(opener.index).replace(/^[.!?]\s+/, ''), 60)}"`;
  return undefined;
}

const PRAISE = new RegExp(
  [
    String.raw`\b(thank\s*(you|u|s)|thx|ty|kudos|shout\s*-?out|props\s+to|love\s+(you|it|this|the|your)|you\s+rock|well\s+done|great\s+(job|service|work|experience)|amazing|awesome|best\s+\w+\s+ever|appreciate)`,
    String.raw`спасибо|благодар|молодц|люблю\s+ваш|отличн|супер`,
    String.raw`谢谢|感谢|多谢|点赞|好评|给力|太棒|赞`,
    String.raw`❤|💙|💜|😍|🥰|👏|🙌`,
  ].join('|'),
  'iu',
);

export function findPraise(text: string): string | undefined {
  const m = PRAISE.exec(normalizeText(text));
  return m ? `"${m[0]}"` : undefined;
}

/** "12k", "1.2M": compact follower counts for reason details. */
export function compactNumber(n: number): string {
  if (n >= 1_000_000) return `${Math.round(n / 100_000) / 10}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${Math.round(n / 100) / 10}k`;
  return String(n);
}

export interface Influence {
  /** 0..1 */
  level: number;
  detail: string;
  facts: ReasonFacts;
}

/**
 * log10 scaling: 1M followers is the ceiling, 100 followers is a third of it. Verified adds a
 * fixed step; public engagement (replies weigh most: people are watching the thread) adds a little.
 */
export function influenceOf(followers: number | undefined, verified: boolean, counts: { replies?: number | undefined; reposts?: number | undefined; likes?: number | undefined }): Influence | undefined {
  const parts: string[] = [];
  let level = 0;
  if (followers !== undefined && followers > 0) {
    level += Math.min(1, Math.log10(followers + 1) / 6) * 0.7;
    parts.push(`${compactNumber(followers)} followers`);
  }
  if (verified) {
    level += 0.3;
    parts.push('verified');
  }
  const engagement = 3 * (counts.replies ?? 0) + 2 * (counts.reposts ?? 0) + (counts.likes ?? 0);
  if (engagement > 0) {
    level += Math.min(1, Math.log10(engagement + 1) / 4) * 0.3;
    const e: string[] = [];
    if (counts.replies) e.push(`${compactNumber(counts.replies)} replies`);
    if (counts.reposts) e.push(`${compactNumber(counts.reposts)} reposts`);
    if (counts.likes) e.push(`${compactNumber(counts.likes)} likes`);
    parts.push(e.join(', '));
  }
  if (level <= 0) return undefined;
  const facts: ReasonFacts = {
    ...(followers !== undefined && followers > 0 ? { followers: Math.round(followers) } : {}),
    ...(verified ? { verified } : {}),
    ...(counts.replies ? { replies: Math.round(counts.replies) } : {}),
    ...(counts.reposts ? { reposts: Math.round(counts.reposts) } : {}),
    ...(counts.likes ? { likes: Math.round(counts.likes) } : {}),
  };
  return { level: Math.min(1, level), detail: parts.join(', '), facts };
}
