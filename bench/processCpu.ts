// CPU seconds of processes on this machine, read from Linux /proc (null elsewhere): what a benchmark's servers used.
import fs from 'node:fs';

/** CPU seconds a process has used so far (user + system), from /proc; null where there is no /proc or no such process. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The pid of the Temporal dev server listening on `address` (`host:port`), found by its command line; undefined if none. */
export function temporalServerPid(address: string): number | undefined {
  const port = address.split(':').pop();
  try {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes('start-dev') && cmdline[cmdline.indexOf('--port') + 1] === port) return Number(entry);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
