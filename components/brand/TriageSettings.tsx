/**
 * The brand form's "Triage" section: every noise rule (id, what it is, what it catches) with a
 * per-brand switch, the brand's extra complaint phrases, and the signal weights. The draft lives
 * in BrandForm and is saved with the brand (brandSave); "Re-rank queue" re-scores the brand's open
 * items with the saved settings in the background (queueRerank).
 */
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { count, plural } from '@/lib/i18n/ui';
import { sendMessage } from '@/lib/messages';
import { NOISE_RULES } from '@/lib/triage';
import { ruleCatches, ruleDescription, ruleName, weightHint, weightLabel } from '@/lib/pipeline/reasonLabel';
import { WEIGHTED_SIGNALS } from '@/lib/triage/catalog';
import { TriageWeightsSchema, type BrandProfile, type TriageWeights } from '@/lib/schemas/settings';
import { errorText } from '@/components/notSaved';

export interface TriageDraft {
  disabledNoiseRules: string[];
  /** One phrase per line, as typed. */
  complaintTerms: string;
  weights: TriageWeights;
}

export function triageDraftOf(brand: BrandProfile | undefined): TriageDraft {
  return {
    disabledNoiseRules: [...(brand?.disabledNoiseRules ?? [])],
    complaintTerms: (brand?.complaintTerms ?? []).join('\n'),
    weights: { ...(brand?.weights ?? TriageWeightsSchema.parse({})) },
  };
}

/** The BrandProfile fields the draft sets. */
export function triageFieldsOf(draft: TriageDraft): Pick<BrandProfile, 'disabledNoiseRules' | 'complaintTerms' | 'weights'> {
  const terms = draft.complaintTerms.split(/\n+/).map((s) => s.trim()).filter(Boolean);
  return { disabledNoiseRules: [...new Set(draft.disabledNoiseRules)], complaintTerms: [...new Set(terms)], weights: draft.weights };
}

function RerankButton({ brandId }: { brandId: string }) {
  const [status, setStatus] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'done'; count: number } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const run = async () => {
    setStatus({ kind: 'running' });
    try {
      const { rescored } = await sendMessage('queueRerank', { brandId });
      setStatus({ kind: 'done', count: rescored });
    } catch (error) {
      setStatus({ kind: 'error', message: errorText(error) });
    }
  };
  return (
    <div className="rerank">
      <button type="button" onClick={() => void run()} disabled={status.kind === 'running'}>
        {status.kind === 'running' ? i18n.t('triageUi.settings.reranking') : i18n.t('triageUi.settings.rerank')}
      </button>{' '}
      <span className="muted" role="status">
        {status.kind === 'done' ? plural(i18n.t('triageUi.settings.reranked', [count(status.count)]), status.count) : status.kind === 'error' ? status.message : i18n.t('triageUi.settings.rerankHint')}
      </span>
    </div>
  );
}

export function TriageSettings({ draft, onChange, brandId }: { draft: TriageDraft; onChange: (next: TriageDraft) => void; brandId?: string | undefined }) {
  const id = useId();
  const defaults = TriageWeightsSchema.parse({});
  const toggleRule = (rule: string, on: boolean) =>
    onChange({ ...draft, disabledNoiseRules: on ? draft.disabledNoiseRules.filter((r) => r !== rule) : [...draft.disabledNoiseRules, rule] });

  return (
    <details className="brand-triage">
      <summary>{i18n.t('triageUi.settings.title')}</summary>
      <p className="muted">{i18n.t('triageUi.settings.intro')}</p>

      <fieldset>
        <legend>{i18n.t('triageUi.settings.rulesTitle')}</legend>
        <p className="muted">{i18n.t('triageUi.settings.rulesHint')}</p>
        <ul className="rule-list">
          {NOISE_RULES.map((rule) => (
            <li key={rule.id} data-rule={rule.id}>
              <label className="field inline">
                <input
                  type="checkbox"
                  checked={!draft.disabledNoiseRules.includes(rule.id)}
                  onChange={(e) => toggleRule(rule.id, e.target.checked)}
                  aria-describedby={`${id}-rule-${rule.id}`}
                />
                <span>{i18n.t('triageUi.settings.ruleOn', [ruleName(rule.id)])}</span>
              </label>
              <p className="muted" id={`${id}-rule-${rule.id}`}>
                {ruleDescription(rule.id)} {i18n.t('triageUi.settings.catches', [ruleCatches(rule.id)])}
              </p>
            </li>
          ))}
        </ul>
      </fieldset>

      <label className="field">
        <span>{i18n.t('triageUi.settings.termsTitle')}</span>
        <textarea rows={3} value={draft.complaintTerms} onChange={(e) => onChange({ ...draft, complaintTerms: e.target.value })} aria-describedby={`${id}-terms`} />
        <small className="muted" id={`${id}-terms`}>{i18n.t('triageUi.settings.termsHint')}</small>
      </label>

      <fieldset>
        <legend>{i18n.t('triageUi.settings.weightsTitle')}</legend>
        <p className="muted">{i18n.t('triageUi.settings.weightsHint')}</p>
        {WEIGHTED_SIGNALS.map((k) => (
          <div key={k} className="weight">
            <label className="field">
              <span>
                {weightLabel(k)}{' '}
                <span className="muted">{plural(i18n.t('triageUi.settings.weightValue', [count(draft.weights[k])]), draft.weights[k])}</span>
              </span>
              <input
                type="range"
                min={0}
                max={100}
                step={5}
                value={draft.weights[k]}
                onChange={(e) => onChange({ ...draft, weights: { ...draft.weights, [k]: Number(e.target.value) } })}
                aria-describedby={`${id}-w-${k}`}
              />
            </label>
            <small className="muted" id={`${id}-w-${k}`}>{weightHint(k)}</small>
          </div>
        ))}
        <button type="button" onClick={() => onChange({ ...draft, weights: defaults })}>
          {i18n.t('triageUi.settings.resetWeights')}
        </button>
      </fieldset>

      {brandId !== undefined && <RerankButton brandId={brandId} />}
    </details>
  );
}
