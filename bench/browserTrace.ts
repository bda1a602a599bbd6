// A Chrome trace of a page's main thread (playwright-core's browser.startTracing), for the task page's `--trace`:
// each long task with what filled it (module evaluation, a scheduler callback, style, layout…), the view Lighthouse's
// blocking time is made of.

/** One trace event as Chrome writes it. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

/** A main-thread task of at least the summary's length: when it started (ms into the trace), how long, what filled it. */
export interface LongTask {
  atMs: number;
  ms: number;
  inside: Array<{ name: string; ms: number }>;
}

/** The renderer main thread of `events` that ran the most tasks (the page's, not a prerender's). */
function mainThread(events: TraceEvent[]): string {
  const renderers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const counts = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask' && renderers.has(`${e.pid}:${e.tid}`)) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** The main thread's tasks of `minMs` or longer in `trace` (the JSON Chrome writes), each with its five largest event kinds. */
export function longTasks(trace: string, minMs = 30): LongTask[] {
  const parsed = JSON.parse(trace) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const thread = mainThread(events);
  const complete = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const start = complete[0]?.ts ?? 0;
  return complete
    .filter((task) => task.name === 'RunTask' && task.dur! >= minMs * 1000)
    .map((task) => {
      const byName = new Map<string, number>();
      for (const e of complete) {
        if (e === task || e.ts < task.ts || e.ts + e.dur! > task.ts + task.dur!) continue;
        const name = e.name === 'FunctionCall' && e.args?.data?.url ? `FunctionCall ${e.args.data.url.split('/').pop()}` : e.name;
        byName.set(name, (byName.get(name) ?? 0) + e.dur! / 1000);
      }
      const inside = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
      return { atMs: Math.round((task.ts - start) / 1000), ms: Math.round(task.dur! / 1000), inside };
    });
}
