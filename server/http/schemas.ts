// Request pieces only the server has: the skip and limit of a page, and the bounded variables of a request. The schemas
// of requests and answers the designer shares live in contracts/api.
import { boundedVariables } from './variables';

/** Skip and limit of a page. */
export const pageWindow = (q: { page: number; size: number }) => ({ skip: (q.page - 1) * q.size, limit: q.size });

/** A JSON object of process variables, within the bounds of VARIABLE_LIMITS (every route taking variables uses it). */
export const variables = boundedVariables;
