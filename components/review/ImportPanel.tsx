/**
 * Importing agents' log bundles: several files at once, by file picker or drag-and-drop. The
 * background parses, validates and writes them in one transaction; each file's outcome is listed,
 * a rejected file with the field and entry at fault.
 */
import { useState, type DragEvent } from 'react';
import { i18n } from '#i18n';
import { sendMessage, type ReviewImportResult } from '@/lib/messages';

async function readFiles(list: FileList | null): Promise<{ name: string; text: string }[]> {
  return Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * Extension messages are capped (64 MB in Chrome): files go in batches of ≤ 16 MB of text, each
 * batch one transaction. A single file is never split, so each bundle is all-or-nothing.
 */
const BATCH_CHARS = 16 * 1024 * 1024;

function batches<T extends { text: string }>(files: readonly T[]): T[][] {
  const out: T[][] = [];
  let size = 0;
  for (const f of files) {
    const last = out[out.length - 1];
    if (last && size + f.text.length <= BATCH_CHARS) {
      last.push(f);
      size += f.text.length;
    } else {
      out.push([f]);
      size = f.text.length;
    }
  }
  return out;
}

function errorText(code: string | undefined): string {
  switch (code) {
    case 'notJson': return i18n.t('teamReview.import.error.notJson');
    case 'notObject': return i18n.t('teamReview.import.error.notObject');
    case 'foreignFormat': return i18n.t('teamReview.import.error.foreignFormat');
    case 'futureVersion': return i18n.t('teamReview.import.error.futureVersion');
    case 'badVersion': return i18n.t('teamReview.import.error.badVersion');
    default: return i18n.t('teamReview.import.error.invalid');
  }
}

export function ImportPanel({ compact = false }: { compact?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<ReviewImportResult | null>(null);
  const [failure, setFailure] = useState('');

  const run = async (list: FileList | null) => {
    const files = await readFiles(list);
    if (files.length === 0) return;
    setBusy(true);
    setFailure('');
    try {
      let total: ReviewImportResult = { files: [], added: 0, updated: 0, unchanged: 0 };
      for (const batch of batches(files)) {
        const r = await sendMessage('reviewImport', { files: batch });
        total = { files: [...total.files, ...r.files], added: total.added + r.added, updated: total.updated + r.updated, unchanged: total.unchanged + r.unchanged };
      }
      setResult(total);
    } catch (e) {
      setResult(null);
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    void run(e.dataTransfer.files);
  };

  return (
    <section className={`review-import${compact ? ' compact' : ''}`} aria-labelledby="import-title">
      <h2 id="import-title">{i18n.t('teamReview.import.title')}</h2>
      <label
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{i18n.t('teamReview.import.drop')}</span>
        <input
          type="file"
          accept=".json,application/json"
          multiple
          data-testid="bundle-input"
          aria-label={i18n.t('teamReview.import.choose')}
          disabled={busy}
          onChange={(e) => { const input = e.currentTarget; void run(input.files).then(() => { input.value = ''; }); }}
        />
      </label>
      {busy && <p role="status">{i18n.t('teamReview.import.busy')}</p>}
      {failure && <p className="banner error" role="alert">{failure}</p>}
      {result && (
        <div className="import-result" role="status" data-testid="import-result">
          <p className="import-counts">
            <strong>{i18n.t('teamReview.import.counts', [String(result.added), String(result.updated)])}</strong>{' '}
            <span className="muted">{i18n.t('teamReview.import.unchanged', [String(result.unchanged)])}</span>
          </p>
          <ul className="import-files">
            {result.files.map((f, i) => (
              <li key={`${f.name}-${i}`} className={f.ok ? 'ok' : 'rejected'}>
                <strong>{f.name}</strong>{' '}
                {f.ok
                  ? i18n.t('teamReview.import.fileOk', [f.agent ?? '', String(f.entries ?? 0), String(f.mentions ?? 0), String(f.goals ?? 0)])
                  : (
                    <span className="import-error" data-testid="import-error">
                      {errorText(f.error?.code)}{' '}
                      <code>{f.error?.message}</code>
                    </span>
                  )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
