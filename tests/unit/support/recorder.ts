/**
 * Values a callback receives, recorded as they come, with promises for what the test expects
 * next: tests wait for the event itself, never for a stretch of time.
 */
export function recorder<T>() {
  const seen: T[] = [];
  const waiters = new Set<() => void>();
  /** Resolves with the first recorded value that satisfies `ok` (at once if one already does). */
  const until = (ok: (value: T, all: readonly T[]) => boolean): Promise<T> =>
    new Promise((resolve) => {
      const look = (): boolean => {
        const hit = seen.find((v) => ok(v, seen));
        if (hit === undefined) return false;
        waiters.delete(wake);
        resolve(hit);
        return true;
      };
      const wake = () => void look();
      if (!look()) waiters.add(wake);
    });
  return {
    seen,
    push(value: T): void {
      seen.push(value);
      for (const wake of [...waiters]) wake();
    },
    until,
    /** Resolves once `n` values have been recorded. */
    count: (n: number): Promise<void> => until((_v, all) => all.length >= n).then(() => undefined),
  };
}
