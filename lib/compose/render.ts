/**
 * Renders the snippets the agent stacked into one reply. The result either has the final text or
 * says exactly what is still needed (variables without a value, `{{?…}}` blanks, broken syntax);
 * either way it has a `preview` where each gap shows as `[name]`, so the agent sees where it goes.
 */
import type { Site } from '../schemas/primitives';
import type { Template, TemplateContext, TemplateError } from '../schemas/templates';
import { parseTemplate } from '../templates/parse';
import { renderTemplate, variantsFor } from '../templates/render';
import { stackSnippets } from '../templates/stack';
import { resolveVariable } from '../templates/variables';

export interface Snippet {
  template: Pick<Template, 'id' | 'shortCode' | 'bodies' | 'siteBodies'>;
  variantIndex: number;
}

export interface StackError extends TemplateError {
  shortCode: string;
}

export interface StackRender {
  ok: boolean;
  /** The reply to insert; empty unless `ok`. */
  text: string;
  preview: string;
  /** Variables with no value and no fallback, each once, in order of appearance. */
  missing: string[];
  /** `{{?label}}` blanks, each label once (one answer fills every blank with that label). */
  prompts: Array<{ label: string; answered: boolean }>;
  errors: StackError[];
}

const answered = (answers: Readonly<Record<string, string>>, label: string): string | undefined => {
  const v = Object.hasOwn(answers, label) ? answers[label]?.trim() : undefined;
  return v ? v : undefined;
};

/** A body with every gap shown as `[name]` (values filled where known). */
export function previewBody(body: string, context: TemplateContext, answers: Readonly<Record<string, string>> = {}): string {
  let out = '';
  for (const seg of parseTemplate(body).segments) {
    if (seg.kind === 'text') out += seg.value;
    else if (seg.kind === 'prompt') out += answered(answers, seg.label) ?? `[${seg.label}]`;
    else {
      let value: string | undefined;
      for (const term of seg.terms) {
        value = term.kind === 'literal' ? term.value : resolveVariable(term.name, context);
        if (value !== undefined) break;
      }
      const first = seg.terms.find((t) => t.kind === 'variable');
      out += value ?? `[${first?.kind === 'variable' ? first.name : '?'}]`;
    }
  }
  return out;
}

export function renderStack(
  snippets: readonly Snippet[],
  site: Site,
  context: TemplateContext,
  answers: Readonly<Record<string, string>> = {},
): StackRender {
  const texts: string[] = [];
  const previews: string[] = [];
  const missing: string[] = [];
  const prompts = new Map<string, boolean>();
  const errors: StackError[] = [];
  for (const { template, variantIndex } of snippets) {
    const result = renderTemplate(template, site, context, { variantIndex, answers });
    const variants = variantsFor(template, site);
    previews.push(previewBody(variants[result.variantIndex] ?? '', context, answers));
    for (const p of result.prompts) prompts.set(p.label, (prompts.get(p.label) ?? true) && p.answered);
    if (result.ok) {
      texts.push(result.text);
      continue;
    }
    for (const m of result.missing) if (!missing.includes(m.variable)) missing.push(m.variable);
    for (const e of result.errors) errors.push({ ...e, shortCode: template.shortCode });
  }
  const promptList = [...prompts].map(([label, isAnswered]) => ({ label, answered: isAnswered }));
  const ok = snippets.length > 0 && missing.length === 0 && errors.length === 0 && promptList.every((p) => p.answered);
  return { ok, text: ok ? stackSnippets(texts) : '', preview: stackSnippets(previews), missing, prompts: promptList, errors };
}
