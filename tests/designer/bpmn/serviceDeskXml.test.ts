// The modeler's 服务大厅 group (issue 17): what the properties panel's commands write as `<sparrow:icon name="…">` and
// `<sparrow:initiator variable="…">` on the process, read back through bpmn-moddle with the Sparrow descriptor and
// compiled by the engine's compiler; and every text of the group in zh-CN.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrow from '../../../contracts/bpmn/sparrowModdle.json';
import { PROCESS_ICONS } from '../../../contracts/processIcons';
import { ICON_BADGES } from '../../../designer/src/components/ProcessIcon/badges';
import { compile } from '../../../engine/compile';
import type { BpmnFactory, ModdleLike } from '../../../designer/src/bpmn/moddleShapes';
import {
  ICON_EXTENSION,
  INITIATOR_EXTENSION,
  isInitiatorVariable,
  type PanelCommand,
  processExtensionText,
  setProcessExtensionCommands,
} from '../../../designer/src/bpmn/serviceDesk/serviceDeskXml';
import { bpmnTranslator } from '../../../designer/src/bpmn/translate';
import { ZH_CN_BPMN } from '../../../designer/src/bpmn/translate/zhCN';

const processXml = (extensions: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sparrow="urn:sparrow:bpmn:1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">${extensions}
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** What the spec calls on bpmn-moddle (its typings leave out create and toXML). */
interface Moddle extends BpmnFactory {
  fromXML(xml: string): Promise<{ rootElement: unknown; elementsById: Record<string, ModdleLike> }>;
  toXML(element: unknown, options?: object): Promise<{ xml: string }>;
}

/** The process of `xml`, and a writer that applies panel commands as bpmn-js's handler does and answers the XML. */
async function read(xml: string) {
  const moddle = new BpmnModdle({ zeebe, sparrow }) as unknown as Moddle;
  const { rootElement, elementsById } = await moddle.fromXML(xml);
  return {
    moddle,
    process: elementsById.p,
    async write(commands: PanelCommand[]): Promise<string> {
      for (const { context } of commands) {
        const target = context.moddleElement as ModdleLike & { set(name: string, value: unknown): void };
        for (const [name, value] of Object.entries(context.properties as Record<string, unknown>)) target.set(name, value);
      }
      return (await moddle.toXML(rootElement)).xml;
    },
  };
}

const modelOf = async (xml: string) => (await compile(xml)).processes[0].model;

describe("the process's service-desk icon and starter variable in the modeler", () => {
  it('should write an icon and a starter variable into new extension elements, and the compiler should read them', async () => {
    // given a process without extension elements
    const { moddle, process, write } = await read(processXml(''));

    // when an icon is chosen and a starter variable typed
    await write(setProcessExtensionCommands(process, process, ICON_EXTENSION, 'repair', moddle));
    const xml = await write(setProcessExtensionCommands(process, process, INITIATOR_EXTENSION, ' orderedBy ', moddle));

    // then the XML holds both and the compiled model carries them
    expect(xml).toContain('<sparrow:icon name="repair" />');
    expect(xml).toContain('<sparrow:initiator variable="orderedBy" />');
    expect(await modelOf(xml)).toMatchObject({ icon: 'repair', initiatorVariable: 'orderedBy' });
  });

  it('should change them next to other extensions, and remove them when emptied', async () => {
    // given a process with starters, an icon and a starter variable
    const { moddle, process, write } = await read(
      processXml('<bpmn:extensionElements><sparrow:starters names="resident" /><sparrow:icon name="repair" /><sparrow:initiator variable="orderedBy" /></bpmn:extensionElements>'),
    );
    expect(processExtensionText(process, ICON_EXTENSION)).toBe('repair');
    expect(processExtensionText(process, INITIATOR_EXTENSION)).toBe('orderedBy');

    // when the icon is changed and the variable renamed, then both are emptied
    await write(setProcessExtensionCommands(process, process, ICON_EXTENSION, 'elderly', moddle));
    const changed = await write(setProcessExtensionCommands(process, process, INITIATOR_EXTENSION, 'resident', moddle));
    expect(changed).toContain('<sparrow:icon name="elderly" />');
    expect(changed).toContain('<sparrow:initiator variable="resident" />');
    await write(setProcessExtensionCommands(process, process, ICON_EXTENSION, '', moddle));
    const emptied = await write(setProcessExtensionCommands(process, process, INITIATOR_EXTENSION, '  ', moddle));

    // then neither is left, the starters stay, and the model carries neither
    expect(emptied).not.toContain('sparrow:icon');
    expect(emptied).not.toContain('sparrow:initiator');
    expect(emptied).toContain('<sparrow:starters names="resident" />');
    const model = await modelOf(emptied);
    expect(model.icon).toBeUndefined();
    expect(model.initiatorVariable).toBeUndefined();
  });

  it('should write nothing when an empty value meets no extension', async () => {
    // given
    const { moddle, process } = await read(processXml(''));

    // then
    expect(setProcessExtensionCommands(process, process, ICON_EXTENSION, '', moddle)).toEqual([]);
  });

  it('should accept as starter variable exactly the names the compiler accepts', async () => {
    // given names the field might get
    const names = ['orderedBy', '下单人', '_by', '$by', 'by2', '2by', 'ordered by', 'a-b', '__proto__'];

    // then the field's check and the compiler (a problem, no process, for a bad name) agree on each
    for (const name of names) {
      const compiled = await compile(processXml(`<bpmn:extensionElements><sparrow:initiator variable="${name}" /></bpmn:extensionElements>`));
      const accepted = compiled.processes[0]?.model.initiatorVariable === name;
      expect([name, isInitiatorVariable(name)]).toEqual([name, accepted]);
    }
    expect(names.filter(isInitiatorVariable)).toEqual(['orderedBy', '下单人', '_by', '$by', 'by2']);
  });

  it('should name every icon and every text of the group in zh-CN', () => {
    // given: the translate('…') calls of designer/src/bpmn/serviceDesk and the icons' names
    const files = ['ServiceDeskEntries.ts', 'ServiceDeskProvider.ts'];
    const sources = files.map((file) => readFileSync(path.join(__dirname, '../../../designer/src/bpmn/serviceDesk', file), 'utf8'));
    const texts = [...sources.flatMap((text) => [...text.matchAll(/translate\(\s*(['"])(.+?)\1/g)].map((match) => match[2])), ...PROCESS_ICONS.map((name) => ICON_BADGES[name].label)];

    // then
    expect(texts.length).toBeGreaterThan(15);
    expect(texts.filter((text) => !(text in ZH_CN_BPMN))).toEqual([]);
    expect(bpmnTranslator('zh-CN')("Stores the starter's username in this variable when a case starts, e.g. to assign the rating step to the starter")).toBe('发起时把发起人的用户名存入此变量，例如评价环节指派给发起人');
    expect(bpmnTranslator('zh-CN')('Unknown icon {name}', { name: 'bell' })).toBe('未知图标 bell');
  });
});
