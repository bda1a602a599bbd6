// A form-js module that passes every validation message through `translate` (form-js itself speaks English only).

type Messages = string[];
interface Validator {
  validateField(...args: unknown[]): Messages;
  validateFieldInstance(...args: unknown[]): Messages;
}

/** The module: on init it wraps the form's `validator`, so the fields show translated messages. */
export function localizedValidationModule(translate: (message: string) => string) {
  class LocalizedValidation {
    static $inject = ['validator'];

    constructor(validator: Validator) {
      const validateField = validator.validateField.bind(validator);
      const validateFieldInstance = validator.validateFieldInstance.bind(validator);
      validator.validateField = (...args) => validateField(...args).map(translate);
      validator.validateFieldInstance = (...args) => validateFieldInstance(...args).map(translate);
    }
  }
  return { __init__: ['localizedValidation'], localizedValidation: ['type', LocalizedValidation] as const };
}
