// Process definitions, their versions, deployments and drafts as the API answers them.
import { z } from 'zod';
import { modelProblem } from './common';
import { formView } from './forms';

/** A definition in the list. */
export const definitionSummary = z.object({
  key: z.string(),
  name: z.string().nullable(),
  version: z.number().int(),
  sha256: z.string(),
  deployedAt: z.string(),
  deployedBy: z.string().nullable(),
  description: z.string().nullable().optional().describe("the latest version's process documentation (the service desk's text)"),
  icon: z.string().nullable().optional().describe("the latest version's service desk icon (sparrow:icon; contracts/processIcons.ts)"),
});

/** A version without XML and model. */
export const versionSummary = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string().nullable(),
  sha256: z.string(),
  note: z.string().nullable(),
  deployedBy: z.string().nullable(),
  deployedAt: z.string(),
  forms: z.array(z.object({ formId: z.string(), version: z.number().int() })),
});

/** A version with XML and model. */
export const versionView = versionSummary.omit({ forms: true }).extend({ warnings: z.array(modelProblem), xml: z.string(), model: z.record(z.string(), z.unknown()), forms: versionSummary.shape.forms });

/** The answer of a deployment. */
export const deploymentView = z.object({ created: z.boolean(), key: z.string(), version: z.number().int(), name: z.string().nullable(), sha256: z.string(), warnings: z.array(modelProblem) });

/** A draft as `GET /definitions/:key/draft` answers it. */
export const draftView = z.object({
  key: z.string(),
  xml: z.string(),
  baseVersion: z.number().int().nullable(),
  note: z.string().nullable().describe('the change note given when the draft was imported from a file, offered when it is deployed'),
  savedBy: z.string(),
  savedAt: z.string(),
});
/** A draft as `GET /drafts` lists it: without XML, with its process name. */
export const draftSummary = draftView.omit({ xml: true }).extend({ name: z.string().nullable().describe("the first process's name in the draft's XML") });

/** What starting a case of a process needs (`GET /definitions/:key/start`): its description and its start form. */
export const startView = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string().nullable(),
  documentation: z.string().nullable().describe("the process's BPMN documentation"),
  formId: z.string().nullable().describe("the start event's form id (zeebe:formDefinition), null without a start form"),
  form: formView.nullable().describe('the start form version the process pinned; null without one or while it is not saved'),
});
