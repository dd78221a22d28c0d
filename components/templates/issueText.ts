/** Words a template-form problem, with the wording and line/column it is at. */
import { i18n } from '#i18n';
import type { BodyField, DraftIssue } from '@/lib/compose';

export function bodyLabel(field: BodyField, index: number): string {
  const n = String(index + 1);
  if (field === 'xBodies') return i18n.t('templates.form.xWording', [n]);
  if (field === 'facebookBodies') return i18n.t('templates.form.facebookWording', [n]);
  return i18n.t('templates.form.wording', [n]);
}

export function issueText(issue: DraftIssue): string {
  if (issue.field === 'shortCode') {
    if (issue.code === 'required') return i18n.t('templates.issue.required', [i18n.t('templates.form.shortCode')]);
    return issue.code === 'badCode' ? i18n.t('templates.issue.badCode') : i18n.t('templates.issue.duplicateCode');
  }
  if (issue.field === 'title') return i18n.t('templates.issue.required', [i18n.t('templates.form.title')]);
  if (!('index' in issue)) return i18n.t('templates.issue.bodiesRequired');
  const label = bodyLabel(issue.field, issue.index);
  const line = String(issue.line);
  const column = String(issue.column);
  if (issue.code === 'unknownVariable') return i18n.t('templates.issue.unknownVariable', [label, line, column, issue.detail]);
  if (issue.code === 'emptyPrompt') return i18n.t('templates.issue.emptyPrompt', [label, line, column]);
  return i18n.t('templates.issue.malformed', [label, line, column]);
}
