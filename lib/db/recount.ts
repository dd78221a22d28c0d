/**
 * Keeps an expensive count live without letting it hog the database. An IndexedDB count walks its
 * whole index range (≈1.25 s for every queue state at 100,000 items), and useLiveQuery would restart
 * it on every write, piling counts up while pages are ingested. Here at most one count runs; writes
 * that land meanwhile cause one more count after it, and after a slow count a pause (twice its
 * length) lets row reads and writes through first. Small queues count in milliseconds: no pause.
 */

/** Counts faster than this are re-run at once; slower ones rest for twice their length. */
export const FAST_COUNT_MS = 50;

export function pauseAfter(lastMs: number): number {
  return lastMs < FAST_COUNT_MS ? 0 : 2 * lastMs;
}

/** Starts a timer and returns its cancel function (injected so tests drive the clock). */
export type SetTimer = (run: () => void, ms: number) => () => void;

const realTimer: SetTimer = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export interface RecountOptions<T> {
  count: () => Promise<T>;
  publish: (value: T) => void;
  onError?: (error: unknown) => void;
  pause?: (lastMs: number) => number;
  /** Wait before the first count (0: count at once). */
  firstDelayMs?: number;
  now?: () => number;
  setTimer?: SetTimer;
}

export interface Recounter {
  /** The data changed: count again (now, after the running count, or after the pause). */
  invalidate: () => void;
  /** No more counts or results; a count in flight is ignored when it ends. */
  stop: () => void;
}

/** Counts once (after `firstDelayMs`), then again after every `invalidate`, never two at a time. */
export function startRecounter<T>(options: RecountOptions<T>): Recounter {
  const { count, publish, onError, pause = pauseAfter, firstDelayMs = 0, now = () => performance.now(), setTimer = realTimer } = options;
  let running = false;
  let dirty = false;
  let stopped = false;
  let lastMs = 0;
  let cancelTimer: (() => void) | undefined;

  const run = () => {
    running = true;
    dirty = false;
    const started = now();
    count()
      .then(
        (value) => {
          if (!stopped) publish(value);
        },
        (error: unknown) => {
          if (!stopped) onError?.(error);
        },
      )
      .finally(() => {
        running = false;
        lastMs = now() - started;
        if (dirty) schedule();
      });
  };

  function schedule(wait = pause(lastMs)) {
    if (stopped || running || cancelTimer) return;
    if (wait <= 0) {
      run();
      return;
    }
    cancelTimer = setTimer(() => {
      cancelTimer = undefined;
      if (!stopped) run();
    }, wait);
  }

  schedule(firstDelayMs);
  return {
    invalidate: () => {
      dirty = true;
      schedule();
    },
    stop: () => {
      stopped = true;
      cancelTimer?.();
      cancelTimer = undefined;
    },
  };
}
