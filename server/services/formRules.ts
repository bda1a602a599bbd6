// FEEL rules of forms (hide, disabled, computed values …) run within the FEEL budget: an overrun is a 422 naming the
// expression and the limit, never a blocked request.
import { DEFAULT_FEEL_LIMITS, FeelLimitError, type FeelLimits } from '../../engine/feel';
import { unprocessable } from '../../platform/errors';

/** The budget of one form rule: the engine's default. */
export const FORM_RULE_LIMITS: FeelLimits = DEFAULT_FEEL_LIMITS;

/** Turns a FEEL budget overrun into a 422 `form-rule-too-expensive`; any other error is left to the caller. */
export function rethrowOverrun(error: unknown): void {
  if (error instanceof FeelLimitError) {
    throw unprocessable('form-rule-too-expensive', `a rule of the form cannot be evaluated: ${error.message}`, { expression: error.source });
  }
}
