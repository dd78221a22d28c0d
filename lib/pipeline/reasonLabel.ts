/**
 * Translated labels for triage reason codes and noise rules, keyed by the single lists in
 * lib/triage/catalog.ts (signals) and lib/triage/rules.ts (noise rules). A code from a newer triage
 * version falls back to "rule “x”" rather than showing a blank.
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';
import { isSignalCode, type SignalCode, type WeightedSignal } from '@/lib/triage/catalog';
import { isNoiseRuleId, NOISE_RULE_IDS, type NoiseRuleId } from '@/lib/triage/rules';

export { SIGNAL_CODES, isSignalCode, type SignalCode } from '@/lib/triage/catalog';

/** Noise rule ids the UI knows a name, description and "what it catches" for: all of them. */
export const KNOWN_RULES = NOISE_RULE_IDS;
export type KnownRule = NoiseRuleId;
export const isKnownRule = isNoiseRuleId;

/** Every locale key the lists above need. */
export type RuleTextPart = 'name' | 'desc' | 'catches';
export type LabelKey =
  | `reason.${SignalCode}`
  | `triageUi.rule.${NoiseRuleId}.${RuleTextPart}`
  | `triageUi.settings.weight.${WeightedSignal}.${'label' | 'hint'}`;
/**
 * Compile-time check: the keys a signal or rule needs that en.yml lacks (the generated message
 * types come from en.yml; tests/unit/i18n/locales.test.ts requires ru and zh_CN to hold exactly
 * en's keys). A new signal without its labels fails `tsc` here, naming the missing key.
 */
export type MissingLabelKeys = Exclude<LabelKey, keyof GeneratedI18nStructure>;
export const LABELS_COMPLETE: [MissingLabelKeys] extends [never] ? true : MissingLabelKeys = true;

/** The locale key of a code's label (what the coverage test checks), or undefined if unknown. */
export function reasonLabelKey(code: string): LabelKey | undefined {
  if (isSignalCode(code)) return `reason.${code}`;
  const rule = code.startsWith('spam.') ? code.slice(5) : undefined;
  if (rule !== undefined && isKnownRule(rule)) return `triageUi.rule.${rule}.name`;
  return undefined;
}

function ruleText(id: string, part: RuleTextPart): string {
  return isKnownRule(id) ? i18n.t(`triageUi.rule.${id}.${part}`) : i18n.t('triageUi.rule.unknown', [id]);
}

export const ruleName = (id: string): string => ruleText(id, 'name');
export const ruleDescription = (id: string): string => ruleText(id, 'desc');
export const ruleCatches = (id: string): string => ruleText(id, 'catches');

export function reasonLabel(code: string): string {
  if (isSignalCode(code)) return i18n.t(`reason.${code}`);
  if (code === 'spam') return i18n.t('reason.spam');
  if (code.startsWith('spam.')) return i18n.t('triageUi.spamRule', [ruleName(code.slice(5))]);
  return code;
}

/** The label and hint of a weighted signal's slider in the brand's triage settings. */
export const weightLabel = (code: WeightedSignal): string => i18n.t(`triageUi.settings.weight.${code}.label`);
export const weightHint = (code: WeightedSignal): string => i18n.t(`triageUi.settings.weight.${code}.hint`);
