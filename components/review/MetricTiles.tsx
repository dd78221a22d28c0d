/** The headline numbers. A tile with rows behind it is a button that opens the drill-down. */
import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { DrillCell, ReviewMetrics } from '@/lib/review';
import { dismissReasonText } from './labels';
import { formatMinutes, formatPct } from './model';
import { count, plural } from '@/lib/i18n/ui';

interface TileProps {
  id: string;
  title: string;
  value: string;
  detail: string;
  cell?: DrillCell;
  onDrill: (cell: DrillCell, title: string) => void;
  children?: ReactNode;
}

function Tile({ id, title, value, detail, cell, onDrill, children }: TileProps) {
  const body = (
    <>
      <span className="tile-title">{title}</span>
      <span className="tile-value" data-testid={`tile-${id}`}>{value}</span>
      <span className="tile-detail">{detail}</span>
    </>
  );
  return (
    <li className="tile">
      {cell ? (
        <button type="button" className="tile-button" onClick={() => onDrill(cell, title)} aria-label={`${title}: ${value}. ${detail}. ${i18n.t('teamReview.tiles.open')}`}>
          {body}
        </button>
      ) : (
        <div className="tile-button static">{body}</div>
      )}
      {children}
    </li>
  );
}

export function MetricTiles({ m, onDrill }: { m: ReviewMetrics; onDrill: (cell: DrillCell, title: string) => void }) {
  const t = i18n.t;
  return (
    <ul className="tiles" aria-label={t('teamReview.tiles.label')}>
      <Tile id="frt-wall" title={t('teamReview.tiles.frtWall')} value={formatMinutes(m.frtWallMin.median)} detail={t('teamReview.tiles.p90', [formatMinutes(m.frtWallMin.p90)])} onDrill={onDrill} />
      <Tile id="frt-business" title={t('teamReview.tiles.frtBusiness')} value={formatMinutes(m.frtBusinessMin.median)} detail={t('teamReview.tiles.p90', [formatMinutes(m.frtBusinessMin.p90)])} onDrill={onDrill} />
      <Tile id="sla" title={t('teamReview.tiles.sla')} value={formatPct(m.slaMetPct)} detail={plural(t('teamReview.tiles.ofReplies', [count(m.slaMet), count(m.replies)]), m.replies)} cell={{ kind: 'slaMissed' }} onDrill={onDrill} />
      <Tile id="complaints" title={t('teamReview.tiles.complaints')} value={formatPct(m.complaintsAnsweredPct)} detail={plural(t('teamReview.tiles.ofComplaints', [count(m.complaintsAnswered), count(m.complaints)]), m.complaints)} cell={{ kind: 'complaintUnanswered' }} onDrill={onDrill} />
      <Tile id="ignored" title={t('teamReview.tiles.ignored')} value={formatPct(m.ignoredPct)} detail={plural(t('teamReview.tiles.ofMentions', [count(m.ignored), count(m.mentions)]), m.mentions)} cell={{ kind: 'ignored' }} onDrill={onDrill} />
      <Tile id="dismissed" title={t('teamReview.tiles.dismissed')} value={count(m.dismissed)} detail={t('teamReview.tiles.byReason')} cell={{ kind: 'dismissed' }} onDrill={onDrill}>
        <ul className="tile-breakdown">
          {Object.entries(m.dismissedByReason).map(([reason, n]) => (
            <li key={reason}>
              <button type="button" className="link" onClick={() => onDrill({ kind: 'dismissed', reason }, `${t('teamReview.tiles.dismissed')}: ${dismissReasonText(reason)}`)}>
                {dismissReasonText(reason)}: <span data-testid={`dismissed-${reason}`}>{count(n)}</span>
              </button>
            </li>
          ))}
        </ul>
      </Tile>
      <Tile id="templates" title={t('teamReview.tiles.templates')} value={formatPct(m.templatePct)} detail={t('teamReview.tiles.templateSplit', [count(m.templated), count(m.freeText)])} cell={{ kind: 'freeText' }} onDrill={onDrill} />
      <Tile id="repeat" title={t('teamReview.tiles.repeat')} value={formatPct(m.repeatRatePct)} detail={plural(t('teamReview.tiles.repeatDetail', [count(m.repeatReplies)]), m.repeatReplies)} cell={{ kind: 'repeated' }} onDrill={onDrill} />
      <Tile id="tone" title={t('teamReview.tiles.tone')} value={count(m.toneOverrides)} detail={plural(t('teamReview.tiles.toneDetail', [count(m.repliesWithOverride)]), m.repliesWithOverride)} cell={{ kind: 'toneOverridden' }} onDrill={onDrill} />
      <Tile id="escalations" title={t('teamReview.tiles.escalations')} value={count(m.escalations)} detail={plural(t('teamReview.tiles.repliesTotal', [count(m.replies)]), m.replies)} cell={{ kind: 'escalated' }} onDrill={onDrill} />
    </ul>
  );
}
