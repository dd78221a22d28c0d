// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looseText, normaliseEditorText, readEditorText, sameEditorText } from '@/lib/editor/readBack';

function editorFrom(html: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.innerHTML = html; // fixed test markup, never page text
  return el;
}

/** Draft.js renders one block per line; an empty line is a block holding only `<br data-text>`. */
function draftMarkup(lines: readonly string[]): string {
  const block = (line: string, i: number) => {
    const inner = line === '' ? '<br data-text="true">' : `<span data-text="true">${escape(line)}</span>`;
    return `<div data-block="true" data-offset-key="k${i}-0-0"><div data-offset-key="k${i}-0-0" class="public-DraftStyleDefault-block"><span data-offset-key="k${i}-0-0">${inner}</span></div></div>`;
  };
  return `<div data-contents="true">${lines.map(block).join('')}</div>`;
}

/** Lexical plain text: one paragraph, `<br>` per line break, plus its own trailing `<br>` after a final break. */
function lexicalPlainMarkup(lines: readonly string[]): string {
  const parts: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) parts.push('<br>');
    if (line) parts.push(`<span data-lexical-text="true">${escape(line)}</span>`);
  });
  const last = lines[lines.length - 1];
  if (lines.length === 0 || (lines.length === 1 && last === '')) return '<p><br></p>';
  if (last === '') parts.push('<br>');
  return `<p dir="ltr">${parts.join('')}</p>`;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('readEditorText', () => {
  it.each([
    ['Draft, three lines with a blank one', draftMarkup(['Hi', '', 'Bye']), 'Hi\n\nBye'],
    ['Draft, empty editor', draftMarkup(['']), ''],
    ['Lexical plain, soft breaks', lexicalPlainMarkup(['Hi', '', 'Bye']), 'Hi\n\nBye'],
    ['Lexical empty paragraph', '<p><br></p>', ''],
    ['Lexical rich, one paragraph per line', '<p><span>Hi</span></p><p><br></p><p><span>Bye</span></p>', 'Hi\n\nBye'],
    ['Lexical line ending in a break keeps it', '<p><span>a</span><br><br></p>', 'a\n'],
    ['aria-hidden decorations are not content', '<p><span aria-hidden="true">Post your reply</span><span>x</span></p>', 'x'],
    ['emoji, Cyrillic and Chinese survive', draftMarkup(['Привет 👋🏽', '你好']), 'Привет 👋🏽\n你好'],
  ])('%s', (_name, html, expected) => {
    expect(readEditorText(editorFrom(html))).toBe(expected);
  });

  it('reads any Draft-shaped or Lexical-shaped editor back to the lines it shows (property)', () => {
    const line = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\n\r]/g, ''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const expected = normaliseEditorText(lines.join('\n'));
        expect(normaliseEditorText(readEditorText(editorFrom(draftMarkup(lines))))).toBe(expected);
        expect(normaliseEditorText(readEditorText(editorFrom(lexicalPlainMarkup(lines))))).toBe(expected);
      }),
    );
  });
});

describe('normaliseEditorText', () => {
  it.each([
    ['CRLF', 'a\r\nb', 'a\nb'],
    ['no-break spaces', 'a\u00a0b', 'a b'],
    ['caret anchors removed', '\u200ba\ufeffb', 'ab'],
    ['emoji joiner kept', '👩\u200d💻', '👩\u200d💻'],
    ['trailing spaces per line', 'a  \nb\t', 'a\nb'],
    ['outer blank lines dropped', '\n\na\n\n', 'a'],
    ['inner blank lines KEPT', 'a\n\n\nb', 'a\n\n\nb'],
    ['NFC', 'e\u0301', '\u00e9'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseEditorText(input)).toBe(expected);
  });

  it.each([
    ['lost blank line', 'a\n\nb', 'a\nb', false],
    ['duplicated text', 'ab', 'abab', false],
    ['trailing newline only', 'ab', 'ab\n', true],
    ['nbsp vs space', 'a b', 'a\u00a0b', true],
  ])('sameEditorText: %s', (_name, a, b, same) => {
    expect(sameEditorText(a, b)).toBe(same);
  });

  it('looseText collapses layout whitespace (re-rendered comments)', () => {
    expect(looseText('a\n\n b ')).toBe('a b');
  });
});
