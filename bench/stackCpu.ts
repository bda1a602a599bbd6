// CPU seconds of a benchmark's stack by role — this process (worker and client), the Temporal dev server, the database
// (FerretDB and, on its PostgreSQL backend, the postmaster of its port with every backend) — from Linux /proc.
import fs from 'node:fs';
import { processCpuSeconds, temporalServerPid } from './processCpu';

/** CPU seconds used so far by each role; null where /proc or the process is missing. */
export interface StackCpu {
  worker: number;
  temporal: number | null;
  database: number | null;
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

const parentOf = (pid: number) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return 0;
  }
};

/** Every live pid in /proc. */
const livePids = () => fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number);

/** The pids of `roots` and all their descendants. */
function withDescendants(roots: number[]): number[] {
  const all = livePids();
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const pid of all) {
      if (!found.has(pid) && found.has(parentOf(pid))) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** The database's processes: FerretDB and, when it runs on PostgreSQL, the postmaster serving its port and its backends. */
export function databasePids(ferretdbPid: number | undefined): number[] {
  if (!ferretdbPid || !fs.existsSync('/proc')) return [];
  const url = cmdline(ferretdbPid).find((a) => a.startsWith('--postgresql-url='));
  const port = url ? new URL(url.slice('--postgresql-url='.length)).port : undefined;
  const postmasters = port
    ? livePids().filter((pid) => {
        const args = cmdline(pid);
        return /postgres$/.test(args[0] ?? '') && args.some((a, i) => a === `--port=${port}` || (a === '-p' && args[i + 1] === port) || a.includes(`port=${port}`));
      })
    : [];
  return withDescendants([ferretdbPid, ...postmasters]);
}

/** A reader of the stack's CPU seconds: the Temporal server at `temporalAddress`, the database of FerretDB's pid. */
export function stackCpuReader(temporalAddress: string, ferretdbPid: number | undefined): () => StackCpu {
  const temporalPid = temporalServerPid(temporalAddress);
  return () => {
    const own = process.cpuUsage();
    const db = databasePids(ferretdbPid).map(processCpuSeconds);
    return {
      worker: (own.user + own.system) / 1e6,
      temporal: processCpuSeconds(temporalPid),
      database: db.length === 0 || db.some((s) => s === null) ? null : (db as number[]).reduce((a, b) => a + b, 0),
    };
  };
}

/** The CPU seconds each role used between two readings. */
export function cpuBetween(before: StackCpu, after: StackCpu): StackCpu {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return { worker: after.worker - before.worker, temporal: diff(before.temporal, after.temporal), database: diff(before.database, after.database) };
}
