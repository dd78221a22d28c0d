/**
 * Team mode in the background: the one TeamSync (lib/team/sync.ts) and the panel's team messages.
 * Without a membership nothing here touches the network. The panel holds a port open while it
 * shows an item: when the panel goes away the claim is released (and the lease would lapse anyway).
 */
import type { ReplylineDb } from '../db/db';
import { resolvePostKey } from '../db/aliases';
import { getSettings, saveSettings } from '../db/brands';
import { setQueueState, type QueueStateChange } from '../db/queue';
import { clearNotice, getMembership, myClaims, patchMembership, saveMembership } from '../db/team';
import { localConfig } from '../db/teamConfig';
import { handle } from '../messages';
import type { ReplyLogEntry } from '../schemas/replies';
import { TeamApi, TeamHttpError, TeamNetworkError, type FetchLike } from '../team/api';
import { ClaimSession } from '../team/claims';
import { realScheduler, type Scheduler } from '../team/scheduler';
import { browserSocket, type SocketFactory } from '../team/socket';
import { TeamSync } from '../team/sync';
import { TEAM_PANEL_PORT } from '../team/port';


export interface TeamRuntime {
  sync: TeamSync;
  session: ClaimSession;
}

/** Why joining failed, as the panel words it (`team.joinError.<code>`). */
function joinErrorCode(error: unknown): 'unreachable' | 'invite' | 'rateLimited' | 'server' {
  if (error instanceof TeamNetworkError) return 'unreachable';
  if (error instanceof TeamHttpError) {
    if (error.code === 'invite_invalid' || error.status === 404 || error.status === 400) return 'invite';
    if (error.status === 429) return 'rateLimited';
  }
  return 'server';
}

const browserFetch: FetchLike = (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });

/** Hooks the existing handlers call; each is a no-op outside team mode. */
export const teamNotify = {
  runtime: undefined as TeamRuntime | undefined,
  /** Posts just queued (page keys): the team hears of the new items. */
  async queued(db: ReplylineDb, keys: readonly string[]): Promise<void> {
    const sync = this.runtime?.sync;
    if (!sync?.me() || keys.length === 0) return;
    const filed = await Promise.all(keys.map((key) => resolvePostKey(db, key)));
    await sync.queued(filed);
  },
  /** The agent moved an item (start, snooze, dismiss, replied…): the team's item follows. */
  async stateChanged(db: ReplylineDb, change: QueueStateChange): Promise<void> {
    const sync = this.runtime?.sync;
    if (!sync?.me()) return;
    const fields = await db.teamItems.get(change.key);
    const { key, state, note, dismissReason, snoozedUntil, followUpAt } = change;
    await sync.submit({ kind: 'state', body: { key, state, note, dismissReason, snoozedUntil, followUpAt, baseVersion: fields?.version || undefined } });
  },
  /** A reply the agent sent was logged: the team's log gets it (the server stamps the agent). */
  async replyLogged(entry: ReplyLogEntry): Promise<void> {
    const sync = this.runtime?.sync;
    if (!sync?.me()) return;
    await sync.submit({ kind: 'replies', body: { entries: [entry] } });
  },
};

