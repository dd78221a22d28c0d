/** Period, agent, site, brand and reason filters of the review page. */
import { i18n } from '#i18n';
import { SiteSchema, type Site } from '@/lib/schemas/primitives';
import { reasonLabel } from '@/lib/pipeline/reasonLabel';
import { presetRange, type PageFilter, type PeriodPreset } from './model';

interface Props {
  filter: PageFilter;
  today: string;
  agents: readonly string[];
  brands: readonly { id: string; name: string }[];
  reasons: readonly string[];
  onChange: (f: PageFilter) => void;
}

const PRESETS: readonly PeriodPreset[] = ['thisWeek', 'last30', 'quarter', 'custom'];

function presetLabel(p: PeriodPreset): string {
  switch (p) {
    case 'thisWeek': return i18n.t('teamReview.filter.thisWeek');
    case 'last30': return i18n.t('teamReview.filter.last30');
    case 'quarter': return i18n.t('teamReview.filter.quarter');
    case 'custom': return i18n.t('teamReview.filter.custom');
  }
}

const isSite = (v: string): v is Site | '' => v === '' || SiteSchema.safeParse(v).success;

export function FilterBar({ filter, today, agents, brands, reasons, onChange }: Props) {
  const setPreset = (preset: PeriodPreset) => {
    onChange(preset === 'custom' ? { ...filter, preset } : { ...filter, preset, ...presetRange(preset, today) });
  };
  return (
    <form className="review-filters" aria-label={i18n.t('teamReview.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>{i18n.t('teamReview.filter.period')}</span>
        <select value={filter.preset} onChange={(e) => setPreset(PRESETS.find((p) => p === e.target.value) ?? 'quarter')}>
          {PRESETS.map((p) => <option key={p} value={p}>{presetLabel(p)}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{i18n.t('teamReview.filter.from')}</span>
        <input type="date" value={filter.fromDay} max={filter.toDay} onChange={(e) => e.target.value && onChange({ ...filter, preset: 'custom', fromDay: e.target.value })} />
      </label>
      <label className="field">
        <span>{i18n.t('teamReview.filter.to')}</span>
        <input type="date" value={filter.toDay} min={filter.fromDay} onChange={(e) => e.target.value && onChange({ ...filter, preset: 'custom', toDay: e.target.value })} />
      </label>
      <label className="field">
        <span>{i18n.t('teamReview.filter.agent')}</span>
        <select value={filter.agent} onChange={(e) => onChange({ ...filter, agent: e.target.value })}>
          <option value="">{i18n.t('teamReview.filter.all')}</option>
          {agents.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{i18n.t('teamReview.filter.site')}</span>
        <select value={filter.site} onChange={(e) => { const v = e.target.value; if (isSite(v)) onChange({ ...filter, site: v }); }}>
          <option value="">{i18n.t('teamReview.filter.all')}</option>
          {SiteSchema.options.map((s) => (
            <option key={s} value={s}>{i18n.t(`site.${s}`)}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{i18n.t('teamReview.filter.brand')}</span>
        <select value={filter.brandId} onChange={(e) => onChange({ ...filter, brandId: e.target.value })}>
          <option value="">{i18n.t('teamReview.filter.all')}</option>
          {brands.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{i18n.t('teamReview.filter.reason')}</span>
        <select value={filter.reason} onChange={(e) => onChange({ ...filter, reason: e.target.value })}>
          <option value="">{i18n.t('teamReview.filter.anyReason')}</option>
          {reasons.map((r) => <option key={r} value={r}>{reasonLabel(r)}</option>)}
        </select>
      </label>
    </form>
  );
}
