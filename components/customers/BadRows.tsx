/** Rows an import skips, by spreadsheet row number and translated reason; virtualised, downloadable. */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { i18n } from '#i18n';
import { plural } from '@/lib/i18n/ui';
import type { ImportRowError } from '@/lib/schemas/customers';
import { csvCell, downloadText, formatCount, importReasonLabel } from './format';

const ROW_HEIGHT = 40;

export function badRowsCsv(errors: readonly ImportRowError[]): string {
  const head = [i18n.t('customers.badRowNumber'), i18n.t('customers.badRowReason'), i18n.t('customers.badRowDetail'), 'code'].map(csvCell).join(',');
  const lines = errors.map((e) =>
    [e.row, importReasonLabel(e.reason) + (e.firstRow ? ` (${i18n.t('customers.keptRow', [String(e.firstRow)])})` : ''), e.detail, e.reason].map(csvCell).join(','),
  );
  return [head, ...lines].join('\r\n');
}

/** "shop.csv" → "shop-skipped-rows.csv", worded in the interface language like the file's columns. */
export function badRowsFileName(fileName: string): string {
  return i18n.t('customers.badRowsFile', [fileName.replace(/\.csv$/i, '')]);
}

export function BadRows({ errors, fileName }: { errors: readonly ImportRowError[]; fileName: string }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: errors.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  if (errors.length === 0) return null;
  return (
    <section className="bad-rows" aria-label={plural(i18n.t('customers.badRowsTitle', [formatCount(errors.length)]), errors.length)}>
      <div className="actions">
        <h3>{plural(i18n.t('customers.badRowsTitle', [formatCount(errors.length)]), errors.length)}</h3>
        <button type="button" onClick={() => downloadText(badRowsFileName(fileName), badRowsCsv(errors))}>
          {i18n.t('customers.downloadBadRows')}
        </button>
      </div>
      <div ref={parentRef} className="bad-rows-list" role="list" tabIndex={0} aria-label={i18n.t('customers.badRowsList')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const e = errors[v.index];
            if (!e) return null;
            return (
              <div
                key={v.key}
                role="listitem"
                className="bad-row"
                data-bad-row={e.row}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
              >
                <strong>{i18n.t('customers.rowN', [String(e.row)])}</strong> {importReasonLabel(e.reason)}
                {e.firstRow !== undefined && <span className="muted"> ({i18n.t('customers.keptRow', [String(e.firstRow)])})</span>}
                {e.detail && <span className="muted bad-detail"> {e.detail}</span>}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
