// The comment a person leaves on a task without a form: stored in the case as one variable (pure).

/**
 * The case variable that holds the comment of the last task completed without a form. A name of Sparrow's own (not
 * `comment`, which a process may well use for something else); every comment stays in the case's audit history.
 */
export const COMMENT_VARIABLE = 'taskComment';

/** `variables` with the trimmed comment added as `taskComment` when there is one (a typed `taskComment` loses). */
export function withComment(variables: Record<string, unknown>, comment: string | undefined): Record<string, unknown> {
  const text = comment?.trim();
  return text ? { ...variables, [COMMENT_VARIABLE]: text } : variables;
}
