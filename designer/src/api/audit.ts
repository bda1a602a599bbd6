// Request builders and response types for auditing cases: search, the audit chain, the history with its timeline,
// verification (chain + cross-check), the replay check and the export.
import type { z } from 'zod';
import type { auditView, exportView, historyView, replayView, verificationView } from '../../../contracts/api/audit';
import type { instanceView } from '../../../contracts/api/instances';
import type { RequestBuilder } from './request';

/** One case summary as the case search lists it. */
export type CaseSummary = z.output<typeof instanceView>;
/** One page of the case search. */
export interface CaseSearchPage {
  items: CaseSummary[];
  page: number;
  size: number;
  total: number;
}
/** What the case search filters by, already as the query strings `GET /api/instances` takes (empty ones left out). */
export type CaseSearchParams = Record<string, string>;

/** The case's audit chain and its seal. */
export type CaseAudit = z.output<typeof auditView>;
/** One row of the audit chain. */
export type AuditRow = CaseAudit['rows'][number];
/** The Temporal history and the timeline of business steps. */
export type CaseHistory = z.output<typeof historyView>;
/** One business step of the timeline. */
export type TimelineStep = CaseHistory['timeline'][number];
/** The chain's verification with the cross-check against the history. */
export type ChainVerification = z.output<typeof verificationView>;
/** The outcome of replaying the history through today's workflow code. */
export type ReplayCheck = z.output<typeof replayView>;
/** The signed one-file export of a case, with the hashes it declares. */
export type CaseExport = z.output<typeof exportView>;

const caseUrl = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

/** Lists the cases of the caller's streets matching `params`, newest first. */
export function searchCases(params: CaseSearchParams): RequestBuilder {
  const query = new URLSearchParams(params).toString();
  return { method: 'GET', url: query ? `/api/instances?${query}` : '/api/instances' };
}

/** The case's hash-chained audit log. */
export function getCaseAudit(id: string): RequestBuilder {
  return { method: 'GET', url: `${caseUrl(id)}/audit` };
}

/** The case's history and timeline. */
export function getCaseHistory(id: string): RequestBuilder {
  return { method: 'GET', url: `${caseUrl(id)}/history` };
}

/** Verifies the chain and cross-checks it with the history (computes; changes nothing). */
export function verifyCaseChain(id: string): RequestBuilder {
  return { method: 'POST', url: `${caseUrl(id)}/audit/verify` };
}

/** Replays the history through today's workflow code (computes; changes nothing). */
export function replayCheckCase(id: string): RequestBuilder {
  return { method: 'POST', url: `${caseUrl(id)}/replay-check` };
}

/** The one-file export of the case (definition, history, chain, seal, hashes). */
export function exportCase(id: string): RequestBuilder {
  return { method: 'GET', url: `${caseUrl(id)}/export` };
}

/** The export's download name, `<case id>.audit.json`, sanitised as the server names it. */
export const exportFileName = (id: string) => `${id.replace(/[^\w.-]+/g, '_')}.audit.json`;
