/** A list of wordings (textareas) with add/remove; reports which one has focus for the cheat sheet. */
import { useId } from 'react';
import { i18n } from '#i18n';
import type { BodyField, DraftIssue } from '@/lib/compose';
import { bodyLabel, issueText } from './issueText';

interface Props {
  field: BodyField;
  bodies: string[];
  issues: readonly DraftIssue[];
  addLabel: string;
  minimum: number;
  onChange: (bodies: string[]) => void;
  onFocusBody: (field: BodyField, index: number, el: HTMLTextAreaElement) => void;
}

export function BodyListEditor({ field, bodies, issues, addLabel, minimum, onChange, onFocusBody }: Props) {
  // Labels point at their textarea by id: a label wrapping a textarea would make the typed text
  // part of the textarea's accessible name.
  const baseId = useId();
  return (
    <div className="body-list" data-body-field={field}>
      {bodies.map((body, index) => {
        const mine = issues.filter((i) => i.field === field && 'index' in i && i.index === index);
        const label = bodyLabel(field, index);
        const id = `${baseId}-${index}`;
        return (
          <div key={index} className="body-item">
            <div className="field">
              <label htmlFor={id}>{label}</label>
              <textarea
                id={id}
                rows={3}
                value={body}
                maxLength={5000}
                aria-invalid={mine.length > 0}
                onFocus={(e) => onFocusBody(field, index, e.currentTarget)}
                onSelect={(e) => onFocusBody(field, index, e.currentTarget)}
                onChange={(e) => onChange(bodies.map((b, i) => (i === index ? e.target.value : b)))}
              />
            </div>
            {mine.map((issue, n) => (
              <p key={n} className="issue" role="alert" data-issue={issue.code}>
                {issueText(issue)}
                {'start' in issue && (
                  <>
                    {' '}
                    <code>
                      <mark>{body.slice(issue.start, issue.end)}</mark>
                    </code>
                  </>
                )}
              </p>
            ))}
            {bodies.length > minimum && (
              <button type="button" className="link" onClick={() => onChange(bodies.filter((_, i) => i !== index))} aria-label={`${i18n.t('templates.form.remove')}: ${label}`}>
                {i18n.t('templates.form.remove')}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...bodies, ''])}>
        {addLabel}
      </button>
    </div>
  );
}
