/**
 * May this reply be inserted? Pure, so the rule is tested once and the button only displays it.
 * Blocking: nothing to send, a template gap still open, broken template syntax, or a tone finding
 * the brand made blocking. Other tone findings are warnings the agent may override; how many were
 * overridden travels to the reply log (`toneWarningsOverridden`).
 */
import type { ToneFinding } from '../schemas/templates';
import type { StackRender } from './render';

export type Blocker =
  | { code: 'empty' }
  | { code: 'missingVariable'; variable: string }
  | { code: 'prompt'; label: string }
  | { code: 'templateError'; shortCode: string; detail: string }
  | { code: 'tone'; finding: ToneFinding };

export interface Gate {
  allowed: boolean;
  blockers: Blocker[];
  /** Non-blocking tone warnings the agent would be overriding by inserting now. */
  overrides: number;
}

export function insertionGate(input: {
  text: string;
  /** Undefined when the agent writes freely without a template. */
  render?: Pick<StackRender, 'missing' | 'prompts' | 'errors'>;
  findings: readonly ToneFinding[];
}): Gate {
  const blockers: Blocker[] = [];
  if (input.text.trim() === '') blockers.push({ code: 'empty' });
  if (input.render) {
    for (const variable of input.render.missing) blockers.push({ code: 'missingVariable', variable });
    for (const p of input.render.prompts) if (!p.answered) blockers.push({ code: 'prompt', label: p.label });
    for (const e of input.render.errors) blockers.push({ code: 'templateError', shortCode: e.shortCode, detail: e.detail || e.code });
  }
  for (const finding of input.findings) if (finding.blocking) blockers.push({ code: 'tone', finding });
  const overrides = input.findings.filter((f) => !f.blocking).length;
  return { allowed: blockers.length === 0, blockers, overrides };
}
