/**
 * "Export my reply log" (agent side, in Settings): the agent's replies and queue outcomes for a
 * period as a log bundle (.json) for the team lead, or as a CSV. A read plus a local download:
 * nothing leaves the browser except through the file the agent saves.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useSettings } from '@/lib/db/views/records';
import { readAgentExport } from '@/lib/db/views/review';
import { quarterOf, serialiseBundle, toInteractionsCsv } from '@/lib/review';
import { downloadText, fileSafe } from './download';
import { localDayKey } from './model';
import { count } from '@/lib/i18n/ui';

/** Local midnight at the start of `fromDay` … the last millisecond of `toDay`. */
export function periodOfDays(fromDay: string, toDay: string): { from: number; to: number } {
  const start = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
  };
  const end = new Date(start(toDay));
  end.setDate(end.getDate() + 1);
  return { from: start(fromDay), to: end.getTime() - 1 };
}

export function ExportLog() {
  const today = localDayKey(Date.now());
  const [fromDay, setFromDay] = useState(() => quarterOf(today).fromDay);
  const [toDay, setToDay] = useState(today);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const settings = useSettings();

  const run = async (kind: 'json' | 'csv') => {
    setBusy(true);
    try {
      const { bundle, names } = await readAgentExport(periodOfDays(fromDay, toDay));
      const base = `replyline-${fileSafe(bundle.agent)}-${fromDay}-${toDay}`;
      if (kind === 'json') downloadText(`${base}.json`, serialiseBundle(bundle), 'application/json');
      else {
        downloadText(`${base}.csv`, toInteractionsCsv(bundle.entries, bundle.mentions, names), 'text/csv;charset=utf-8');
      }
      setStatus(i18n.t('teamReview.export.done', [count(bundle.entries.length), count(bundle.mentions.length)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card-block export-log" aria-labelledby="export-log-title">
      <h2 id="export-log-title">{i18n.t('teamReview.export.title')}</h2>
      <p className="muted">{i18n.t('teamReview.export.body')}</p>
      {settings !== undefined && !settings?.agentName && <p className="hint">{i18n.t('teamReview.export.noName')}</p>}
      <div className="kr-period">
        <label className="field">
          <span>{i18n.t('teamReview.export.from')}</span>
          <input type="date" value={fromDay} max={toDay} onChange={(e) => e.target.value && setFromDay(e.target.value)} />
        </label>
        <label className="field">
          <span>{i18n.t('teamReview.export.to')}</span>
          <input type="date" value={toDay} min={fromDay} onChange={(e) => e.target.value && setToDay(e.target.value)} />
        </label>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run('json')}>{i18n.t('teamReview.export.json')}</button>
        <button type="button" disabled={busy} onClick={() => void run('csv')}>{i18n.t('teamReview.export.csv')}</button>
        {status && <span role="status">{status}</span>}
      </div>
    </section>
  );
}
