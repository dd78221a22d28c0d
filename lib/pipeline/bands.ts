/** Priority colour bands shared by the page badge and the panel. */
export type PriorityBand = 'high' | 'medium' | 'low';

export function priorityBand(priority: number): PriorityBand {
  if (priority >= 70) return 'high';
  if (priority >= 40) return 'medium';
  return 'low';
}
