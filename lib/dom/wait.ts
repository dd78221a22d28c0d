/** Waits for something to appear in the page, abortable; used after clicking "Reply". */
export function waitFor<T>(
  probe: () => T | null,
  options: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<T | null> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const intervalMs = options.intervalMs ?? 50;
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = (): void => {
      if (options.signal?.aborted) return resolve(null);
      const found = probe();
      if (found !== null) return resolve(found);
      if (Date.now() - started >= timeoutMs) return resolve(null);
      setTimeout(tick, intervalMs);
    };
    tick();
  });
}
