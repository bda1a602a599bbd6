// Rule sparrow/external-job-type: a job whose type no built-in handler serves runs on an external job worker (information).
import { BUILTIN_JOB_TYPE_NAMES } from '../../../../../contracts/jobTypes';
import { SPARROW_LINT_MESSAGES } from '../messages';
import type { RuleFactory } from '../moddle';
import { jobTypeOf } from './jobType';

/** Tells which jobs an external job worker (any Temporal SDK, on task queue `jobs.<type>`) must serve. */
export const externalJobType: RuleFactory = () => ({
  check(node, reporter) {
    const type = jobTypeOf(node);
    if (type && !type.startsWith('=') && !BUILTIN_JOB_TYPE_NAMES.has(type)) reporter.report(node.id, SPARROW_LINT_MESSAGES.jobTypeExternal);
  },
});
