/** A scheduler for lib/dom/observe that the test drives by hand: nothing runs until `run()`. */
import type { Scheduler } from '@/lib/dom/observe';

export function manualScheduler() {
  const queue: Array<(timeLeft: () => number) => void> = [];
  const scheduler: Scheduler = (task) => {
    queue.push(task);
    return () => {
      const i = queue.indexOf(task);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  const run = (timeLeft: () => number = () => 50): void => {
    for (const task of queue.splice(0)) task(timeLeft);
  };
  /** Lets the MutationObserver deliver (a macrotask in happy-dom), then runs what it scheduled. */
  const flush = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    run();
  };
  return { scheduler, run, flush, pending: () => queue.length };
}
