// Request builders and response types for form-js forms and their versions.
import type { z } from 'zod';
import type { formView } from '../../../contracts/api/forms';
import type { RequestBuilder } from './request';

/** A form in the list: id, name and latest version. */
export interface FormSummary {
  id: string;
  name: string | null;
  latestVersion: number;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** Body of `GET /api/forms`. */
export interface FormList {
  items: FormSummary[];
  page: number;
  size: number;
  total: number;
}

/** One version of a form with its form-js schema. */
export type FormView = z.output<typeof formView>;

/** Body of `PUT /api/forms/:id`. */
export interface FormInput {
  schema: Record<string, unknown>;
  name?: string | null;
}

const formUrl = (id: string) => `/api/forms/${encodeURIComponent(id)}`;

/** Lists the forms, most recently saved first (the first 200). */
export function listForms(): RequestBuilder {
  return { method: 'GET', url: '/api/forms?size=200' };
}

/** A form at its latest version, or at `version`. */
export function getForm(id: string, version?: number): RequestBuilder {
  return { method: 'GET', url: version === undefined ? formUrl(id) : `${formUrl(id)}?version=${version}` };
}

/** Saves a schema as the form's next version (an unchanged schema answers the existing version). */
export function saveForm(id: string, input: FormInput): RequestBuilder {
  return { method: 'PUT', url: formUrl(id), body: input };
}
