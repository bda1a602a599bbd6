// The lint configuration of the modeler: bpmnlint's recommended rules plus Sparrow's plugin, with a static resolver.
import recommended from 'bpmnlint/config/recommended';
import { RECOMMENDED_RULES } from './recommendedRules';
import { clocks } from './rules/clocks';
import { externalJobType } from './rules/externalJobType';
import { gatewayDefault } from './rules/gatewayDefault';
import { jobType } from './rules/jobType';
import { supportedElement } from './rules/supportedElement';
import { userTaskAssignment } from './rules/userTaskAssignment';

type Category = 'off' | 'warn' | 'error' | 'info';

/** Sparrow's own rules (plugin `bpmnlint-plugin-sparrow`), as `sparrow/<name>`. */
export const SPARROW_RULES: Record<string, () => unknown> = {
  'supported-element': supportedElement,
  'gateway-default': gatewayDefault,
  'user-task-assignment': userTaskAssignment,
  'job-type': jobType,
  'external-job-type': externalJobType,
  clocks,
};

/** Severity of each Sparrow rule: what the engine or the server would refuse is an error; what only informs is info. */
const SPARROW_SEVERITY: Record<string, Category> = {
  'supported-element': 'error',
  'gateway-default': 'warn',
  'user-task-assignment': 'error',
  'job-type': 'error',
  'external-job-type': 'info',
  clocks: 'error',
};

/** Where recommended rules do not fit Sparrow: it runs inclusive gateways. */
const OVERRIDES: Record<string, Category> = { 'no-inclusive-gateway': 'off' };

/** The flat rule configuration: `bpmnlint:recommended` + overrides + `sparrow/*` (FEEL is checked by the properties panel's editor and the server). */
export const LINT_RULES: Record<string, Category> = {
  ...(recommended.rules as Record<string, Category>),
  ...OVERRIDES,
  ...Object.fromEntries(Object.entries(SPARROW_SEVERITY).map(([name, category]) => [`sparrow/${name}`, category])),
};

const PACKAGES: Record<string, Record<string, (config?: unknown) => unknown>> = {
  bpmnlint: RECOMMENDED_RULES,
  'bpmnlint-plugin-sparrow': SPARROW_RULES,
};

/** Resolves rules from the imports above; configs are never resolved because the rule list is flat. */
export const lintResolver = {
  resolveRule(pkg: string, ruleName: string) {
    const rule = PACKAGES[pkg]?.[ruleName];
    if (!rule) throw new Error(`unknown rule <${pkg}/${ruleName}>`);
    return rule;
  },
  resolveConfig(pkg: string, configName: string): never {
    throw new Error(`unknown config <${pkg}/${configName}>: the Sparrow lint config is flat`);
  },
};

/** What bpmn-js-bpmnlint (`linting.bpmnlint`) and bpmnlint's Linter take. */
export const LINT_CONFIG = { config: { rules: LINT_RULES }, resolver: lintResolver };
