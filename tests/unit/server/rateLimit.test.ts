// @vitest-environment node
/** Invite redemption is rate limited per client address, and a spoofed X-Forwarded-For does not reset it. */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, TeamClient, startServer, type RunningServer } from '../../../server/testing';

// The embedded database takes a while to start on a loaded machine; waits are for events, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ joinsPerMinute: 3 });
});
afterAll(async () => {
  await server?.stop();
});

it('refuses the fourth guess in a minute', async () => {
  const client = new TeamClient(server.url);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const forwarded = { 'x-forwarded-for': `10.0.0.${i}` };
    const status = await client.call(z.unknown(), 'POST', '/v1/join', { inviteCode: 'AAAA-BBBB-CCCC', displayName: 'Mallory', deviceName: 'x' }, forwarded).then(
      () => 200,
      (e: unknown) => (e instanceof ApiError ? e.status : 0),
    );
    statuses.push(status);
  }
  expect(statuses).toEqual([400, 400, 400, 429, 429]);
});
