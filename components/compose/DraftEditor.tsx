/**
 * The reply textarea with a highlight layer behind it: the same text, transparent, with the tone
 * findings' exact words marked. The layer is built from text nodes (React strings), never HTML,
 * and scrolls with the textarea.
 */
import { useEffect, useId, useRef } from 'react';
import { i18n } from '#i18n';
import { highlightRuns } from '@/lib/compose';
import type { ToneFinding } from '@/lib/schemas/templates';

interface Props {
  value: string;
  findings: readonly ToneFinding[];
  readOnly: boolean;
  onChange: (text: string) => void;
  /** The agent pressed `r`: take the focus once, then say so (the request is spent). */
  focusNow?: boolean;
  onFocused?: () => void;
}

export function DraftEditor({ value, findings, readOnly, onChange, focusNow = false, onFocused }: Props) {
  const backdrop = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focusNow) return;
    input.current?.focus();
    onFocused?.();
  }, [focusNow, onFocused]);
  const id = useId();
  const runs = highlightRuns(value, findings);
  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t('reply.label')}</label>
      <div className="draft-wrap">
        <div className="draft-backdrop" ref={backdrop} aria-hidden="true">
          {runs.map((run, i) =>
            run.findings.length === 0 ? (
              run.text
            ) : (
              <mark key={i} className={run.findings.some((f) => f.blocking) ? 'blocking' : ''} data-tone-highlight={run.findings.map((f) => f.check).join(' ')}>
                {run.text}
              </mark>
            ),
          )}
          {/* A trailing newline needs a character after it to take up a line in the layer. */}
          {value.endsWith('\n') ? ' ' : null}
        </div>
        <textarea
          ref={input}
          id={id}
          className="draft-input"
          value={value}
          readOnly={readOnly}
          rows={5}
          aria-readonly={readOnly}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
    </div>
  );
}
