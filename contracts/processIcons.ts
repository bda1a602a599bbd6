// The icons a process may show in the residents' service desk (`<sparrow:icon name="…">` on the process, issue 17).

/** Icon names a process may choose; the web app draws each with its own picture. */
export const PROCESS_ICONS = ['volunteer', 'repair', 'elderly', 'cleaning', 'complaint', 'deliberation', 'whistle', 'enforcement'] as const;
/** One process icon name. */
export type ProcessIcon = (typeof PROCESS_ICONS)[number];

/** Whether `name` is one of the known process icons. */
export const isProcessIcon = (name: string): name is ProcessIcon => (PROCESS_ICONS as readonly string[]).includes(name);
