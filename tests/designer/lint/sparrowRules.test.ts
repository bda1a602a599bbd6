// Sparrow's lint plugin against small BPMN fixtures, run by bpmnlint's Linter in node.
import { SPARROW_LINT_MESSAGES as M } from '../../../designer/src/bpmn/lint/messages';
import { fixture, lintXml } from './lintXml';

const only = (rule: string) => async (file: string) => (await lintXml(fixture(file), [rule])).map(({ id, message, category }) => ({ id, message, category }));

describe('sparrow/supported-element', () => {
  const lint = only('sparrow/supported-element');

  it('should report elements and standard loops the engine does not run, and NOT a boundary event or multi-instance (the engine runs those)', async () => {
    // when
    const findings = await lint('unsupported-element.bpmn');

    // then
    expect(findings).toEqual(expect.arrayContaining([{ id: 'Repeat', message: M.unsupportedLoop, category: 'error' }]));
    expect(findings.map((finding) => finding.id)).not.toContain('Review');
  });

  it('should NOT report data objects, which the compiler only ignores', async () => {
    // when
    const ids = (await lint('unsupported-element.bpmn')).map((finding) => finding.id);

    // then
    expect(ids).not.toContain('Doc');
    expect(ids).not.toContain('DataObject_1');
  });
});

describe('sparrow/supported-element on the events of issues 12 and 13', () => {
  it('should accept what the engine runs and report triggers it does not run, non-interrupting errors, blank boundaries and event-based gateways leading elsewhere', async () => {
    // when
    const findings = await only('sparrow/supported-element')('events.bpmn');

    // then
    expect(findings).toEqual(
      expect.arrayContaining([
        { id: 'SoftError', message: M.alwaysInterrupting, category: 'error' },
        { id: 'Blank', message: M.eventDefinitionMissing, category: 'error' },
        { id: 'Conditional', message: M.unsupportedEventDefinition, category: 'error' },
        { id: 'Wait', message: M.eventGatewayTarget, category: 'error' },
        { id: 'SignalStart', message: M.unsupportedEventDefinition, category: 'error' },
        { id: 'SoftErrorStart', message: M.alwaysInterrupting, category: 'error' },
        { id: 'ConditionalStart', message: M.unsupportedEventDefinition, category: 'error' },
      ]),
    );
    // issue 13: compensation throws and process-level timer and message starts run
    expect(findings.filter((finding) => ['Compensate', 'CompensateEnd', 'MessageStart', 'TimerStart'].includes(finding.id ?? ''))).toEqual([]);
    expect(findings).toHaveLength(7);
  });
});

describe('sparrow/gateway-default', () => {
  it('should warn about a forking gateway without default flow only', async () => {
    // when
    const findings = await only('sparrow/gateway-default')('gateway-default.bpmn');

    // then
    expect(findings).toEqual([{ id: 'NoDefault', message: M.gatewayWithoutDefault, category: 'warn' }]);
  });
});

describe('sparrow/user-task-assignment', () => {
  it('should report user tasks that name nobody, blank groups included', async () => {
    // when
    const findings = await only('sparrow/user-task-assignment')('user-task-assignment.bpmn');

    // then
    expect(findings).toEqual([
      { id: 'Nobody', message: M.userTaskWithoutAssignment, category: 'error' },
      { id: 'BlankGroups', message: M.userTaskWithoutAssignment, category: 'error' },
    ]);
  });
});

describe('sparrow/job-type', () => {
  it('should report missing and dynamic job types, and NOT external job types or script tasks without a task definition', async () => {
    // when
    const findings = await only('sparrow/job-type')('job-type.bpmn');

    // then
    expect(findings).toEqual([
      { id: 'Missing', message: M.jobTypeMissing, category: 'error' },
      { id: 'Dynamic', message: M.jobTypeDynamic, category: 'error' },
      { id: 'MessageEnd', message: M.jobTypeMissing, category: 'error' },
    ]);
  });
});

describe('sparrow/external-job-type', () => {
  it('should tell (as information, not an error) that a job type no built-in handler serves runs on an external job worker', async () => {
    // when
    const findings = await only('sparrow/external-job-type')('job-type.bpmn');

    // then only the task of type send-fax is named; missing and dynamic types are sparrow/job-type's errors
    expect(findings).toEqual([{ id: 'Unknown', message: M.jobTypeExternal, category: 'info' }]);
  });
});

describe('sparrow/clocks', () => {
  it('should report a clock without or with both lengths, a clock control naming an undeclared clock (inside a subprocess too) and a bad action', async () => {
    // when
    const findings = await only('sparrow/clocks')('clocks.bpmn');

    // then
    expect(findings).toEqual([
      { id: 'clocks', message: M.clockWithoutLength, category: 'error' },
      { id: 'clocks', message: M.clockBothLengths, category: 'error' },
      { id: 'Undeclared', message: M.clockUndeclared, category: 'error' },
      { id: 'BadAction', message: M.clockActionInvalid, category: 'error' },
    ]);
  });
});
