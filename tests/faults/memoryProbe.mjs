// Preloaded (`--import`) into the fault stack's worker and API server: every FAULTS_MEMORY_EVERY_MS (main thread only)
// it runs a full garbage collection (`--expose-gc`) and appends the heap in use afterwards and the resident set size to
// FAULTS_MEMORY_FILE as one JSON line, so the soak judges memory by what survives a collection, not by the GC's swings.
// Plain JavaScript: the worker's workflow threads inherit the preload and have no TypeScript loader.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.FAULTS_MEMORY_FILE;
if (file && isMainThread && typeof globalThis.gc === 'function') {
  const every = Number(process.env.FAULTS_MEMORY_EVERY_MS ?? 15_000);
  setInterval(() => {
    globalThis.gc();
    const { heapUsed, rss } = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), heapUsedKb: Math.round(heapUsed / 1024), rssKb: Math.round(rss / 1024) })}\n`);
  }, every).unref();
}
