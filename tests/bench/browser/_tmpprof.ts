// TEMPORARY profiling script (perf task) — deleted before finishing.
import { z } from 'zod';
import { createBrand } from '../../e2e/support/panel';
import { makeTweets } from '../../e2e/support/xPage';
import { withExtension } from './session';
import { streamPage } from './streamPage';

const Node = z.object({ id: z.number(), callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }), children: z.array(z.number()).optional() });
const P = z.object({ profile: z.object({ nodes: z.array(Node), samples: z.array(z.number()).default([]), timeDeltas: z.array(z.number()).default([]) }) });

async function main() {
  await withExtension(300_000, async (s) => {
    const panel = await s.context.newPage();
    await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html`);
    await createBrand(panel, { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' });
    await panel.close();
    for (const tag of ['w', 'p']) {
      const n = tag === 'w' ? 200 : 2000;
      const tweets = makeTweets(n, (i) => (i % 7 === 0 ? `Hey @acme my order #${i} never arrived` : `just chatting about lunch (${i})`), tag === 'w' ? 1_700_000_000_000_000_000n : 1_760_000_000_000_000_000n);
      s.sitePages.set(`/b-${tag}`, streamPage(tweets, 'A', { batchSize: 20, intervalMs: 30 }));
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      await page.goto(`https://x.com/b-${tag}`, { waitUntil: 'load' });
      await page.waitForTimeout(800);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.evaluate('window.__bench.start()');
      const t0 = Date.now();
      for (;;) {
        await page.waitForTimeout(250);
        const p = (await page.evaluate('window.__bench.progress()')) as { appended: number; marked: number; prioritised: number };
        if (p.appended >= n && p.marked >= n && p.prioritised >= Math.ceil(n / 7)) break;
        if (Date.now() - t0 > 60000) { console.log('stalled', p); break; }
      }
      const { profile } = P.parse(await cdp.send('Profiler.stop'));
      const lt = (await page.evaluate('window.__bench.longTasks()')) as { duration: number }[];
      await page.close();
      if (tag === 'w') continue;
      const byId = new Map(profile.nodes.map((x) => [x.id, x]));
      const parent = new Map<number, number>();
      for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
      const self = new Map<string, number>();
      const incl = new Map<string, number>();
      let cs = 0;
      profile.samples.forEach((id, i) => {
        const dt = (profile.timeDeltas[i] ?? 0) / 1000;
        // walk up: is any frame content script?
        const chain: string[] = [];
        let inCs = false;
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const f = byId.get(cur)!.callFrame;
          if (f.url.includes('/content-scripts/')) inCs = true;
          chain.push(`${f.functionName || '(anon)'}:${f.lineNumber}${f.url.includes('/content-scripts/') ? '' : '@' + f.url.slice(-20)}`);
        }
        if (!inCs) return;
        cs += dt;
        self.set(chain[0]!, (self.get(chain[0]!) ?? 0) + dt);
        for (const c of new Set(chain)) incl.set(c, (incl.get(c) ?? 0) + dt);
      });
      console.log(`content script ${cs.toFixed(1)} ms = ${((cs * 1000) / n).toFixed(1)} us/post; long tasks ${lt.map((t) => Math.round(t.duration)).join(',')}`);
      const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(8)}  ${k}`).join('\n');
      console.log('--- self\n' + top(self));
      console.log('--- inclusive\n' + top(incl));
    }
  });
}
void main();
