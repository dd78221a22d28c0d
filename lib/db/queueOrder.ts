/**
 * One number that sorts the queue by priority (high first) and, within a priority, oldest first,
 * so a single compound index [state+rank] answers a page read in reverse order.
 */
const TIME_SPAN = 1e13; // later than any epoch-ms timestamp we will see (year 2286)

export function queueRank(priority: number, postCreatedAt: number): number {
  const p = Math.max(0, Math.min(100, Math.round(priority)));
  const age = TIME_SPAN - Math.max(0, Math.min(TIME_SPAN - 1, postCreatedAt));
  return p * TIME_SPAN + age;
}
