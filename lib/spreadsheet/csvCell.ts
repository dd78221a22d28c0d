/**
 * CSV cells that no spreadsheet runs as a formula (OWASP "CSV injection"), whatever separator the
 * reader picks: Excel in ru/de locales splits on `;`, a paste splits on TAB, and a reader using the
 * wrong separator also breaks quoted cells apart. So every place where any reader could start a
 * new field (the cell's start and after `,` `;` TAB CR LF `"`) is checked, past leading spaces,
 * NBSP and BOM, for `= + - @` (also fullwidth ＝ ＋ － ＠), TAB or CR; such a field gets a leading
 * apostrophe, which spreadsheets read as "text". Every cell is quoted, inner quotes doubled.
 */

/** Characters after which some CSV reader may start a new field. */
const FIELD_BREAK = new Set([',', ';', '\t', '\r', '\n', '"']);
/** Skipped before the first character that decides (Excel and Sheets trim these or show them blank). */
const LEADING_BLANK = /[ \u00A0\uFEFF\u1680\u2000-\u200B\u202F\u205F\u3000]/;
/** A field starting with one of these is evaluated (or, TAB/CR, used to smuggle one in). */
const FORMULA_START = /[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

function startsFormula(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && LEADING_BLANK.test(text.charAt(i))) i++;
  return i < text.length && FORMULA_START.test(text.charAt(i));
}

/** The text with an apostrophe before every field (under any separator) that would start a formula. */
export function neutraliseFormulas(text: string): string {
  let out = '';
  let fieldStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === fieldStart && startsFormula(text, i)) out += "'";
    if (i === text.length) break;
    const ch = text.charAt(i);
    out += ch;
    if (FIELD_BREAK.has(ch)) fieldStart = i + 1;
  }
  return out;
}

/** One quoted, formula-safe CSV cell. Numbers and booleans are written as they are (still quoted). */
export function csvCell(value: string | number | boolean): string {
  const text = typeof value === 'string' ? neutraliseFormulas(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows of cells → CSV text with CRLF line ends (what Excel expects). */
export function csvText(rows: readonly (readonly (string | number | boolean)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}