export function registerTeamHandlers(
  db: ReplylineDb,
  deps: { fetch?: FetchLike; socket?: SocketFactory; scheduler?: Scheduler } = {},
): TeamRuntime {
  const fetchImpl = deps.fetch ?? browserFetch;
  const sync = new TeamSync({
    db,
    fetch: fetchImpl,
    socket: deps.socket ?? browserSocket,
    scheduler: deps.scheduler ?? realScheduler,
    onEvent: (event) => {
      if (event.type === 'disconnected') console.info('Replyline team: connection lost, will retry', event.error);
    },
  });
  const session = new ClaimSession(sync);
  const runtime: TeamRuntime = { sync, session };
  teamNotify.runtime = runtime;

  const lead = async () => {
    const me = await getMembership(db);
    const api = sync.client();
    if (!me || me.role !== 'lead' || !api) throw new Error('Only a team lead can do this');
    return api;
  };

  handle('teamJoin', async ({ serverUrl, inviteCode, displayName, deviceName }) => {
    const api = new TeamApi(serverUrl, undefined, fetchImpl);
    try {
      const joined = await api.join({ inviteCode, displayName, deviceName });
      await saveMembership(db, {
        id: 'team',
        serverUrl,
        token: joined.token,
        teamId: joined.team.id,
        teamName: joined.team.name,
        memberId: joined.member.id,
        displayName: joined.member.displayName,
        role: joined.member.role,
        deviceName,
        joinedAt: Date.now(),
      });
      // The reply log and templates name the agent as the team knows them.
      if (!(await getSettings(db)).agentName) await saveSettings(db, { agentName: joined.member.displayName });
    } catch (error) {
      return { ok: false as const, error: joinErrorCode(error) };
    }
    void sync.start();
    return { ok: true as const };
  });

  handle('teamLeave', async () => {
    await session.close().catch(() => undefined);
    await sync.leave();
    return { ok: true };
  });

  handle('teamReconnect', async () => {
    if (!sync.me()) await sync.start();
    else sync.wake();
    return { ok: true };
  });

  handle('teamClaim', async ({ key, takeover }) => session.claim(key, takeover));

  handle('teamRelease', async ({ key }) => {
    if (session.open === key) await session.close();
    return { ok: true };
  });

  handle('teamAssign', async ({ key, memberId, note, escalate }) => {
    const member = await db.teamMembers.get(memberId);
    // Locally at once (the panel works offline); the server decides and the change comes back.
    await setQueueState(db, { key, state: escalate ? 'escalated' : 'new', note: note || undefined, assignedAgent: member?.displayName });
    if (session.open === key) await session.close();
    await sync.submit({ kind: 'assign', body: { key, memberId, note, escalate } });
    return { ok: true };
  });

  handle('teamEndShift', async ({ reassignTo, note }) => {
    const me = await getMembership(db);
    if (!me) return { ok: true };
    await session.close();
    await sync.submit({ kind: 'shiftEnd', body: { reassignTo, note } });
    // Locally, the open claims go at once; the server's changes bring the items' new owners.
    await db.transaction('rw', db.teamItems, async () => {
      for (const fields of await myClaims(db, me.memberId)) {
        await db.teamItems.put({ ...fields, claimOwnerId: undefined, claimOwnerName: undefined, leaseUntil: undefined, claimPending: false });
      }
    });
    await patchMembership(db, { onShift: false });
    await sync.start();
    return { ok: true };
  });

  handle('teamShiftStart', async () => {
    await patchMembership(db, { onShift: true });
    await sync.start();
    return { ok: true };
  });

  handle('teamNoticeSeen', async ({ key }) => {
    await clearNotice(db, key);
    return { ok: true };
  });

  handle('teamInvite', async ({ role, ttlHours }) => (await lead()).createInvite({ opId: crypto.randomUUID(), role, ttlHours }));

  handle('teamDevices', async () => (await lead()).devices());

  handle('teamDeviceRevoke', async ({ id }) => {
    await (await lead()).revokeDevice(id);
    return { ok: true };
  });

  handle('teamPublishConfig', async () => {
    const api = await lead();
    const config = await localConfig(db);
    const opId = () => crypto.randomUUID();
    await api.putConfig('brands', { opId: opId(), upsert: config.brands, remove: [] });
    await api.putConfig('templates', { opId: opId(), upsert: config.templates, remove: [] });
    await api.putConfig('toneNotes', { opId: opId(), upsert: config.toneNotes, remove: [] });
    return { ok: true };
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TEAM_PANEL_PORT) return;
    port.onDisconnect.addListener(() => {
      void session.close();
    });
  });

  // The network came back: reconnect now rather than at the next backoff step.
  globalThis.addEventListener?.('online', () => sync.wake());
  // Reconnect whenever the worker starts (install, browser start, waking after being stopped).
  void sync.start();
  return runtime;
}
