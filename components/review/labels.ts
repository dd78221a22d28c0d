/** Human labels for stored codes (dismiss reasons, states). */
import { i18n } from '#i18n';
import type { QueueState } from '@/lib/schemas/queue';
import { reasonLabel, ruleName } from '@/lib/pipeline/reasonLabel';
import { dismissReasonLabel } from '@/components/queue/ActionForms';
import { daysOfIsoWeek } from '@/lib/review/stats';

/** A dismissal's reason as people say it: the noise rule's own name, or the agent's words. */
export function dismissReasonText(key: string): string {
  if (key === '') return i18n.t('teamReview.labels.noReason');
  if (key.startsWith('filtered:')) {
    const rule = key.slice('filtered:'.length).replace(/^spam\./, '');
    return rule === '' ? i18n.t('teamReview.labels.filteredUnknown') : i18n.t('teamReview.labels.filtered', [ruleName(rule)]);
  }
  return dismissReasonLabel(key);
}

/** Triage reason codes (`complaint`, `spam.giveaway`) by their names in the UI language. */
export const reasonCodesText = (codes: readonly string[]): string => codes.map(reasonLabel).join(', ');

export function stateText(state: QueueState): string {
  switch (state) {
    case 'new': return i18n.t('teamReview.labels.state.new');
    case 'inProgress': return i18n.t('teamReview.labels.state.inProgress');
    case 'snoozed': return i18n.t('teamReview.labels.state.snoozed');
    case 'replied': return i18n.t('teamReview.labels.state.replied');
    case 'dismissed': return i18n.t('teamReview.labels.state.dismissed');
    case 'escalated': return i18n.t('teamReview.labels.state.escalated');
    case 'filtered': return i18n.t('teamReview.labels.state.filtered');
  }
}

/** Weekday short names, Sunday first, in the UI language. */
export function weekdayNames(): string[] {
  const fmt = new Intl.DateTimeFormat(i18n.t('teamReview.locale'), { weekday: 'short', timeZone: 'UTC' });
  // 2026-11-22 was a Sunday.
  return Array.from({ length: 7 }, (_, d) => fmt.format(new Date(Date.UTC(2026, 10, 22 + d))));
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(i18n.t('teamReview.locale'), { dateStyle: 'medium', timeStyle: 'short' });
}

// Day keys (`YYYY-MM-DD`) name calendar days, not instants: read and written in UTC so no time
// zone can move them to the day before.
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** A period of days: "Oct 1 – Dec 31, 2026" (en), "1 окт. – 31 дек. 2026 г." (ru). */
export function dayRangeText(fromDay: string, toDay: string): string {
  // The schema checks a key's shape only: an impossible day (2026-13-45) shows as written.
  if (Number.isNaN(dayMs(fromDay)) || Number.isNaN(dayMs(toDay))) return `${fromDay} – ${toDay}`;
  return new Intl.DateTimeFormat(i18n.t('teamReview.locale'), { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(dayMs(fromDay), dayMs(toDay));
}

/** An ISO week key ("2026-W48") as the days it spans: "Nov 23 – 29, 2026" (en), "23–29 нояб. 2026 г." (ru). */
export function weekText(week: string): string {
  const { fromDay, toDay } = daysOfIsoWeek(week);
  return dayRangeText(fromDay, toDay);
}

/** A day as a chart tick: "Nov 23" (en), "23 нояб." (ru), "11月23日" (zh); never ambiguous with a decimal. */
export function shortDayText(day: string): string {
  if (Number.isNaN(dayMs(day))) return day;
  return new Intl.DateTimeFormat(i18n.t('teamReview.locale'), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(dayMs(day));
}
