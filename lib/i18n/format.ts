/**
 * Numbers, durations, money and plural forms in a given locale, through the platform's Intl (the
 * UI-bound wrappers are in ./ui.ts). Pure: each takes the locale, so tests can pin it.
 */

/** CLDR's plural categories in the order a locale's message lists its forms, " | "-separated. */
const CATEGORY_ORDER: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The categories a locale's plural messages must list, in order (en: one, other; ru: one, few, many, other). */
export function pluralCategories(locale: string): Intl.LDMLPluralRule[] {
  const present = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return CATEGORY_ORDER.filter((c) => present.includes(c));
}

/**
 * Picks the form of `forms` ("$1 reply | $1 replies"; Russian lists one | few | many | other,
 * Chinese one form) that `count` takes in `locale`. A message with too few forms uses its last.
 */
export function pickPlural(forms: string, count: number, locale: string): string {
  const parts = forms.split(' | ');
  const index = pluralCategories(locale).indexOf(new Intl.PluralRules(locale).select(count));
  return parts[index] ?? parts[parts.length - 1] ?? forms;
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** 12 300 → "12K" (en), "12 тыс." (ru), "1.2万" (zh). */
export function formatCompact(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** -0.625 with 2 digits → "-0.63" (en), "-0,63" (ru): a fixed number of decimals, written as the locale does. */
export function formatFixed(n: number, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A date and time of day, short: "Dec 7, 2026, 2:54 PM" (en), "7 дек. 2026 г., 14:54" (ru). */
export function formatDateTime(ms: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** 66.666 → "66.7%" (en), "66,7 %" (ru). */
export function formatPercent(pct: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(pct / 100);
}

/** "$1,204.50" / "1 204,50 $" when the code is a currency Intl knows; else the plain amount and the code. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      // An unknown code: fall through to the plain number.
    }
  }
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: amount % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 }).format(amount);
  return currency ? `${plain} ${currency}` : plain;
}

export interface DurationParts {
  days?: number;
  hours?: number;
  minutes?: number;
}

/** Whole minutes as people read a wait: the two largest units ("1 d 4 h", "2 h 5 min", "45 min"). */
export function splitMinutes(minutes: number): DurationParts {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return { minutes: m };
  if (m < 1440) return m % 60 ? { hours: Math.floor(m / 60), minutes: m % 60 } : { hours: m / 60 };
  const hours = Math.floor((m % 1440) / 60);
  return hours ? { days: Math.floor(m / 1440), hours } : { days: Math.floor(m / 1440) };
}

/** Intl.DurationFormat where the browser has it (Chrome 129+, Firefox 136+); undefined otherwise. */
function viaDurationFormat(parts: DurationParts, locale: string): string | undefined {
  const ctor: unknown = Reflect.get(Intl, 'DurationFormat');
  if (typeof ctor !== 'function') return undefined;
  const formatter: unknown = Reflect.construct(ctor, [locale, { style: 'short' }]);
  const format: unknown = formatter && typeof formatter === 'object' ? Reflect.get(formatter, 'format') : undefined;
  if (typeof format !== 'function') return undefined;
  const text: unknown = Reflect.apply(format, formatter, [parts]);
  return typeof text === 'string' ? text : undefined;
}

const UNITS = [
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
] as const;

/** Each unit through Intl.NumberFormat's unit style, which every supported browser localises. */
function viaUnits(parts: DurationParts, locale: string): string {
  return UNITS.filter(([key]) => parts[key] !== undefined)
    .map(([key, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(parts[key] ?? 0))
    .join(' ');
}

export function formatDuration(minutes: number, locale: string, options: { intlDuration?: boolean } = {}): string {
  const parts = splitMinutes(minutes);
  return (options.intlDuration === false ? undefined : viaDurationFormat(parts, locale)) ?? viaUnits(parts, locale);
}

/** "3 hours ago" / "через 2 дня", through Intl.RelativeTimeFormat. */
export function formatRelative(deltaMs: number, locale: string): string {
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const min = Math.round(deltaMs / 60_000);
  if (Math.abs(min) < 60) return fmt.format(min, 'minute');
  const hours = Math.round(min / 60);
  if (Math.abs(hours) < 24) return fmt.format(hours, 'hour');
  return fmt.format(Math.round(hours / 24), 'day');
}
