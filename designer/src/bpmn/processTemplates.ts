// The process templates of the repository's processes/ folder and the forms they name (processes/forms/), embedded in
// the bundle at build time.
import { describeTemplates, type ProcessTemplate } from './templateInfo';

const files = import.meta.glob<string>('../../../processes/*.bpmn', { query: '?raw', import: 'default', eager: true });
const formFiles = import.meta.glob<string>('../../../processes/forms/*.form.json', { query: '?raw', import: 'default', eager: true });

/** Every template in processes/, sorted by file name. */
export const PROCESS_TEMPLATES: readonly ProcessTemplate[] = describeTemplates(files, formFiles);
