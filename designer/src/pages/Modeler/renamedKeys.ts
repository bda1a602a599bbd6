// Keys the modeler itself just renamed a process to, so the editor does not reload (and lose undo) after the rename.

/** Definition keys reached by renaming the open process's id in this page session. */
export const RENAMED_KEYS = new Set<string>();
