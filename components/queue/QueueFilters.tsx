/**
 * State chips with counts (from the index, no rows read) and the brand / site / reason filters.
 * The state chips stay a radiogroup of `radio` buttons with a `.count`: e2e helpers read them.
 * Counts arrive after the rows (they are O(n) at 100k items): until then each `.count` holds a
 * placeholder as wide as three digits, so chips keep their size when counts up to 999 land.
 */
import { i18n } from '#i18n';
import { reasonLabel } from '@/lib/pipeline/reasonLabel';
import { REASON_FILTERS } from '@/lib/triage/catalog';
import { SiteSchema } from '@/lib/schemas/primitives';
import { QueueStateSchema, type QueueState } from '@/lib/schemas/queue';
import type { BrandProfile } from '@/lib/schemas/settings';
import type { QueueFilter } from '@/lib/db/queue';

export function QueueFilters({ filter, counts, brands, onChange }: {
  filter: QueueFilter;
  counts: Record<string, number> | undefined;
  brands: readonly BrandProfile[];
  onChange: (next: QueueFilter) => void;
}) {
  const residual = filter.brandId !== undefined || filter.site !== undefined || filter.reason !== undefined;
  return (
    <div className="queue-filters">
      <div className="state-filter" role="radiogroup" aria-label={i18n.t('queue.stateFilter')}>
        {QueueStateSchema.options.map((s: QueueState) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={s === filter.state}
            aria-busy={counts === undefined}
            className={s === filter.state ? 'chip active' : 'chip'}
            onClick={() => onChange({ ...filter, state: s })}
          >
            {i18n.t(`state.${s}`)} <StateCount value={counts?.[s]} />
          </button>
        ))}
      </div>
      <div className="filter-selects" role="group" aria-label={i18n.t('triageUi.filters.label')}>
        {brands.length > 1 && (
          <select aria-label={i18n.t('triageUi.filters.brand')} value={filter.brandId ?? ''} onChange={(e) => onChange({ ...filter, brandId: e.target.value || undefined })}>
            <option value="">{i18n.t('triageUi.filters.allBrands')}</option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>{b.name}</option>
            ))}
          </select>
        )}
        <select aria-label={i18n.t('triageUi.filters.site')} value={filter.site ?? ''} onChange={(e) => {
          const site = SiteSchema.safeParse(e.target.value);
          onChange({ ...filter, site: site.success ? site.data : undefined });
        }}>
          <option value="">{i18n.t('triageUi.filters.allSites')}</option>
          {SiteSchema.options.map((s) => (
            <option key={s} value={s}>{i18n.t(`site.${s}`)}</option>
          ))}
        </select>
        <select aria-label={i18n.t('triageUi.filters.reason')} value={filter.reason ?? ''} onChange={(e) => onChange({ ...filter, reason: e.target.value || undefined })}>
          <option value="">{i18n.t('triageUi.filters.allReasons')}</option>
          {REASON_FILTERS.map((r) => (
            <option key={r} value={r}>{reasonLabel(r)}</option>
          ))}
        </select>
        {residual && (
          <button type="button" className="link" onClick={() => onChange({ state: filter.state })}>
            {i18n.t('triageUi.filters.clear')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Room for three digits whether counted or not (larger counts widen their chip a little). */
const COUNT_STYLE = { minWidth: '3ch', fontVariantNumeric: 'tabular-nums' } as const;

function StateCount({ value }: { value: number | undefined }) {
  if (value === undefined) {
    return (
      <span className="count pending" style={COUNT_STYLE} title={i18n.t('queue.counting')}>
        …
      </span>
    );
  }
  return <span className="count" style={COUNT_STYLE}>{value}</span>;
}
