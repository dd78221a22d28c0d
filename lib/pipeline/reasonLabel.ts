/**
 * Translated labels for triage reason codes and noise rules. Every code lib/triage can emit has a
 * label (tests/unit/queue/reasonLabel.test.ts walks them against all three locales); a code from a
 * newer triage version falls back to "rule “x”" rather than showing a blank.
 */
import { i18n } from '#i18n';

/** Signal codes scorePost emits besides `spam.<rule>`. */
export const SIGNAL_CODES = ['customer', 'complaint', 'sentiment', 'question', 'waiting', 'overdue', 'influence', 'praise'] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** Noise rule ids the UI knows a name, description and "what it catches" for. */
export const KNOWN_RULES = ['ownPost', 'giveaway', 'coupon', 'promotion', 'affiliate', 'cryptoFollow', 'massMention'] as const;
export type KnownRule = (typeof KNOWN_RULES)[number];

export const isSignalCode = (code: string): code is SignalCode => (SIGNAL_CODES as readonly string[]).includes(code);
export const isKnownRule = (id: string): id is KnownRule => (KNOWN_RULES as readonly string[]).includes(id);

/** The locale key of a code's label (what the coverage test checks), or undefined if unknown. */
export function reasonLabelKey(code: string): string | undefined {
  if (isSignalCode(code)) return `reason.${code}`;
  const rule = code.startsWith('spam.') ? code.slice(5) : undefined;
  if (rule !== undefined && isKnownRule(rule)) return `triageUi.rule.${rule}.name`;
  return undefined;
}

export function ruleName(id: string): string {
  return isKnownRule(id) ? i18n.t(`triageUi.rule.${id}.name`) : i18n.t('triageUi.rule.unknown', [id]);
}

export function ruleDescription(id: string): string {
  return isKnownRule(id) ? i18n.t(`triageUi.rule.${id}.desc`) : i18n.t('triageUi.rule.unknown', [id]);
}

export function ruleCatches(id: string): string {
  return isKnownRule(id) ? i18n.t(`triageUi.rule.${id}.catches`) : i18n.t('triageUi.rule.unknown', [id]);
}

export function reasonLabel(code: string): string {
  if (isSignalCode(code)) return i18n.t(`reason.${code}`);
  if (code === 'spam') return i18n.t('reason.spam');
  if (code.startsWith('spam.')) return i18n.t('triageUi.spamRule', [ruleName(code.slice(5))]);
  return code;
}
