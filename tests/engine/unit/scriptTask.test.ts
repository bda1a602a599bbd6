// Script task (FEEL): the expression's value lands in the result variable; a FEEL error becomes an incident.
import { bpmn, chain, endEvent, scriptTask, startEvent } from './bpmn';
import { harnessFor } from './harness';

const withScript = (...scripts: string[]) => {
  const ids = scripts.map((s) => /id="([^"]+)"/.exec(s)?.[1] ?? '?');
  return bpmn([startEvent('Start'), ...scripts, endEvent('End'), ...chain('Start', ...ids, 'End')]);
};

describe('script task', () => {
  it('should store the FEEL result in its result variable and move on', async () => {
    // given a script task sum = a + b followed by one building a context from it
    const h = await harnessFor(withScript(scriptTask('Sum', '=a + b', 'sum'), scriptTask('Label', '={ text: "sum is " + string(sum), items: [a, b] }', 'label')));

    // when the case starts
    h.start({ a: 2, b: 3 });

    // then each result variable holds its expression's value, and the case completed without waiting
    expect(h.variables()).toEqual({ a: 2, b: 3, sum: 5, label: { text: 'sum is 5', items: [2, 3] } });
    expect(h.status()).toBe('completed');
    expect(h.completedElements()).toEqual(['Start', 'Sum', 'Label', 'End']);
    expect(h.commands).toEqual([]);
  });

  it('should see its input mappings and keep them local', async () => {
    // given a script task with the input mapping rate = 0.1 and the script net = gross * (1 - rate)
    const h = await harnessFor(withScript(scriptTask('Net', '=gross * (1 - rate)', 'net', { inputs: { rate: '=0.1' } })));

    // when the case starts
    h.start({ gross: 100 });

    // then the result reached the process, the local did not
    expect(h.variables()).toEqual({ gross: 100, net: 90 });
  });

  it('should raise an incident when its expression fails, and stop there', async () => {
    // given a script task asserting amount > 0
    const h = await harnessFor(withScript(scriptTask('Check', '=assert(amount, amount > 0, "amount must be positive")', 'checked')));

    // when the case starts with a negative amount
    h.start({ amount: -5 });

    // then the script task has an expression incident naming the failure; no result variable, the case keeps running
    expect(h.incidents()).toEqual([{ elementId: 'Check', kind: 'expression', message: expect.stringContaining('amount must be positive') }]);
    expect(h.activeElements()).toEqual(['Check']);
    expect(h.variables()).toEqual({ amount: -5 });
    expect(h.status()).toBe('running');
    expect(h.stepAudit().slice(-2)).toEqual([
      { kind: 'element.entered', elementId: 'Check' },
      { kind: 'incident.raised', elementId: 'Check' },
    ]);
  });

  it('should store null when its expression refers to a variable that does not exist (FEEL null semantics)', async () => {
    // given a script task reading a variable the case does not have
    const h = await harnessFor(withScript(scriptTask('Read', '=missing', 'copy')));

    // when the case starts, then the result is null and there is no incident
    h.start();
    expect(h.variables()).toEqual({ copy: null });
    expect(h.incidents()).toEqual([]);
  });
});
