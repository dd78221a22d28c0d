/**
 * Facebook timestamps as displayed: relative ("5m", "3 hrs", "2 нед.", "3小时") or absolute
 * tooltips ("Tuesday, March 5, 2024 at 3:12 PM"). Unknown → undefined, never a guess of "now".
 */

const MINUTE = 60_000;
const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(s|secs?|seconds?|сек\.?|秒)$/i, 1000],
  [/^(m|mins?|minutes?|мин\.?|минуты?|минут|分钟|分鐘)$/i, MINUTE],
  [/^(h|hrs?|hours?|ч\.?|часа?|часов|小时|小時)$/i, 60 * MINUTE],
  [/^(d|days?|дн\.?|дня|дней|день|天)$/i, 24 * 60 * MINUTE],
  [/^(w|wks?|weeks?|нед\.?|недели|недель|неделю|周|週)$/i, 7 * 24 * 60 * MINUTE],
  [/^(y|yrs?|years?|г\.?|года?|лет|年)$/i, 365 * 24 * 60 * MINUTE],
];
const JUST_NOW = /^(just now|только что|刚刚|剛剛)$/i;
const RELATIVE = /^(\d{1,4})\s*([^\d\s]{1,10})(?:\s*(?:ago|назад|前))?$/i;

export function parseFacebookTime(label: string | null | undefined, now: number): number | undefined {
  const text = (label ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (JUST_NOW.test(text)) return now;
  const rel = RELATIVE.exec(text);
  if (rel?.[1] && rel[2]) {
    const unit = UNITS.find(([re]) => re.test(rel[2] ?? ''))?.[1];
    if (unit) {
      const value = now - Number(rel[1]) * unit;
      return value >= 0 ? value : undefined;
    }
    return undefined;
  }
  // Absolute tooltip: drop the weekday and the "at" Date.parse does not understand.
  const cleaned = text.replace(/^[A-Za-z]+day,\s*/, '').replace(/\s+at\s+/i, ' ');
  if (!/\d{4}/.test(cleaned)) return undefined;
  const ms = Date.parse(cleaned);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
