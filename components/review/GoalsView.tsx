/**
 * Team goals (OKRs): objectives with 2–5 key results measured from the rollups, and the weekly
 * check-in: progress per key result, its trend, and who contributes.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useGoals, usePeriodRollups } from '@/lib/db/views/review';
import { sendMessage } from '@/lib/messages';
import { goalPeriod, goalProgress, quarterOf, type KeyResultProgress } from '@/lib/review';
import { GoalMetricIdSchema, GoalSchema, type Goal, type GoalMetricId, type KeyResult } from '@/lib/schemas/review';
import { TrendChart } from '@/components/charts/TrendChart';
import { count } from '@/lib/i18n/ui';
import { dayRangeText, shortDayText } from './labels';
import { formatMinutes, formatPct } from './model';

export function metricName(id: GoalMetricId): string {
  switch (id) {
    case 'complaintsAnsweredPct': return i18n.t('teamReview.tiles.complaints');
    case 'ignoredPct': return i18n.t('teamReview.tiles.ignored');
    case 'slaMetPct': return i18n.t('teamReview.tiles.sla');
    case 'medianFrtWallMin': return i18n.t('teamReview.goals.metric.medianFrtWall');
    case 'medianFrtBusinessMin': return i18n.t('teamReview.goals.metric.medianFrtBusiness');
    case 'p90FrtWallMin': return i18n.t('teamReview.goals.metric.p90FrtWall');
    case 'p90FrtBusinessMin': return i18n.t('teamReview.goals.metric.p90FrtBusiness');
    case 'repeatRatePct': return i18n.t('teamReview.tiles.repeat');
    case 'templatePct': return i18n.t('teamReview.tiles.templates');
    case 'escalations': return i18n.t('teamReview.tiles.escalations');
    case 'replies': return i18n.t('teamReview.charts.replies');
  }
}

/** A key result's value as the interface language writes it ("12,5" in Russian). */
export function formatValue(id: GoalMetricId, v: number | null): string {
  if (id.endsWith('Pct')) return formatPct(v);
  if (id.endsWith('Min')) return formatMinutes(v);
  return v === null ? '—' : count(Math.round(v * 10) / 10);
}

