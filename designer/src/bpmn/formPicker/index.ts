// diagram-js module: the form catalog service and the provider that turns "Form ID" into a picker.
import FormCatalog from './FormCatalog';
import FormPickerProvider from './FormPickerProvider';

/** Add to `additionalModules`; then `modeler.get('sparrowForms').setForms(list)`. */
export default {
  __init__: ['formPickerProvider'],
  sparrowForms: ['type', FormCatalog],
  formPickerProvider: ['type', FormPickerProvider],
};
