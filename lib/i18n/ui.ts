/** The formatters of ./format.ts in the language the interface is shown in. */
import { i18n } from '#i18n';
import { formatCompact, formatCount, formatDateTime, formatDuration, formatFixed, formatMoney, formatPercent, formatRelative, pickPlural } from './format';

/** The BCP 47 tag of the catalogue the browser serves (en, ru, zh-CN). */
export const uiLocale = (): string => i18n.t('teamReview.locale');

/** A " | "-separated plural message already looked up with its count: the form `count` takes. */
export const plural = (forms: string, count: number): string => pickPlural(forms, count, uiLocale());

export const count = (n: number): string => formatCount(n, uiLocale());
export const compact = (n: number): string => formatCompact(n, uiLocale());
export const percent = (pct: number): string => formatPercent(pct, uiLocale());
export const duration = (minutes: number): string => formatDuration(minutes, uiLocale());
export const money = (amount: number, currency: string): string => formatMoney(amount, currency, uiLocale());
export const fixed = (n: number, digits: number): string => formatFixed(n, digits, uiLocale());
export const dateTime = (ms: number): string => formatDateTime(ms, uiLocale());
/** How long ago (negative) or ahead: "20 min ago" / "20 мин назад" / "20分钟前". */
export const relative = (deltaMs: number): string => formatRelative(deltaMs, uiLocale());
