// diagram-js module: bpmn-js-properties-panel listens for selection changes in a preact effect, which runs only after
// the browser has painted the panel; a click soon after a large diagram opened (bench row 6) selected the element while
// the panel stayed on the process. After each import this hands the panel the current selection again, a few times
// until the panel shows it (it fires `propertiesPanel.updated` for what it shows), so such a click is never lost.

interface Element {
  labelTarget?: Element;
}

interface EventBusLike {
  on(event: 'propertiesPanel.updated', callback: (event: { element: unknown }) => void): void;
  on(event: 'import.done' | 'diagram.destroy', callback: () => void): void;
  fire(event: 'selection.changed', payload: { oldSelection: Element[]; newSelection: Element[] }): void;
}

/** When, in ms after an import, the panel is checked against the selection. */
const CHECKS_MS = [100, 300, 1_000, 3_000];

function PanelSelection(eventBus: EventBusLike, selection: { get(): Element[] }) {
  let shown: unknown = null;
  let timers: Array<ReturnType<typeof setTimeout>> = [];
  const clear = () => {
    timers.forEach(clearTimeout);
    timers = [];
  };
  eventBus.on('propertiesPanel.updated', (event) => {
    shown = event.element;
  });
  eventBus.on('import.done', () => {
    clear();
    shown = null;
    timers = CHECKS_MS.map((ms) =>
      setTimeout(() => {
        const current = selection.get();
        const element = current.length === 1 ? (current[0].labelTarget ?? current[0]) : null;
        if (element && shown !== element) eventBus.fire('selection.changed', { oldSelection: current, newSelection: current });
      }, ms),
    );
  });
  eventBus.on('diagram.destroy', clear);
}
PanelSelection.$inject = ['eventBus', 'selection'];

/** Add to `additionalModules` of a Modeler with the properties panel. */
export default { __init__: ['panelSelection'], panelSelection: ['type', PanelSelection] };
