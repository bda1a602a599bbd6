// npm run test:fuzz: starts its own stack, seeds fixtures, and runs schemathesis against /api/openapi.json as each demo
// role (bearer tokens) and anonymously: no 5xx, answers match the documented statuses, content types and schemas.
// Usage (through scripts/fuzz-api, which provides the venv): tsx tests/fuzz/run.ts [--roles a,b] [--max-examples N] [--time-limit S] [--keep]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../support/paths';
import { type FuzzStats, readStats, statsLine } from './report';
import { bearerToken, seedFixtures, signIn } from './seed';
import { startFuzzStack } from './stack';

/**
 * The demo users the fuzzer acts as (one per role and scope) and `anonymous`, in run order: admins last, since the
 * user routes they fuzz may change other users' credentials (which ends those users' tokens).
 */
const ROLES = [
  'anonymous',
  'owner',
  'auditor',
  ...['owner', 'commander', 'staff', 'liaison', 'volunteer', 'resident', 'auditor', 'admin'].map((r) => `bajiao-${r}`),
  'admin',
];

/**
 * Operations that can end the fuzzer's own credentials (revoking its token, found by listing them; changing its own
 * user): each role fuzzes them in a second pass after everything else.
 */
const SELF_ENDING = ['deleteMeTokensById', 'patchUsersByUsername'];

const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

const { values: options } = parseArgs({
  options: {
    roles: { type: 'string', default: ROLES.join(',') },
    'max-examples': { type: 'string', default: process.env.FUZZ_MAX_EXAMPLES ?? '10' },
    'time-limit': { type: 'string', default: process.env.FUZZ_TIME_LIMIT ?? '3000' },
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? '20260' },
    keep: { type: 'boolean', default: false },
  },
});

const schemathesis = process.env.SCHEMATHESIS_BIN ?? path.join(ROOT, '.tools/venv/bin/schemathesis');

/** One schemathesis invocation's outcome. */
interface PassResult {
  exitCode: number | null;
  timedOut: boolean;
  /** Schemathesis' closing sections (failures, warnings, summary). */
  summary: string[];
}

/** Runs one schemathesis pass until it ends or `deadline` passes (then it is stopped and counts as failed). */
function schemathesisPass(schemaUrl: string, token: string | null, reportDir: string, filter: string[], deadline: number): Promise<PassResult> {
  const args = [
    'run', schemaUrl,
    '--checks', CHECKS.join(','),
    '--max-examples', options['max-examples']!,
    '--seed', options.seed!,
    '--workers', '2',
    '--request-timeout', '30',
    '--continue-on-failure',
    '--generation-database', 'none',
    '--suppress-health-check', 'too_slow,filter_too_much',
    '--no-color',
    '--report', 'junit,ndjson',
    '--report-dir', reportDir,
    ...filter,
    ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
  ];
  fs.mkdirSync(reportDir, { recursive: true });
  const log = fs.createWriteStream(path.join(reportDir, 'output.log'));
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesis, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, Math.max(1000, deadline - Date.now()));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      log.end();
      const lines = output.trimEnd().split('\n');
      const from = lines.findIndex((l) => /^=+ (FAILURES|WARNINGS|SUMMARY) =+$/.test(l.trim()));
      resolve({ exitCode, timedOut, summary: from >= 0 ? lines.slice(from) : lines.slice(-30) });
    });
  });
}

/** A role's outcome over both passes. */
interface RoleResult {
  role: string;
  passed: boolean;
  stats: FuzzStats;
}

async function fuzzRole(role: string, schemaUrl: string, token: string | null, dir: string, deadline: number): Promise<RoleResult> {
  const passes = [
    { name: 'main', filter: SELF_ENDING.flatMap((id) => ['--exclude-operation-id', id]) },
    { name: 'self-ending', filter: SELF_ENDING.flatMap((id) => ['--include-operation-id', id]) },
  ];
  let passed = true;
  let stats: FuzzStats | undefined;
  for (const pass of passes) {
    const reportDir = path.join(dir, role, pass.name);
    const result = await schemathesisPass(schemaUrl, token, reportDir, pass.filter, deadline);
    stats = readStats(reportDir, stats);
    if (result.exitCode !== 0) {
      passed = false;
      console.log(result.summary.map((l) => `  ${l}`).join('\n'));
      console.log(`[fuzz] ${role} (${pass.name} pass): ${result.timedOut ? `stopped at the time limit of ${options['time-limit']} s` : `schemathesis exited with ${result.exitCode}`}`);
    }
  }
  return { role, passed, stats: stats! };
}

async function main(): Promise<void> {
  const roles = options.roles!.split(',').filter(Boolean);
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw new Error(`unknown roles ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  if (!fs.existsSync(schemathesis)) throw new Error(`schemathesis is not installed at ${schemathesis}: run scripts/fuzz-api`);
  const started = Date.now();
  const deadline = started + Number(options['time-limit']) * 1000;
  const dir = path.join(ROOT, '.data', `fuzz-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const stack = await startFuzzStack(dir);
  // Ctrl-C or a kill still stops the stack's processes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  }
  const results: RoleResult[] = [];
  try {
    console.log(`[fuzz] stack up at ${stack.baseUrl} (logs and reports in ${path.relative(ROOT, dir)})`);
    const owner = await signIn(stack.baseUrl, 'owner');
    const seeded = await seedFixtures(owner, await signIn(stack.baseUrl, 'bajiao-staff'));
    console.log(`[fuzz] seeded forms ${seeded.forms.join(', ')}; deployed ${seeded.deployed.join(', ')}; cases ${seeded.cases.join(', ')}`);
    for (const refused of seeded.refused) console.log(`[fuzz] not deployable here: ${refused}`);
    // Every token before any fuzzing: fuzzed sign-ins may trip the login rate limit afterwards.
    const tokens = new Map<string, string | null>();
    for (const role of roles) tokens.set(role, role === 'anonymous' ? null : await bearerToken(await signIn(stack.baseUrl, role)));
    // Run in ROLES order whatever order they were asked in.
    for (const role of ROLES.filter((r) => roles.includes(r))) {
      if (Date.now() >= deadline) {
        console.log(`[fuzz] ${role}: NOT RUN: the time limit of ${options['time-limit']} s is spent`);
        results.push({ role, passed: false, stats: readStats(path.join(dir, role)) });
        continue;
      }
      console.log(`[fuzz] ${role}: checks ${CHECKS.join(', ')}; at most ${options['max-examples']} examples per operation and phase`);
      const result = await fuzzRole(role, `${stack.baseUrl}/api/openapi.json`, tokens.get(role)!, dir, deadline);
      results.push(result);
      console.log(`[fuzz] ${role}: ${result.passed ? 'passed' : 'FAILED'}: ${statsLine(result.stats)}`);
    }
  } finally {
    await stack.stop();
    if (!options.keep && results.length === roles.length && results.every((r) => r.passed)) fs.rmSync(dir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.passed);
  console.log(`[fuzz] ${results.length - failed.length}/${roles.length} roles passed in ${Math.round((Date.now() - started) / 1000)} s`);
  if (failed.length) {
    console.log(`[fuzz] failed: ${failed.map((r) => r.role).join(', ')}; schemathesis output and reports in ${path.relative(ROOT, dir)}/<role>/`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
