// The modeler's 发起权限 (issue 17): what the properties panel's commands write as `<sparrow:starters names="…">` on the
// process, read back through bpmn-moddle with the Sparrow descriptor and compiled by the engine's compiler.
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import sparrow from '../../../contracts/bpmn/sparrowModdle.json';
import { compile } from '../../../engine/compile';
import type { BpmnFactory, ModdleLike } from '../../../designer/src/bpmn/moddleShapes';
import { type PanelCommand, setStartersCommands, startersAttr, startersText } from '../../../designer/src/bpmn/starters/startersXml';

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

describe('the process\'s starters in the modeler', () => {
  it('should normalise typed names as the compiler reads them', () => {
    expect(startersAttr(' enforcement-staff，street-commander、enforcement-staff ')).toEqual('enforcement-staff, street-commander');
    expect(startersAttr(' , ')).toEqual('');
  });

  it('should write new starters into new extension elements, and the compiler should read them', async () => {
    // given a process without extension elements
    const { moddle, process, write } = await read(processXml(''));

    // when 发起权限 is filled in
    const xml = await write(setStartersCommands(process, process, 'enforcement-staff，street-commander', moddle));

    // then the XML names them and the compiled model carries them
    expect(xml).toContain('<sparrow:starters names="enforcement-staff, street-commander" />');
    expect((await compile(xml)).processes[0].model.starters).toEqual(['enforcement-staff', 'street-commander']);
  });

  it('should change existing starters, and remove them when the field is emptied', async () => {
    // given a process naming residents
    const { moddle, process, write } = await read(processXml('<bpmn:extensionElements><sparrow:starters names="resident" /></bpmn:extensionElements>'));
    expect(startersText(process)).toBe('resident');

    // when they are changed, then emptied
    const changed = await write(setStartersCommands(process, process, 'resident, volunteer', moddle));
    expect(changed).toContain('<sparrow:starters names="resident, volunteer" />');
    const emptied = await write(setStartersCommands(process, process, '', moddle));

    // then no starters are left: everyone may start it again
    expect(emptied).not.toContain('sparrow:starters');
    expect((await compile(emptied)).processes[0].model.starters).toBeUndefined();
  });
});
