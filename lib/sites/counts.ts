/**
 * Engagement counts as sites print them: "12 Replies. Reply", "1.2K", "1,234", "1 234",
 * Russian "1,2 тыс." / "3 млн", Chinese "1.2万" / "3亿". Unknown or absent → undefined.
 */

const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(k|тыс\.?|千)$/i, 1e3],
  [/^(m|млн\.?)$/i, 1e6],
  [/^(b|млрд\.?)$/i, 1e9],
  [/^(万|萬)$/, 1e4],
  [/^(亿|億)$/, 1e8],
];

// A number (digits with ., , or thin/normal/no-break spaces between groups) and an optional unit.
const COUNT = /(\d(?:[\d.,]|[ \u00a0\u202f](?=\d))*)\s*(тыс\.?|млн\.?|млрд\.?|[kmb](?![a-z])|万|萬|亿|億|千)?/iu;

/**
 * X's usual action labels ("12 Replies. Reply", "0 Likes. Like"): plain digits, then a word of two
 * or more Latin letters (so no "K"/"M"/"B" unit). The general pattern below is a Unicode,
 * case-insensitive regex that costs many times more, three times for every post.
 */
const PLAIN_COUNT = /^(\d{1,15})(?=\s+[A-Za-z]{2}|\s*$)/;

/** The first count in `label`, or undefined when there is none. */
export function parseCount(label: string | null | undefined): number | undefined {
  if (!label) return undefined;
  const plain = PLAIN_COUNT.exec(label);
  return plain?.[1] ? Number(plain[1]) : parseAnyCount(label);
}

/** `parseCount` without the fast path: every format sites print. */
export function parseAnyCount(label: string): number | undefined {
  const match = COUNT.exec(label);
  if (!match) return undefined;
  const digits = (match[1] ?? '').replace(/[ \u00a0\u202f]/g, '').replace(/[.,]$/, '');
  const unit = match[2] ?? '';
  const value = parseNumber(digits, unit !== '');
  if (value === undefined) return undefined;
  const multiplier = MULTIPLIERS.find(([re]) => re.test(unit))?.[1] ?? 1;
  const result = Math.round(value * multiplier);
  return Number.isSafeInteger(result) && result >= 0 ? result : undefined;
}

/** Decides whether "." / "," are decimal or grouping marks. */
function parseNumber(raw: string, hasUnit: boolean): number | undefined {
  if (!/^\d[\d.,]*$/.test(raw)) return undefined;
  const dots = (raw.match(/\./g) ?? []).length;
  const commas = (raw.match(/,/g) ?? []).length;
  let normalised: string;
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal mark ("1,234.5" / "1.234,5").
    const decimal = raw.lastIndexOf('.') > raw.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    normalised = raw.split(grouping).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    normalised = raw;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const groups = raw.split(mark);
    const tail = groups[groups.length - 1] ?? '';
    // "1,234" / "1.234.567" group thousands; "1.2K" / "1,2 тыс." carry a fraction.
    const grouping = groups.length > 2 || (!hasUnit && tail.length === 3);
    normalised = grouping ? groups.join('') : raw.replace(mark, '.');
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}
