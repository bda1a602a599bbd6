// MongoDB's duplicate-key error (E11000), as FerretDB and MongoDB both report it.

/** Whether a write failed because a unique key (an `_id` or a unique index) already holds the value. */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 11000;
