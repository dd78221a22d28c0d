/** Priority colour bands shared by the page badge and the panel. */
export type PriorityBand = 'high' | 'medium' | 'low';

export function priorityBand(priority: number): PriorityBand {
  if (priority >= 55) return 'high';
  if (priority >= 25) return 'medium';
  return 'low';
}
