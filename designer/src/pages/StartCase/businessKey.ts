// A suggested business key for a new case, and the server's check of a typed one (pure, so both are unit-tested).
import { BUSINESS_KEY_MAX, IDENTIFIER_SEPARATORS, identifierFault } from '../../../../contracts/identifiers';
import { type FormMessage, refusedCharacter } from '../Task/formMessages';

/** A business key suggestion: prefix, the local date and a random suffix, e.g. `CASE-20261127-4F2A`. */
export function suggestBusinessKey(now: Date, random: () => number = Math.random, prefix = 'CASE'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const suffix = Math.floor(random() * 0x10000).toString(16).toUpperCase().padStart(4, '0');
  return `${prefix}-${day}-${suffix}`;
}

/** What is wrong with a business key by the server's rule (contracts/identifiers.ts, after NFC), as a field message; null when it is valid. */
export function businessKeyProblem(input: string): FormMessage | null {
  const fault = identifierFault(input.normalize('NFC'), BUSINESS_KEY_MAX);
  switch (fault?.kind) {
    case undefined:
      return null;
    case 'required':
      return { key: 'formMessage.required' };
    case 'too-long':
      return { key: 'formMessage.maxLength', params: { count: String(fault.max) } };
    case 'character':
      return refusedCharacter(fault.code, String(fault.position), IDENTIFIER_SEPARATORS.join(' '));
  }
}
