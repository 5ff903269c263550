// A CPU profile of the page through the Chrome DevTools Protocol, summed up by function: where a bench's
// time went (`COLDSTART_PROFILE=out.cpuprofile npm run bench`; the file opens in Chromium's DevTools).
import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Stops the profile, saves it, and returns the `top` functions by self time (ms) as lines. */
export async function stopProfile(cdp: CDPSession, path: string, top = 15): Promise<string[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  writeFileSync(path, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((s, v) => s + v, 0);
  return [
    `CPU profile (${path}): ${total.toFixed(0)} ms sampled in the page's main thread; top by self time:`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${k}`),
  ];
}

/**
 * CPU milliseconds used so far by Chromium's renderer processes (the page's main thread, its workers, its
 * garbage collector): the fair figure on a shared machine, where wall time is mostly waiting for a core.
 */
export async function rendererCpuMs(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as unknown as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime * 1000, 0);
  } finally {
    await session.detach();
  }
}
