/**
 * The team lead's review page: imported reply logs from every agent → metrics tiles, charts you
 * click into (drill-down to the interactions), CSV export of the current filter, and team goals.
 * Numbers come from rollups (lib/review), never from loading every raw row.
 */
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { readExportRows, useReviewBrands, useReviewCounts, useReviewDimensions, useReviewMetrics, useTimeZones } from '@/lib/db/views/review';
import { repeatedHashes, toInteractionsCsv, type DrillCell } from '@/lib/review';
import { EmptyState } from '@/components/EmptyState';
import { Tabs } from '@/components/Tabs';
import { Charts } from '@/components/review/Charts';
import { DrillDown } from '@/components/review/DrillDown';
import { FilterBar } from '@/components/review/FilterBar';
import { GoalsView } from '@/components/review/GoalsView';
import { ImportPanel } from '@/components/review/ImportPanel';
import { MetricTiles } from '@/components/review/MetricTiles';
import { downloadText } from '@/components/review/download';
import { defaultFilter, localDayKey, staffedUnion, toReviewFilter, type PageFilter } from '@/components/review/model';
import { count } from '@/lib/i18n/ui';
import { TeamLiveLog } from '@/components/team/TeamLiveLog';
import { StorageBanner } from '@/components/StorageBanner';

type TabId = 'overview' | 'goals' | 'import';

export function ReviewApp() {
  const today = localDayKey(Date.now());
  const [tab, setTab] = useState<TabId>('overview');
  const [pageFilter, setPageFilter] = useState<PageFilter>(() => defaultFilter(today));
  const [drill, setDrill] = useState<{ cell: DrillCell; title: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  const filterKey = JSON.stringify(toReviewFilter(pageFilter));
  // One object per distinct filter, so the drill-down does not reload on unrelated renders.
  const filter = useMemo(() => toReviewFilter(pageFilter), [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed by the filter's value, not its identity
  const counts = useReviewCounts();
  // Read and compute together, timed: the bench reads the `replyline:review-metrics` measures.
  const computed = useReviewMetrics(filter, filterKey);
  const rollups = computed?.rollups;
  const metrics = computed?.metrics;
  const zones = useTimeZones();
  const dims = useReviewDimensions(`${counts?.entries}/${counts?.mentions}`);
  const brands = useReviewBrands();

  const repeated = useMemo(() => (rollups && drill?.cell.kind === 'repeated' ? repeatedHashes(rollups, filter) : new Set<string>()), [rollups, filter, drill]);
  const brandList = useMemo(() => {
    const known = new Map((brands ?? []).map((b) => [b.id, b]));
    return (dims?.brandIds ?? []).map((id) => ({ id, name: known.get(id)?.name ?? id }));
  }, [brands, dims]);
  const staffed = useMemo(() => {
    const inView = (brands ?? []).filter((b) => (pageFilter.brandId ? b.id === pageFilter.brandId : (dims?.brandIds ?? []).includes(b.id)));
    return staffedUnion(inView.map((b) => b.businessHours));
  }, [brands, dims, pageFilter.brandId]);

  const exportCsv = async () => {
    if (!zones) return;
    setExporting(true);
    try {
      const rows = await readExportRows(filter, zones.tzOf);
      downloadText(`replyline-interactions-${pageFilter.fromDay}-${pageFilter.toDay}.csv`, toInteractionsCsv(rows.entries, rows.mentions, rows.names), 'text/csv;charset=utf-8');
    } finally {
      setExporting(false);
    }
  };

  const empty = counts !== undefined && counts.entries === 0 && counts.mentions === 0;
  // Started empty: keep the import panel (and its per-file results) under the overview until the
  // lead moves to another tab.
  const [importedFromEmpty, setImportedFromEmpty] = useState(false);
  if (empty && !importedFromEmpty) setImportedFromEmpty(true);
  const changeTab = (id: TabId) => {
    setTab(id);
    setImportedFromEmpty(false);
  };

  return (
    <div className="review">
      <header className="app-header">
        <h1>{i18n.t('review.title')}</h1>
        {counts && !empty && (
          <span className="muted" data-testid="review-counts">
            {i18n.t('teamReview.counts', [count(counts.entries), count(counts.mentions), count(counts.goals)])}
          </span>
        )}
      </header>
      <TeamLiveLog />
      <StorageBanner />
      {empty && (
        <>
          <EmptyState title={i18n.t('review.emptyTitle')} body={i18n.t('teamReview.empty.body')}>
            <ol className="teach">
              <li>{i18n.t('teamReview.empty.step1')}</li>
              <li>{i18n.t('teamReview.empty.step2')}</li>
              <li>{i18n.t('teamReview.empty.step3')}</li>
            </ol>
          </EmptyState>
        </>
      )}
      {counts && !empty && (
        <>
          <Tabs<TabId>
            label={i18n.t('teamReview.tabs.label')}
            active={tab}
            onChange={changeTab}
            tabs={[
              { id: 'overview', label: i18n.t('teamReview.tabs.overview') },
              { id: 'goals', label: i18n.t('teamReview.tabs.goals'), badge: counts.goals },
              { id: 'import', label: i18n.t('teamReview.tabs.import') },
            ]}
          />
          <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'overview' && (
              <>
                <FilterBar filter={pageFilter} today={today} agents={dims?.agents ?? []} brands={brandList} reasons={dims?.reasons ?? []} onChange={(f) => { setPageFilter(f); setDrill(null); }} />
                <div className="actions">
                  <button type="button" onClick={() => void exportCsv()} disabled={exporting || !zones}>{i18n.t('teamReview.exportCsv')}</button>
                  {metrics && metrics.replies === 0 && metrics.mentions === 0 && <span className="muted">{i18n.t('teamReview.noneInPeriod')}</span>}
                </div>
                {metrics && <MetricTiles m={metrics} onDrill={(cell, title) => setDrill({ cell, title })} />}
                {drill && zones && (
                  <DrillDown filter={filter} cell={drill.cell} title={drill.title} tzOf={zones.tzOf} repeated={repeated} onClose={() => setDrill(null)} />
                )}
                {computed && <Charts rollups={computed.rollups} filter={filter} metrics={computed.metrics} byAgent={computed.byAgent} byWeek={computed.byWeek} staffed={staffed} onDrill={(cell, title) => setDrill({ cell, title })} />}
              </>
            )}
            {tab === 'goals' && <GoalsView today={today} />}
          </div>
        </>
      )}
      {/* One instance in one place: the result of a first import stays in view as the page fills. */}
      {(empty || tab === 'import' || importedFromEmpty) && <ImportPanel />}
    </div>
  );
}
