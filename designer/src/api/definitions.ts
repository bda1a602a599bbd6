// Request builders and response types for process definitions.
import type { RequestBuilder } from './request';

/** The latest deployed version of one process definition, as listed by `GET /api/definitions`. */
export interface DefinitionSummary {
  key: string;
  name: string | null;
  version: number;
  sha256: string;
  /** ISO 8601 instant. */
  deployedAt: string;
  deployedBy: string | null;
}

/** Body of `GET /api/definitions`. */
export interface DefinitionList {
  items: DefinitionSummary[];
}

/** Lists the deployed definitions, one row per key at its latest version. */
export function listDefinitions(): RequestBuilder {
  return { method: 'GET', url: '/api/definitions' };
}
