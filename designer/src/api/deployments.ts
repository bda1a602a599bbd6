// Request builder and response types for deploying BPMN, and the reading of a refused deployment.
import type { ModelProblem } from '../../../contracts/api/common';
import type { ProblemError } from './problem';
import type { RequestBuilder } from './request';

/** One compiler finding, named by element when it has one (contracts/api/common.ts). */
export type { ModelProblem };

/** Body of `POST /api/deployments`. */
export interface DeploymentInput {
  xml: string;
  note?: string;
}

/** Answer of a deployment: 201 for a new version, 200 when identical XML was already deployed. */
export interface Deployment {
  key: string;
  version: number;
  sha256: string;
  warnings?: ModelProblem[];
}

/** Deploys BPMN XML as the next version of its process. */
export function createDeployment(input: DeploymentInput): RequestBuilder {
  return { method: 'POST', url: '/api/deployments', body: input };
}

/** The diagram's problems when the server refused it (422 with `problems`), else null. */
export function deploymentProblems(error: ProblemError): ModelProblem[] | null {
  const { problems } = error.body;
  if (error.status !== 422 || !Array.isArray(problems)) return null;
  return problems.filter(isModelProblem);
}

function isModelProblem(value: unknown): value is ModelProblem {
  if (!value || typeof value !== 'object') return false;
  const { code, message, elementId } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' && (elementId === undefined || typeof elementId === 'string');
}
