// The message key that names a variable a built-in job sets (sparrow.notify's notifiedAt → 通知发出时间), for pages
// that show a case's variables to people who did not write the process.

/** The variables built-in jobs set (activities/jobs/), each with its words in the message catalogues. */
const JOB_RESULT_VARIABLES = ['notifiedAt', 'notifiedCount'] as const;

/** The message key of variable `name` when a built-in job sets it, else undefined. */
export const jobResultKey = (name: string) => ((JOB_RESULT_VARIABLES as readonly string[]).includes(name) ? (`jobResult.${name as (typeof JOB_RESULT_VARIABLES)[number]}` as const) : undefined);
