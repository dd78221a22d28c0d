/**
 * Time as the sync engine sees it: injected so tests drive reconnects and lease renewals by
 * stepping a fake clock instead of waiting.
 */
export interface Scheduler {
  now(): number;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Random number in [0, 1) for jitter. */
  random(): number;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
  random: () => Math.random(),
};

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential up to a minute, with "equal
 * jitter" so a team whose server restarts does not reconnect in one burst.
 */
export function backoffDelay(attempt: number, random: number, base = BACKOFF_BASE_MS, max = BACKOFF_MAX_MS): number {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** A scheduler tests step by hand: `advance(ms)` runs every timer that falls due, in order. */
export class ManualScheduler implements Scheduler {
  private time: number;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  constructor(start = 0, private readonly rnd = 0.5) {
    this.time = start;
  }
  now(): number {
    return this.time;
  }
  random(): number {
    return this.rnd;
  }
  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  /** Timers still waiting (for assertions). */
  pending(): number {
    return this.timers.length;
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }
}
