/**
 * Customer import: pick or drop a CSV → streaming parse with progress → (custom files) column
 * mapping → rows mapped in chunks and staged in the background's memory → summary (to add, to
 * update, skipped rows) → the user confirms → one transaction. Nothing is written before confirm.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { i18n } from '#i18n';
import { fixed, plural } from '@/lib/i18n/ui';
import { MAX_CSV_ROWS, checkCsvFile, mapRowsInChunks, parseCustomerCsv, suggestMapping, type CsvProgress, type FileProblem, type ParsedCsv } from '@/lib/customers/csv';
import type { TextEncodingName } from '@/lib/encoding/detect';
import { countExistingCustomers } from '@/lib/db/views/customers';
import { sendMessage } from '@/lib/messages';
import { CustomerImportFieldSchema, type Customer, type CustomerColumnMapping, type ImportRowError } from '@/lib/schemas/customers';
import { BadRows } from './BadRows';
import { ColumnMapping, hasIdentifier } from './ColumnMapping';
import { formatCount } from './format';
import { EncodingChoice } from './EncodingChoice';
import { errorText } from '../notSaved';

/** Customers per background message: serialising them blocks the panel briefly, so keep it small. */
const STAGE_CHUNK = 1000;
/** Rows mapped between pauses (~6 ms on an idle machine) and characters parsed between pauses. */
const MAP_CHUNK = 250;
const PARSE_CHUNK = 64 * 1024;

type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string; progress: CsvProgress }
  | { kind: 'mapping'; fileName: string; file: File; parsed: ParsedCsv; mapping: CustomerColumnMapping }
  | { kind: 'preparing'; fileName: string; done: number; total: number }
  | {
      kind: 'summary';
      fileName: string;
      file: File;
      parsed: ParsedCsv;
      mapping: CustomerColumnMapping;
      importId: string;
      staged: number;
      toUpdate: number;
      errors: ImportRowError[];
    }
  | { kind: 'committing'; fileName: string; total: number }
  | { kind: 'done'; added: number; updated: number; skipped: number }
  | { kind: 'failed'; message: string };

/** A recognised export maps its own columns exactly; extra columns a shop added ("Twitter") are suggested. */
function withExtras(parsed: ParsedCsv): CustomerColumnMapping {
  if (parsed.format === 'custom') return parsed.mapping;
  const used = new Set(Object.values(parsed.mapping));
  const extra = suggestMapping(parsed.headers.filter((h) => !used.has(h)), parsed.rows.slice(0, 20));
  return { ...extra, ...parsed.mapping };
}

function formatName(format: ParsedCsv['format']): string {
  if (format === 'shopify') return i18n.t('customers.formatShopify');
  if (format === 'woocommerce') return i18n.t('customers.formatWoo');
  return i18n.t('customers.formatCustom');
}

const megabytes = (chars: number): string => fixed(chars / 1_000_000, 1);

/** Rows skipped, not reasons: one row may have several. */
export function skippedRows(errors: readonly ImportRowError[]): number {
  return new Set(errors.map((e) => e.row)).size;
}

function fileProblemText(problem: FileProblem): string {
  if (problem.kind === 'tooBig') return i18n.t('safety.file.tooBig', [megabytes(problem.bytes), megabytes(problem.limit)]);
  if (problem.kind === 'tooManyRows') return i18n.t('safety.file.tooManyRows', [formatCount(problem.rows), formatCount(problem.limit)]);
  return i18n.t('safety.file.binary');
}

