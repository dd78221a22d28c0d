/** The four charts of the review page; every mark opens its drill-down. */
import { useState } from 'react';
import { i18n } from '#i18n';
import type { DrillCell, ReviewMetrics } from '@/lib/review';
import { daysOfIsoWeek } from '@/lib/review/stats';
import type { ReviewFilter, Rollup } from '@/lib/schemas/review';
import { BarChart } from '@/components/charts/BarChart';
import { HeatMap } from '@/components/charts/HeatMap';
import { Histogram } from '@/components/charts/Histogram';
import { TrendChart } from '@/components/charts/TrendChart';
import { shortDayText, weekText, weekdayNames } from './labels';
import { binLabel, formatMinutes, frtHistogram, heatCells } from './model';
import { count, percent, plural } from '@/lib/i18n/ui';

interface Props {
  rollups: readonly Rollup[];
  filter: ReviewFilter;
  metrics: ReviewMetrics;
  byAgent: Record<string, ReviewMetrics>;
  byWeek: Record<string, ReviewMetrics>;
  staffed: boolean[][];
  onDrill: (cell: DrillCell, title: string) => void;
}

type AgentMeasure = 'replies' | 'medianFrt' | 'slaMetPct';

export function Charts({ rollups, filter, metrics, byAgent, byWeek, staffed, onDrill }: Props) {
  const [measure, setMeasure] = useState<'wall' | 'business'>('business');
  const [agentMeasure, setAgentMeasure] = useState<AgentMeasure>('replies');
  const bins = frtHistogram(rollups, filter, measure);
  const cells = heatCells(metrics.mentionGrid, metrics.replyGrid, staffed);
  const names = weekdayNames();
  const unstaffedPeaks = cells.filter((c) => c.peak).length;

  const agentValue = (m: ReviewMetrics): number => (agentMeasure === 'replies' ? m.replies : agentMeasure === 'medianFrt' ? m.frtBusinessMin.median ?? 0 : m.slaMetPct ?? 0);
  const agentDisplay = (m: ReviewMetrics): string =>
    agentMeasure === 'replies' ? count(m.replies) : agentMeasure === 'medianFrt' ? formatMinutes(m.frtBusinessMin.median) : m.slaMetPct === null ? '—' : percent(Math.round(m.slaMetPct));

  return (
    <div className="charts">
      <section className="chart-card" aria-labelledby="frt-title">
        <div className="chart-head">
          <h2 id="frt-title">{i18n.t('teamReview.charts.frt')}</h2>
          <div role="radiogroup" aria-label={i18n.t('teamReview.charts.measure')} className="seg">
            {(['business', 'wall'] as const).map((v) => (
              <label key={v} className="field inline">
                <input type="radio" name="frt-measure" checked={measure === v} onChange={() => setMeasure(v)} />
                <span>{v === 'wall' ? i18n.t('teamReview.charts.wall') : i18n.t('teamReview.charts.business')}</span>
              </label>
            ))}
          </div>
        </div>
        <Histogram
          title={i18n.t('teamReview.charts.frt')}
          bins={bins.map((b, i) => ({ id: `b${i}`, label: binLabel(b), count: b.count }))}
          describe={(b) => plural(i18n.t('teamReview.charts.binLabel', [b.label, count(b.count)]), b.count)}
          empty={i18n.t('teamReview.charts.emptyFrt')}
          columns={[i18n.t('teamReview.charts.colWait'), i18n.t('teamReview.charts.colReplies')]}
          formatCount={count}
          onSelect={(b) => {
            const bin = bins[Number(b.id.slice(1))];
            if (bin) onDrill({ kind: 'frtRange', measure, fromMin: bin.fromMin, toMin: bin.toMin }, i18n.t('teamReview.charts.binTitle', [b.label]));
          }}
        />
      </section>

      <section className="chart-card" aria-labelledby="heat-title">
        <h2 id="heat-title">{i18n.t('teamReview.charts.heat')}</h2>
        <p className="hint">
          {i18n.t('teamReview.charts.heatLegend')}{' '}
          {unstaffedPeaks > 0 && <strong className="warn-text">{i18n.t('teamReview.charts.peaks', [count(unstaffedPeaks)])}</strong>}
        </p>
        <HeatMap
          title={i18n.t('teamReview.charts.heat')}
          cells={cells}
          weekdayLabels={names}
          columns={[i18n.t('teamReview.charts.colHour'), i18n.t('teamReview.charts.colMentions')]}
          describe={(c) => i18n.t(c.peak ? 'teamReview.charts.cellPeak' : c.staffed ? 'teamReview.charts.cellStaffed' : 'teamReview.charts.cellUnstaffed', [names[c.weekday] ?? '', String(c.hour), count(c.value), count(c.replies)])}
          onSelect={(c) => onDrill({ kind: 'mentionSlot', weekday: c.weekday, hour: c.hour }, i18n.t('teamReview.charts.cellTitle', [names[c.weekday] ?? '', String(c.hour)]))}
        />
      </section>

      <section className="chart-card" aria-labelledby="agents-title">
        <div className="chart-head">
          <h2 id="agents-title">{i18n.t('teamReview.charts.agents')}</h2>
          <select aria-label={i18n.t('teamReview.charts.measure')} value={agentMeasure} onChange={(e) => setAgentMeasure(e.target.value === 'medianFrt' ? 'medianFrt' : e.target.value === 'slaMetPct' ? 'slaMetPct' : 'replies')}>
            <option value="replies">{i18n.t('teamReview.charts.replies')}</option>
            <option value="medianFrt">{i18n.t('teamReview.tiles.frtBusiness')}</option>
            <option value="slaMetPct">{i18n.t('teamReview.tiles.sla')}</option>
          </select>
        </div>
        {Object.keys(byAgent).length === 0 ? <p className="muted">{i18n.t('teamReview.charts.noData')}</p> : (
          <BarChart
            title={i18n.t('teamReview.charts.agents')}
            columns={[i18n.t('teamReview.charts.colAgent'), agentMeasure === 'replies' ? i18n.t('teamReview.charts.replies') : agentMeasure === 'medianFrt' ? i18n.t('teamReview.tiles.frtBusiness') : i18n.t('teamReview.tiles.sla')]}
            bars={Object.entries(byAgent).map(([agent, m]) => ({ id: agent, label: agent, value: agentValue(m), display: agentDisplay(m) }))}
            onSelect={(b) => onDrill({ kind: 'group', by: 'agent', key: b.id }, i18n.t('teamReview.charts.agentTitle', [b.label]))}
          />
        )}
      </section>

      <section className="chart-card" aria-labelledby="trend-title">
        <h2 id="trend-title">{i18n.t('teamReview.charts.trend')}</h2>
        <TrendChart
          title={i18n.t('teamReview.charts.trend')}
          empty={i18n.t('teamReview.charts.emptyTrend')}
          onePoint={i18n.t('teamReview.charts.onePoint')}
          columns={[i18n.t('teamReview.charts.colWeek'), i18n.t('teamReview.tiles.frtBusiness')]}
          formatTick={(v) => formatMinutes(v)}
          points={Object.entries(byWeek).map(([week, m]) => ({ id: week, label: shortDayText(daysOfIsoWeek(week).fromDay), value: m.frtBusinessMin.median, display: `${formatMinutes(m.frtBusinessMin.median)} · ${plural(i18n.t('teamReview.charts.repliesN', [count(m.replies)]), m.replies)}` }))}
          onSelect={(p) => onDrill({ kind: 'group', by: 'isoWeek', key: p.id }, i18n.t('teamReview.charts.weekTitle', [weekText(p.id)]))}
        />
      </section>
    </div>
  );
}
