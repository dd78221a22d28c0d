/**
 * Attributes main-thread JavaScript time from a CDP CPU profile. TaskDuration deltas between runs
 * carry the page's own layout noise (± several % of a cost the bare observer barely moves); a
 * profile instead says which code the samples were in, so "content script" and "bare observer"
 * time can be compared directly, page noise aside.
 */
import type { CDPSession } from '@playwright/test';
import { z } from 'zod';

const ProfileSchema = z.object({
  profile: z.object({
    nodes: z.array(
      z.object({
        id: z.number(),
        callFrame: z.object({ functionName: z.string(), url: z.string() }),
        children: z.array(z.number()).optional(),
      }),
    ),
    samples: z.array(z.number()).default([]),
    timeDeltas: z.array(z.number()).default([]),
  }),
});

export interface Attribution {
  /** Total sampled ms (idle excluded). */
  busyMs: number;
  /** Time in (and called from) code whose URL contains `urlPart`. */
  byUrlMs: number;
  /** Time in (and called from) a function with this name. */
  byFunctionMs: number;
  gcMs: number;
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 }); // µs
  await cdp.send('Profiler.start');
}

/** Stops the profile and sums sample time by owner: the nearest ancestor frame that matches. */
export async function stopProfile(cdp: CDPSession, match: { urlPart?: string; functionName?: string }): Promise<Attribution> {
  const { profile } = ProfileSchema.parse(await cdp.send('Profiler.stop'));
  await cdp.send('Profiler.disable');
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const owner = new Map<number, { url: boolean; fn: boolean }>();
  const ownerOf = (id: number): { url: boolean; fn: boolean } => {
    const known = owner.get(id);
    if (known) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const inherited = up === undefined ? { url: false, fn: false } : ownerOf(up);
    const frame = node?.callFrame;
    const result = {
      url: inherited.url || (match.urlPart !== undefined && (frame?.url.includes(match.urlPart) ?? false)),
      fn: inherited.fn || (match.functionName !== undefined && frame?.functionName === match.functionName),
    };
    owner.set(id, result);
    return result;
  };

  let busy = 0;
  let url = 0;
  let fn = 0;
  let gc = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time since the previous sample: charge it to this sample.
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (name === '(idle)') return;
    busy += dt;
    if (name === '(garbage collector)') gc += dt;
    const o = ownerOf(id);
    if (o.url) url += dt;
    if (o.fn) fn += dt;
  });
  return { busyMs: busy, byUrlMs: url, byFunctionMs: fn, gcMs: gc };
}
