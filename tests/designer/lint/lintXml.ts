// Test helper: lints BPMN XML in node with bpmnlint's Linter and the designer's configuration.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'bpmnlint';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrow from '../../../contracts/bpmn/sparrowModdle.json';
import { LINT_CONFIG } from '../../../designer/src/bpmn/lint/config';

/** One finding: the rule, the element and the message. */
export interface Finding {
  rule: string;
  id: string | undefined;
  message: string;
  category: string;
}

/** Lints `xml` with the designer's full configuration (or only `rules` when given). */
export async function lintXml(xml: string, rules?: string[]): Promise<Finding[]> {
  const { rootElement } = await new BpmnModdle({ zeebe, sparrow }).fromXML(xml);
  const config = rules ? { ...LINT_CONFIG, config: { rules: Object.fromEntries(rules.map((rule) => [rule, LINT_CONFIG.config.rules[rule]])) } } : LINT_CONFIG;
  const results = await new Linter(config).lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map(({ id, message, category }) => ({ rule, id, message, category })));
}

/** The text of a fixture beside the lint specs. */
export const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
