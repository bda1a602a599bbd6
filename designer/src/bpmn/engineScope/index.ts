// diagram-js module: the palette, context pad and replace menu offer only what the Sparrow engine runs (runnable.ts);
// each filter runs after bpmn-js's own provider (lower priority) and removes entries, never adds any.
import { HIDDEN_REPLACE_HEADERS, replaceEntryRuns, type ReplacedElement } from './replaceTargets';

/** Palette entries for elements the engine does not run: data objects and stores (ignored) and pools (one process only). */
export const HIDDEN_PALETTE_ENTRIES: readonly string[] = ['create.data-object', 'create.data-store', 'create.participant-expanded'];

/** Context pad entries that append what the engine refuses (conditional, a receive task after an event-based gateway) or edit pools' lanes. */
export const HIDDEN_CONTEXT_PAD_ENTRIES: readonly string[] = [
  'append.condition-intermediate-event',
  'append.receive-task',
  'lane-insert-above',
  'lane-insert-below',
  'lane-divide-two',
  'lane-divide-three',
];

/** Runs after bpmn-js's providers (default priority 1000). */
const AFTER_BPMN_JS = 500;

type Entries = Record<string, unknown>;
const without = (entries: Entries, hidden: readonly string[]): Entries => Object.fromEntries(Object.entries(entries).filter(([id]) => !hidden.includes(id)));

interface Registry {
  registerProvider(priority: number, provider: object): void;
}
interface PopupMenuLike {
  registerProvider(id: string, priority: number, provider: object): void;
}

function EngineScope(palette: Registry, contextPad: Registry, popupMenu: PopupMenuLike) {
  palette.registerProvider(AFTER_BPMN_JS, { getPaletteEntries: () => (entries: Entries) => without(entries, HIDDEN_PALETTE_ENTRIES) });
  contextPad.registerProvider(AFTER_BPMN_JS, { getContextPadEntries: () => (entries: Entries) => without(entries, HIDDEN_CONTEXT_PAD_ENTRIES) });
  popupMenu.registerProvider('bpmn-replace', AFTER_BPMN_JS, {
    getPopupMenuEntries: (target: { businessObject?: ReplacedElement }) => (entries: Entries) =>
      Object.fromEntries(Object.entries(entries).filter(([id]) => replaceEntryRuns(id, target.businessObject ?? {}))),
    getPopupMenuHeaderEntries: () => (entries: Entries) => without(entries, HIDDEN_REPLACE_HEADERS),
  });
}
EngineScope.$inject = ['palette', 'contextPad', 'popupMenu'];

/** The module: add it to the Modeler's `additionalModules`. */
export default {
  __init__: ['sparrowEngineScope'],
  sparrowEngineScope: ['type', EngineScope],
};
