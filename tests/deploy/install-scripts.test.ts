// Issue 10 defect 18: every install script of the installed packages is reviewed in package.json "allowScripts", and
// nothing that reports to a vendor (IBM telemetry, Scarf analytics) runs during `npm ci`, in setup or in the image.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;
/** Commands of install scripts that send usage data to their vendor. */
const PHONES_HOME = /\bibmtelemetry\b|@ibm\/telemetry|\bscarf\b|report\.js/i;
/** The environment switches that turn those reporters off, should one run anyway. */
const TELEMETRY_OFF = { IBM_TELEMETRY_DISABLED: 'true', SCARF_ANALYTICS: 'false' };

type Manifest = { name?: string; version?: string; scripts?: Record<string, string>; allowScripts?: Record<string, boolean> };
/** An installed package with the install scripts npm would run for it. */
type Installed = { name: string; version: string; where: string; scripts: Record<string, string> };

/** Every package under node_modules (nested node_modules included) that has an install script or a binding.gyp. */
function installedWithScripts(dir: string): Installed[] {
  const found: Installed[] = [];
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const packages = entry.name.startsWith('@') ? readdirSync(join(modules, entry.name), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(modules, entry.name, d.name)) : [join(modules, entry.name)];
      for (const pkg of packages) {
        const file = join(pkg, 'package.json');
        if (existsSync(file)) {
          const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
          const scripts = Object.fromEntries(INSTALL_SCRIPTS.filter((s) => manifest.scripts?.[s]).map((s) => [s, manifest.scripts![s]]));
          // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script of its own.
          if (!scripts.install && !scripts.preinstall && existsSync(join(pkg, 'binding.gyp'))) scripts.install = 'node-gyp rebuild';
          if (Object.keys(scripts).length > 0) found.push({ name: manifest.name ?? relative(modules, pkg), version: manifest.version ?? '?', where: relative(ROOT, pkg), scripts });
        }
        visit(join(pkg, 'node_modules'));
      }
    }
  };
  visit(join(dir, 'node_modules'));
  return found;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const policy = manifest.allowScripts ?? {};

describe('install scripts (defect 18)', () => {
  const installed = installedWithScripts(ROOT);

  it('should find the installed packages that have install scripts', () => {
    // given the installed tree (npm ci ran)
    // when listing packages with install scripts
    // then the known ones are there, so the walk sees what npm runs
    console.log(installed.map((p) => `${p.name}@${p.version} ${JSON.stringify(p.scripts)} -> ${String(policy[p.name] ?? 'UNREVIEWED')}`).join('\n'));
    expect(installed.map((p) => p.name)).toEqual(expect.arrayContaining(['esbuild', '@carbon/grid']));
  });

  it('should list every installed package with an install script in allowScripts (true: runs, false: blocked)', () => {
    // given each package with an install script
    // when looking it up in package.json "allowScripts"
    const unreviewed = installed.filter((p) => typeof policy[p.name] !== 'boolean').map((p) => `${p.where} ${JSON.stringify(p.scripts)}`);
    // then none is left to npm's default, which runs unlisted scripts
    expect(unreviewed).toEqual([]);
  });

  it('should block every install script that reports to its vendor', () => {
    // given the packages whose install script runs a telemetry or analytics reporter
    const reporters = installed.filter((p) => Object.values(p.scripts).some((command) => PHONES_HOME.test(command)));
    expect(reporters.map((p) => p.name)).toEqual(expect.arrayContaining(['@carbon/grid', '@scarf/scarf']));
    // when looking them up in the policy
    // then each is denied
    for (const { name } of reporters) expect({ name, allowed: policy[name] }).toEqual({ name, allowed: false });
  });

  it('should leave npm itself nothing unreviewed (`npm install-scripts ls`)', () => {
    // given npm's own view of the tree and the policy
    const result = spawnSync('npm', ['install-scripts', 'ls'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    // when it lists scripts not covered by allowScripts
    // then there are none
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/not yet covered/);
  });

  it('should turn the reporters off in scripts/setup before npm ci', () => {
    // given the setup script
    const setup = readFileSync(join(ROOT, 'scripts/setup'), 'utf8');
    const npmCi = setup.indexOf('npm ci');
    expect(npmCi).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(TELEMETRY_OFF)) {
      // when finding where it exports the switch
      const exported = setup.search(new RegExp(`^export ${name}=${value}$`, 'm'));
      // then it is exported before npm ci runs
      expect({ name, exportedBeforeNpmCi: exported >= 0 && exported < npmCi }).toEqual({ name, exportedBeforeNpmCi: true });
    }
  });

  it('should turn the reporters off in the Dockerfile before npm ci', () => {
    // given the Dockerfile's instructions, continuation lines joined
    const instructions = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
    const npmCi = instructions.search(/^RUN .*npm ci/m);
    expect(npmCi).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(TELEMETRY_OFF)) {
      // when finding the ENV that sets the switch
      const set = instructions.search(new RegExp(`^ENV .*\\b${name}=${value}\\b`, 'm'));
      // then the dependencies stage sets it before npm ci
      expect({ name, setBeforeNpmCi: set >= 0 && set < npmCi }).toEqual({ name, setBeforeNpmCi: true });
    }
  });
});
