/**
 * Inline inputs for what the templates still need: one per variable that has no value and no
 * fallback, one per `{{?blank}}`. Insertion stays blocked until every one is filled.
 */
import { i18n } from '#i18n';

interface Props {
  missing: readonly string[];
  prompts: ReadonlyArray<{ label: string; answered: boolean }>;
  values: Readonly<Record<string, string>>;
  answers: Readonly<Record<string, string>>;
  onValue: (variable: string, value: string) => void;
  onAnswer: (label: string, value: string) => void;
}

export function BlanksForm({ missing, prompts, values, answers, onValue, onAnswer }: Props) {
  if (missing.length === 0 && prompts.length === 0) return null;
  return (
    <fieldset className="blanks">
      <legend>{i18n.t('compose.fillIn')}</legend>
      {missing.map((variable) => (
        <label key={`v-${variable}`} className="field" data-missing-variable={variable}>
          <span>{i18n.t('compose.valueFor', [variable])}</span>
          <input value={values[variable] ?? ''} onChange={(e) => onValue(variable, e.target.value)} />
        </label>
      ))}
      {prompts.map((p) => (
        <label key={`p-${p.label}`} className="field" data-prompt={p.label}>
          <span>{p.label}</span>
          <input value={answers[p.label] ?? ''} onChange={(e) => onAnswer(p.label, e.target.value)} />
        </label>
      ))}
    </fieldset>
  );
}
