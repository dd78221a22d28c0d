/**
 * Template syntax, parsed once into segments with their positions in the body.
 *
 *   {{customer.first_name || post.author_name || "there"}}   variable with a fallback chain
 *   {{?what went wrong}}                                      a blank the agent fills in
 *
 * Malformed syntax never throws. Policy:
 * - a `{{` with no closing `}}` is ordinary text (people do type braces);
 * - a closed `{{…}}` whose inside does not parse is reported as `malformed` with its position,
 *   because the author clearly meant a placeholder and a silent literal would reach a customer;
 * - an unknown variable name is reported as `unknownVariable` with its position.
 */
import type { TemplateError } from '../schemas/templates';
import { isKnownVariable } from './variables';

export type Term = { kind: 'variable'; name: string } | { kind: 'literal'; value: string };

export type Segment =
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'variable'; terms: Term[]; start: number; end: number }
  | { kind: 'prompt'; label: string; start: number; end: number };

export interface ParsedTemplate {
  segments: Segment[];
  errors: TemplateError[];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const ESCAPES: ReadonlyMap<string, string> = new Map([['n', '\n'], ['t', '\t']]);

/** Parses the inside of `{{…}}`; returns the terms or a reason it is malformed. */
function parseChain(inner: string): Term[] | string {
  const terms: Term[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < inner.length && /\s/u.test(inner.charAt(i))) i++;
  };
  for (;;) {
    skipSpace();
    const ch = inner.charAt(i);
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      let closed = false;
      while (i < inner.length) {
        const c = inner.charAt(i);
        if (c === '\\' && i + 1 < inner.length) {
          const next = inner.charAt(i + 1);
          value += ESCAPES.get(next) ?? next;
          i += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) return 'unterminatedString';
      terms.push({ kind: 'literal', value });
    } else {
      const m = IDENT.exec(inner.slice(i));
      if (!m) return terms.length === 0 && inner.trim() === '' ? 'empty' : 'unexpectedCharacter';
      terms.push({ kind: 'variable', name: m[0] });
      i += m[0].length;
    }
    skipSpace();
    if (i >= inner.length) return terms;
    if (inner.startsWith('||', i)) {
      i += 2;
      continue;
    }
    return 'unexpectedCharacter';
  }
}

/** Index of the `}}` closing a placeholder opened at `open`, or a reopening `{{`, or -1. */
function findClose(body: string, open: number): { at: number; reopened: boolean } {
  let quote = '';
  // Quotes only open a string where a term may start (after `{{` or `||`), so an apostrophe in
  // `{{it's}}` does not swallow the rest of the body.
  let termMayStart = true;
  for (let i = open + 2; i < body.length; i++) {
    const c = body.charAt(i);
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (/\s/u.test(c)) continue;
    const mayStart = termMayStart;
    termMayStart = c === '|';
    if ((c === '"' || c === "'") && mayStart) quote = c;
    else if (c === '}' && body.charAt(i + 1) === '}') return { at: i, reopened: false };
    else if (c === '{' && body.charAt(i + 1) === '{') return { at: i, reopened: true };
  }
  // An unbalanced quote swallowed everything: retry ignoring quotes so `{{x "}}` still closes.
  const plain = body.indexOf('}}', open + 2);
  const reopen = body.indexOf('{{', open + 2);
  if (reopen !== -1 && (plain === -1 || reopen < plain)) return { at: reopen, reopened: true };
  return { at: plain, reopened: false };
}

export function parseTemplate(body: string): ParsedTemplate {
  const segments: Segment[] = [];
  const errors: TemplateError[] = [];
  let textStart = 0;
  let i = 0;
  const flushText = (end: number): void => {
    if (end > textStart) segments.push({ kind: 'text', value: body.slice(textStart, end), start: textStart, end });
  };
  while (i < body.length) {
    const open = body.indexOf('{{', i);
    if (open === -1) break;
    const close = findClose(body, open);
    if (close.at === -1) break; // lone `{{`: the rest is text
    if (close.reopened) {
      i = close.at; // the earlier `{{` was text; try again from the later one
      continue;
    }
    const end = close.at + 2;
    const inner = body.slice(open + 2, close.at);
    flushText(open);
    textStart = end;
    i = end;
    const trimmed = inner.trim();
    if (trimmed.startsWith('?')) {
      const label = trimmed.slice(1).trim();
      if (label === '') errors.push({ code: 'emptyPrompt', start: open, end, detail: '' });
      segments.push({ kind: 'prompt', label, start: open, end });
      continue;
    }
    const chain = parseChain(inner);
    if (typeof chain === 'string') {
      errors.push({ code: 'malformed', start: open, end, detail: chain });
      segments.push({ kind: 'text', value: body.slice(open, end), start: open, end });
      continue;
    }
    for (const term of chain) {
      if (term.kind === 'variable' && !isKnownVariable(term.name)) {
        errors.push({ code: 'unknownVariable', start: open, end, detail: term.name.slice(0, 300) });
      }
    }
    segments.push({ kind: 'variable', terms: chain, start: open, end });
  }
  flushText(body.length);
  return { segments, errors };
}
