// Where the test run keeps its servers' files and the shared workflow bundle.
import path from 'node:path';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '../..');
/** The provisioned Temporal CLI (built or linked by scripts/setup). */
export const TEMPORAL_BIN = process.env.SPARROW_TEMPORAL_BIN ?? path.join(ROOT, '.tools/bin/temporal');
/** The provisioned FerretDB binary. */
export const FERRETDB_BIN = process.env.SPARROW_FERRETDB_BIN ?? path.join(ROOT, '.tools/bin/ferretdb');
/** The externally written BPMN corpora beside the repository. */
export const CORPORA = path.resolve(ROOT, '../shared/corpora');
