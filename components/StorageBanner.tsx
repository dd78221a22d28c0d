/**
 * What was not saved, and storage running low. Lists every write that failed without its view
 * handling it (see components/notSaved.ts), and warns while the browser's room for Replyline is
 * low, so the agent frees space before Chromium evicts the database.
 */
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { receivedProblem } from '@/lib/db/storageErrors';
import { checkStorage, type StorageHealth } from '@/lib/storageHealth';
import { isWriteFailure, notSavedText } from './notSaved';

const MAX_SHOWN = 5;

export function StorageBanner() {
  const [failures, setFailures] = useState<string[]>([]);
  const [health, setHealth] = useState<StorageHealth | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    const refresh = () => {
      void checkStorage(navigator.storage).then((h) => {
        if (!controller.signal.aborted) setHealth(h);
      });
    };
    refresh();
    window.addEventListener(
      'unhandledrejection',
      (event) => {
        const reason: unknown = event.reason;
        if (!isWriteFailure(reason) && receivedProblem(reason) === undefined) return;
        event.preventDefault();
        setFailures((list) => [...list, notSavedText(reason)].slice(-MAX_SHOWN));
        refresh();
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, []);

  const freeMb = health?.freeBytes === undefined ? '' : new Intl.NumberFormat(i18n.t('customers.locale'), { maximumFractionDigits: 0 }).format(health.freeBytes / 1_048_576);
  if (failures.length === 0 && !health?.low) return null;
  return (
    <div className="banner error" role="alert" data-testid="storage-banner">
      {health?.low && (
        <p data-testid="storage-low">
          {i18n.t('safety.storage.low', [freeMb])}
          {!health.persisted && <> {i18n.t('safety.storage.notPersisted')}</>}
        </p>
      )}
      {failures.map((text, i) => (
        <p key={`${i}-${text}`} data-testid="not-saved">{text}</p>
      ))}
      {failures.length > 0 && (
        <button type="button" onClick={() => setFailures([])}>
          {i18n.t('safety.notSaved.dismiss')}
        </button>
      )}
    </div>
  );
}