export function ImportWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [dragging, setDragging] = useState(false);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const stagedRef = useRef<string | undefined>(undefined);

  // Leaving the wizard (tab change, close) stops work and forgets a staged import.
  useEffect(
    () => () => {
      abortRef.current?.abort();
      if (stagedRef.current) void sendMessage('customersImportCancel', { importId: stagedRef.current });
    },
    [],
  );

  const fail = (error: unknown) => {
    if (abortRef.current?.signal.aborted) return;
    // A full disk in plain words, not Dexie's "customers.bulkPut(): 2078 of 3000 operations failed…".
    setStep({ kind: 'failed', message: errorText(error) });
  };

  async function read(file: File, encoding?: TextEncodingName) {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const fileName = file.name;
    // Size and content first: a 50 MB file or a PNG renamed .csv is refused before any parsing.
    const problem = await checkCsvFile(file);
    if (problem) {
      setStep({ kind: 'failed', message: fileProblemText(problem) });
      return;
    }
    setStep({ kind: 'reading', fileName, progress: { rows: 0, processed: 0, total: file.size } });
    try {
      const parsed = await parseCustomerCsv(file, {
        encoding,
        signal: controller.signal,
        chunkSize: PARSE_CHUNK,
        onProgress: (progress) => setStep({ kind: 'reading', fileName, progress }),
      });
      if (controller.signal.aborted) return;
      if (parsed.headers.length === 0 || (parsed.rows.length === 0 && parsed.errors.length === 0)) {
        setStep({ kind: 'failed', message: i18n.t('customers.emptyFile') });
        return;
      }
      if (parsed.rows.length > MAX_CSV_ROWS) {
        setStep({ kind: 'failed', message: fileProblemText({ kind: 'tooManyRows', rows: parsed.rows.length, limit: MAX_CSV_ROWS }) });
        return;
      }
      const mapping = withExtras(parsed);
      if (parsed.format === 'custom' || !hasIdentifier(mapping)) setStep({ kind: 'mapping', fileName, file, parsed, mapping });
      else await prepare(file, parsed, mapping, controller);
    } catch (error) {
      fail(error);
    }
  }

  async function prepare(file: File, parsed: ParsedCsv, mapping: CustomerColumnMapping, controller = abortRef.current ?? new AbortController()) {
    abortRef.current = controller;
    const fileName = file.name;
    const total = parsed.rows.length;
    setStep({ kind: 'preparing', fileName, done: 0, total });
    try {
      const mapped = await mapRowsInChunks(parsed.rows, mapping, {
        rowNumbers: parsed.rowNumbers,
        source: parsed.format === 'custom' ? 'csv' : `csv:${parsed.format}`,
        signal: controller.signal,
        chunkSize: MAP_CHUNK,
        // Mapping is the first half of preparing; staging is the second.
        onProgress: (done) => setStep({ kind: 'preparing', fileName, done: Math.round(done / 2), total }),
      });
      const importId = crypto.randomUUID();
      stagedRef.current = importId;
      let toUpdate = 0;
      let staged = 0;
      for (let start = 0; start < mapped.customers.length; start += STAGE_CHUNK) {
        controller.signal.throwIfAborted();
        const chunk: Customer[] = mapped.customers.slice(start, start + STAGE_CHUNK);
        const [answer, existing] = await Promise.all([
          sendMessage('customersImportStage', { importId, customers: chunk }),
          countExistingCustomers(chunk.map((c) => c.id)),
        ]);
        staged = answer.staged;
        toUpdate += existing;
        const share = mapped.customers.length === 0 ? 1 : (start + chunk.length) / mapped.customers.length;
        setStep({ kind: 'preparing', fileName, done: Math.round(total / 2 + (share * total) / 2), total });
      }
      const errors = [...parsed.errors, ...mapped.errors].sort((a, b) => a.row - b.row);
      setStep({ kind: 'summary', fileName, file, parsed, mapping, importId, staged, toUpdate, errors });
    } catch (error) {
      fail(error);
    }
  }

  async function cancelStaged(importId: string) {
    stagedRef.current = undefined;
    await sendMessage('customersImportCancel', { importId });
  }

  async function commit(s: Extract<Step, { kind: 'summary' }>) {
    setStep({ kind: 'committing', fileName: s.fileName, total: s.staged });
    try {
      const fields = CustomerImportFieldSchema.options.filter((f) => s.mapping[f] !== undefined);
      const result = await sendMessage('customersImportCommit', { importId: s.importId, fields, expected: s.staged });
      stagedRef.current = undefined;
      setStep({ kind: 'done', added: result.added, updated: result.updated, skipped: skippedRows(s.errors) });
    } catch (error) {
      stagedRef.current = undefined;
      fail(error);
    }
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void read(file);
  };

  return (
    <section className="import-wizard card-block" aria-label={i18n.t('customers.importTitle')}>
      <header className="detail-head">
        <h2>{i18n.t('customers.importTitle')}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={i18n.t('common.close')}>
          ×
        </button>
      </header>

      {step.kind === 'pick' && (
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{i18n.t('customers.dropHint')}</p>
          <label className="field">
            <span>{i18n.t('customers.chooseFile')}</span>
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void read(file);
              }}
            />
          </label>
          <p className="hint">{i18n.t('customers.formatsHint')}</p>
        </div>
      )}

      {step.kind === 'reading' && (
        <Progress
          label={i18n.t('customers.reading', [step.fileName])}
          value={step.progress.processed}
          max={Math.max(1, step.progress.total)}
          text={plural(i18n.t('customers.readingProgress', [formatCount(step.progress.rows), megabytes(step.progress.processed), megabytes(step.progress.total)]), step.progress.rows)}
          onCancel={() => {
            abortRef.current?.abort();
            setStep({ kind: 'pick' });
          }}
        />
      )}

      {step.kind === 'mapping' && (
        <>
          <p className="banner info">{plural(i18n.t('customers.detected', [formatName(step.parsed.format), formatCount(step.parsed.rows.length)]), step.parsed.rows.length)}</p>
          <EncodingChoice value={step.parsed.encoding} detected={step.parsed.encodingDetected} onChange={(encoding) => void read(step.file, encoding)} />
          <ColumnMapping
            headers={step.parsed.headers}
            rows={step.parsed.rows}
            rowNumbers={step.parsed.rowNumbers}
            mapping={step.mapping}
            onChange={(mapping) => setStep({ ...step, mapping })}
          />
          <div className="actions">
            <button type="button" className="primary" disabled={!hasIdentifier(step.mapping)} onClick={() => void prepare(step.file, step.parsed, step.mapping, new AbortController())}>
              {i18n.t('customers.continue')}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'pick' })}>
              {i18n.t('common.cancel')}
            </button>
          </div>
        </>
      )}

      {step.kind === 'preparing' && (
        <Progress
          label={i18n.t('customers.preparing', [step.fileName])}
          value={step.done}
          max={Math.max(1, step.total)}
          text={plural(i18n.t('customers.preparingProgress', [formatCount(step.done), formatCount(step.total)]), step.total)}
          onCancel={() => {
            abortRef.current?.abort();
            if (stagedRef.current) void cancelStaged(stagedRef.current);
            setStep({ kind: 'pick' });
          }}
        />
      )}

      {step.kind === 'summary' && (
        <div className="import-summary" aria-live="polite">
          <p className="banner info">{plural(i18n.t('customers.detected', [formatName(step.parsed.format), formatCount(step.parsed.rows.length)]), step.parsed.rows.length)}</p>
          <EncodingChoice
            value={step.parsed.encoding}
            detected={step.parsed.encodingDetected}
            onChange={(encoding) => {
              void cancelStaged(step.importId);
              void read(step.file, encoding);
            }}
          />
          <ul className="summary-counts">
            <li data-summary="add">{plural(i18n.t('customers.toAdd', [formatCount(step.staged - step.toUpdate)]), step.staged - step.toUpdate)}</li>
            <li data-summary="update">{plural(i18n.t('customers.toUpdate', [formatCount(step.toUpdate)]), step.toUpdate)}</li>
            <li data-summary="bad">{plural(i18n.t('customers.toSkip', [formatCount(skippedRows(step.errors))]), skippedRows(step.errors))}</li>
          </ul>
          <p className="hint">{i18n.t('customers.nothingWrittenYet')}</p>
          <BadRows errors={step.errors} fileName={step.fileName} />
          <div className="actions">
            <button type="button" className="primary" disabled={step.staged === 0} onClick={() => void commit(step)}>
              {plural(i18n.t('customers.confirmImport', [formatCount(step.staged)]), step.staged)}
            </button>
            <button
              type="button"
              onClick={() => {
                void cancelStaged(step.importId);
                setStep({ kind: 'mapping', fileName: step.fileName, file: step.file, parsed: step.parsed, mapping: step.mapping });
              }}
            >
              {i18n.t('customers.changeColumns')}
            </button>
            <button
              type="button"
              onClick={() => {
                void cancelStaged(step.importId);
                setStep({ kind: 'pick' });
              }}
            >
              {i18n.t('common.cancel')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'committing' && <p aria-live="polite">{plural(i18n.t('customers.committing', [formatCount(step.total)]), step.total)}</p>}

      {step.kind === 'done' && (
        <div aria-live="polite">
          <p className="banner info" role="status">
            {plural(i18n.t('customers.imported', [formatCount(step.added), formatCount(step.updated), formatCount(step.skipped)]), step.skipped)}
          </p>
          <div className="actions">
            <button type="button" onClick={() => setStep({ kind: 'pick' })}>
              {i18n.t('customers.importAnother')}
            </button>
            <button type="button" onClick={onClose}>
              {i18n.t('common.close')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'failed' && (
        <div role="alert">
          <p className="banner error">{i18n.t('customers.importFailed', [step.message])}</p>
          <button type="button" onClick={() => setStep({ kind: 'pick' })}>
            {i18n.t('customers.tryAgain')}
          </button>
        </div>
      )}
    </section>
  );
}

function Progress({ label, value, max, text, onCancel }: { label: string; value: number; max: number; text: string; onCancel: () => void }) {
  return (
    <div className="import-progress" aria-live="polite">
      <p>{label}</p>
      <progress value={value} max={max} aria-label={label} />
      <p className="hint" data-progress-text>
        {text}
      </p>
      <button type="button" onClick={onCancel}>
        {i18n.t('common.cancel')}
      </button>
    </div>
  );
}
