// The one-file export of a case (GET /instances/:id/export): its format, the hashes it declares, and reading it back.
import type { ExecutableModel } from '../engine/model';
import { canonicalJson } from '../engine/hash';
import type { ChainRow, LedgerEntry } from './chain';
import { sha256Hex } from '../platform/sha256';
import type { AuditSignature } from './signing';
import type { HistoryJson } from './types';

/** The one-file export of a case: definition, Temporal history, audit chain, seal, their hashes, and the server's signature. */
export interface CaseExport {
  format: 'sparrow.case-export';
  /** 2: signed by the server; 1: an unsigned export written before exports were signed (still verifiable, origin unproven). */
  formatVersion: 1 | 2;
  exportedAt: string;
  instanceId: string;
  definition: { key: string; version: number; name: string | null; sha256: string; xml: string; model: ExecutableModel };
  history: HistoryJson;
  audit: ChainRow[];
  seal: LedgerEntry | null;
  /** sha256 (hex) of: the XML text; the model's RFC 8785 JSON (= definition.sha256); the history's and the chain's RFC 8785 JSON. */
  hashes: { xml: string; model: string; history: string; audit: string; headHash: string | null };
  /** The server's Ed25519 signature of everything else in the file (formatVersion 2). */
  signature?: AuditSignature;
}

/** The hashes an export declares, computed from its parts. */
export function exportHashes(parts: Pick<CaseExport, 'definition' | 'history' | 'audit'>): CaseExport['hashes'] {
  return {
    xml: sha256Hex(parts.definition.xml),
    model: sha256Hex(canonicalJson(parts.definition.model)),
    history: sha256Hex(canonicalJson(parts.history)),
    audit: sha256Hex(canonicalJson(parts.audit)),
    headHash: parts.audit.length ? parts.audit[parts.audit.length - 1].hash : null,
  };
}

/** Reads and shape-checks an export file's JSON. */
export function parseExport(json: unknown): CaseExport {
  const e = json as Partial<CaseExport>;
  if (e?.format !== 'sparrow.case-export' || (e.formatVersion !== 1 && e.formatVersion !== 2)) throw new Error('not a Sparrow case export (format sparrow.case-export, version 1 or 2)');
  if (!e.instanceId || !e.definition || !e.history?.events || !Array.isArray(e.audit) || !e.hashes) throw new Error('the export lacks instanceId, definition, history, audit or hashes');
  return e as CaseExport;
}
