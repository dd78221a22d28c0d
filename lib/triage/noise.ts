/** Applies NOISE_RULES to a post. First matching rule wins; the detail quotes the evidence. */
import { type NoiseRule, NOISE_RULES } from './rules';
import { clip, normalizeText, type Token } from './text';

export interface NoiseMatch {
  rule: string;
  detail: string;
}

export interface NoiseInput {
  text: string;
  tokens: Token[];
  authorHandle: string;
  /** Brand handles, lower-case, without '@'. */
  brandHandles: readonly string[];
  /** Whether the post carries complaint or question evidence (promotions yield to it). */
  needsHelp: boolean;
}

const compiled = new WeakMap<NoiseRule, RegExp[]>();

function regexesOf(rule: NoiseRule): RegExp[] {
  let list = compiled.get(rule);
  if (!list) {
    list = [];
    const sources = rule.patterns ?? [];
    // One alternation per rule: a single pass over the text instead of one per pattern.
    try {
      list.push(new RegExp(sources.map((src) => `(?:${src})`).join('|'), 'iu'));
      compiled.set(rule, list);
      return list;
    } catch {
      // Some pattern is broken: compile them one by one and skip the bad ones.
    }
    for (const source of sources) {
      try {
        list.push(new RegExp(source, 'iu'));
      } catch {
        // A broken user-edited pattern must not stop triage; it simply never matches.
      }
    }
    compiled.set(rule, list);
  }
  return list;
}

export function detectNoise(input: NoiseInput, rules: readonly NoiseRule[] = NOISE_RULES): NoiseMatch | undefined {
  const text = normalizeText(input.text);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.kind === 'ownPost') {
      const author = input.authorHandle.replace(/^@/, '').toLowerCase();
      if (author && input.brandHandles.includes(author)) return { rule: rule.id, detail: `@${author}` };
    } else if (rule.kind === 'massMention') {
      const mentions = input.tokens.filter((t) => t.kind === 'mention').length;
      const words = input.tokens.filter((t) => t.kind === 'word' || t.kind === 'cjk').length;
      if (mentions >= (rule.minMentions ?? 4) && words <= (rule.maxWords ?? 5)) {
        return { rule: rule.id, detail: `${mentions} @mentions, ${words} words` };
      }
    } else {
      if (rule.yieldsToComplaint && input.needsHelp) continue;
      for (const re of regexesOf(rule)) {
        const m = re.exec(text);
        if (m) return { rule: rule.id, detail: `"${clip(m[0], 60)}"` };
      }
    }
  }
  return undefined;
}
