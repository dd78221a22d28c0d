/**
 * "One item, one agent": opening an item claims it (a lease, renewed while it stays open),
 * closing releases it. The server decides every race; this module applies its answers. A claim
 * taken offline is recorded as pending and replayed; if a teammate got the item meanwhile the
 * agent is told (a `claimLost` notice), never silently overwritten.
 */
import type { ReplylineDb } from '../db/db';
import { claimLocally, mergeItems, newOpId, reportLostClaim, teamItem } from '../db/team';
import { CLAIM_LEASE_MS, type ClaimResult } from './protocol';
import type { TeamMembership } from './records';
import type { TeamSync } from './sync';
import type { ClaimOutcome } from './messageSchemas';

/** Applies the server's answer to a claim or renewal. */
export async function claimKey(db: ReplylineDb, result: ClaimResult, me: TeamMembership, now: number): Promise<ClaimOutcome> {
  if (result.ok) {
    await mergeItems(db, [result.item], me.memberId, now);
    return { status: 'mine' };
  }
  const previous = await teamItem(db, result.item.key);
  if (previous?.claimPending || previous?.claimOwnerId === me.memberId) {
    await reportLostClaim(db, result.item.key, result.owner, result.leaseUntil, now);
  }
  await mergeItems(db, [result.item], me.memberId, now);
  return { status: 'taken', owner: result.owner.displayName, leaseUntil: result.leaseUntil };
}

/** Renew a little before a third of the lease is left, so one missed renewal is survivable. */
export const RENEW_EVERY_MS = Math.floor(CLAIM_LEASE_MS / 3);

/** The item the panel has open, its claim and its renewal timer. */
export class ClaimSession {
  private key: string | null = null;
  private cancelRenew: (() => void) | undefined;

  constructor(private readonly sync: TeamSync) {}

  get open(): string | null {
    return this.key;
  }

  /** The panel opened `key`: claim it (or take it over) and keep the lease while it is open. */
  async claim(key: string, takeover = false): Promise<ClaimOutcome> {
    const me = this.sync.me();
    const api = this.sync.client();
    if (!me || !api) return { status: 'noTeam' };
    if (this.key !== key) await this.close();
    this.key = key;
    this.sync.viewing = key;
    this.sync.sendPresence();
    const now = this.sync.scheduler.now();
    if (!this.sync.connected) {
      await claimLocally(this.sync.db, key, { id: me.memberId, displayName: me.displayName }, now);
      await this.sync.submit({ kind: 'claim', body: { key, takeover } });
      return { status: 'pending' };
    }
    try {
      const outcome = await claimKey(this.sync.db, await api.claim({ opId: newOpId(), key, takeover }), me, now);
      if (outcome.status === 'mine') this.scheduleRenew(key);
      return outcome;
    } catch {
      await claimLocally(this.sync.db, key, { id: me.memberId, displayName: me.displayName }, now);
      await this.sync.submit({ kind: 'claim', body: { key, takeover } });
      return { status: 'pending' };
    }
  }

  private scheduleRenew(key: string): void {
    this.cancelRenew?.();
    this.cancelRenew = this.sync.scheduler.after(RENEW_EVERY_MS, () => {
      void this.renew(key);
    });
  }

  private async renew(key: string): Promise<void> {
    const me = this.sync.me();
    const api = this.sync.client();
    if (this.key !== key || !me || !api) return;
    try {
      const outcome = await claimKey(this.sync.db, await api.renew({ opId: newOpId(), key }), me, this.sync.scheduler.now());
      if (outcome.status === 'mine') this.scheduleRenew(key);
    } catch {
      // Server away: try again on the next tick; the lease may lapse and the replay will tell.
      this.scheduleRenew(key);
    }
  }

  /** The panel closed the item (or went away): free it for the team. */
  async close(): Promise<void> {
    const key = this.key;
    this.cancelRenew?.();
    this.cancelRenew = undefined;
    this.key = null;
    this.sync.viewing = null;
    this.sync.sendPresence();
    const me = this.sync.me();
    if (!key || !me) return;
    const fields = await teamItem(this.sync.db, key);
    if (fields?.claimOwnerId !== me.memberId) return;
    await this.sync.submit({ kind: 'release', body: { key } });
  }
}
