/**
 * Facebook timestamps as displayed: relative ("5m", "3 hrs", "a week ago", "2 нед.", "3小时前"),
 * "Yesterday at 11:02", or absolute ("30 May at 11:02", "Tuesday, March 5, 2024 at 3:12 PM",
 * "30 мая в 11:02", "5月30日 11:02"). Facebook leaves the year out for dates of the current year.
 * Times are the viewer's local time. Unknown → undefined, never a guess of "now".
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(s|secs?|seconds?|сек|секунды?|секунд|секунду|秒|秒钟)$/i, 1000],
  [/^(m|mins?|minutes?|мин|минуты?|минут|минуту|分钟|分鐘)$/i, MINUTE],
  [/^(h|hrs?|hours?|ч|часа?|часов|小时|小時)$/i, 60 * MINUTE],
  [/^(d|days?|дн|дня|дней|день|天)$/i, DAY],
  [/^(w|wks?|weeks?|нед|недели|недель|неделю|周|週)$/i, 7 * DAY],
  [/^(y|yrs?|years?|г|года?|лет|年)$/i, 365 * DAY],
];
const JUST_NOW = /^(just now|a few seconds ago|только что|刚刚|剛剛)$/i;
/** "5m", "3 hrs ago", "3 ч.", "5 минут назад", "3小时前": the unit is lazy so a suffix is not read as one. */
const RELATIVE = /^(\d{1,4})\s*([^\d\s]{1,10}?)\.?(?:\s*(?:ago|назад|前))?$/i;
/** One of a unit, no number: "a week ago", "an hour ago", "неделю назад", "час назад". */
const ONE_UNIT = /^(?:(?:a|an|one)\s+([a-z]+)\s+ago|([а-яё]+)\s+назад)$/i;
const YESTERDAY = /^(?:yesterday|вчера|昨天|昨日)(?:\s*(?:at|в))?\s*(?:(\d{1,2}):(\d{2})\s*(am|pm)?)?$/i;

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Russian months as dates write them (genitive "мая", "марта"), matched by stem. */
const RU_MONTHS = [/^январ/, /^феврал/, /^март/, /^апрел/, /^ма[йяе]$/, /^июн/, /^июл/, /^август/, /^сентябр/, /^октябр/, /^ноябр/, /^декабр/];

/** Weekday prefixes Facebook puts before a full date in tooltips ("Tuesday, …", "вторник, …", "星期二 "). */
const WEEKDAY = /^(?:[a-z]+day|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+/i;
const TIME = String.raw`(?:,?\s+(?:at\s+|в\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?)?`;
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})\s+([a-zа-яё]+)\.?(?:,?\s+(\d{4})(?:\s*г\.?)?)?${TIME}$`, 'i');
const MONTH_DAY = new RegExp(String.raw`^([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?${TIME}$`, 'i');
const CHINESE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*(?:(?:星期|周|週)[一二三四五六日天])?\s*(?:(上午|下午|中午|晚上|凌晨)?\s*(\d{1,2}):(\d{2}))?$/;

/** "May", "Mar", "Sept", "March", "мая", "марта" → 0-based month. */
function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  const en = lower.length >= 3 ? EN_MONTHS.findIndex((full) => full.startsWith(lower)) : -1;
  if (en >= 0) return en;
  if (lower === 'sept') return 8;
  const ru = RU_MONTHS.findIndex((stem) => stem.test(lower));
  return ru >= 0 ? ru : undefined;
}

/** 12-hour clock to 24; undefined when the hour cannot be on that clock. */
function hour24(hour: number, meridiem: string | undefined): number | undefined {
  if (!meridiem) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = /pm|下午|晚上/i.test(meridiem);
  const noon = meridiem === '中午';
  if (noon) return hour === 12 ? 12 : hour < 11 ? hour + 12 : hour;
  return (hour % 12) + (pm ? 12 : 0);
}

interface DateParts {
  year: number | undefined;
  month: number;
  day: number;
  hour: string | undefined;
  minute: string | undefined;
  meridiem: string | undefined;
}

/** A local date; without a year, the latest such date not after today (Facebook omits this year's). */
function build(parts: DateParts, now: number): number | undefined {
  const { month, day } = parts;
  if (day < 1 || day > 31) return undefined;
  const hour = parts.hour === undefined ? 0 : hour24(Number(parts.hour), parts.meridiem);
  const minute = parts.minute === undefined ? 0 : Number(parts.minute);
  if (hour === undefined || minute > 59) return undefined;
  const at = (year: number) => {
    const date = new Date(year, month, day, hour, minute);
    // 31 April rolls over into May: not a date Facebook shows.
    return date.getMonth() === month ? date.getTime() : undefined;
  };
  if (parts.year !== undefined) return at(parts.year);
  const thisYear = new Date(now).getFullYear();
  const candidate = at(thisYear);
  // A day later than today (allowing for time zones) was last year's.
  if (candidate !== undefined && candidate <= now + DAY) return candidate;
  return at(thisYear - 1);
}

function parseAbsolute(text: string, now: number): number | undefined {
  const zh = CHINESE.exec(text);
  if (zh) {
    return build(
      { year: zh[1] ? Number(zh[1]) : undefined, month: Number(zh[2]) - 1, day: Number(zh[3]), meridiem: zh[4], hour: zh[5], minute: zh[6] },
      now,
    );
  }
  const plain = text.replace(WEEKDAY, '');
  const dm = DAY_MONTH.exec(plain);
  const md = dm ? null : MONTH_DAY.exec(plain);
  const match = dm ?? md;
  if (!match) return parseOther(plain);
  const month = monthIndex((dm ? match[2] : match[1]) ?? '');
  if (month === undefined) return undefined;
  return build(
    { year: match[3] ? Number(match[3]) : undefined, month, day: Number(dm ? match[1] : match[2]), hour: match[4], minute: match[5], meridiem: match[6] },
    now,
  );
}

/** Anything else with a full year that `Date.parse` reads (an ISO `title`, "2026/11/20 10:00"). */
function parseOther(text: string): number | undefined {
  const cleaned = text.replace(/\s+(?:at|в)\s+/i, ' ');
  if (!/\d{4}/.test(cleaned)) return undefined;
  const ms = Date.parse(cleaned);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function unitMs(unit: string): number | undefined {
  return UNITS.find(([re]) => re.test(unit))?.[1];
}

function parseYesterday(match: RegExpExecArray, now: number): number | undefined {
  const date = new Date(now - DAY);
  if (match[1] === undefined) return now - DAY;
  const hour = hour24(Number(match[1]), match[3]);
  const minute = Number(match[2]);
  if (hour === undefined || minute > 59) return undefined;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), hour, minute).getTime();
}

export function parseFacebookTime(label: string | null | undefined, now: number): number | undefined {
  const text = (label ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (JUST_NOW.test(text)) return now;
  const rel = RELATIVE.exec(text);
  const relUnit = rel?.[2] ? unitMs(rel[2]) : undefined;
  // "12 March" looks relative too: an unknown unit may still be a date.
  if (rel?.[1] && relUnit !== undefined) {
    const value = now - Number(rel[1]) * relUnit;
    return value >= 0 ? value : undefined;
  }
  const one = ONE_UNIT.exec(text);
  if (one) {
    const unit = unitMs(one[1] ?? one[2] ?? '');
    return unit === undefined || now < unit ? undefined : now - unit;
  }
  const yesterday = YESTERDAY.exec(text);
  if (yesterday) return parseYesterday(yesterday, now);
  return parseAbsolute(text, now);
}