const newId = (): string => `g-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function blankGoal(today: string, now: number): Goal {
  return {
    id: newId(),
    objective: '',
    keyResults: [
      { id: 'kr1', metric: 'complaintsAnsweredPct', comparator: 'gte', target: 95 },
      { id: 'kr2', metric: 'medianFrtBusinessMin', comparator: 'lte', target: 30 },
    ],
    period: quarterOf(today),
    scope: {},
    createdAt: now,
    updatedAt: now,
  };
}

export function GoalsView({ today }: { today: string }) {
  const goals = useGoals();
  const [editing, setEditing] = useState<Goal | null>(null);
  return (
    <section className="goals" aria-labelledby="goals-title">
      <div className="chart-head">
        <h2 id="goals-title">{i18n.t('teamReview.goals.title')}</h2>
        {!editing && <button type="button" className="primary" onClick={() => setEditing(blankGoal(today, Date.now()))}>{i18n.t('teamReview.goals.new')}</button>}
      </div>
      {editing && <GoalEditor initial={editing} onDone={() => setEditing(null)} />}
      {goals && goals.length === 0 && !editing && <p className="muted">{i18n.t('teamReview.goals.empty')}</p>}
      {(goals ?? []).map((g) => <GoalCheckIn key={g.id} goal={g} today={today} onEdit={() => setEditing(g)} />)}
    </section>
  );
}

function GoalEditor({ initial, onDone }: { initial: Goal; onDone: () => void }) {
  const [goal, setGoal] = useState<Goal>(initial);
  const [error, setError] = useState('');
  const setKr = (i: number, patch: Partial<KeyResult>) => setGoal({ ...goal, keyResults: goal.keyResults.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  const period = goal.period ?? quarterOf(new Date().toISOString().slice(0, 10));
  const save = async () => {
    const parsed = GoalSchema.safeParse(goal);
    if (!parsed.success || period.fromDay > period.toDay) {
      setError(i18n.t('teamReview.goals.invalid'));
      return;
    }
    await sendMessage('goalSave', parsed.data);
    onDone();
  };
  return (
    <form className="form goal-editor card-block" aria-label={i18n.t('teamReview.goals.editor')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label className="field">
        <span>{i18n.t('teamReview.goals.objective')}</span>
        <input required maxLength={300} value={goal.objective} onChange={(e) => setGoal({ ...goal, objective: e.target.value })} />
      </label>
      <div className="kr-period">
        <label className="field"><span>{i18n.t('teamReview.filter.from')}</span><input type="date" value={period.fromDay} onChange={(e) => e.target.value && setGoal({ ...goal, period: { ...period, fromDay: e.target.value } })} /></label>
        <label className="field"><span>{i18n.t('teamReview.filter.to')}</span><input type="date" value={period.toDay} onChange={(e) => e.target.value && setGoal({ ...goal, period: { ...period, toDay: e.target.value } })} /></label>
      </div>
      <fieldset>
        <legend>{i18n.t('teamReview.goals.keyResults')}</legend>
        {goal.keyResults.map((kr, i) => (
          <div key={kr.id} className="kr-row">
            <select aria-label={i18n.t('teamReview.goals.metricLabel')} value={kr.metric} onChange={(e) => { const m = GoalMetricIdSchema.safeParse(e.target.value); if (m.success) setKr(i, { metric: m.data }); }}>
              {GoalMetricIdSchema.options.map((m) => <option key={m} value={m}>{metricName(m)}</option>)}
            </select>
            <select aria-label={i18n.t('teamReview.goals.comparator')} value={kr.comparator} onChange={(e) => setKr(i, { comparator: e.target.value === 'lte' ? 'lte' : 'gte' })}>
              <option value="gte">≥</option>
              <option value="lte">≤</option>
            </select>
            <input type="number" step="any" aria-label={i18n.t('teamReview.goals.target')} value={Number.isFinite(kr.target) ? kr.target : ''} onChange={(e) => setKr(i, { target: Number(e.target.value) })} />
            <button type="button" disabled={goal.keyResults.length <= 2} onClick={() => setGoal({ ...goal, keyResults: goal.keyResults.filter((_, j) => j !== i) })}>{i18n.t('teamReview.goals.removeKr')}</button>
          </div>
        ))}
        <button type="button" disabled={goal.keyResults.length >= 5} onClick={() => setGoal({ ...goal, keyResults: [...goal.keyResults, { id: `kr${Date.now().toString(36)}`, metric: 'slaMetPct', comparator: 'gte', target: 90 }] })}>
          {i18n.t('teamReview.goals.addKr')}
        </button>
      </fieldset>
      {error && <p className="banner error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary">{i18n.t('teamReview.goals.save')}</button>
        <button type="button" onClick={onDone}>{i18n.t('teamReview.goals.cancel')}</button>
        {initial.objective && (
          <button type="button" className="danger" onClick={() => void sendMessage('goalDelete', { id: initial.id }).then(onDone)}>{i18n.t('teamReview.goals.delete')}</button>
        )}
      </div>
    </form>
  );
}

function trendText(t: KeyResultProgress['trend']): string {
  switch (t) {
    case 'improving': return i18n.t('teamReview.goals.trend.improving');
    case 'worsening': return i18n.t('teamReview.goals.trend.worsening');
    case 'flat': return i18n.t('teamReview.goals.trend.flat');
    case 'unknown': return i18n.t('teamReview.goals.trend.unknown');
  }
}

function GoalCheckIn({ goal, today, onEdit }: { goal: Goal; today: string; onEdit: () => void }) {
  const period = goalPeriod(goal, today);
  const rollups = usePeriodRollups(period, goal.scope.reason);
  if (!rollups) return null;
  const progress = goalProgress(goal, rollups, today);
  return (
    <article className="goal card-block" aria-label={goal.objective}>
      <div className="chart-head">
        <h3>{goal.objective}</h3>
        <span className="muted">{dayRangeText(progress.fromDay, progress.toDay)} · {i18n.t('teamReview.goals.met', [count(progress.keyResultsMet), count(progress.keyResults.length)])}</span>
        <button type="button" onClick={onEdit}>{i18n.t('teamReview.goals.edit')}</button>
      </div>
      {progress.keyResults.map((kr) => (
        <div key={kr.keyResultId} className="kr">
          <p>
            <strong>{metricName(kr.metric)} {kr.comparator === 'gte' ? '≥' : '≤'} {formatValue(kr.metric, kr.target)}</strong>{' '}
            <span className={kr.met === true ? 'ok-text' : kr.met === false ? 'warn-text' : 'muted'}>
              {i18n.t('teamReview.goals.now', [formatValue(kr.metric, kr.value)])} · {kr.met === null ? i18n.t('teamReview.goals.noData') : kr.met ? i18n.t('teamReview.goals.onTrack') : i18n.t('teamReview.goals.offTrack')}
            </span>{' '}
            <span className="muted">· {trendText(kr.trend)}</span>
          </p>
          <details>
            <summary>{i18n.t('teamReview.goals.checkIn')}</summary>
            <TrendChart
              title={metricName(kr.metric)}
              target={kr.target}
              height={160}
              empty={i18n.t('teamReview.goals.noData')}
              onePoint={i18n.t('teamReview.charts.onePoint')}
              columns={[i18n.t('teamReview.goals.week'), i18n.t('teamReview.goals.weekValue')]}
              formatTick={(v) => formatValue(kr.metric, v)}
              points={kr.weekly.map((w) => ({ id: w.week, label: shortDayText(w.fromDay), value: w.value, display: `${formatValue(kr.metric, w.value)} · ${i18n.t('teamReview.goals.toDate', [formatValue(kr.metric, w.toDate)])}` }))}
              onSelect={() => undefined}
            />
            <table className="table">
              <thead><tr><th>{i18n.t('teamReview.goals.week')}</th><th>{i18n.t('teamReview.goals.weekValue')}</th><th>{i18n.t('teamReview.goals.toDateCol')}</th></tr></thead>
              <tbody>
                {kr.weekly.map((w) => (
                  <tr key={w.week}><td>{w.week}</td><td>{formatValue(kr.metric, w.value)}</td><td className={w.onTrack === false ? 'warn-text' : ''}>{formatValue(kr.metric, w.toDate)}</td></tr>
                ))}
              </tbody>
            </table>
            <h4>{i18n.t('teamReview.goals.contributors')}</h4>
            <ul className="contributors">
              {kr.contributors.map((c) => (
                <li key={c.agent} className={c.met === false ? 'warn-text' : ''}>{c.agent}: {formatValue(kr.metric, c.value)}</li>
              ))}
            </ul>
          </details>
        </div>
      ))}
    </article>
  );
}
