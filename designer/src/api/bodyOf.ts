// For query and mutation functions: the body of a successful call, or its ProblemError thrown.
import { request, type RequestBuilder } from './request';

/** Sends `builder` and resolves to the response body; rejects with the call's ProblemError. */
export async function bodyOf<T>(builder: RequestBuilder, signal?: AbortSignal): Promise<T> {
  const { response, error } = await request<T>(builder, { signal });
  if (error) throw error;
  return response.body;
}
