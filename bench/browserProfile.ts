// A CPU profile of a page's main thread through the Chrome DevTools protocol (playwright-core's CDP session), for the
// designer row's `--profile`: where the time to interactive goes, by function (self time) and by script.
import fs from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** A profile as Profiler.stop returns it (a .cpuprofile file's content). */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling `page`'s main thread every 200 µs; the returned function stops and returns the profile. */
export async function startProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await session.detach();
    return profile;
  };
}

const where = (frame: ProfileNode['callFrame']) => `${frame.url.split('/').pop() || '(native)'}:${frame.lineNumber + 1}`;

/** The profile's self time in ms per function and per script, largest first (`top` of each). */
export function summarizeProfile(profile: CpuProfile, top = 30): { totalMs: number; functions: Array<{ ms: number; fn: string; at: string }>; scripts: Array<{ ms: number; script: string }> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fns = new Map<string, { ms: number; fn: string; at: string }>();
  const scripts = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const key = `${frame.functionName}@${where(frame)}`;
    const entry = fns.get(key) ?? { ms: 0, fn: frame.functionName || '(anonymous)', at: where(frame) };
    entry.ms += ms;
    fns.set(key, entry);
    const script = frame.url.split('/').pop() || frame.functionName;
    scripts.set(script, (scripts.get(script) ?? 0) + ms);
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: round((profile.endTime - profile.startTime) / 1000),
    functions: [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map((f) => ({ ...f, ms: round(f.ms) })),
    scripts: [...scripts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([script, ms]) => ({ ms: round(ms), script })),
  };
}

/** Writes `profile` to `file` (opens in Chrome DevTools' Performance panel) and prints its summary. */
export function reportProfile(profile: CpuProfile, file: string): void {
  fs.writeFileSync(file, JSON.stringify(profile));
  const summary = summarizeProfile(profile);
  console.log(`CPU profile of one opening (${summary.totalMs} ms recorded) written to ${file}; self time by script and by function:`);
  console.table(summary.scripts);
  console.table(summary.functions);
}
