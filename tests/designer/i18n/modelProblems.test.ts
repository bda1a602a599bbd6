// The compiler's deploy refusals people meet (too many elements, compile timeout, foreign elements, size, DTDs) and the
// external job type warning in zh-CN, made by the real compiler and deployment so a changed message fails here; other
// problems keep the compiler's words.
import { localizeModelProblems, modelProblemText } from '../../../designer/src/i18n/modelProblems';
import { dictionaries } from '../../../designer/src/i18n/locales';
import type { MessageKey } from '../../../designer/src/i18n/messages/zh-CN';
import type { Translate } from '../../../designer/src/i18n/useT';
import { compile } from '../../../engine/compile';
import { routeExternalJobs } from '../../../server/services/definitions';

const zh: Translate = (key: MessageKey, params) => dictionaries['zh-CN'][key].replace(/\{(\w+)\}/g, (p, name: string) => (params && name in params ? String(params[name]) : p));

const diagram = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:x="urn:other" id="d" targetNamespace="urn:t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />${body}
  </bpmn:process>
</bpmn:definitions>`;

describe('modelProblemText', () => {
  it('should say a foreign element and active web content with their line and column in zh-CN', async () => {
    // given a diagram with an XHTML script and an element of another namespace outside extensionElements
    const { problems } = await compile(diagram('\n    <h:script>alert(1)</h:script>\n    <x:note>hi</x:note>'));

    // when
    const messages = localizeModelProblems(zh, problems.filter((p) => p.code === 'foreign-element')).map((p) => p.message);

    // then
    expect(messages).toEqual([
      '第 5 行第 5 列的 <h:script> 是可在浏览器中运行的 XHTML 内容，流程图中任何位置都不允许',
      '第 6 行第 5 列的 <x:note> 不属于 BPMN、DI 或 zeebe，这类元素只能放在 <bpmn:extensionElements> 中',
    ]);
  });

  it('should say too many elements, too many bytes and a DTD with their numbers', async () => {
    // given
    const many = await compile(diagram('<bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />'), { maxElements: 3 });
    const large = await compile(diagram(''), { maxBytes: 100 });
    const dtd = await compile('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>');

    // when / then
    expect(localizeModelProblems(zh, many.problems).map((p) => p.message)).toEqual(['流程图的 XML 元素超过 3 个，请拆分（例如拆成被调用的子流程）']);
    expect(localizeModelProblems(zh, large.problems)[0].message).toMatch(/^流程图有 \d+ 字节，超过 100 字节的上限$/);
    expect(localizeModelProblems(zh, dtd.problems)[0].message).toBe('流程图含有 <!DOCTYPE> 声明；出于安全原因不接受 DTD 和实体');
  });

  it('should say a compile timeout in seconds (server/services/compileOffThread.ts\'s message)', () => {
    // given / when
    const text = modelProblemText({ code: 'compile-timeout', message: 'compiling the diagram took longer than 10 s and was stopped; simplify or split it' });

    // then
    expect(text).toEqual({ key: 'modelProblem.compileTimeout', params: { seconds: '10' } });
  });

  it('should say the external job type warning of a deployment with its type and task queue', async () => {
    // given the warning the deployment gives a service task of a type no built-in handler serves
    const { processes } = await compile(diagram('<bpmn:serviceTask id="Sync"><bpmn:extensionElements><zeebe:taskDefinition type="archive.sync" /></bpmn:extensionElements></bpmn:serviceTask>'));
    const warnings = routeExternalJobs(processes[0].model, new Set(['sparrow.notify']), {});

    // when / then
    expect(localizeModelProblems(zh, warnings)).toEqual([{ elementId: 'Sync', code: 'external-job-type', message: '外部任务：作业类型 archive.sync 由外部作业执行器处理（任务队列 jobs.archive.sync）' }]);
  });

  it('should keep the compiler\'s words for a problem it does not know, and the code and element of every problem', () => {
    // given
    const problem = { code: 'gateway-condition-missing', elementId: 'Gateway_1', message: 'flow f has no condition' };

    // when / then
    expect(localizeModelProblems(zh, [problem])).toEqual([problem]);
  });
});
