// A server of the fault suites run as its own OS process (FerretDB, Temporal, worker, API server): start, kill with any
// signal, restart with the same arguments, and read its resident memory. Every child is SIGKILLed when the runner exits.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const living = new Set<ChildProcess>();

/** SIGKILLs every child still running (synchronous, so it also works in an `exit` handler). */
export function killAllChildren(): void {
  for (const child of living) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  living.clear();
}

/** How to run one server. */
export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** Resolves once the process serves; rejects when it cannot. */
  ready: (child: ManagedChild) => Promise<void>;
}

/** One server process that can be killed and started again with the same arguments. */
export class ManagedChild {
  private proc: ChildProcess | undefined;
  /** How many times this server was started. */
  starts = 0;

  constructor(readonly spec: ChildSpec) {}

  /** The operating-system pid of the running process. */
  get pid(): number | undefined {
    return this.running ? this.proc?.pid : undefined;
  }

  /** Whether the process is alive. */
  get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Starts the process (its output appended to the log file) and waits until it is ready. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.spec.name} is already running`);
    const log = fs.openSync(this.spec.logFile, 'a');
    fs.writeSync(log, `\n--- ${new Date().toISOString()} start ${this.spec.name} ---\n`);
    const proc = spawn(this.spec.command, this.spec.args, { cwd: this.spec.cwd, env: { ...process.env, ...this.spec.env }, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.proc = proc;
    this.starts += 1;
    living.add(proc);
    proc.once('exit', () => living.delete(proc));
    await this.spec.ready(this);
  }

  /** Sends `signal`; for SIGKILL/SIGTERM waits (up to 15 s, then SIGKILL) until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running) return;
    if (signal === 'SIGSTOP' || signal === 'SIGCONT') {
      proc.kill(signal);
      return;
    }
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    const late = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(late);
  }

  /** Stops (with `signal`) and starts again. */
  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(signal);
    await this.start();
  }

  /** Resident set size in kB from /proc/<pid>/status, or null when not running. */
  rssKb(): number | null {
    const pid = this.pid;
    if (!pid) return null;
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  /** Fails when the process has exited (so a wait does not run into its deadline). */
  assertAlive(): void {
    if (!this.running) throw new Error(`${this.spec.name} exited (code ${this.proc?.exitCode}, signal ${this.proc?.signalCode}); see ${this.spec.logFile}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Ready when the port accepts connections (within `timeoutMs`). */
export const whenPortOpen = (port: number, timeoutMs = 90_000) => async (child: ManagedChild) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    child.assertAlive();
    if (await portOpen(port)) return;
    await sleep(200);
  }
  throw new Error(`${child.spec.name} did not open port ${port} within ${timeoutMs / 1000} s; see ${child.spec.logFile}`);
};

/** Ready when the log file gains a line matching `pattern` after this start (within `timeoutMs`). */
export const whenLogSays = (pattern: RegExp, timeoutMs = 180_000) => async (child: ManagedChild) => {
  const from = fs.statSync(child.spec.logFile).size;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    child.assertAlive();
    const fd = fs.openSync(child.spec.logFile, 'r');
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, size - from));
    fs.readSync(fd, buffer, 0, buffer.length, from);
    fs.closeSync(fd);
    if (pattern.test(buffer.toString('utf8'))) return;
    await sleep(250);
  }
  throw new Error(`${child.spec.name} did not log ${pattern} within ${timeoutMs / 1000} s; see ${child.spec.logFile}`);
};

/** Ready when GET `url` answers 200 (within `timeoutMs`). */
export const whenHttpOk = (url: string, timeoutMs = 120_000) => async (child: ManagedChild) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    child.assertAlive();
    const ok = await fetch(url, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(300);
  }
  throw new Error(`${child.spec.name} did not answer 200 on ${url} within ${timeoutMs / 1000} s; see ${child.spec.logFile}`);
};
