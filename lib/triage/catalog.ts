/**
 * The one list of triage signals: the scorer's reason codes, the brand's weight sliders, the
 * queue's reason filter and the locale keys are all derived from it. Adding a signal is one entry
 * here plus its labels in the three locales (the compiler names any missing English key in
 * lib/pipeline/reasonLabel.ts; tests/unit/i18n keeps ru and zh_CN in step with en).
 * Noise rules have their own single list, NOISE_RULES in ./rules.ts.
 */

/** In the order the queue's reason filter offers them: most asked-for first. */
export const SIGNALS = [
  { code: 'complaint', weight: 25 },
  { code: 'question', weight: 15 },
  { code: 'customer', weight: 30 },
  // An overdue post scores on the waiting weight: it is the same clock past the target.
  { code: 'overdue', weight: 'waiting' },
  { code: 'waiting', weight: 15 },
  { code: 'sentiment', weight: 10 },
  { code: 'influence', weight: 10 },
  { code: 'praise', weight: 5 },
] as const;

type Signal = (typeof SIGNALS)[number];
export type SignalCode = Signal['code'];
/** Signals with a weight of their own (a slider in the brand's triage settings). */
export type WeightedSignal = Extract<Signal, { weight: number }>['code'];

export const SIGNAL_CODES: readonly SignalCode[] = SIGNALS.map((s) => s.code);

const isWeighted = (s: Signal): s is Extract<Signal, { weight: number }> => typeof s.weight === 'number';
const weighted = SIGNALS.filter(isWeighted);

export const WEIGHTED_SIGNALS: readonly WeightedSignal[] = weighted.map((s) => s.code);

/** Built from the list above; the one cast is where a typed record is assembled from its keys. */
function recordOf<V>(entries: readonly (readonly [WeightedSignal, V])[]): Record<WeightedSignal, V> {
  return Object.fromEntries(entries) as Record<WeightedSignal, V>;
}

export const DEFAULT_WEIGHTS: Readonly<Record<WeightedSignal, number>> = recordOf(weighted.map((s) => [s.code, s.weight] as const));

/** `spam` is the family of every `spam.<rule>` code (lib/db/queue's reason filter). */
export const REASON_FILTERS = [...SIGNAL_CODES, 'spam'] as const;

export const isSignalCode = (code: string): code is SignalCode => SIGNAL_CODES.some((c) => c === code);

/** A Record keyed by every weighted signal, for schema shapes and other derived tables. */
export function weightedRecord<V>(value: (code: WeightedSignal, defaultWeight: number) => V): Record<WeightedSignal, V> {
  return recordOf(weighted.map((s) => [s.code, value(s.code, s.weight)] as const));
}
