/**
 * Renders a template body to plain text. The output is text, never markup: values are inserted as
 * they are (the caller writes them with textContent / the site's editor), and a value that itself
 * contains `{{…}}` is not expanded again. A variable with no value and no fallback blocks the
 * render so the panel can ask the agent, instead of sending "Hi ," or "Hi undefined,".
 */
import type { Site } from '../schemas/primitives';
import type { MissingVariable, RenderResult, Template, TemplateContext, TemplatePrompt } from '../schemas/templates';
import { parseTemplate } from './parse';
import { resolveVariable } from './variables';

export interface RenderOptions {
  variantIndex?: number;
  /** Answers to `{{?label}}` blanks, keyed by label. */
  answers?: Readonly<Record<string, string>>;
}

const ABSENT_SPELLINGS = new Set(['undefined', 'null', 'nan']);

function cleanAnswer(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' || ABSENT_SPELLINGS.has(trimmed.toLowerCase()) ? undefined : trimmed;
}

/** The wordings used on `site`: its own variants when it has any, else the shared ones. */
export function variantsFor(template: Pick<Template, 'bodies' | 'siteBodies'>, site: Site): string[] {
  const own = (template.siteBodies[site] ?? []).filter((b) => b.trim() !== '');
  if (own.length > 0) return own;
  const shared = template.bodies.filter((b) => b.trim() !== '');
  return shared.length > 0 ? shared : [''];
}

const wrap = (index: number, count: number): number => {
  const i = Number.isFinite(index) ? Math.trunc(index) : 0;
  return ((i % count) + count) % count;
};

/** FNV-1a: a stable string → number so a seed (post key, agent) picks the same variant each time. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Which wording to suggest. A number rotates (use count, or "next" clicks); a string seeds a
 * stable choice, so two customers in one thread are less likely to get identical replies.
 */
export function pickVariant(
  template: Pick<Template, 'bodies' | 'siteBodies'>,
  site: Site,
  seed: number | string,
): { index: number; body: string } {
  const variants = variantsFor(template, site);
  const index = wrap(typeof seed === 'number' ? seed : hash(seed), variants.length);
  return { index, body: variants[index] ?? '' };
}

/** Renders one body. Positions in `missing`/`prompts`/`errors` refer to this body. */
export function renderBody(
  body: string,
  context: TemplateContext,
  answers: Readonly<Record<string, string>> = {},
): { text: string; missing: MissingVariable[]; prompts: TemplatePrompt[]; errors: ReturnType<typeof parseTemplate>['errors'] } {
  const { segments, errors } = parseTemplate(body);
  const missing: MissingVariable[] = [];
  const prompts: TemplatePrompt[] = [];
  let text = '';
  for (const seg of segments) {
    if (seg.kind === 'text') {
      text += seg.value;
    } else if (seg.kind === 'prompt') {
      const answer = Object.hasOwn(answers, seg.label) ? cleanAnswer(answers[seg.label]) : undefined;
      prompts.push({ label: seg.label, start: seg.start, end: seg.end, answered: answer !== undefined });
      text += answer ?? '';
    } else {
      let value: string | undefined;
      for (const term of seg.terms) {
        value = term.kind === 'literal' ? term.value : resolveVariable(term.name, context);
        if (value !== undefined) break;
      }
      if (value === undefined) {
        const first = seg.terms.find((t) => t.kind === 'variable');
        missing.push({ variable: first?.kind === 'variable' ? first.name : '', start: seg.start, end: seg.end });
      } else {
        text += value;
      }
    }
  }
  return { text, missing, prompts, errors };
}

export function renderTemplate(
  template: Pick<Template, 'bodies' | 'siteBodies'>,
  site: Site,
  context: TemplateContext,
  options: RenderOptions = {},
): RenderResult {
  const variants = variantsFor(template, site);
  const variantIndex = wrap(options.variantIndex ?? 0, variants.length);
  const body = variants[variantIndex] ?? '';
  const { text, missing, prompts, errors } = renderBody(body, context, options.answers);
  const variantCount = variants.length;
  if (missing.length === 0 && errors.length === 0 && prompts.every((p) => p.answered)) {
    return { ok: true, text, variantIndex, variantCount, prompts };
  }
  return { ok: false, variantIndex, variantCount, missing, prompts, errors };
}
