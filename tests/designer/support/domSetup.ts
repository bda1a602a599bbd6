// Browser APIs jsdom lacks but antd and bpmn-io components use; loaded only by tests that run in the jsdom environment.
import '@testing-library/jest-dom/jest-globals';

if (typeof window !== 'undefined') {
  // antd's responsive grid and Table read media queries.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  // rc-resize-observer and the properties panel observe element sizes.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // jsdom's getComputedStyle ignores pseudo-elements but logs "Not implemented" for them (antd measures ::before).
  const computedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computedStyle(element);
  // jsdom's Blob has no text() (the import button reads the chosen file with it); FileReader does the same.
  Blob.prototype.text ??= function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
  // antd's Select schedules its dropdown work through a MessageChannel, which jsdom does not provide: a timer-backed pair.
  globalThis.MessageChannel ??= class {
    port1: { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (data: unknown) => void; close: () => void };
    port2: { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (data: unknown) => void; close: () => void };
    constructor() {
      const port = () => ({ onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (_: unknown) => undefined as void, close: () => undefined as void });
      this.port1 = port();
      this.port2 = port();
      this.port1.postMessage = (data) => void setTimeout(() => this.port2.onmessage?.({ data }));
      this.port2.postMessage = (data) => void setTimeout(() => this.port1.onmessage?.({ data }));
    }
  } as unknown as typeof MessageChannel;
}

// Style sheets the designer's components import: jest runs no CSS, so each is an empty module in every test file.
const STYLE_SHEETS = [
  '@bpmn-io/form-js-viewer/dist/assets/form-js.css',
  '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css',
  '@bpmn-io/form-js-editor/dist/assets/properties-panel.css',
  '@bpmn-io/properties-panel/dist/assets/properties-panel.css',
  '@bpmn-io/element-template-chooser/dist/element-template-chooser.css',
  'bpmn-js/dist/assets/diagram-js.css',
  'bpmn-js/dist/assets/bpmn-js.css',
  'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css',
  'bpmn-js-element-templates/dist/assets/element-templates.css',
  'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css',
  '../../../designer/src/pages/TaskList/taskList.css',
  '../../../designer/src/bpmn/modeler.css',
  '../../../designer/src/components/CaseDiagram/caseDiagram.css',
];
for (const sheet of STYLE_SHEETS) jest.mock(sheet, () => ({}));
