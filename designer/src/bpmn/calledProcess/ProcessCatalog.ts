// The diagram-js service holding the deployed processes a call activity may call; React fills it from GET /api/definitions.

/** A deployed process a call activity may name in `zeebe:calledElement processId`. */
export interface ProcessChoice {
  key: string;
  name: string | null;
}

interface EventBusLike {
  fire(event: string): void;
}

/** The list of processes offered by the properties panel's called-process picker. */
export default class ProcessCatalog {
  static $inject = ['eventBus'];

  private processes: readonly ProcessChoice[] = [];

  constructor(private readonly eventBus: EventBusLike) {}

  /** Replaces the offered processes and redraws the properties panel. */
  setProcesses(processes: readonly ProcessChoice[]): void {
    this.processes = processes;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }

  /** The offered processes. */
  getProcesses(): readonly ProcessChoice[] {
    return this.processes;
  }
}
