/**
 * The Templates tab's editable form of a template, its validation (with positions, before
 * saving) and the conversions to and from the stored record.
 */
import type { Template, TemplateError } from '../schemas/templates';
import { parseTemplate } from '../templates/parse';

export interface TemplateDraft {
  shortCode: string;
  title: string;
  scope: Template['scope'];
  /** Comma-separated, as typed. */
  tags: string;
  bodies: string[];
  xBodies: string[];
  facebookBodies: string[];
}

export type BodyField = 'bodies' | 'xBodies' | 'facebookBodies';

export type DraftIssue =
  | { field: 'shortCode'; code: 'required' | 'badCode' | 'duplicateCode' }
  | { field: 'title'; code: 'required' }
  | { field: 'bodies'; code: 'required' }
  | { field: BodyField; index: number; code: TemplateError['code']; detail: string; start: number; end: number; line: number; column: number };

export const EMPTY_DRAFT: TemplateDraft = { shortCode: '', title: '', scope: 'shared', tags: '', bodies: [''], xBodies: [], facebookBodies: [] };

/** Short codes are typed after `/`, so one word: letters, digits, `-` and `_`. */
const CODE = /^[\p{L}\p{N}_-]{1,40}$/u;

export const normaliseCode = (code: string): string => code.trim().replace(/^\/+/u, '');

/** 1-based line and column of a UTF-16 offset, as an editor shows them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

export function parseTags(tags: string): string[] {
  return [...new Set(tags.split(/[,，、]/u).map((t) => t.trim().slice(0, 80)).filter((t) => t !== ''))];
}

/**
 * Problems that must be fixed before saving. `others` are the templates the same people see; a
 * short code must be unique among them or `/code` would be ambiguous.
 */
export function validateDraft(draft: TemplateDraft, others: readonly Pick<Template, 'shortCode'>[]): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const code = normaliseCode(draft.shortCode);
  if (code === '') issues.push({ field: 'shortCode', code: 'required' });
  else if (!CODE.test(code)) issues.push({ field: 'shortCode', code: 'badCode' });
  else if (others.some((t) => normaliseCode(t.shortCode).toLocaleLowerCase() === code.toLocaleLowerCase())) {
    issues.push({ field: 'shortCode', code: 'duplicateCode' });
  }
  if (draft.title.trim() === '') issues.push({ field: 'title', code: 'required' });
  if (draft.bodies.every((b) => b.trim() === '')) issues.push({ field: 'bodies', code: 'required' });
  const fields: BodyField[] = ['bodies', 'xBodies', 'facebookBodies'];
  for (const field of fields) {
    draft[field].forEach((body, index) => {
      for (const e of parseTemplate(body).errors) {
        issues.push({ field, index, code: e.code, detail: e.detail, start: e.start, end: e.end, ...lineColumn(body, e.start) });
      }
    });
  }
  return issues;
}

export function templateToDraft(t: Template): TemplateDraft {
  return {
    shortCode: t.shortCode,
    title: t.title,
    scope: t.scope,
    tags: t.tags.join(', '),
    bodies: [...t.bodies],
    xBodies: [...(t.siteBodies.x ?? [])],
    facebookBodies: [...(t.siteBodies.facebook ?? [])],
  };
}

const filled = (list: readonly string[]): string[] => list.map((b) => b.trim()).filter((b) => b !== '');

/** The record to save (parsed by the background against TemplateSchema). */
export function draftToTemplate(
  draft: TemplateDraft,
  base: { id: string; owner: string; brandId?: string; createdAt: number; useCount: number; now: number },
): Template {
  const x = filled(draft.xBodies);
  const facebook = filled(draft.facebookBodies);
  return {
    id: base.id,
    shortCode: normaliseCode(draft.shortCode),
    title: draft.title.trim(),
    scope: draft.scope,
    owner: draft.scope === 'personal' ? base.owner : '',
    brandId: base.brandId,
    bodies: filled(draft.bodies),
    siteBodies: { ...(x.length > 0 ? { x } : {}), ...(facebook.length > 0 ? { facebook } : {}) },
    tags: parseTags(draft.tags),
    useCount: base.useCount,
    createdAt: base.createdAt,
    updatedAt: base.now,
  };
}

/** A copy with a free short code ("late" → "late-2") and fresh ids/counters. */
export function duplicateDraft(t: Template, taken: readonly Pick<Template, 'shortCode'>[]): TemplateDraft {
  const codes = new Set(taken.map((x) => normaliseCode(x.shortCode).toLocaleLowerCase()));
  const stem = normaliseCode(t.shortCode).slice(0, 36);
  let n = 2;
  while (codes.has(`${stem}-${n}`.toLocaleLowerCase())) n++;
  return { ...templateToDraft(t), shortCode: `${stem}-${n}` };
}
