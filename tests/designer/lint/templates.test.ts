// The process templates in processes/: described for the library, clean under the full lint config, and deployable;
// their tasks take input through the forms shipped in processes/forms/ (zh-CN labels), and every gateway condition
// reads variables a form field (or output mapping) of a task before it (or beside the way to it) sets, with each path reachable by a choice.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeTemplates } from '../../../designer/src/bpmn/templateInfo';
import { BUILTIN_JOB_TYPE_NAMES } from '../../../contracts/jobTypes';
import { compile } from '../../../engine/compile';
import type { ExecutableModel } from '../../../engine/model';
import { schemaProblems } from '../../../server/services/formValidation';
import { lintXml } from './lintXml';
import { combinations, conditionalGateways, elementsBeforeOrBeside, fieldsOf, flowTaken, sourcesOf, valuesOf, variablesRead } from './templateForms';

const dir = path.join(__dirname, '../../../processes');
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((name) => name.endsWith('.bpmn'))
    .map((name) => [`../../../processes/${name}`, readFileSync(path.join(dir, name), 'utf8')]),
);
const formDir = path.join(dir, 'forms');
const formFiles = Object.fromEntries(
  readdirSync(formDir)
    .filter((name) => name.endsWith('.form.json'))
    .map((name) => [`../../../processes/forms/${name}`, readFileSync(path.join(formDir, name), 'utf8')]),
);
const templates = describeTemplates(files, formFiles);
const CHINESE = /[\u4e00-\u9fff]/;

/** The compiled model of a template (the templates compile cleanly: checked above). */
async function modelOf(xml: string): Promise<ExecutableModel> {
  return (await compile(xml)).processes[0].model;
}

describe('process templates', () => {
  it('should list every processes/*.bpmn with its process id and Chinese name', () => {
    // then
    expect(templates.map(({ id, processId, name }) => ({ id, processId, name }))).toEqual([
      { id: 'street-whistle', processId: 'street-whistle', name: '街道吹哨、部门报到' },
      { id: 'unlicensed-business', processId: 'unlicensed-business', name: '无照经营查处' },
      { id: 'volunteer-service-order', processId: 'volunteer-service-order', name: '志愿服务工单' },
    ]);
    for (const template of templates) expect(template.description).not.toBe('');
  });

  it.each(templates.map((template) => [template.id, template] as const))('should have no lint finding: %s', async (_id, template) => {
    // when
    const findings = await lintXml(template.xml);

    // then
    expect(findings).toEqual([]);
  });

  it.each(templates.map((template) => [template.id, template] as const))('should compile without problems or warnings, with known job types only: %s', async (_id, template) => {
    // when
    const result = await compile(template.xml);

    // then
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const jobTypes = Object.values(result.processes[0].model.nodes).flatMap((node) => ('taskDefinition' in node && node.taskDefinition ? [node.taskDefinition.type] : []));
    expect(jobTypes.filter((type) => !BUILTIN_JOB_TYPE_NAMES.has(type))).toEqual([]);
  });

  it.each(templates.map((template) => [template.id, template] as const))('should ship every form it names, valid and labelled in Chinese: %s', async (_id, template) => {
    // given
    const model = await modelOf(template.xml);
    const named = Object.values(model.nodes).flatMap((node) => (node.kind === 'userTask' && node.userTask?.formId ? [node.userTask.formId] : node.kind === 'startEvent' && node.startFormId ? [node.startFormId] : []));

    // then: each named form is shipped, saves without problems and labels every field in Chinese
    expect(template.forms.map((form) => form.id).sort()).toEqual([...new Set(named)].sort());
    for (const form of template.forms) {
      expect(schemaProblems(form.schema)).toEqual([]);
      expect(form.schema.id).toBe(form.id);
      for (const field of fieldsOf(form.schema)) expect({ form: form.id, key: field.key, label: CHINESE.test(field.label) }).toEqual({ form: form.id, key: field.key, label: true });
    }
  });

  it.each(templates.map((template) => [template.id, template] as const))('should give every user task a form, or an output mapping when completing it is all it takes: %s', async (_id, template) => {
    // given
    const model = await modelOf(template.xml);

    // then
    const withoutInput = Object.values(model.nodes).filter((node) => node.kind === 'userTask' && !node.userTask?.formId && (node.outputs ?? []).length === 0);
    expect(withoutInput.map((node) => node.id)).toEqual([]);
  });

  it.each(templates.map((template) => [template.id, template] as const))('should let a form field of a task before each gateway set what its conditions read, and reach every path by a choice: %s', async (_id, template) => {
    // given
    const model = await modelOf(template.xml);
    const fieldsOfForm = (formId: string) => fieldsOf(template.forms.find((form) => form.id === formId)?.schema ?? {});

    for (const gateway of conditionalGateways(model)) {
      // when: the variables its conditions read, and what the tasks before it let people set them to
      const read = [...new Set(gateway.flows.flatMap((flow) => (flow.condition?.kind === 'feel' ? variablesRead(flow.condition.source) : [])))];
      const before = elementsBeforeOrBeside(model, gateway.id);
      const values: Record<string, unknown[]> = {};
      for (const variable of read) {
        const sources = sourcesOf(model, before, fieldsOfForm, variable);
        // then: some task before the gateway (or beside the way to it) sets each one: a form field, unless an output mapping does
        expect({ gateway: gateway.id, variable, set: sources.length > 0 }).toEqual({ gateway: gateway.id, variable, set: true });
        values[variable] = [...new Set(sources.flatMap((source) => valuesOf(source) ?? []))];
      }

      // then: every flow out of the gateway is taken for some choice in those forms
      const taken = new Set(combinations(values).map((variables) => flowTaken(gateway, variables)));
      expect({ gateway: gateway.id, taken: [...taken].sort() }).toEqual({ gateway: gateway.id, taken: gateway.flows.map((flow) => flow.id).sort() });
    }
  });
});
