/**
 * Attributes main-thread JavaScript time from a CDP CPU profile. TaskDuration deltas between runs
 * carry the page's own layout noise (± several % of a cost the bare observer barely moves); a
 * profile instead says which code the samples were in, so "content script" and "bare observer"
 * time can be compared directly, page noise aside.
 */
import type { CDPSession } from '@playwright/test';
import { z } from 'zod';
import { median, round } from './session';

const ProfileSchema = z.object({
  profile: z.object({
    nodes: z.array(
      z.object({
        id: z.number(),
        callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number().optional(), columnNumber: z.number().optional() }),
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
  /**
   * The longest single sample charged to the `urlPart` code (ms). Samples are ~0.25 ms apart while
   * the thread runs; one far longer means the thread was descheduled (a loaded machine) and that
   * wall time was charged to whatever frame it resumed in.
   */
  longestUrlSampleMs: number;
  /** Where the `urlPart` code's time went, by function (most self time first); empty without `urlPart`. */
  breakdown: FunctionTime[];
  /** Wall time left out of `byUrlMs` by the per-sample cap (SAMPLE_CAP_MS): the thread was descheduled. */
  cappedUrlMs: number;
  /**
   * `byUrlMs` and `byFunctionMs` counted as samples × the profile's median sample interval: a
   * thread descheduled between two samples yields one late sample, which counts as one interval
   * here however long the wait (the CPU it used), instead of up to SAMPLE_CAP_MS.
   */
  byUrlSampledMs: number;
  byFunctionSampledMs: number;
}

/**
 * At most this much wall time is charged per sample (4× the sampling interval). A sample after the
 * thread was descheduled on a loaded machine carries the whole gap (up to 20 ms seen), charged to
 * whatever frame the thread resumed in: uncapped, one such gap in a run moved a side by 10–20 %.
 */
const SAMPLE_CAP_MS = 1;

/** One function's share of the sampled time of the matched code. */
export interface FunctionTime {
  /** `name file:line:col`; a native or V8 frame reads `name ← caller`, its nearest matched caller. */
  frame: string;
  /** Samples in this frame itself. */
  selfMs: number;
  /** Samples in it or anything it called (counted once per sample however deep it recurses). */
  totalMs: number;
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

  const label = (frame: { functionName: string; url: string; lineNumber?: number | undefined; columnNumber?: number | undefined }) =>
    `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}`;
  const isMatched = (id: number) => match.urlPart !== undefined && (byId.get(id)?.callFrame.url.includes(match.urlPart) ?? false);
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, dt: number) => map.set(key, (map.get(key) ?? 0) + dt);
  /** Charges one sample of the matched code: itself to its frame, and once to each matched frame above. */
  const charge = (id: number, dt: number) => {
    let self: string | undefined;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      if (!isMatched(at)) {
        if (self === undefined) self = frame.functionName || '(program)';
        continue;
      }
      const key = label(frame);
      if (self === undefined) self = key;
      else if (!self.includes(' ← ') && !self.includes(':')) self = `${self} ← ${key}`;
      if (!seen.has(key)) add(totalBy, key, dt);
      seen.add(key);
    }
    if (self !== undefined) add(selfBy, self, dt);
  };

  let busy = 0;
  let url = 0;
  let fn = 0;
  let gc = 0;
  let longest = 0;
  let capped = 0;
  let urlSamples = 0;
  let fnSamples = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time since the previous sample: charge it to this sample.
    const raw = (profile.timeDeltas[i] ?? 0) / 1000;
    const dt = Math.min(raw, SAMPLE_CAP_MS);
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (name === '(idle)') return;
    busy += dt;
    if (name === '(garbage collector)') gc += dt;
    const o = ownerOf(id);
    if (o.url) {
      url += dt;
      capped += raw - dt;
      longest = Math.max(longest, raw);
      charge(id, dt);
      urlSamples += 1;
    }
    if (o.fn) {
      fn += dt;
      fnSamples += 1;
    }
  });
  const intervalMs = (median(profile.timeDeltas.filter((d) => d > 0)) || 0) / 1000;
  const breakdown = [...selfBy.entries()]
    .map(([frame, selfMs]) => ({ frame, selfMs, totalMs: totalBy.get(frame) ?? selfMs }))
    .concat([...totalBy.entries()].filter(([frame]) => !selfBy.has(frame)).map(([frame, totalMs]) => ({ frame, selfMs: 0, totalMs })))
    .sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
  return {
    busyMs: busy,
    byUrlMs: url,
    byFunctionMs: fn,
    gcMs: gc,
    longestUrlSampleMs: longest,
    breakdown,
    cappedUrlMs: capped,
    byUrlSampledMs: urlSamples * intervalMs,
    byFunctionSampledMs: fnSamples * intervalMs,
  };
}

/** Profiled runs' breakdowns in µs per post (mean over the runs), most self time first. */
export function meanBreakdown(runs: FunctionTime[][], posts: number): FunctionTime[] {
  const sum = new Map<string, { selfMs: number; totalMs: number }>();
  for (const run of runs) {
    for (const f of run) {
      const s = sum.get(f.frame) ?? { selfMs: 0, totalMs: 0 };
      sum.set(f.frame, { selfMs: s.selfMs + f.selfMs, totalMs: s.totalMs + f.totalMs });
    }
  }
  const perPost = (ms: number) => round((ms * 1000) / posts / Math.max(1, runs.length), 2);
  return [...sum.entries()]
    .map(([frame, s]) => ({ frame, selfMs: perPost(s.selfMs), totalMs: perPost(s.totalMs) }))
    .sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
}
