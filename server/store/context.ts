/** Who is asking: resolved from the device token, and the scope of every query. */
import type { Role } from '../../lib/team/protocol';

export interface Caller {
  teamId: string;
  teamName: string;
  memberId: string;
  displayName: string;
  role: Role;
  onShift: boolean;
  deviceId: string;
}

/** Milliseconds since the epoch; injected so tests can move time. */
export type Clock = () => number;
