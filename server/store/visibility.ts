/**
 * Who may read the team's reply log: a lead reads every member's replies, an agent only their own
 * (as in Front or Gorgias, agents' statistics and reply review are the leads'). GET /v1/replies
 * applies the same rule in its SQL (store/replies.ts); pushed and polled changes go through here.
 */
import type { Change, Role } from '../../lib/team/protocol';

export interface Viewer {
  memberId: string;
  role: Role;
}

export function mayReadReply(viewer: Viewer, memberId: string): boolean {
  return viewer.role === 'lead' || memberId === viewer.memberId;
}

/** The change as `viewer` may see it: a teammate's reply keeps only its seq and time. */
export function changeFor(viewer: Viewer, change: Change): Change {
  if (change.kind !== 'reply' || mayReadReply(viewer, change.entry.memberId)) return change;
  return { seq: change.seq, at: change.at, kind: 'withheld' };
}
