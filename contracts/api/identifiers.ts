// Identifiers in requests (business keys, form ids): NFC-normalised, then checked by the rule of contracts/identifiers.ts.
import { z } from 'zod';
import { BUSINESS_KEY_MAX, IDENTIFIER_SEPARATORS, identifierProblem } from '../identifiers';

/** An identifier in a request: NFC-normalised, then checked against the character set and `max` characters. */
export const typedIdentifier = (max: number) =>
  z
    .string()
    .max(max * 4, { message: `must be at most ${max} characters`, abort: true })
    .overwrite((text) => text.normalize('NFC'))
    .superRefine((text, ctx) => {
      const problem = identifierProblem(text, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(`1 to ${max} letters, digits (any script) and ${IDENTIFIER_SEPARATORS.join(' ')}; stored NFC-normalised`);

/** A business key in a request. */
export const businessKey = typedIdentifier(BUSINESS_KEY_MAX);
/** The id of a form being saved (it becomes the form versions' ids, `<id>@<version>`). */
export const formId = typedIdentifier(100);

/** Business-key text in a search filter: NFC-normalised like stored keys, so a decomposed query still matches. */
export const businessKeyFilter = z
  .string()
  .max(BUSINESS_KEY_MAX * 4)
  .overwrite((key) => key.normalize('NFC'));
