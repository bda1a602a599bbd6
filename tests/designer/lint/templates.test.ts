// The process templates in processes/: described for the library, clean under the full lint config, and deployable.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeTemplates } from '../../../designer/src/bpmn/templateInfo';
import { BUILTIN_JOB_TYPE_NAMES } from '../../../contracts/jobTypes';
import { compile } from '../../../engine/compile';
import { lintXml } from './lintXml';

const dir = path.join(__dirname, '../../../processes');
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((name) => name.endsWith('.bpmn'))
    .map((name) => [`../../../processes/${name}`, readFileSync(path.join(dir, name), 'utf8')]),
);
const templates = describeTemplates(files);

describe('process templates', () => {
  it('should list every processes/*.bpmn with its process id and Chinese name', () => {
    // then
    expect(templates.map(({ id, processId, name }) => ({ id, processId, name }))).toEqual([
      { id: 'street-whistle', processId: 'street-whistle', name: '街道吹哨、部门报到' },
      { id: 'unlicensed-business', processId: 'unlicensed-business', name: '无照经营查处' },
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
});
