/**
 * Importing agents' log bundles: several files at once, by file picker or drag-and-drop. Files are
 * read in steps with progress (in their detected encoding) and a too-big one is refused by name and
 * size; big ones travel in parts (lib/review/upload.ts). The background parses, validates and writes
 * them; each file's outcome is listed, a rejected file with the field and entry at fault, ids
 * repeated in a file and other agents' replies it tried to change.
 */
import { useState, type DragEvent } from 'react';
import { i18n } from '#i18n';
import { sendMessage, type MessageInput, type ReviewImportResult } from '@/lib/messages';
import { decodeFile, detectEncoding, sampleOf } from '@/lib/encoding/detect';
import { MAX_BUNDLE_BYTES, PART_CHARS, splitParts } from '@/lib/review/upload';
import { errorText as failureWords } from '@/components/notSaved';
import { count, fixed } from '@/lib/i18n/ui';

type ImportFileInput = MessageInput<'reviewImport'>['files'][number];
type FileOutcome = ReviewImportResult['files'][number];
type Progress = { label: string; done: number; total: number };

const mb = (n: number): string => fixed(n / 1_000_000, 1);

/** Reads one file in steps, in its detected encoding; a file over the limit is refused by size. */
async function readBundle(file: File, onProgress: (p: Progress) => void): Promise<{ name: string; text: string } | FileOutcome> {
  if (file.size > MAX_BUNDLE_BYTES) {
    const message = i18n.t('safety.bundle.tooBig', [file.name, mb(file.size), mb(MAX_BUNDLE_BYTES)]);
    return { name: file.name, ok: false, error: { code: 'tooBig', message, issues: [] } };
  }
  const { bytes, cut } = await sampleOf(file);
  const text = await decodeFile(file, detectEncoding(bytes, cut).encoding, {
    onProgress: (read, total) => onProgress({ label: i18n.t('safety.bundle.reading', [file.name, mb(read), mb(total)]), done: read, total }),
  });
  return { name: file.name, text };
}

/**
 * Small files go in batches of ≤ PART_CHARS of text, each batch one message; a bigger file goes
 * alone, its text in parts first. A single file is never split across imports: all-or-nothing.
 */
async function send(files: readonly { name: string; text: string }[], onProgress: (p: Progress) => void): Promise<ReviewImportResult> {
  let total: ReviewImportResult = { files: [], added: 0, updated: 0, unchanged: 0 };
  const add = (r: ReviewImportResult) => {
    total = { files: [...total.files, ...r.files], added: total.added + r.added, updated: total.updated + r.updated, unchanged: total.unchanged + r.unchanged };
  };
  const chars = files.reduce((n, f) => n + f.text.length, 0);
  let sent = 0;
  let batch: ImportFileInput[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length > 0) add(await sendMessage('reviewImport', { files: batch }));
    batch = [];
    batchChars = 0;
  };
  for (const f of files) {
    if (f.text.length > PART_CHARS) {
      const uploadId = crypto.randomUUID();
      const parts = splitParts(f.text);
      for (const [index, text] of parts.entries()) {
        await sendMessage('reviewUploadPart', { uploadId, index, text });
        sent += text.length;
        onProgress({ label: i18n.t('safety.bundle.sending', [mb(sent), mb(chars)]), done: sent, total: chars });
      }
      add(await sendMessage('reviewImport', { files: [{ name: f.name, uploadId, parts: parts.length }] }));
      continue;
    }
    if (batchChars + f.text.length > PART_CHARS) await flush();
    batch.push(f);
    batchChars += f.text.length;
    sent += f.text.length;
  }
  await flush();
  return total;
}

function errorText(code: string | undefined): string {
  switch (code) {
    case 'storageFull': return i18n.t('safety.notSaved.storageFull');
    case 'uploadLost': return i18n.t('safety.bundle.uploadLost');
    case 'tooBig': case 'notSaved': return '';
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
  const [progress, setProgress] = useState<Progress | null>(null);

  const run = async (list: FileList | null) => {
    const picked = [...(list ?? [])];
    if (picked.length === 0) return;
    setBusy(true);
    setFailure('');
    try {
      const refused: FileOutcome[] = [];
      const readable: { name: string; text: string }[] = [];
      for (const file of picked) {
        const read = await readBundle(file, setProgress);
        if ('text' in read) readable.push(read);
        else refused.push(read);
      }
      const sent = await send(readable, setProgress);
      setResult({ ...sent, files: [...refused, ...sent.files] });
    } catch (e) {
      setResult(null);
      setFailure(failureWords(e));
    } finally {
      setBusy(false);
      setProgress(null);
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
      {progress && (
        <p className="hint" data-testid="import-progress">
          <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={progress.label} /> {progress.label}
        </p>
      )}
      {failure && <p className="banner error" role="alert">{failure}</p>}
      {result && (
        <div className="import-result" role="status" data-testid="import-result">
          <p className="import-counts">
            <strong>{i18n.t('teamReview.import.counts', [count(result.added), count(result.updated)])}</strong>{' '}
            <span className="muted">{i18n.t('teamReview.import.unchanged', [count(result.unchanged)])}</span>
          </p>
          <ul className="import-files">
            {result.files.map((f, i) => (
              <li key={`${f.name}-${i}`} className={f.ok ? 'ok' : 'rejected'}>
                <strong>{f.name}</strong>{' '}
                {f.ok
                  ? i18n.t('teamReview.import.fileOk', [f.agent ?? '', count(f.entries ?? 0), count(f.mentions ?? 0), count(f.goals ?? 0)])
                  : (
                    <span className="import-error" data-testid="import-error">
                      {errorText(f.error?.code)}{' '}
                      {f.error?.code === 'tooBig' ? f.error.message : f.error?.code !== 'storageFull' && f.error?.code !== 'uploadLost' && <code>{f.error?.message}</code>}
                    </span>
                  )}
                {f.duplicates && (
                  <p className="muted" data-testid="import-duplicates">{i18n.t('safety.bundle.duplicates', [count(f.duplicates.total), f.duplicates.ids.join(', ')])}</p>
                )}
                {f.conflicts && (
                  <p className="banner warn" data-testid="import-conflicts">
                    {i18n.t('safety.bundle.conflicts', [count(f.conflictCount ?? f.conflicts.length), f.conflicts.map((c) => `${c.id} (${c.owner})`).join(', ')])}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
