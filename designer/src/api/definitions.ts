// Request builders and response types for process definitions, their versions and their drafts.
import type { z } from 'zod';
import type { definitionSummary, draftSummary, draftView, startView, versionSummary, versionView } from '../../../contracts/api/definitions';
import type { RequestBuilder } from './request';

/** The latest deployed version of one process definition, as listed by `GET /api/definitions`. */
export type DefinitionSummary = z.output<typeof definitionSummary>;

/** Body of `GET /api/definitions`: one page of definitions. */
export interface DefinitionList {
  items: DefinitionSummary[];
  page: number;
  size: number;
  total: number;
}

/** One deployed version without XML (version history rows). */
export type VersionSummary = z.output<typeof versionSummary>;

/** One deployed version with its XML, compiled model and warnings. */
export type VersionView = z.output<typeof versionView>;

/** The autosaved draft of a definition (`baseVersion`: the deployed version it started from, null for a new process). */
export type Draft = z.output<typeof draftView>;

/** A draft as the draft list shows it: without XML, with the name of its process. */
export type DraftSummary = z.output<typeof draftSummary>;

/** Body of `GET /api/drafts`: one page of drafts, most recently saved first. */
export interface DraftList {
  items: DraftSummary[];
  page: number;
  size: number;
  total: number;
}

/** Body of `PUT /api/definitions/:key/draft`. */
export interface DraftInput {
  xml: string;
  baseVersion?: number | null;
  /** A change note (an imported file); left out, the draft keeps its note. */
  note?: string | null;
}

const definitionUrl = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;

/** Lists the deployed definitions, one row per key at its latest version (the first 200). */
export function listDefinitions(): RequestBuilder {
  return { method: 'GET', url: '/api/definitions?size=200' };
}

/** Lists the deployed definitions the caller may start (not retired; naming the caller among its starters or naming none). */
export function listStartableDefinitions(): RequestBuilder {
  return { method: 'GET', url: '/api/definitions?startable=true&size=200' };
}

/** What starting a case of a process needs: its name, its description and its start form (`GET /api/definitions/:key/start`). */
export type StartInfo = z.output<typeof startView>;

/** The start page of a process's latest version (403 not-a-starter when the caller may not start it). */
export function getStartInfo(key: string): RequestBuilder {
  return { method: 'GET', url: `${definitionUrl(key)}/start` };
}

/** One version with XML and model; the latest when `version` is omitted. */
export function getVersion(key: string, version?: number): RequestBuilder {
  return { method: 'GET', url: version === undefined ? definitionUrl(key) : `${definitionUrl(key)}/versions/${version}` };
}

/** All versions of a definition, newest first. */
export function listVersions(key: string): RequestBuilder {
  return { method: 'GET', url: `${definitionUrl(key)}/versions` };
}

/** The autosaved draft of a definition (404 when it has none). */
export function getDraft(key: string): RequestBuilder {
  return { method: 'GET', url: `${definitionUrl(key)}/draft` };
}

/** Lists the autosaved drafts of every definition, deployed or not (the 200 saved last). */
export function listDrafts(): RequestBuilder {
  return { method: 'GET', url: '/api/drafts?size=200' };
}

/** Discards the draft of a definition (its deployed versions stay); 404 when it has none. */
export function deleteDraft(key: string): RequestBuilder {
  return { method: 'DELETE', url: `${definitionUrl(key)}/draft` };
}

/** Saves the draft of a definition (not compiled, not executable). */
export function saveDraft(key: string, input: DraftInput): RequestBuilder {
  return { method: 'PUT', url: `${definitionUrl(key)}/draft`, body: input };
}
